import { randomUUID } from 'node:crypto';
import type { Project, ProjectFields, ProjectPatch } from '../../../shared/domain/project';
import { recordChange } from '../audit-trail/record';
import type { Core } from '../core';
import { deleteProject, findProject, insertProject, listProjects, updateProject } from '../db/repos/projects';
import { AppError } from '../errors';
import { writeTransaction } from '../db/transaction';

/** Inputs here are already validated by the contract schemas (ProjectInput / ProjectPatch). */

/** New projects are assessed against this pack; its version is pinned when the project is first opened. */
export const DEFAULT_PACK_ID = 'adsg-2026';

export function listAll(core: Core, includeArchived: boolean): Project[] {
  return listProjects(core.db, includeArchived);
}

export function getProject(core: Core, id: string): Project {
  const project = findProject(core.db, id);
  if (!project) throw new AppError('not-found', 'error.not-found', { what: id });
  return project;
}

const record = (core: Core, project: Project, action: string, before: Project | null, after: Project | null) =>
  recordChange(core, { projectId: project.id, entity: 'project', entityId: project.id, action, before, after });

export function createProject(core: Core, fields: ProjectFields): Project {
  const at = core.now().toISOString();
  const project = { ...fields, id: randomUUID(), rulesPack: { id: DEFAULT_PACK_ID, version: null, contentHash: null }, status: 'active', createdAt: at, updatedAt: at } as Project;
  writeTransaction(core.db, () => {
    insertProject(core.db, project);
    record(core, project, 'create', null, project);
  });
  return project;
}

function change(core: Core, id: string, action: string, edit: (p: Project) => Project): Project {
  return writeTransaction(core.db, () => {
    const before = getProject(core, id);
    const after = { ...edit(before), updatedAt: core.now().toISOString() };
    updateProject(core.db, after);
    record(core, after, action, before, after);
    return after;
  });
}

export function patchProject(core: Core, id: string, patch: ProjectPatch): Project {
  return change(core, id, 'update', (p) => {
    const next = { ...p, ...patch } as Project;
    if (next.auditStart && next.auditEnd && next.auditStart > next.auditEnd)
      throw new AppError('validation', 'error.validation', {}, [{ path: 'auditEnd', key: 'v.dateOrder' }]);
    return next;
  });
}

/** Records the pack version and hash a project is assessed against (once). */
export function pinRulesPack(core: Core, id: string, pin: { id: string; version: string; contentHash: string }): Project {
  return change(core, id, 'pin-rules', (p) => ({ ...p, rulesPack: pin }));
}

export function setArchived(core: Core, id: string, archived: boolean): Project {
  return change(core, id, archived ? 'archive' : 'unarchive', (p) => ({ ...p, status: archived ? 'archived' : 'active' }));
}

/** Deletes the project's data; its audit chain stays, ending with the deletion record. */
export function removeProject(core: Core, id: string): { id: Project['id'] } {
  return writeTransaction(core.db, () => {
    const before = getProject(core, id);
    deleteProject(core.db, id);
    record(core, before, 'delete', before, null);
    return { id: before.id };
  });
}
