import { expect, test } from 'vitest';
import { checkChainIntegrity } from '../../../electron/core/integrity/project-integrity';
import { acceptRevision, submitForReview } from '../../../electron/core/review/service';
import { upgradeProjectPack } from '../../../electron/core/upgrade/apply';
import { carriedState, confirmCarried } from '../../../electron/core/upgrade/carried';
import { tempCore } from '../../helpers/temp';
import { auditedProject, EXAMPLE } from '../upgrade/fixture';
import { tamper } from './support';

test('a project moved to another pack version — re-confirm and archive marks in the trail, answers unchanged — replays to what is stored', async () => {
  const core = tempCore();
  const { projectId } = await auditedProject(core);
  submitForReview(core, projectId);
  acceptRevision(core, projectId);
  await upgradeProjectPack(core, projectId, EXAMPLE);
  expect(checkChainIntegrity(core, projectId)).toMatchObject({ ok: true, problems: [], snapshots: 1 });
  const [first] = (await carriedState(core, projectId)).reconfirm;
  confirmCarried(core, projectId, first!.entity, first!.entityId);
  expect(checkChainIntegrity(core, projectId)).toMatchObject({ ok: true });
  core.close();
  // The pin moved by hand back to the version the answers were given under: named.
  tamper(core.dataDir, (db) => db.prepare("UPDATE projects SET rules_pack_version = '1.0.0' WHERE id = ?").run(projectId));
  const reopened = tempCore({ dataDir: core.dataDir });
  expect(checkChainIntegrity(reopened, projectId).problems.map((p) => p.params.field)).toEqual(['rulesPack']);
  reopened.close();
});
