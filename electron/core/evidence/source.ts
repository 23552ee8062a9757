import { open, stat, type FileHandle } from 'node:fs/promises';
import { EvidenceError, isSystemError } from './errors';

/** A file's device and inode as `dev:ino`: what stays the same through every path and link to it. */
export type FileIdentity = string;

/** The identity in a bigint stat (`stat(path, { bigint: true })`, `handle.stat({ bigint: true })`). */
export function identityOf(info: { dev: bigint; ino: bigint }): FileIdentity {
  return `${info.dev}:${info.ino}`;
}

/** An opened source file and the size it had when opened. */
export interface OpenedSource {
  handle: FileHandle;
  size: number;
}

/**
 * Opens a file to be ingested, refusing anything but a readable regular file with a typed error.
 * `stat` runs before `open` because opening a FIFO would block until something writes to it.
 * With `expected` (the identity checkEvidenceSources saw), the opened handle must be that very file:
 * a path swapped for a link to another file (the database, say) after the check is refused.
 */
export async function openSource(srcPath: string, expected?: FileIdentity): Promise<OpenedSource> {
  let handle: FileHandle;
  try {
    if (!(await stat(srcPath)).isFile()) throw notAFile(srcPath);
    handle = await open(srcPath, 'r');
  } catch (error) {
    throw sourceError(error, srcPath);
  }
  try {
    // Checked again on the open handle: the path may have been swapped since the first stat.
    const info = await handle.stat({ bigint: true });
    if (!info.isFile()) throw notAFile(srcPath);
    if (expected !== undefined && identityOf(info) !== expected) {
      throw new EvidenceError('replaced', `Replaced after it was checked: ${srcPath}`);
    }
    return { handle, size: Number(info.size) };
  } catch (error) {
    await handle.close();
    throw sourceError(error, srcPath);
  }
}

function notAFile(srcPath: string): EvidenceError {
  return new EvidenceError('not-a-file', `Not a regular file: ${srcPath}`);
}

/** A file-system failure on a source file as a typed EvidenceError (`not-found` or `io`). */
export function sourceError(error: unknown, srcPath: string): unknown {
  if (error instanceof EvidenceError || !isSystemError(error)) return error;
  if (error.code === 'ENOENT' || error.code === 'ENOTDIR') {
    return new EvidenceError('not-found', `File not found: ${srcPath}`, { cause: error });
  }
  return new EvidenceError('io', `Cannot read ${srcPath}: ${error.message}`, { cause: error });
}
