import { compareItem } from '../../../shared/rules/diff';
import { packItems } from '../../../shared/rules/items';
import type { CarriedEntity, CarriedState } from '../../../shared/rules/upgrade';
import { recordChange } from '../audit-trail/record';
import type { Core } from '../core';
import { findAnswer } from '../db/repos/answers';
import { findQuestionAnswer } from '../db/repos/flows';
import { AppError } from '../errors';
import { packForProject } from '../projects/rules-pack';
import { loadWorkspace } from '../workspace/service';
import { describeHeld, heldAnswers } from './held-answers';
import { CONFIRM_ACTION, previousItem, reconfirmMarks } from './marks';
import { writeTransaction } from '../db/transaction';

/**
 * A project's carried answers against its current pack: those still to re-confirm, each with how
 * its item changed since the answer was given, and the archive of answers whose item is withdrawn
 * (or no longer in the pack). Answers deleted since (with their flow) are left out.
 */
export async function carriedState(core: Core, projectId: string): Promise<CarriedState> {
  const pack = await packForProject(core, projectId);
  const ws = loadWorkspace(core, projectId);
  const items = new Map(packItems(pack).map((i) => [i.id, i]));
  const flowNames = new Map(ws.flows.map((f) => [f.id, f.name]));
  const held = heldAnswers(ws);
  const byKey = new Map(held.map((h) => [`${h.entity}:${h.entityId}`, h]));
  const isActive = (itemId: string) => items.get(itemId)?.status === 'active';
  const reconfirm = reconfirmMarks(core, projectId).flatMap((mark) => {
    const answer = byKey.get(`${mark.entity}:${mark.entityId}`);
    if (!answer || !isActive(answer.itemId)) return [];
    const current = items.get(answer.itemId);
    const change = compareItem(mark.detail ? previousItem(mark.detail) : undefined, current, mark.detail?.previousHash, pack.itemHashes[answer.itemId]);
    return [{ ...describeHeld(answer, current, flowNames), from: mark.from, at: mark.at, change: change ?? null }];
  });
  const archived = held.filter((h) => !isActive(h.itemId)).map((h) => describeHeld(h, items.get(h.itemId), flowNames));
  return { reconfirm, archived };
}

/**
 * The auditor confirms that a carried answer still holds for the item's new wording: recorded in
 * the trail (which clears the mark), through the review guard like any other change.
 * @throws AppError `not-found` when the answer is not waiting to be re-confirmed.
 */
export function confirmCarried(core: Core, projectId: string, entity: CarriedEntity, entityId: string): { confirmed: true } {
  return writeTransaction(core.db, () => {
    const mark = reconfirmMarks(core, projectId).find((m) => m.entity === entity && m.entityId === entityId);
    const answer = mark && currentAnswer(core, projectId, entity, entityId);
    if (!mark || !answer) throw new AppError('not-found', 'error.not-found', { what: entityId });
    recordChange(core, { projectId, entity, entityId, action: CONFIRM_ACTION, before: { ...answer, reconfirm: { from: mark.from } }, after: answer });
    return { confirmed: true as const };
  });
}

function currentAnswer(core: Core, projectId: string, entity: CarriedEntity, entityId: string) {
  if (entity === 'answer') return findAnswer(core.db, projectId, entityId);
  const slash = entityId.indexOf('/');
  return slash > 0 ? findQuestionAnswer(core.db, entityId.slice(0, slash), entityId.slice(slash + 1)) : undefined;
}
