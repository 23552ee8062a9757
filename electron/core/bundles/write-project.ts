import type { Database } from 'better-sqlite3';
import { saveAnswer } from '../db/repos/answers';
import { insertEvidence, linkEvidence } from '../db/repos/evidence';
import { saveFinding } from '../db/repos/findings';
import { saveFlow, saveQuestionAnswer } from '../db/repos/flows';
import { saveOverride } from '../db/repos/overrides';
import { findProject, insertProject } from '../db/repos/projects';
import { saveRevision } from '../db/repos/revisions';
import { BundleError } from './errors';
import type { BundleRevision, BundleWorkspace } from './project-file';
import { chainExists, takenIds } from './project-rows';

/**
 * Refuses to overwrite anything: the project id must be new, and so must its chain (a deleted
 * project's chain stays behind) and the ids of its flows, findings and evidence records.
 * @throws BundleError `project-exists` | `ids-taken`.
 */
export function assertNew(db: Database, projectId: string, recordIds: readonly string[] = []): void {
  if (findProject(db, projectId) || chainExists(db, projectId)) throw new BundleError('project-exists', { id: projectId });
  const taken = takenIds(db, recordIds);
  if (taken.length) throw new BundleError('ids-taken', { what: `${taken.slice(0, 3).join(', ')}${taken.length > 3 ? ` (+${taken.length - 3})` : ''}` });
}

/** The ids of a workspace's flows, findings and evidence records, as {@link assertNew} checks them. */
export const recordIds = (ws: BundleWorkspace): string[] => [...ws.flows, ...ws.findings, ...ws.evidence].map((r) => r.id);

/**
 * Inserts a project's rows as they are (no trail records, no review guard: this is the project
 * arriving, not being edited). Call inside the import's one transaction, parents before children.
 */
export function insertProjectRows(db: Database, ws: BundleWorkspace, revisions: readonly BundleRevision[]): void {
  insertProject(db, ws.project);
  for (const f of ws.flows) saveFlow(db, f);
  for (const q of ws.questions) saveQuestionAnswer(db, q);
  for (const a of ws.answers) saveAnswer(db, a);
  for (const { itemIds, ...e } of ws.evidence) {
    insertEvidence(db, e);
    for (const itemId of itemIds) linkEvidence(db, e.id, itemId);
  }
  for (const f of ws.findings) saveFinding(db, f);
  for (const o of ws.overrides) saveOverride(db, o);
  for (const r of revisions) saveRevision(db, r);
}
