import { type z } from 'zod';

/** Job names are file names (`dist/workers/<name>.cjs`), so they are kept to a safe alphabet. */
export const JOB_NAME_PATTERN = /^[a-z][a-z0-9-]*$/;

/**
 * What the caller and the worker agree on for one kind of background job. Both sides import the
 * same definition; the caller validates everything the worker sends back against these schemas.
 * @typeParam I input, O output, P progress report, C the job's own error codes.
 */
export interface JobDefinition<I, O, P, C extends string = never> {
  /** The worker bundle's name: `<name>.worker.ts` builds to `dist/workers/<name>.cjs`. */
  readonly name: string;
  readonly input: z.ZodType<I>;
  readonly output: z.ZodType<O>;
  readonly progress: z.ZodType<P>;
  /** Codes the job may fail with; any other error from the job arrives as `internal`. */
  readonly errorCodes: readonly C[];
}

/** Declares a job, checking its name once at start-up rather than at each run. */
export function defineJob<I, O, P, C extends string = never>(
  definition: JobDefinition<I, O, P, C>,
): JobDefinition<I, O, P, C> {
  if (!JOB_NAME_PATTERN.test(definition.name)) throw new Error(`Invalid job name: ${JSON.stringify(definition.name)}`);
  return definition;
}
