import { parentPort, workerData } from 'node:worker_threads';
import { type SerialisedError } from './errors';
import { type JobDefinition } from './job';
import { CancelMessageSchema, WorkerDataSchema, type WorkerMessage } from './protocol';

/** What a job's function receives besides its input. */
export interface JobContext<P> {
  /** Aborted when the caller cancels; the job should clean up and throw. */
  signal: AbortSignal;
  /** Sends a progress report to the caller (the job decides how often). */
  progress: (progress: P) => void;
}

/**
 * The worker side of {@link runJob}: call once from a `*.worker.ts` entry. Validates the input,
 * runs the job, and posts its progress and its single outcome back to the caller.
 */
export function serveJob<I, O, P, C extends string>(
  job: JobDefinition<I, O, P, C>,
  run: (input: I, context: JobContext<P>) => Promise<O>,
): void {
  const port = parentPort;
  if (!port) throw new Error(`${job.name}: this file runs as a worker thread started by runJob`);
  const post = (message: WorkerMessage<O, P>): void => port.postMessage(message);
  const controller = new AbortController();
  port.on('message', (raw: unknown) => {
    if (CancelMessageSchema.safeParse(raw).success) controller.abort();
  });

  const data = WorkerDataSchema.safeParse(workerData);
  const input = data.success ? job.input.safeParse(data.data.input) : undefined;
  if (!input?.success) {
    post({ type: 'error', error: { code: 'bad-input', message: 'the worker received invalid input' } });
    return;
  }
  const context: JobContext<P> = {
    signal: controller.signal,
    progress: (progress) => post({ type: 'progress', progress }),
  };
  // Through a promise so that a job throwing synchronously is reported like one that rejects.
  Promise.resolve(input.data)
    .then((data) => run(data, context))
    .then(
      (output) => post({ type: 'done', output }),
      (error: unknown) => post({ type: 'error', error: serialise(error, job.errorCodes, controller.signal) }),
    );
}

/** Keeps a declared code; an undeclared error is `cancelled` if the job was asked to stop, else `internal`. */
function serialise(error: unknown, codes: readonly string[], signal: AbortSignal): SerialisedError {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && codes.includes(code)) return { code, message };
  return { code: signal.aborted ? 'cancelled' : 'internal', message };
}
