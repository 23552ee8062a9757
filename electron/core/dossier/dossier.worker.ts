// Worker entry, bundled to dist/workers/dossier.cjs: lays out the dossier PDF off the main thread.
import { serveJob } from '../jobs/serve-job';
import { dossierJob } from './dossier-job';
import { renderDossier } from './render';

serveJob(dossierJob, async (model, { progress }) => {
  // Buffers arrive as plain Uint8Arrays after crossing the thread boundary.
  const attachments = model.attachments.map((a) => ({ ...a, content: Buffer.from(a.content) }));
  return renderDossier({ ...model, attachments }, { onProgress: (done, total) => progress({ done, total }) });
});
