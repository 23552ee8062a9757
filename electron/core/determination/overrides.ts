import type { Override } from '../../../shared/ipc/channels/audit';
import { recordChange } from '../audit-trail/record';
import type { Core } from '../core';
import { deleteOverride, findOverride, saveOverride } from '../db/repos/overrides';
import { getFlow } from '../flows/service';
import { getProject } from '../projects/service';
import { writeTransaction } from '../db/transaction';

/** The auditor overrides the engine for the organisation or a flow; the justification is logged. */
export function setOverride(
  core: Core,
  input: { projectId: string; scope: string; outcome: string; exemption: string | null; justification: string },
): Override {
  return writeTransaction(core.db, () => {
    getProject(core, input.projectId);
    if (input.scope !== 'organization') getFlow(core, input.scope);
    const before = findOverride(core.db, input.projectId, input.scope) ?? null;
    const after = { ...input, actor: core.actor(), at: core.now().toISOString() };
    saveOverride(core.db, after);
    recordChange(core, { projectId: input.projectId, entity: 'determination', entityId: input.scope, action: 'override', before, after });
    return after;
  });
}

export function clearOverride(core: Core, projectId: string, scope: string): { cleared: boolean } {
  return writeTransaction(core.db, () => {
    const before = findOverride(core.db, projectId, scope);
    if (!before) return { cleared: false };
    deleteOverride(core.db, projectId, scope);
    recordChange(core, { projectId, entity: 'determination', entityId: scope, action: 'clear-override', before, after: null });
    return { cleared: true };
  });
}
