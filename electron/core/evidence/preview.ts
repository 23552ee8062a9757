import { lstat, open, type FileHandle } from 'node:fs/promises';
import { EvidenceError, isSystemError } from './errors';
import { storedPath } from './paths';

/** The most a preview may read; previews are for eyes, not for processing. */
export const MAX_PREVIEW_BYTES = 4 * 1024 * 1024;

/** The start of a stored file decoded as UTF-8. */
export interface TextPreview {
  text: string;
  /** True when the file is longer than what was read. */
  truncated: boolean;
  /** True when the bytes read contain a NUL, a strong hint that the file is not text. */
  binary: boolean;
}

/**
 * Reads at most `maxBytes` from the start of a stored file for a text preview. A multi-byte
 * character cut by the limit is dropped rather than shown as a replacement character.
 * @throws EvidenceError `bad-hash`, `not-found`, `not-a-file`, `io`; RangeError for a bad `maxBytes`.
 */
export async function readPreview(evidenceRoot: string, sha256: string, maxBytes: number): Promise<TextPreview> {
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 1 || maxBytes > MAX_PREVIEW_BYTES) {
    throw new RangeError(`maxBytes must be an integer from 1 to ${MAX_PREVIEW_BYTES}, got ${maxBytes}`);
  }
  const file = storedPath(evidenceRoot, sha256);
  let handle: FileHandle | undefined;
  try {
    // lstat before open: a FIFO planted at the address would otherwise block the open.
    if (!(await lstat(file)).isFile())
      throw new EvidenceError('not-a-file', `Stored evidence ${sha256} is not a regular file`);
    handle = await open(file, 'r');
    const info = await handle.stat();
    const buffer = Buffer.alloc(Math.min(maxBytes, info.size));
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    const bytes = buffer.subarray(0, filled);
    const truncated = info.size > filled;
    // In stream mode the decoder holds back an incomplete trailing character instead of emitting U+FFFD.
    const text = new TextDecoder('utf-8').decode(bytes, { stream: truncated });
    return { text, truncated, binary: bytes.includes(0) };
  } catch (error) {
    if (error instanceof EvidenceError || !isSystemError(error)) throw error;
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') {
      throw new EvidenceError('not-found', `Stored evidence ${sha256} is missing`, { cause: error });
    }
    throw new EvidenceError('io', `Cannot read stored evidence ${sha256}: ${error.message}`, { cause: error });
  } finally {
    await handle?.close();
  }
}
