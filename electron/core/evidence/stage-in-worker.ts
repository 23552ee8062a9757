import { JobError } from '../jobs/errors';
import { runJob } from '../jobs/run-job';
import { EvidenceError, isEvidenceErrorCode } from './errors';
import { ingestJob } from './ingest-job';
import type { StagedFile } from './place';
import { type StageOptions } from './stage';

/**
 * {@link stageFile} in a worker thread, so hashing a large file never blocks the caller's thread.
 * Fails like `stageFile` (EvidenceError with the same codes, including `cancelled`); a failure of
 * the worker machinery itself stays a JobError (`bad-input` | `worker-failed` | `protocol` | `internal`).
 */
export async function stageInWorker(srcPath: string, folder: string, options: StageOptions = {}): Promise<StagedFile> {
  const { onProgress, signal, expectedIdentity } = options;
  try {
    return await runJob(
      ingestJob,
      { srcPath, folder, expectedIdentity },
      { signal, onProgress: onProgress && (({ bytesDone, bytesTotal }) => onProgress(bytesDone, bytesTotal)) },
    );
  } catch (error) {
    if (error instanceof JobError && isEvidenceErrorCode(error.code))
      throw new EvidenceError(error.code, error.message);
    throw error;
  }
}
