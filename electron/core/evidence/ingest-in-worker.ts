import { JobError } from '../jobs/errors';
import { runJob } from '../jobs/run-job';
import { EvidenceError, isEvidenceErrorCode } from './errors';
import { ingestJob } from './ingest-job';
import { type IngestOptions, type IngestResult } from './store';

/**
 * {@link ingestFile} in a worker thread, so hashing a large file never blocks the caller's thread.
 * Fails like `ingestFile` (EvidenceError with the same codes, including `cancelled`); a failure of
 * the worker machinery itself stays a JobError (`bad-input` | `worker-failed` | `protocol` | `internal`).
 */
export async function ingestInWorker(
  srcPath: string,
  evidenceRoot: string,
  options: IngestOptions = {},
): Promise<IngestResult> {
  const { onProgress, signal, expectedIdentity } = options;
  try {
    return await runJob(
      ingestJob,
      { srcPath, evidenceRoot, expectedIdentity },
      { signal, onProgress: onProgress && (({ bytesDone, bytesTotal }) => onProgress(bytesDone, bytesTotal)) },
    );
  } catch (error) {
    if (error instanceof JobError && isEvidenceErrorCode(error.code))
      throw new EvidenceError(error.code, error.message);
    throw error;
  }
}
