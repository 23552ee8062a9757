/**
 * Failures of the job machinery itself, shared by every job: `cancelled` (by the caller's signal),
 * `bad-input` (input failed the job's schema), `worker-failed` (the worker could not start, threw
 * outside the job or exited early), `protocol` (it sent a message the job does not declare),
 * `internal` (the job threw an error without a declared code).
 */
export const JOB_FAILURE_CODES = ['cancelled', 'bad-input', 'worker-failed', 'protocol', 'internal'] as const;
export type JobFailureCode = (typeof JOB_FAILURE_CODES)[number];

/** An error as it crosses the thread boundary: only data, no prototype or stack. */
export interface SerialisedError {
  code: string;
  message: string;
}

/** How a job run fails: with one of the job's declared codes `C` or a machinery code. */
export class JobError<C extends string = never> extends Error {
  override readonly name = 'JobError';

  constructor(
    readonly code: C | JobFailureCode,
    message: string,
  ) {
    super(message);
  }
}
