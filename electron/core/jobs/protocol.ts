import { z } from 'zod';
import { JOB_FAILURE_CODES, type JobFailureCode, type SerialisedError } from './errors';
import { type JobDefinition } from './job';

/** The worker's `workerData`: the input, already validated by the caller and checked again. */
export const WorkerDataSchema = z.strictObject({ input: z.unknown() });
export type WorkerData = z.infer<typeof WorkerDataSchema>;

/** The only message the caller sends: stop, clean up, and report `cancelled`. */
export const CancelMessageSchema = z.strictObject({ type: z.literal('cancel') });
export type CancelMessage = z.infer<typeof CancelMessageSchema>;

/** What a worker sends: any number of progress reports, then exactly one `done` or `error`. */
export type WorkerMessage<O, P> =
  { type: 'progress'; progress: P } | { type: 'done'; output: O } | { type: 'error'; error: SerialisedError };

/** The schema of a job's worker messages; an error may only carry a declared or machinery code. */
export function workerMessageSchema<I, O, P, C extends string>(job: JobDefinition<I, O, P, C>) {
  const codes: readonly string[] = [...JOB_FAILURE_CODES, ...job.errorCodes];
  return z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('progress'), progress: job.progress }),
    z.strictObject({ type: z.literal('done'), output: job.output }),
    z.strictObject({
      type: z.literal('error'),
      error: z.strictObject({
        code: z.custom<C | JobFailureCode>((code) => typeof code === 'string' && codes.includes(code)),
        message: z.string(),
      }),
    }),
  ]);
}
