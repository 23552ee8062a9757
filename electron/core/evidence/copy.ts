import { createHash } from 'node:crypto';
import { type FileHandle } from 'node:fs/promises';

/**
 * Bytes per read and per write. 1 MiB keeps per-chunk overhead (promise hops, hash calls)
 * negligible; with three buffers, memory stays at 3 MiB whatever the file size.
 */
export const CHUNK_SIZE = 1024 * 1024;

/** Options for {@link hashAndCopy}. */
export interface HashAndCopyOptions {
  /** Checked after each read; when aborted, pending I/O is drained and the signal's reason thrown. */
  signal?: AbortSignal;
  /** Called with the running total after each chunk is hashed. */
  onChunk?: (bytesDone: number) => void;
  /** The expected size: small files get small buffers (re-verifying 2,000 small files must not churn 6 GiB). */
  sizeHint?: number;
}

/**
 * Reads `source` from its current position to the end, hashing it with SHA-256 and, if `target`
 * is given, writing the same bytes to it. Three fixed buffers rotate so that the next read and
 * the previous write run in the thread pool while this thread hashes the current chunk; a buffer
 * is reused only once its write has finished, which is the back-pressure.
 */
export async function hashAndCopy(
  source: FileHandle,
  target: FileHandle | undefined,
  options: HashAndCopyOptions = {},
): Promise<{ sha256: string; size: number }> {
  const chunk = options.sizeHint === undefined ? CHUNK_SIZE : Math.max(1, Math.min(CHUNK_SIZE, options.sizeHint));
  const buffers = [Buffer.allocUnsafe(chunk), Buffer.allocUnsafe(chunk), Buffer.allocUnsafe(chunk)] as const;
  const hash = createHash('sha256');
  const readInto = (index: number) => source.read(buffers[index % 3]!, 0, chunk, null);
  let reading = readInto(0);
  let writing: Promise<unknown> = Promise.resolve();
  let size = 0;
  try {
    for (let index = 0; ; index++) {
      const { bytesRead, buffer } = await reading;
      if (bytesRead === 0) break;
      options.signal?.throwIfAborted();
      const bytes = buffer.subarray(0, bytesRead);
      // The next buffer last held chunk index-2, whose write finished before chunk index-1's began.
      reading = readInto(index + 1);
      hash.update(bytes);
      size += bytesRead;
      options.onChunk?.(size);
      await writing;
      if (target) writing = writeAll(target, bytes);
    }
    await writing;
  } finally {
    // Never leave I/O running on handles the caller is about to close (and never leave a rejection unhandled).
    await Promise.allSettled([reading, writing]);
  }
  return { sha256: hash.digest('hex'), size };
}

/** `write` may write fewer bytes than asked; loop until the whole chunk is out. */
async function writeAll(target: FileHandle, chunk: Buffer): Promise<void> {
  for (let offset = 0; offset < chunk.length;) {
    const { bytesWritten } = await target.write(chunk, offset, chunk.length - offset, null);
    offset += bytesWritten;
  }
}
