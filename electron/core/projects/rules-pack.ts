import type { RulesPack } from '../../../shared/rules/schema';
import type { Core } from '../core';
import { loadInstalledPack, loadPinnedPack } from '../rules/installed';
import { getProject, pinRulesPack } from './service';

/**
 * The rules pack a project is assessed against. A project not yet pinned is pinned to the newest
 * installed version of its pack (recorded in the trail); a pinned one gets exactly that version and
 * content hash, or a clear refusal if the installed pack differs.
 */
export async function packForProject(core: Core, projectId: string): Promise<RulesPack> {
  const { rulesPack } = getProject(core, projectId);
  if (rulesPack.version && rulesPack.contentHash) {
    return loadPinnedPack(core.rulesDir, { id: rulesPack.id, version: rulesPack.version, contentHash: rulesPack.contentHash });
  }
  const pack = await loadInstalledPack(core.rulesDir, rulesPack.id);
  pinRulesPack(core, projectId, { id: pack.id, version: pack.version, contentHash: pack.contentHash });
  return pack;
}
