import { createHash, randomUUID } from 'node:crypto';
import type { Core } from '../../core';

/** A file the reviewer was shown before countersigning: where it is and what its bytes were. */
export interface PreviewedFile {
  readonly path: string;
  readonly sha256: string;
}

/** A handful is plenty: one per countersign dialog the user has open. */
const MAX_PREVIEWS = 8;
const previews = new WeakMap<Core, Map<string, PreviewedFile>>();

export const sha256Of = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/**
 * Remembers a previewed file under a random id, so the renderer can ask to countersign "what you
 * showed me" without ever naming a path (a compromised renderer cannot pick the file to sign).
 */
export function rememberPreview(core: Core, path: string, bytes: Buffer): string {
  const map = previews.get(core) ?? new Map<string, PreviewedFile>();
  previews.set(core, map);
  const id = randomUUID();
  map.set(id, { path, sha256: sha256Of(bytes) });
  while (map.size > MAX_PREVIEWS) map.delete(map.keys().next().value!);
  return id;
}

/** The previewed file with that id, if still remembered. */
export const previewedFile = (core: Core, id: string): PreviewedFile | undefined => previews.get(core)?.get(id);

/** Forgets a preview once its file was countersigned. */
export function forgetPreview(core: Core, id: string): void {
  previews.get(core)?.delete(id);
}
