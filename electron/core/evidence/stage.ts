import { createHash, randomUUID } from 'node:crypto';
import { open, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { hashAndCopy } from './copy';
import { EvidenceError, isSystemError } from './errors';
import type { StagedFile } from './place';
import { throttleProgress, type ByteProgress } from './progress';
import { openSource, type FileIdentity } from './source';

/** Options for {@link stageFile}. */
export interface StageOptions {
  /** Called with (0, total) first, then at most every 100 ms or 1 %, and with (size, size) last. */
  onProgress?: ByteProgress;
  /** Aborting removes the staged file and rejects with `cancelled`. */
  signal?: AbortSignal;
  /** The identity the source had when it was checked (source-guard.ts): another file at the path is refused. */
  expectedIdentity?: FileIdentity;
}

/**
 * Copies a file into a work folder (see work-folder.ts), hashing it in the same streaming pass,
 * and fsyncs it. The copy goes to a uniquely named `<uuid>.part`; it reaches the store only when
 * the transaction that records it places it (references.ts), so a crash never leaves a partial
 * or unrecorded file under a real name.
 * @throws EvidenceError `not-found` | `not-a-file` | `replaced` | `io` for the source or the folder, `cancelled`.
 */
export async function stageFile(srcPath: string, folder: string, options: StageOptions = {}): Promise<StagedFile> {
  const { signal, onProgress } = options;
  throwIfCancelled(signal, srcPath);
  const source = await openSource(srcPath, options.expectedIdentity);
  let out: FileHandle | undefined;
  let staged: string | undefined;
  try {
    staged = path.join(folder, `${randomUUID()}.part`);
    // 'wx': a name clash must fail rather than two copies sharing one file.
    out = await open(staged, 'wx', 0o600);
    const progress = throttleProgress(source.size, onProgress);
    onProgress?.(0, source.size);
    const { sha256, size } = await hashAndCopy(source.handle, out, { signal, onChunk: progress.update });
    await out.sync();
    await out.close();
    out = undefined;
    throwIfCancelled(signal, srcPath);
    progress.finish(size);
    const file = { path: staged, sha256, size };
    staged = undefined;
    return file;
  } catch (error) {
    throw storeError(error, signal, srcPath);
  } finally {
    await source.handle.close().catch(() => undefined);
    await out?.close().catch(() => undefined);
    if (staged !== undefined) await rm(staged, { force: true }).catch(() => undefined);
  }
}

/** Stages bytes already in memory (the sample project's files), fsynced like {@link stageFile}. */
export async function stageBytes(bytes: Uint8Array, folder: string): Promise<StagedFile> {
  const staged = path.join(folder, `${randomUUID()}.part`);
  const out = await open(staged, 'wx', 0o600);
  try {
    await out.writeFile(bytes);
    await out.sync();
  } finally {
    await out.close();
  }
  return { path: staged, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length };
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
