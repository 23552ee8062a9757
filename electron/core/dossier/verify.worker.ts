// Worker entry, bundled to dist/workers/verify.cjs: verifies a dossier off the main thread.
import { serveJob } from '../jobs/serve-job';
import { verifyDossier } from './verify';
import { verifyJob } from './verify-job';

// Buffers arrive as plain Uint8Arrays after crossing the thread boundary: view them, do not copy.
const view = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

serveJob(verifyJob, async ({ pdf, file, trusted, allowUntrusted }) =>
  verifyDossier(view(pdf), file, trusted.map(view), { allowUntrusted }),
);
