import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobError } from '../../../electron/core/jobs/errors';
import { defineJob } from '../../../electron/core/jobs/job';
import { runJob, type RunJobOptions } from '../../../electron/core/jobs/run-job';
import { setWorkersDir, workerFile, workersDir } from '../../../electron/core/jobs/workers-dir';
import { buildWorkers } from './build-workers';
import { probeJob, type PROBE_MODES } from './fixtures/probe-job';

type Mode = (typeof PROBE_MODES)[number];

let workers: string;
let scratch: string;

beforeAll(async () => {
  workers = await buildWorkers({ probe: 'test/core/jobs/fixtures/probe.worker.ts' });
  setWorkersDir(workers);
  scratch = await mkdtemp(path.join(tmpdir(), 'adsg-jobs-'));
}, 60_000);

afterAll(async () => {
  await rm(workers, { recursive: true, force: true });
  await rm(scratch, { recursive: true, force: true });
});

const run = (mode: Mode, options: RunJobOptions<{ step: number }> = {}, markerPath?: string) =>
  runJob(probeJob, { mode, value: 'hello', markerPath }, options);

/** Awaits a rejection and returns it as a JobError (failing the test if it is anything else). */
async function jobError(promise: Promise<unknown>): Promise<JobError<string>> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(JobError);
  return error as JobError<string>;
}

describe('runJob', () => {
  it('resolves with the output and forwards each progress report in order', async () => {
    const steps: number[] = [];
    await expect(run('echo', { onProgress: (p) => steps.push(p.step) })).resolves.toEqual({ echoed: 'hello' });
    expect(steps).toEqual([1, 2, 3]);
  });

  it("passes the job's declared error codes through with their message", async () => {
    const error = await jobError(run('fail-declared'));
    expect(error.code).toBe('boom');
    expect(error.message).toBe('declared failure');
  });

  it('turns an error with an undeclared code into internal', async () => {
    const error = await jobError(run('fail-undeclared'));
    expect(error.code).toBe('internal');
    expect(error.message).toContain('undeclared failure');
  });

  it('reports an uncaught exception and an early exit as worker-failed', async () => {
    expect((await jobError(run('crash'))).code).toBe('worker-failed');
    const exited = await jobError(run('exit'));
    expect(exited.code).toBe('worker-failed');
    expect(exited.message).toContain('code 7');
  });

  it('rejects messages that do not match the job schemas as protocol errors', async () => {
    expect((await jobError(run('bad-progress'))).code).toBe('protocol');
    expect((await jobError(run('bad-code'))).code).toBe('protocol');
  });

  it('refuses invalid input before starting a worker', async () => {
    const error = await jobError(runJob(probeJob, { mode: 'nope', value: 'x' } as never));
    expect(error.code).toBe('bad-input');
  });

  it('rejects an already aborted signal without starting a worker', async () => {
    expect((await jobError(run('echo', { signal: AbortSignal.abort() }))).code).toBe('cancelled');
  });

  it('lets a cancelled worker clean up before rejecting with cancelled', async () => {
    const marker = path.join(scratch, 'cooperative');
    const controller = new AbortController();
    const started = Date.now();
    const error = await jobError(
      run('cooperative-cancel', { signal: controller.signal, onProgress: () => controller.abort() }, marker),
    );
    expect(error.code).toBe('cancelled');
    expect(existsSync(marker)).toBe(true);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('terminates a worker that ignores cancel once the grace period is over', async () => {
    const marker = path.join(scratch, 'ignored');
    const controller = new AbortController();
    const started = Date.now();
    const error = await jobError(
      run('ignore-cancel', { signal: controller.signal, graceMs: 150, onProgress: () => controller.abort() }, marker),
    );
    expect(error.code).toBe('cancelled');
    expect(error.message).toContain('stopped after 150 ms');
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    expect(existsSync(marker)).toBe(false);
  });

  it('rejects with internal when the progress callback throws', async () => {
    const error = await jobError(
      run('echo', {
        onProgress: () => {
          throw new Error('callback bug');
        },
      }),
    );
    expect(error.code).toBe('internal');
    expect(error.message).toContain('callback bug');
  });

  it('reports a missing worker bundle as worker-failed', async () => {
    const absent = defineJob({ ...probeJob, name: 'absent' });
    expect((await jobError(runJob(absent, { mode: 'echo', value: 'x' }))).code).toBe('worker-failed');
  });
});

describe('workers folder', () => {
  it('resolves <dir>/<name>.cjs in the configured folder', () => {
    expect(workersDir()).toBe(workers);
    expect(workerFile('probe')).toBe(path.join(workers, 'probe.cjs'));
  });

  it('refuses job names that could leave the folder', () => {
    for (const name of ['../probe', 'a/b', 'Probe', '', '.probe']) {
      expect(() => workerFile(name)).toThrow(/Invalid job name/);
      expect(() => defineJob({ ...probeJob, name })).toThrow(/Invalid job name/);
    }
  });
});
