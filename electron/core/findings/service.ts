import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Finding, FindingFields, FindingPatch } from '../../../shared/domain/finding';
import { recordChange } from '../audit-trail/record';
import type { Core } from '../core';
import { deleteFinding, findFinding, nextFindingNumber, saveFinding } from '../db/repos/findings';
import { AppError } from '../errors';
import { getProject } from '../projects/service';

const record = (core: Core, f: Finding, action: string, before: unknown, after: unknown) =>
  recordChange(core, { projectId: f.projectId, entity: 'finding', entityId: f.id, action, before, after });

function getFinding(core: Core, id: string): Finding {
  const f = findFinding(core.db, id);
  if (!f) throw new AppError('not-found', 'error.not-found', { what: id });
  return f;
}

export function createFinding(core: Core, projectId: string, fields: FindingFields): Finding {
  return core.db.transaction(() => {
    getProject(core, projectId);
    const at = core.now().toISOString();
    const finding = { ...fields, id: randomUUID(), projectId, number: nextFindingNumber(core.db, projectId), createdAt: at, updatedAt: at } as Finding;
    saveFinding(core.db, finding);
    record(core, finding, 'create', null, finding);
    return finding;
  })();
}

export function updateFinding(core: Core, id: string, patch: z.output<typeof FindingPatch>): Finding {
  return core.db.transaction(() => {
    const before = getFinding(core, id);
    const after = { ...before, ...patch, updatedAt: core.now().toISOString() } as Finding;
    saveFinding(core.db, after);
    record(core, after, 'update', before, after);
    return after;
  })();
}

export function removeFinding(core: Core, id: string): { id: string } {
  return core.db.transaction(() => {
    const before = getFinding(core, id);
    deleteFinding(core.db, id);
    record(core, before, 'delete', before, null);
    return { id };
  })();
}
