import { Worker, type ResourceLimits } from 'node:worker_threads';
import { z } from 'zod';
import { JobError, type JobFailureCode } from './errors';
import { type JobDefinition } from './job';
import { type CancelMessage, type WorkerData, workerMessageSchema } from './protocol';
import { workerFile } from './workers-dir';

/** How long a cancelled worker may take to clean up (e.g. delete its temp file) by default. */
export const DEFAULT_GRACE_MS = 2000;

/** Options for {@link runJob}. */
export interface RunJobOptions<P> {
  /** Receives each validated progress report from the worker. */
  onProgress?: (progress: P) => void;
  /**
   * Aborting asks the worker to stop and clean up, then terminates it after `graceMs`. A job that
   * finished before it saw the request still resolves: its result is already committed.
   */
  signal?: AbortSignal;
  graceMs?: number;
  /** Passed to the Worker, e.g. to cap its heap. */
  resourceLimits?: ResourceLimits;
}

/**
 * Runs a job in a worker thread loaded from `<workersDir>/<job.name>.cjs`. Everything the worker
 * sends is validated against the job's schemas; the worker is terminated once the run settles.
 * @throws JobError with one of the job's codes, or `cancelled` | `bad-input` | `worker-failed` |
 * `protocol` | `internal`.
 */
export function runJob<I, O, P, C extends string>(
  job: JobDefinition<I, O, P, C>,
  input: I,
  options: RunJobOptions<P> = {},
): Promise<O> {
  const { signal, onProgress, graceMs = DEFAULT_GRACE_MS } = options;
  return new Promise<O>((resolve, reject) => {
    // Messages the runner writes name the job; errors the job reports keep their own message.
    const failure = (code: C | JobFailureCode, message: string): JobError<C> =>
      new JobError<C>(code, `${job.name} job: ${message}`);
    if (signal?.aborted) return reject(failure('cancelled', 'cancelled before it started'));
    const parsedInput = job.input.safeParse(input);
    if (!parsedInput.success)
      return reject(failure('bad-input', `invalid input: ${z.prettifyError(parsedInput.error)}`));

    let worker: Worker;
    try {
      const workerData: WorkerData = { input: parsedInput.data };
      worker = new Worker(workerFile(job.name), { workerData, resourceLimits: options.resourceLimits });
    } catch (error) {
      return reject(failure('worker-failed', `cannot start the worker: ${messageOf(error)}`));
    }

    const messages = workerMessageSchema(job);
    let settled = false;
    let graceTimer: NodeJS.Timeout | undefined;
    const settle = (finish: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(graceTimer);
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      finish();
    };
    const fail = (code: C | JobFailureCode, message: string): void => settle(() => reject(failure(code, message)));

    function onAbort(): void {
      const cancel: CancelMessage = { type: 'cancel' };
      worker.postMessage(cancel);
      graceTimer = setTimeout(
        () => fail('cancelled', `cancelled; the worker was stopped after ${graceMs} ms`),
        graceMs,
      );
    }
    signal?.addEventListener('abort', onAbort, { once: true });

    worker.on('message', (raw: unknown) => {
      if (settled) return;
      const parsed = messages.safeParse(raw);
      if (!parsed.success)
        return fail('protocol', `unexpected message from the worker: ${z.prettifyError(parsed.error)}`);
      const message = parsed.data;
      if (message.type === 'done') return settle(() => resolve(message.output));
      if (message.type === 'error')
        return settle(() => reject(new JobError<C>(message.error.code, message.error.message)));
      try {
        onProgress?.(message.progress);
      } catch (error) {
        // A throwing callback must not crash the process from inside an event handler.
        fail('internal', `the progress callback threw: ${messageOf(error)}`);
      }
    });
    worker.on('messageerror', (error) => fail('protocol', `unreadable message from the worker: ${error.message}`));
    worker.on('error', (error) => fail('worker-failed', `the worker failed: ${error.message}`));
    worker.on('exit', (exitCode) => fail('worker-failed', `the worker exited (code ${exitCode}) before finishing`));
  });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
