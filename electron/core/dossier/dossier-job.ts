import { z } from 'zod';
import { defineJob } from '../jobs/job';
import type { DossierModel } from './model';

/** Rendering the dossier PDF in a worker thread (`dossier.worker.ts` → dist/workers/dossier.cjs). */
export const dossierJob = defineJob({
  name: 'dossier',
  // The model is built by our own code in the calling thread; the thread boundary only needs its shape.
  input: z.custom<DossierModel>((v) => typeof v === 'object' && v !== null && Array.isArray((v as DossierModel).sections)),
  output: z.strictObject({
    pdf: z.instanceof(Uint8Array),
    signatureBoxes: z.array(z.strictObject({ role: z.enum(['auditor', 'reviewer']), page: z.number().int().nonnegative(), rect: z.tuple([z.number(), z.number(), z.number(), z.number()]) })),
  }),
  progress: z.strictObject({ done: z.number().int().nonnegative(), total: z.number().int().nonnegative() }),
  errorCodes: [],
});
