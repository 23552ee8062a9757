import { execFileSync } from 'node:child_process';
import { chmod, copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EvidenceError, type EvidenceErrorCode } from '../../../electron/core/evidence/errors';
import { storedPath } from '../../../electron/core/evidence/paths';
import { cleanTemp, ingestFile } from '../../../electron/core/evidence/store';
import { verifyStoredFile } from '../../../electron/core/evidence/verify';
import { MiB, sha256sum, storeContents, tempFolder, writeRandomFile, writeSparseFile } from './helpers';

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** Awaits a rejection and returns its EvidenceError code (failing the test for anything else). */
async function codeOf(promise: Promise<unknown>): Promise<EvidenceErrorCode> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EvidenceError);
  return (error as EvidenceError).code;
}

describe('ingestFile', () => {
  it('stores the file under its SHA-256 as sha256sum computes it, byte for byte', async () => {
    const dir = await tempFolder();
    const src = path.join(dir, 'photo.jpg');
    // Not a multiple of the chunk size, so the last partial chunk is covered.
    await writeRandomFile(src, 5 * MiB + 12_345);
    const root = path.join(dir, 'evidence');

    const result = await ingestFile(src, root);

    const expected = sha256sum(src);
    expect(result).toEqual({ sha256: expected, size: 5 * MiB + 12_345, deduplicated: false });
    expect(storedPath(root, expected)).toBe(path.join(root, expected.slice(0, 2), expected));
    expect((await readFile(storedPath(root, expected))).equals(await readFile(src))).toBe(true);
    expect(storeContents(root)).toEqual({ stored: [path.join(expected.slice(0, 2), expected)], temp: [] });
  });

  it('stores an empty file', async () => {
    const dir = await tempFolder();
    const src = path.join(dir, 'empty.txt');
    await writeFile(src, '');
    const progress: [number, number][] = [];
    const result = await ingestFile(src, path.join(dir, 'evidence'), { onProgress: (d, t) => progress.push([d, t]) });
    expect(result).toEqual({ sha256: EMPTY_SHA256, size: 0, deduplicated: false });
    expect(progress.at(-1)).toEqual([0, 0]);
  });

  it('keeps one stored file when the same file is ingested twice', async () => {
    const dir = await tempFolder();
    const src = path.join(dir, 'log.txt');
    await writeRandomFile(src, 300_000);
    const root = path.join(dir, 'evidence');

    const first = await ingestFile(src, root);
    const second = await ingestFile(src, root);

    expect(first.deduplicated).toBe(false);
    expect(second).toEqual({ ...first, deduplicated: true });
    expect(storeContents(root)).toEqual({ stored: [path.join(first.sha256.slice(0, 2), first.sha256)], temp: [] });
  });

  it('ends with one stored file when the same content is ingested concurrently', async () => {
    const dir = await tempFolder();
    const src = path.join(dir, 'same.bin');
    await writeRandomFile(src, 3 * MiB);
    const root = path.join(dir, 'evidence');
    const results = await Promise.all([1, 2, 3].map(() => ingestFile(src, root)));
    expect(new Set(results.map((r) => r.sha256))).toEqual(new Set([sha256sum(src)]));
    expect(storeContents(root).stored).toHaveLength(1);
    expect(storeContents(root).temp).toEqual([]);
  });

  it('deduplicates the same content arriving from another path', async () => {
    const dir = await tempFolder();
    const a = path.join(dir, 'config.yaml');
    const b = path.join(dir, 'copy of config.yaml');
    await writeRandomFile(a, 70_000);
    await copyFile(a, b);
    const other = path.join(dir, 'other.bin');
    await writeRandomFile(other, 70_000);
    const root = path.join(dir, 'evidence');

    const fromA = await ingestFile(a, root);
    const fromB = await ingestFile(b, root);
    const fromOther = await ingestFile(other, root);

    expect(fromB).toEqual({ ...fromA, deduplicated: true });
    expect(fromOther.deduplicated).toBe(false);
    expect(storeContents(root).stored).toHaveLength(2);
  });

  it('reports progress from (0, total) to (size, size), never going backwards', async () => {
    const dir = await tempFolder();
    const src = path.join(dir, 'scan.pdf');
    await writeRandomFile(src, 8 * MiB + 1);
    const progress: [number, number][] = [];
    await ingestFile(src, path.join(dir, 'evidence'), { onProgress: (done, total) => progress.push([done, total]) });

    expect(progress[0]).toEqual([0, 8 * MiB + 1]);
    expect(progress.at(-1)).toEqual([8 * MiB + 1, 8 * MiB + 1]);
    expect(progress.length).toBeGreaterThan(2);
    for (let i = 1; i < progress.length; i++) expect(progress[i]![0]).toBeGreaterThanOrEqual(progress[i - 1]![0]);
  });

  it('writes only to the temp folder until the copy is complete', async () => {
    const dir = await tempFolder();
    const src = path.join(dir, 'big.bin');
    await writeSparseFile(src, 16 * MiB);
    const root = path.join(dir, 'evidence');
    let midway: ReturnType<typeof storeContents> | undefined;
    const { sha256 } = await ingestFile(src, root, {
      onProgress: (done, total) => {
        if (done > 0 && done < total) midway ??= storeContents(root);
      },
    });
    expect(midway?.stored).toEqual([]);
    expect(midway?.temp).toHaveLength(1);
    expect(midway?.temp[0]).toMatch(/\.part$/);
    expect(storeContents(root)).toEqual({ stored: [path.join(sha256.slice(0, 2), sha256)], temp: [] });
  });
});

