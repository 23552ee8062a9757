import { z } from 'zod';
import { defineJob } from '../jobs/job';
import { EVIDENCE_ERROR_CODES } from './errors';
import { SHA256_PATTERN } from './sha256';

const byteCount = z.number().int().nonnegative();

/** Staging one file (copy + SHA-256 + fsync) in a worker thread (`ingest.worker.ts` → dist/workers/ingest.cjs). */
export const ingestJob = defineJob({
  name: 'ingest',
  input: z.strictObject({ srcPath: z.string().min(1), folder: z.string().min(1), expectedIdentity: z.string().regex(/^\d+:\d+$/).optional() }),
  output: z.strictObject({ path: z.string().min(1), sha256: z.string().regex(SHA256_PATTERN), size: byteCount }),
  progress: z.strictObject({ bytesDone: byteCount, bytesTotal: byteCount }),
  errorCodes: EVIDENCE_ERROR_CODES,
});
