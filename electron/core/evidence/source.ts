import { open, stat, type FileHandle } from 'node:fs/promises';
import { EvidenceError, isSystemError } from './errors';

/** An opened source file and the size it had when opened. */
export interface OpenedSource {
  handle: FileHandle;
  size: number;
}

/**
 * Opens a file to be ingested, refusing anything but a readable regular file with a typed error.
 * `stat` runs before `open` because opening a FIFO would block until something writes to it.
 */
export async function openSource(srcPath: string): Promise<OpenedSource> {
  let handle: FileHandle;
  try {
    if (!(await stat(srcPath)).isFile()) throw notAFile(srcPath);
    handle = await open(srcPath, 'r');
  } catch (error) {
    throw sourceError(error, srcPath);
  }
  try {
    // Checked again on the open handle: the path may have been swapped since the first stat.
    const info = await handle.stat();
    if (!info.isFile()) throw notAFile(srcPath);
    return { handle, size: info.size };
  } catch (error) {
    await handle.close();
    throw sourceError(error, srcPath);
  }
}

function notAFile(srcPath: string): EvidenceError {
  return new EvidenceError('not-a-file', `Not a regular file: ${srcPath}`);
}

function sourceError(error: unknown, srcPath: string): unknown {
  if (error instanceof EvidenceError || !isSystemError(error)) return error;
  if (error.code === 'ENOENT' || error.code === 'ENOTDIR') {
    return new EvidenceError('not-found', `File not found: ${srcPath}`, { cause: error });
  }
  return new EvidenceError('io', `Cannot read ${srcPath}: ${error.message}`, { cause: error });
}
