import type { Answer } from '../../../shared/domain/answer';
import { recordChange } from '../audit-trail/record';
import type { Core } from '../core';
import { findAnswer, saveAnswer } from '../db/repos/answers';
import { getProject } from '../projects/service';
import { writeTransaction } from '../db/transaction';

/**
 * Autosave of one checklist item. The answer and its trail record commit together, with
 * synchronous=FULL: once this returns, the edit survives a crash or a power cut. Saving the same
 * content again is a no-op (no trail noise from repeated autosaves).
 */
export function saveChecklistAnswer(core: Core, input: Omit<Answer, 'updatedAt' | 'actor'>): Answer {
  return writeTransaction(core.db, () => {
    getProject(core, input.projectId);
    const before = findAnswer(core.db, input.projectId, input.itemId);
    if (before && before.result === input.result && before.notes === input.notes && before.justification === input.justification) return before;
    const after: Answer = { ...input, updatedAt: core.now().toISOString(), actor: core.actor() };
    saveAnswer(core.db, after);
    recordChange(core, { projectId: input.projectId, entity: 'answer', entityId: input.itemId, action: 'answer', before: before ?? null, after });
    return after;
  });
}
