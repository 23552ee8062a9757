import { randomUUID } from 'node:crypto';
import type { Core } from '../../core';

/**
 * A file the reviewer was shown before countersigning: its name and the very bytes that were
 * checked and shown. Kept in memory, so what is signed is what was shown even if the file on disk
 * changes meanwhile, and so a browser upload (which serves one call) need not outlive the preview.
 */
export interface PreviewedFile {
  readonly name: string;
  readonly bytes: Buffer;
}

/** A handful is plenty: one per countersign dialog the user has open. */
const MAX_PREVIEWS = 8;
const previews = new WeakMap<Core, Map<string, PreviewedFile>>();

/**
 * Remembers a previewed file under a random id, so the renderer can ask to countersign "what you
 * showed me" without ever naming a path (a compromised renderer cannot pick the file to sign).
 */
export function rememberPreview(core: Core, name: string, bytes: Buffer): string {
  const map = previews.get(core) ?? new Map<string, PreviewedFile>();
  previews.set(core, map);
  const id = randomUUID();
  map.set(id, { name, bytes });
  while (map.size > MAX_PREVIEWS) map.delete(map.keys().next().value!);
  return id;
}

/** The previewed file with that id, if still remembered. */
export const previewedFile = (core: Core, id: string): PreviewedFile | undefined => previews.get(core)?.get(id);

/** Forgets a preview once its file was countersigned. */
export function forgetPreview(core: Core, id: string): void {
  previews.get(core)?.delete(id);
}
