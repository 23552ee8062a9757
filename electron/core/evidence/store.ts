import { randomUUID } from 'node:crypto';
import { mkdir, open, readdir, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { hashAndCopy } from './copy';
import { commitTempFile } from './durable';
import { EvidenceError, isSystemError } from './errors';
import { tempDir } from './paths';
import { throttleProgress, type ByteProgress } from './progress';
import { openSource, type FileIdentity } from './source';

/** Options for {@link ingestFile}. */
export interface IngestOptions {
  /** Called with (0, total) first, then at most every 100 ms or 1 %, and with (size, size) last. */
  onProgress?: ByteProgress;
  /** Aborting removes the temp file and rejects with `cancelled`; ignored once the file is stored. */
  signal?: AbortSignal;
  /** The identity the source had when it was checked (checkEvidenceSources): another file at the path is refused. */
  expectedIdentity?: FileIdentity;
}

/** What {@link ingestFile} stored. */
export interface IngestResult {
  /** Lower-case hex SHA-256 of the bytes stored. */
  sha256: string;
  size: number;
  /** True when the same content was already in the store (nothing new was written). */
  deduplicated: boolean;
}

/**
 * Copies a file into the content-addressed store, hashing it in the same streaming pass.
 * Bytes go to a uniquely named temp file under `<root>/.tmp/`, which is fsynced and then renamed to
 * `<root>/<sha[0..2]>/<sha>`, so a crash never leaves a partial file under a real name.
 * @throws EvidenceError `not-found` | `not-a-file` | `replaced` | `io` for the source or the store, `cancelled`.
 */
export async function ingestFile(
  srcPath: string,
  evidenceRoot: string,
  options: IngestOptions = {},
): Promise<IngestResult> {
  const { signal, onProgress } = options;
  throwIfCancelled(signal, srcPath);
  const source = await openSource(srcPath, options.expectedIdentity);
  let out: FileHandle | undefined;
  let tmpPath: string | undefined;
  try {
    const dir = tempDir(evidenceRoot);
    await mkdir(dir, { recursive: true });
    tmpPath = path.join(dir, `${randomUUID()}.part`);
    // 'wx': a name clash must fail rather than two ingests sharing one temp file.
    out = await open(tmpPath, 'wx');

    const progress = throttleProgress(source.size, onProgress);
    onProgress?.(0, source.size);
    const { sha256, size } = await hashAndCopy(source.handle, out, { signal, onChunk: progress.update });
    await out.sync();
    await out.close();
    out = undefined;
    throwIfCancelled(signal, srcPath);

    const deduplicated = await commitTempFile(tmpPath, evidenceRoot, sha256);
    tmpPath = undefined;
    progress.finish(size);
    return { sha256, size, deduplicated };
  } catch (error) {
    throw storeError(error, signal, srcPath);
  } finally {
    await source.handle.close().catch(() => undefined);
    await out?.close().catch(() => undefined);
    if (tmpPath !== undefined) await rm(tmpPath, { force: true }).catch(() => undefined);
  }
}

/**
 * Removes whatever a crash left in `<root>/.tmp/`. Call once at start-up, before any ingest runs:
 * it would also delete the temp file of an ingest in progress.
 * @returns how many leftovers were removed.
 */
export async function cleanTemp(evidenceRoot: string): Promise<number> {
  const dir = tempDir(evidenceRoot);
  try {
    const names = await readdir(dir);
    for (const name of names) await rm(path.join(dir, name), { recursive: true, force: true });
    return names.length;
  } catch (error) {
    if (isSystemError(error) && error.code === 'ENOENT') return 0;
    throw storeError(error, undefined, dir);
  }
}

function throwIfCancelled(signal: AbortSignal | undefined, srcPath: string): void {
  if (signal?.aborted) throw cancelled(srcPath);
}

function cancelled(srcPath: string): EvidenceError {
  return new EvidenceError('cancelled', `Cancelled: ${srcPath} was not stored`);
}

function storeError(error: unknown, signal: AbortSignal | undefined, what: string): unknown {
  if (error instanceof EvidenceError) return error;
  if (signal?.aborted) return cancelled(what);
  if (isSystemError(error)) return new EvidenceError('io', `Cannot store ${what}: ${error.message}`, { cause: error });
  return error;
}
