import { closeSync, fsyncSync, lstatSync, mkdirSync, openSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { isSystemError } from './errors';
import { storedPath } from './paths';

/** A file written in full and fsynced in a work folder, with the SHA-256 and size of its bytes. */
export interface StagedFile {
  path: string;
  sha256: string;
  size: number;
}

/**
 * Moves staged files to their content address. Synchronous on purpose: it runs inside the write
 * transaction that records the rows naming them (see references.ts), so that no other process
 * can delete a stored file between "it is there" and "a row refers to it".
 */
export class Placement {
  private readonly dirs = new Set<string>();

  constructor(private readonly evidenceRoot: string) {}

  /**
   * Renames the staged file into the store, or drops it when the content is already stored (same
   * hash, same bytes). @returns whether the content was new to the store.
   */
  place(file: StagedFile): boolean {
    const target = storedPath(this.evidenceRoot, file.sha256);
    if (exists(target)) {
      rmSync(file.path, { force: true });
      return false;
    }
    const prefix = path.dirname(target);
    // Every folder that gained an entry: the prefix folder, and the parents of any folder made here.
    const created = mkdirSync(prefix, { recursive: true });
    if (created !== undefined) this.dirs.add(path.dirname(created)).add(path.dirname(prefix));
    renameSync(file.path, target);
    this.dirs.add(prefix);
    return true;
  }

  /** Makes the new names survive a power cut: fsync each folder that gained one, before the rows commit. */
  flush(): void {
    for (const dir of this.dirs) syncDir(dir);
    this.dirs.clear();
  }
}

/**
 * fsyncs a directory so that a rename or a new entry in it is durable. Windows cannot open a
 * directory for fsync (NTFS journals the rename), and some file systems refuse the call; both are
 * accepted, as the data itself was already synced.
 */
export function syncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } catch (error) {
    if (!isSystemError(error) || !['EINVAL', 'ENOTSUP', 'EISDIR'].includes(error.code)) throw error;
  } finally {
    closeSync(fd);
  }
}

function exists(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch (error) {
    if (isSystemError(error) && error.code === 'ENOENT') return false;
    throw error;
  }
}
