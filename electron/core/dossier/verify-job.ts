import { z } from 'zod';
import { DossierCheck } from '../../../shared/domain/signing';
import { defineJob } from '../jobs/job';
import { JobError } from '../jobs/errors';
import { runJob } from '../jobs/run-job';
import { uncheckable, type VerifyDossierOptions } from './verify';

const Bytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array);

/** Verifying a dossier in a worker thread (`verify.worker.ts` → dist/workers/verify.cjs). */
export const verifyJob = defineJob({
  name: 'verify',
  input: z.strictObject({
    pdf: Bytes,
    file: z.string().max(4096),
    trusted: z.array(Bytes).max(10_000),
    allowUntrusted: z.boolean(),
  }),
  output: DossierCheck,
  progress: z.strictObject({}),
  errorCodes: [],
});

/** A hostile PDF may cost the worker memory, never the app: the worker's heap is capped. */
const WORKER_HEAP_MB = 1024;

/**
 * {@link verifyDossier} off the calling thread: the app's main process stays responsive however
 * hostile the file, and the result crosses back validated against the shared schema.
 * A worker that dies on the file (the heap cap, a crash) makes the file uncheckable: a failed
 * check, never an accepted one.
 */
export async function verifyDossierInWorker(
  pdf: Buffer,
  file: string,
  trusted: readonly Buffer[],
  options: VerifyDossierOptions = {},
): Promise<DossierCheck> {
  try {
    return await runJob(
      verifyJob,
      { pdf, file, trusted: [...trusted], allowUntrusted: options.allowUntrusted === true },
      { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } },
    );
  } catch (error) {
    if (!(error instanceof JobError)) throw error;
    return uncheckable(file, 'malformed-pdf', options, error.message);
  }
}