describe('ingestFile cancellation', () => {
  it('removes the temp file and stores nothing when aborted mid-way', async () => {
    const dir = await tempFolder();
    const src = path.join(dir, 'big.bin');
    await writeSparseFile(src, 64 * MiB);
    const root = path.join(dir, 'evidence');
    const controller = new AbortController();
    let abortedAt = 0;
    const promise = ingestFile(src, root, {
      signal: controller.signal,
      onProgress: (done, total) => {
        if (done > 0 && done < total && !controller.signal.aborted) {
          abortedAt = done;
          controller.abort();
        }
      },
    });
    expect(await codeOf(promise)).toBe('cancelled');
    expect(abortedAt).toBeGreaterThan(0);
    expect(storeContents(root)).toEqual({ stored: [], temp: [] });
  });

  it('does nothing for a signal that is already aborted', async () => {
    const dir = await tempFolder();
    const src = path.join(dir, 'a.txt');
    await writeFile(src, 'a');
    const root = path.join(dir, 'evidence');
    expect(await codeOf(ingestFile(src, root, { signal: AbortSignal.abort() }))).toBe('cancelled');
    expect(storeContents(dir)).toEqual({ stored: ['a.txt'], temp: [] });
  });
});

describe('ingestFile errors', () => {
  it('refuses a missing source with not-found', async () => {
    const dir = await tempFolder();
    expect(await codeOf(ingestFile(path.join(dir, 'nope.pdf'), path.join(dir, 'evidence')))).toBe('not-found');
    expect(await codeOf(ingestFile(path.join(dir, 'nope', 'x.pdf'), path.join(dir, 'evidence')))).toBe('not-found');
  });

  it('refuses a folder and a FIFO with not-a-file (without blocking on the FIFO)', async () => {
    const dir = await tempFolder();
    const fifo = path.join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    expect(await codeOf(ingestFile(dir, path.join(dir, 'evidence')))).toBe('not-a-file');
    expect(await codeOf(ingestFile(fifo, path.join(dir, 'evidence')))).toBe('not-a-file');
  });

  it.skipIf(process.getuid?.() === 0)('refuses an unreadable source with io', async () => {
    const dir = await tempFolder();
    const src = path.join(dir, 'secret.txt');
    await writeFile(src, 'x');
    await chmod(src, 0o000);
    expect(await codeOf(ingestFile(src, path.join(dir, 'evidence')))).toBe('io');
  });

  it('fails with io when the store cannot be written, leaving nothing behind', async () => {
    const dir = await tempFolder();
    const src = path.join(dir, 'a.txt');
    await writeFile(src, 'a');
    const notAFolder = path.join(dir, 'evidence');
    await writeFile(notAFolder, 'I am a file');
    expect(await codeOf(ingestFile(src, notAFolder))).toBe('io');
  });
});

describe('cleanTemp', () => {
  it('removes what a crash left in the temp folder and nothing else', async () => {
    const dir = await tempFolder();
    const src = path.join(dir, 'a.txt');
    await writeFile(src, 'evidence');
    const root = path.join(dir, 'evidence');
    const { sha256 } = await ingestFile(src, root);
    // What a crash mid-copy leaves: a partial file and, say, a stray folder, never a real name.
    await writeFile(path.join(root, '.tmp', 'e0c1d2.part'), 'partial');
    await mkdir(path.join(root, '.tmp', 'stray'));
    await writeFile(path.join(root, '.tmp', 'stray', 'x'), 'x');

    expect(await cleanTemp(root)).toBe(2);

    expect(storeContents(root)).toEqual({ stored: [path.join(sha256.slice(0, 2), sha256)], temp: [] });
    expect(await verifyStoredFile(root, sha256, 8)).toBe('ok');
    expect(await cleanTemp(root)).toBe(0);
  });

  it('accepts a store that has no temp folder yet', async () => {
    expect(await cleanTemp(path.join(await tempFolder(), 'evidence'))).toBe(0);
  });
});
