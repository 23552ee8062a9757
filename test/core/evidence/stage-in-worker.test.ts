import { spawn } from 'node:child_process';
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EvidenceError } from '../../../electron/core/evidence/errors';
import { stageInWorker } from '../../../electron/core/evidence/stage-in-worker';
import { setWorkersDir, workerFile } from '../../../electron/core/jobs/workers-dir';
import { buildWorkers } from '../jobs/build-workers';
import { MiB, sha256sum, stagingFolder, tempFolder, writeRandomFile, writeSparseFile } from './helpers';

let workers: string;

beforeAll(async () => {
  workers = await buildWorkers({ ingest: 'electron/core/evidence/ingest.worker.ts' });
  setWorkersDir(workers);
}, 60_000);

afterAll(async () => {
  await rm(workers, { recursive: true, force: true });
});

describe('stageInWorker', () => {
  it('stages through the worker bundle with progress, matching sha256sum', async () => {
    const dir = await tempFolder();
    const src = path.join(dir, 'extract.log');
    await writeRandomFile(src, 6 * MiB + 7);
    const folder = await stagingFolder(path.join(dir, 'evidence'));
    const progress: [number, number][] = [];

    const staged = await stageInWorker(src, folder, { onProgress: (done, total) => progress.push([done, total]) });

    expect(staged).toEqual({ path: expect.stringMatching(/\.part$/), sha256: sha256sum(src), size: 6 * MiB + 7 });
    expect((await readFile(staged.path)).equals(await readFile(src))).toBe(true);
    expect(progress[0]).toEqual([0, 6 * MiB + 7]);
    expect(progress.at(-1)).toEqual([6 * MiB + 7, 6 * MiB + 7]);
    expect(progress.length).toBeGreaterThan(2);
  });

  it('fails like stageFile, with an EvidenceError code', async () => {
    const dir = await tempFolder();
    const error = await stageInWorker(path.join(dir, 'absent.pdf'), await stagingFolder(path.join(dir, 'evidence'))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EvidenceError);
    expect(error).toMatchObject({ code: 'not-found', message: expect.stringContaining('absent.pdf') });
  });

  it('cancels mid-way: the worker removes its staged file', async () => {
    const dir = await tempFolder();
    const src = path.join(dir, 'huge.bin');
    // 1 GiB of holes: instant to create, seconds to hash, so the cancel surely lands mid-way.
    await writeSparseFile(src, 1024 * MiB);
    const folder = await stagingFolder(path.join(dir, 'evidence'));
    const controller = new AbortController();
    let abortedAt = 0;

    const error = await stageInWorker(src, folder, {
      signal: controller.signal,
      onProgress: (done) => {
        if (done > 0 && !controller.signal.aborted) {
          abortedAt = done;
          controller.abort();
        }
      },
    }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(EvidenceError);
    expect(error).toMatchObject({ code: 'cancelled' });
    expect(abortedAt).toBeGreaterThan(0);
    expect(abortedAt).toBeLessThan(1024 * MiB);
    expect(await readdir(folder)).toEqual([]);
  });

  it('a crash mid-copy leaves a partial file only in the work folder', async () => {
    const dir = await tempFolder();
    const src = path.join(dir, 'huge.bin');
    await writeSparseFile(src, 1024 * MiB);
    const folder = await stagingFolder(path.join(dir, 'evidence'));
    // A separate process running the real worker bundle, killed with SIGKILL once bytes are flowing.
    const script = path.join(dir, 'crash.cjs');
    await writeFile(
      script,
      `const { Worker } = require('node:worker_threads');
       const worker = new Worker(${JSON.stringify(workerFile('ingest'))}, { workerData: { input: ${JSON.stringify({ srcPath: src, folder })} } });
       worker.on('message', (m) => { if (m.type === 'progress' && m.progress.bytesDone > 0) process.stdout.write('copying\\n'); });`,
    );
    const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.once('data', () => resolve());
      child.once('exit', (code) => reject(new Error(`the child exited (${code}) before copying`)));
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));

    const left = await readdir(folder);
    expect(left).toEqual([expect.stringMatching(/\.part$/)]);
    expect((await stat(path.join(folder, left[0]!))).size).toBeLessThan(1024 * MiB);
    expect(await readdir(path.join(dir, 'evidence'))).toEqual(['.tmp']);
  });
});
