// Worker entry, bundled to dist/workers/ingest.cjs: copies and hashes one file off the main thread.
import { serveJob } from '../jobs/serve-job';
import { ingestJob } from './ingest-job';
import { ingestFile } from './store';

serveJob(ingestJob, ({ srcPath, evidenceRoot, expectedIdentity }, { signal, progress }) =>
  ingestFile(srcPath, evidenceRoot, {
    signal,
    expectedIdentity,
    onProgress: (bytesDone, bytesTotal) => progress({ bytesDone, bytesTotal }),
  }),
);
