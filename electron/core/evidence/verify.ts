import { lstat, open, type FileHandle } from 'node:fs/promises';
import { hashAndCopy } from './copy';
import { EvidenceError, isSystemError } from './errors';
import { storedPath } from './paths';
import { throttleProgress, type ByteProgress } from './progress';
import { assertSha256 } from './sha256';

/** The state of one stored file compared with what was recorded when it was ingested. */
export type StoredFileStatus = 'ok' | 'missing' | 'modified';

/** Options for {@link verifyStoredFile}. */
export interface VerifyFileOptions {
  signal?: AbortSignal;
  /** Called with the bytes of this file hashed so far. */
  onProgress?: (bytesDone: number) => void;
}

/**
 * Re-hashes a stored file (streaming) and compares it with its name and recorded size. Anything
 * other than a regular file at the address (a folder, a symbolic link) counts as `modified`.
 * @throws EvidenceError `bad-hash` for a malformed hash, `cancelled`, `io` when the file cannot be read.
 */
export async function verifyStoredFile(
  evidenceRoot: string,
  sha256: string,
  expectedSize: number,
  options: VerifyFileOptions = {},
): Promise<StoredFileStatus> {
  const file = storedPath(evidenceRoot, sha256);
  let handle: FileHandle | undefined;
  try {
    // lstat before open: a FIFO planted at the address would otherwise block the open.
    const info = await lstat(file);
    if (!info.isFile() || info.size !== expectedSize) return 'modified';
    handle = await open(file, 'r');
    const actual = await hashAndCopy(handle, undefined, { signal: options.signal, onChunk: options.onProgress, sizeHint: expectedSize });
    return actual.sha256 === sha256 ? 'ok' : 'modified';
  } catch (error) {
    if (options.signal?.aborted) throw new EvidenceError('cancelled', `Cancelled while verifying ${sha256}`);
    if (isSystemError(error) && (error.code === 'ENOENT' || error.code === 'ENOTDIR')) return 'missing';
    if (isSystemError(error))
      throw new EvidenceError('io', `Cannot read stored file ${sha256}: ${error.message}`, { cause: error });
    throw error;
  } finally {
    await handle?.close();
  }
}

/** How many stored files are re-hashed at once. */
const VERIFY_LANES = 4;

/** One evidence file as the database records it. */
export interface EvidenceEntry {
  sha256: string;
  size: number;
  /** The file name the user knows it by; problems are reported under this name. */
  name: string;
}

/** A recorded evidence file whose stored bytes are not what was recorded. */
export interface EvidenceProblem {
  name: string;
  sha256: string;
  status: Exclude<StoredFileStatus, 'ok'>;
}

/** Options for {@link verifyAll}. */
export interface VerifyAllOptions {
  /** Bytes re-hashed out of the total recorded size, throttled like ingest progress. */
  onProgress?: ByteProgress;
  signal?: AbortSignal;
}

/**
 * Re-verifies every recorded file (each distinct content once, however many entries share it).
 * @returns the problems in entry order, each naming the file; empty when everything is intact.
 * @throws EvidenceError `bad-hash` if an entry's hash is malformed (checked before any reading).
 */
export async function verifyAll(
  evidenceRoot: string,
  entries: readonly EvidenceEntry[],
  options: VerifyAllOptions = {},
): Promise<EvidenceProblem[]> {
  entries.forEach((entry) => assertSha256(entry.sha256));
  const contents = new Map<string, { sha256: string; size: number }>();
  for (const { sha256, size } of entries) contents.set(`${sha256}:${size}`, { sha256, size });

  const total = [...contents.values()].reduce((sum, { size }) => sum + size, 0);
  const progress = throttleProgress(total, options.onProgress);
  const statuses = new Map<string, StoredFileStatus>();
  const queue = [...contents];
  const inFlight = new Map<string, number>();
  let verified = 0;
  const report = () => progress.update(verified + [...inFlight.values()].reduce((a, b) => a + b, 0));
  // A few files at a time: many small evidence files are bound by open/close latency, not hashing.
  const lane = async (): Promise<void> => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [key, { sha256, size }] = next;
      inFlight.set(key, 0);
      const onProgress = (bytesDone: number): void => {
        inFlight.set(key, bytesDone);
        report();
      };
      statuses.set(key, await verifyStoredFile(evidenceRoot, sha256, size, { signal: options.signal, onProgress }));
      inFlight.delete(key);
      // A missing or cut-short file still counts as fully checked for the progress bar.
      verified += size;
      report();
    }
  };
  await Promise.all(Array.from({ length: VERIFY_LANES }, lane));
  progress.finish(verified);

  const problems: EvidenceProblem[] = [];
  for (const { sha256, size, name } of entries) {
    const status = statuses.get(`${sha256}:${size}`);
    if (status === 'missing' || status === 'modified') problems.push({ name, sha256, status });
  }
  return problems;
}
