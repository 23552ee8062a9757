import { join } from 'node:path';
import { expect, test } from 'vitest';
import { createDemoProject } from '../../../electron/core/demo/example-motors';
import { produceDossier } from '../../../electron/core/dossier/service';
import { setWorkersDir } from '../../../electron/core/jobs/workers-dir';
import { headlessPorts } from '../../../electron/core/ports';
import { acceptRevision, submitForReview } from '../../../electron/core/review/service';
import { createIdentity } from '../../../electron/core/signing';
import { tempCore } from '../../helpers/temp';

test('the same accepted revision, identity and clock give a byte-identical signed dossier', async () => {
  setWorkersDir(join(process.cwd(), 'dist/workers'));
  const core = tempCore({ now: () => new Date('2026-11-20T09:30:00Z') });
  const project = await createDemoProject(core);
  submitForReview(core, project.id);
  acceptRevision(core, project.id);
  const identity = await createIdentity(core.paths.identities, { name: 'Li Wei', organisation: 'Example Audit', passphrase: 'determinism-2026', keyBits: 2048, now: core.now() });
  const request = { projectId: project.id, lang: 'en' as const, identityId: identity.id, passphrase: 'determinism-2026', jobId: 'a' };
  const first = await produceDossier(core, headlessPorts, request);
  const second = await produceDossier(core, headlessPorts, { ...request, jobId: 'b' });
  expect(second.sha256).toBe(first.sha256);
  expect(Buffer.compare(first.pdf, second.pdf)).toBe(0);
  core.close();
}, 60_000);
