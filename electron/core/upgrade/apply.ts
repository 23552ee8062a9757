import type { Project } from '../../../shared/domain/project';
import type { Revision } from '../../../shared/domain/revision';
import type { UpgradePlan } from '../../../shared/rules/upgrade';
import { recordChange } from '../audit-trail/record';
import type { Core } from '../core';
import { updateProject } from '../db/repos/projects';
import { getProject } from '../projects/service';
import { currentRevision } from '../review/service';
import { RulesPackError } from '../rules/errors';
import { RECONFIRM_ACTION, type ReconfirmDetail, type ReconfirmNote } from './marks';
import { loadUpgradePacks, planUpgrade } from './plan';
import { writeTransaction } from '../db/transaction';

export interface UpgradeResult {
  project: Project;
  revision: Revision;
  plan: UpgradePlan;
}

/**
 * Moves a project to another version of its rules pack, as one change of its current revision:
 * the review guard refuses it while the project is under review, and on an accepted (locked)
 * revision it opens the next one first, so the accepted revision never changes. In the same
 * transaction: the new pin; a "to re-confirm" record for every carried answer whose item changed
 * (with the item as it was, for the diff beside it); an "archive" record for every answer whose
 * item was withdrawn. Answers of unchanged items are left exactly as they are.
 * `expectFrom`, the content hash the preview was made from, refuses an upgrade the auditor did not see.
 */
export async function upgradeProjectPack(core: Core, projectId: string, target: string, expectFrom?: string): Promise<UpgradeResult> {
  const packs = await loadUpgradePacks(core, projectId, target);
  const { from, to } = packs;
  const pin = { id: to.id, version: to.version, contentHash: to.contentHash };
  const fromName = `${from.id}@${from.version}`;
  const { project, plan } = writeTransaction(core.db, () => {
    const before = getProject(core, projectId);
    const moved = before.rulesPack.contentHash !== from.contentHash || (expectFrom !== undefined && expectFrom !== from.contentHash);
    if (moved) throw new RulesPackError('upgrade-stale', { current: `${before.rulesPack.id}@${before.rulesPack.version ?? '?'}` });
    // Planned inside the transaction, so no answer saved meanwhile escapes its mark.
    const prepared = planUpgrade(core, projectId, packs);
    const after: Project = { ...before, rulesPack: pin, updatedAt: core.now().toISOString() };
    updateProject(core.db, after);
    // The first record runs the review guard: refused under review, a new revision on a locked one.
    recordChange(core, { projectId, entity: 'project', entityId: projectId, action: 'upgrade-pack', before, after: { ...after, upgrade: summaryOf(prepared.plan) } });
    for (const { held, previous, previousHash, from: answeredUnder } of prepared.reconfirm) {
      const detail: ReconfirmDetail | null = previous && previousHash ? { previous: { ...previous, item: previous.item as unknown as Record<string, unknown> }, previousHash } : null;
      const note: ReconfirmNote = { from: answeredUnder, detail };
      recordChange(core, { projectId, entity: held.entity, entityId: held.entityId, action: RECONFIRM_ACTION, before: held.value, after: { ...(held.value as object), reconfirm: note } });
    }
    for (const held of prepared.archived) {
      recordChange(core, { projectId, entity: held.entity, entityId: held.entityId, action: 'archive', before: held.value, after: { ...(held.value as object), archived: { from: fromName } } });
    }
    return { project: after, plan: prepared.plan };
  });
  return { project, revision: currentRevision(core, projectId), plan };
}

/** What the project's upgrade record says: the versions, the counts, and the outcomes that moved. */
function summaryOf(plan: UpgradePlan) {
  const counts = (carry: UpgradePlan['answers']) => ({ carried: carry.carried, reconfirm: carry.reconfirm.length, archived: carry.archived.length, unanswered: carry.unanswered.length });
  return {
    from: `${plan.diff.from.id}@${plan.diff.from.version}`,
    to: `${plan.diff.to.id}@${plan.diff.to.version}`,
    answers: counts(plan.answers),
    questions: counts(plan.questions),
    determinations: plan.determinations.filter((d) => d.changed),
  };
}
