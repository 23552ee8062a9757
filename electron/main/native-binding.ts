import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * In development node_modules holds better-sqlite3 built for Node (so tests run); `npm start`
 * builds a second copy for Electron's ABI under .cache/electron-native. Packaged apps are rebuilt
 * for Electron by electron-builder and need nothing.
 */
export function electronNativeBinding(appRoot: string, isPackaged: boolean): string | undefined {
  if (isPackaged) return undefined;
  const file = join(appRoot, '.cache', 'electron-native', 'better_sqlite3.node');
  return existsSync(file) ? file : undefined;
}
