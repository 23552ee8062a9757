import { randomUUID } from 'node:crypto';
import type { Flow, FlowFields, QuestionAnswer } from '../../../shared/domain/flow';
import type { z } from 'zod';
import type { FlowPatch } from '../../../shared/domain/flow';
import { recordChange } from '../audit-trail/record';
import type { Core } from '../core';
import { deleteFlow, findFlow, findQuestionAnswer, nextFlowPosition, saveFlow, saveQuestionAnswer } from '../db/repos/flows';
import { AppError } from '../errors';
import { getProject } from '../projects/service';
import { writeTransaction } from '../db/transaction';

/** Inputs are validated by the contract (FlowInput / FlowPatch) before they reach here. */

export function getFlow(core: Core, id: string): Flow {
  const flow = findFlow(core.db, id);
  if (!flow) throw new AppError('not-found', 'error.not-found', { what: id });
  return flow;
}

const record = (core: Core, flow: Flow, action: string, before: unknown, after: unknown) =>
  recordChange(core, { projectId: flow.projectId, entity: 'flow', entityId: flow.id, action, before, after });

export function createFlow(core: Core, projectId: string, fields: FlowFields): Flow {
  return writeTransaction(core.db, () => {
    getProject(core, projectId);
    const at = core.now().toISOString();
    const flow = { ...fields, id: randomUUID(), projectId, position: nextFlowPosition(core.db, projectId), createdAt: at, updatedAt: at } as Flow;
    saveFlow(core.db, flow);
    record(core, flow, 'create', null, flow);
    return flow;
  });
}

export function updateFlow(core: Core, id: string, patch: z.output<typeof FlowPatch>): Flow {
  return writeTransaction(core.db, () => {
    const before = getFlow(core, id);
    const after = { ...before, ...patch, updatedAt: core.now().toISOString() } as Flow;
    saveFlow(core.db, after);
    record(core, after, 'update', before, after);
    return after;
  });
}

export function removeFlow(core: Core, id: string): { id: string } {
  return writeTransaction(core.db, () => {
    const before = getFlow(core, id);
    deleteFlow(core.db, id);
    record(core, before, 'delete', before, null);
    return { id };
  });
}

/** Saves one answer of a flow's important-data questionnaire. */
export function answerQuestion(core: Core, input: Omit<QuestionAnswer, 'updatedAt'>): QuestionAnswer {
  return writeTransaction(core.db, () => {
    const flow = getFlow(core, input.flowId);
    const before = findQuestionAnswer(core.db, input.flowId, input.itemId) ?? null;
    const after = { ...input, updatedAt: core.now().toISOString() };
    saveQuestionAnswer(core.db, after);
    recordChange(core, { projectId: flow.projectId, entity: 'question', entityId: `${flow.id}/${input.itemId}`, action: 'answer', before, after });
    return after;
  });
}
