import { isAbsolute } from 'node:path';

const MAX = 2000;
const granted = new Set<string>();

/**
 * Paths the user really chose — from a native dialog, or files dropped on the window (the preload
 * reports those from Electron's webUtils, which only knows real File objects). Evidence may be read
 * only from these, so a compromised page cannot name /etc/shadow and read it back.
 */
export function grantPath(path: unknown): void {
  if (typeof path !== 'string' || !isAbsolute(path) || path.length > 4096) return;
  if (granted.size >= MAX) granted.delete(granted.values().next().value!);
  granted.add(path);
}

export const isGranted = (path: string): boolean => granted.has(path);
