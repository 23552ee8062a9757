import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Finding, FindingFields, FindingPatch } from '../../../shared/domain/finding';
import { recordChange } from '../audit-trail/record';
import type { Core } from '../core';
import { deleteFinding, findFinding, nextFindingNumber, saveFinding } from '../db/repos/findings';
import { AppError } from '../errors';
import { listEvidence } from '../db/repos/evidence';
import { getProject } from '../projects/service';
import { writeTransaction } from '../db/transaction';

const record = (core: Core, f: Finding, action: string, before: unknown, after: unknown) =>
  recordChange(core, { projectId: f.projectId, entity: 'finding', entityId: f.id, action, before, after });

/** Linked evidence must belong to the finding's project. */
function checkEvidence(core: Core, projectId: string, evidenceIds: readonly string[] | undefined): void {
  const own = new Set(listEvidence(core.db, projectId).map((e) => e.id));
  const stranger = evidenceIds?.find((id) => !own.has(id));
  if (stranger) throw new AppError('validation', 'error.validation', {}, [{ path: 'evidenceIds', key: 'v.invalid' }]);
}

function getFinding(core: Core, id: string): Finding {
  const f = findFinding(core.db, id);
  if (!f) throw new AppError('not-found', 'error.not-found', { what: id });
  return f;
}

export function createFinding(core: Core, projectId: string, fields: FindingFields): Finding {
  return writeTransaction(core.db, () => {
    getProject(core, projectId);
    checkEvidence(core, projectId, fields.evidenceIds);
    const at = core.now().toISOString();
    const finding = { ...fields, id: randomUUID(), projectId, number: nextFindingNumber(core.db, projectId), createdAt: at, updatedAt: at } as Finding;
    saveFinding(core.db, finding);
    record(core, finding, 'create', null, finding);
    return finding;
  });
}

export function updateFinding(core: Core, id: string, patch: z.output<typeof FindingPatch>): Finding {
  return writeTransaction(core.db, () => {
    const before = getFinding(core, id);
    checkEvidence(core, before.projectId, patch.evidenceIds);
    const after = { ...before, ...patch, updatedAt: core.now().toISOString() } as Finding;
    saveFinding(core.db, after);
    record(core, after, 'update', before, after);
    return after;
  });
}

export function removeFinding(core: Core, id: string): { id: string } {
  return writeTransaction(core.db, () => {
    const before = getFinding(core, id);
    deleteFinding(core.db, id);
    record(core, before, 'delete', before, null);
    return { id };
  });
}
