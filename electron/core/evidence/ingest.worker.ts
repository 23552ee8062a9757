// Worker entry, bundled to dist/workers/ingest.cjs: copies and hashes one file off the main thread.
import { serveJob } from '../jobs/serve-job';
import { ingestJob } from './ingest-job';
import { stageFile } from './stage';

serveJob(ingestJob, ({ srcPath, folder }, { signal, progress }) =>
  stageFile(srcPath, folder, {
    signal,
    onProgress: (bytesDone, bytesTotal) => progress({ bytesDone, bytesTotal }),
  }),
);
