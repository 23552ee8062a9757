// Worker entry, bundled to dist/workers/ingest.cjs: copies and hashes one file off the main thread.
import { serveJob } from '../jobs/serve-job';
import { ingestJob } from './ingest-job';
import { stageFile } from './stage';

serveJob(ingestJob, ({ srcPath, folder, expectedIdentity }, { signal, progress }) =>
  stageFile(srcPath, folder, {
    signal,
    expectedIdentity,
    onProgress: (bytesDone, bytesTotal) => progress({ bytesDone, bytesTotal }),
  }),
);
