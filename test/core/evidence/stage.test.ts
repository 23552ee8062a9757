import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EvidenceError, type EvidenceErrorCode } from '../../../electron/core/evidence/errors';
import { storedPath } from '../../../electron/core/evidence/paths';
import { Placement } from '../../../electron/core/evidence/place';
import { stageBytes, stageFile } from '../../../electron/core/evidence/stage';
import { MiB, sha256sum, stagingFolder, storeContents, storeFile, tempFolder, writeRandomFile, writeSparseFile } from './helpers';

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

describe('stageFile', () => {
  it('copies the file into the work folder under its SHA-256 as sha256sum computes it, and nothing into the store', async () => {
    const dir = await tempFolder();
    const src = path.join(dir, 'photo.jpg');
    // Not a multiple of the chunk size, so the last partial chunk is covered.
    await writeRandomFile(src, 5 * MiB + 12_345);
    const root = path.join(dir, 'evidence');
    const folder = await stagingFolder(root);

    const staged = await stageFile(src, folder);

    expect(staged).toEqual({ path: expect.stringMatching(/\.part$/), sha256: sha256sum(src), size: 5 * MiB + 12_345 });
    expect(path.dirname(staged.path)).toBe(folder);
    expect((await readFile(staged.path)).equals(await readFile(src))).toBe(true);
    expect(storeContents(root)).toEqual({ stored: [], temp: [path.join('.tmp', 'test'), path.relative(root, staged.path)] });
  });

  it('stages an empty file', async () => {
    const dir = await tempFolder();
    const src = path.join(dir, 'empty.txt');
    await writeFile(src, '');
    const progress: [number, number][] = [];
    const staged = await stageFile(src, await stagingFolder(path.join(dir, 'evidence')), { onProgress: (d, t) => progress.push([d, t]) });
    expect(staged).toMatchObject({ sha256: EMPTY_SHA256, size: 0 });
    expect(progress.at(-1)).toEqual([0, 0]);
  });

  it('reports progress from (0, total) to (size, size), never going backwards', async () => {
    const dir = await tempFolder();
    const src = path.join(dir, 'scan.pdf');
    await writeRandomFile(src, 8 * MiB + 1);
    const progress: [number, number][] = [];
    await stageFile(src, await stagingFolder(path.join(dir, 'evidence')), { onProgress: (done, total) => progress.push([done, total]) });

    expect(progress[0]).toEqual([0, 8 * MiB + 1]);
    expect(progress.at(-1)).toEqual([8 * MiB + 1, 8 * MiB + 1]);
    expect(progress.length).toBeGreaterThan(2);
    for (let i = 1; i < progress.length; i++) expect(progress[i]![0]).toBeGreaterThanOrEqual(progress[i - 1]![0]);
  });
});

describe('stageFile cancellation', () => {
  it('removes the staged file when aborted mid-way', async () => {
    const dir = await tempFolder();
    const src = path.join(dir, 'big.bin');
    await writeSparseFile(src, 64 * MiB);
    const folder = await stagingFolder(path.join(dir, 'evidence'));
    const controller = new AbortController();
    let abortedAt = 0;
    const promise = stageFile(src, folder, {
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
    expect(await readdir(folder)).toEqual([]);
  });

  it('does nothing for a signal that is already aborted', async () => {
    const dir = await tempFolder();
    const src = path.join(dir, 'a.txt');
    await writeFile(src, 'a');
    const folder = await stagingFolder(path.join(dir, 'evidence'));
    expect(await codeOf(stageFile(src, folder, { signal: AbortSignal.abort() }))).toBe('cancelled');
    expect(await readdir(folder)).toEqual([]);
  });
});

describe('stageFile errors', () => {
  it('refuses a missing source with not-found', async () => {
    const dir = await tempFolder();
    const folder = await stagingFolder(path.join(dir, 'evidence'));
    expect(await codeOf(stageFile(path.join(dir, 'nope.pdf'), folder))).toBe('not-found');
    expect(await codeOf(stageFile(path.join(dir, 'nope', 'x.pdf'), folder))).toBe('not-found');
  });

  it('refuses a folder and a FIFO with not-a-file (without blocking on the FIFO)', async () => {
    const dir = await tempFolder();
    const fifo = path.join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const folder = await stagingFolder(path.join(dir, 'evidence'));
    expect(await codeOf(stageFile(dir, folder))).toBe('not-a-file');
    expect(await codeOf(stageFile(fifo, folder))).toBe('not-a-file');
  });

  it.skipIf(process.getuid?.() === 0)('refuses an unreadable source with io', async () => {
    const dir = await tempFolder();
    const src = path.join(dir, 'secret.txt');
    await writeFile(src, 'x');
    await chmod(src, 0o000);
    expect(await codeOf(stageFile(src, await stagingFolder(path.join(dir, 'evidence'))))).toBe('io');
  });

  it('fails with io when the work folder cannot be written', async () => {
    const dir = await tempFolder();
    const src = path.join(dir, 'a.txt');
    await writeFile(src, 'a');
    const notAFolder = path.join(dir, 'folder');
    await writeFile(notAFolder, 'I am a file');
    expect(await codeOf(stageFile(src, notAFolder))).toBe('io');
  });
});

describe('stageBytes', () => {
  it('stages bytes from memory with their SHA-256', async () => {
    const folder = await stagingFolder(path.join(await tempFolder(), 'evidence'));
    const bytes = Buffer.from('示例 evidence\n');
    const staged = await stageBytes(bytes, folder);
    expect(staged).toMatchObject({ sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length });
    expect((await readFile(staged.path)).equals(bytes)).toBe(true);
  });
});

describe('Placement', () => {
  it('renames a staged file to its content address; the same content again is dropped, not stored twice', async () => {
    const dir = await tempFolder();
    const src = path.join(dir, 'log.txt');
    await writeRandomFile(src, 300_000);
    const root = path.join(dir, 'evidence');
    const folder = await stagingFolder(root);
    const [first, second] = [await stageFile(src, folder), await stageFile(src, folder)];

    const placement = new Placement(root);
    expect(placement.place(first!)).toBe(true);
    expect(placement.place(second!)).toBe(false);
    placement.flush();

    expect(storedPath(root, first!.sha256)).toBe(path.join(root, first!.sha256.slice(0, 2), first!.sha256));
    expect((await readFile(storedPath(root, first!.sha256))).equals(await readFile(src))).toBe(true);
    expect(storeContents(root)).toEqual({ stored: [path.join(first!.sha256.slice(0, 2), first!.sha256)], temp: [path.join('.tmp', 'test')] });
  });

  it('ends with one stored file when the same content is staged concurrently', async () => {
    const dir = await tempFolder();
    const src = path.join(dir, 'same.bin');
    await writeRandomFile(src, 3 * MiB);
    const root = path.join(dir, 'evidence');
    const folder = await stagingFolder(root);
    const staged = await Promise.all([1, 2, 3].map(() => stageFile(src, folder)));
    const placement = new Placement(root);
    expect(staged.map((f) => placement.place(f))).toEqual([true, false, false]);
    expect(storeContents(root).stored).toHaveLength(1);
    expect(await readdir(folder)).toEqual([]);
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

    const fromA = await storeFile(a, root);
    const fromB = await storeFile(b, root);
    const fromOther = await storeFile(other, root);

    expect(fromB).toEqual({ ...fromA, fresh: false });
    expect(fromA.fresh && fromOther.fresh).toBe(true);
    expect(storeContents(root).stored).toHaveLength(2);
  });
});
