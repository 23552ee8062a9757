import { spawn } from 'node:child_process';
import { rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EvidenceError } from '../../../electron/core/evidence/errors';
import { ingestInWorker } from '../../../electron/core/evidence/ingest-in-worker';
import { cleanTemp } from '../../../electron/core/evidence/store';
import { verifyStoredFile } from '../../../electron/core/evidence/verify';
import { setWorkersDir, workerFile } from '../../../electron/core/jobs/workers-dir';
import { buildWorkers } from '../jobs/build-workers';
import { MiB, sha256sum, storeContents, tempFolder, writeRandomFile, writeSparseFile } from './helpers';

let workers: string;

beforeAll(async () => {
  workers = await buildWorkers({ ingest: 'electron/core/evidence/ingest.worker.ts' });
  setWorkersDir(workers);
}, 60_000);

afterAll(async () => {
  await rm(workers, { recursive: true, force: true });
});

describe('ingestInWorker', () => {
  it('ingests through the worker bundle with progress, matching sha256sum', async () => {
    const dir = await tempFolder();
    const src = path.join(dir, 'extract.log');
    await writeRandomFile(src, 6 * MiB + 7);
    const root = path.join(dir, 'evidence');
    const progress: [number, number][] = [];

    const result = await ingestInWorker(src, root, { onProgress: (done, total) => progress.push([done, total]) });

    expect(result).toEqual({ sha256: sha256sum(src), size: 6 * MiB + 7, deduplicated: false });
    expect(progress[0]).toEqual([0, 6 * MiB + 7]);
    expect(progress.at(-1)).toEqual([6 * MiB + 7, 6 * MiB + 7]);
    expect(progress.length).toBeGreaterThan(2);
    expect(await ingestInWorker(src, root)).toEqual({ ...result, deduplicated: true });
    expect(storeContents(root)).toEqual({ stored: [path.join(result.sha256.slice(0, 2), result.sha256)], temp: [] });
  });

  it('fails like ingestFile, with an EvidenceError code', async () => {
    const dir = await tempFolder();
    const error = await ingestInWorker(path.join(dir, 'absent.pdf'), path.join(dir, 'evidence')).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(EvidenceError);
    expect(error).toMatchObject({ code: 'not-found', message: expect.stringContaining('absent.pdf') });
  });

  it('cancels mid-way: the worker removes its temp file and nothing is stored', async () => {
    const dir = await tempFolder();
    const src = path.join(dir, 'huge.bin');
    // 1 GiB of holes: instant to create, seconds to hash, so the cancel surely lands mid-way.
    await writeSparseFile(src, 1024 * MiB);
    const root = path.join(dir, 'evidence');
    const controller = new AbortController();
    let abortedAt = 0;

    const error = await ingestInWorker(src, root, {
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
    expect(storeContents(root)).toEqual({ stored: [], temp: [] });
  });

  it('survives a crash mid-copy: the leftover stays in .tmp, never under a real name, and is cleaned', async () => {
    const dir = await tempFolder();
    const src = path.join(dir, 'huge.bin');
    await writeSparseFile(src, 1024 * MiB);
    const root = path.join(dir, 'evidence');
    // A separate process running the real worker bundle, killed with SIGKILL once bytes are flowing.
    const script = path.join(dir, 'crash.cjs');
    await writeFile(
      script,
      `const { Worker } = require('node:worker_threads');
       const worker = new Worker(${JSON.stringify(workerFile('ingest'))}, { workerData: { input: ${JSON.stringify({ srcPath: src, evidenceRoot: root })} } });
       worker.on('message', (m) => { if (m.type === 'progress' && m.progress.bytesDone > 0) process.stdout.write('copying\\n'); });`,
    );
    const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.once('data', () => resolve());
      child.once('exit', (code) => reject(new Error(`the child exited (${code}) before copying`)));
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));

    const left = storeContents(root);
    expect(left.stored).toEqual([]);
    expect(left.temp).toHaveLength(1);
    expect((await stat(path.join(root, left.temp[0]!))).size).toBeLessThan(1024 * MiB);

    expect(await cleanTemp(root)).toBe(1);
    expect(storeContents(root)).toEqual({ stored: [], temp: [] });

    // The store still works after the crash.
    const small = path.join(dir, 'small.txt');
    await writeFile(small, 'after the crash');
    const { sha256, size } = await ingestInWorker(small, root);
    expect(await verifyStoredFile(root, sha256, size)).toBe('ok');
  });
});
