import { appendTrail } from '../audit-trail/trail';
import type { Core } from '../core';
import { latestRevision, saveRevision } from '../db/repos/revisions';
import { AppError } from '../errors';

/** Changes that never alter the assessed content, so review state does not restrict them. */
const NOT_CONTENT = new Set(['review', 'dossier', 'project:create', 'project:delete', 'project:archive', 'project:unarchive', 'project:pin-rules']);

/**
 * Called for every recorded change, inside its transaction. A project under review refuses edits;
 * an accepted (locked) project opens a new draft revision first, so the accepted one stays exactly
 * as the reviewer saw it. A project's first change creates revision 1.
 */
export function guardEdit(core: Core, projectId: string, entity: string, action: string): void {
  if (NOT_CONTENT.has(entity) || NOT_CONTENT.has(`${entity}:${action}`)) return;
  const current = latestRevision(core.db, projectId);
  const at = core.now().toISOString();
  const blank = { submittedBy: null, submittedAt: null, reviewedBy: null, reviewedAt: null, comments: '', snapshotHash: null, trailHead: null };
  if (!current) {
    saveRevision(core.db, { projectId, number: 1, state: 'draft', ...blank });
    return;
  }
  if (current.state === 'submitted') throw new AppError('locked', 'error.under-review', { revision: current.number });
  if (current.state === 'accepted') {
    saveRevision(core.db, { projectId, number: current.number + 1, state: 'draft', ...blank });
    appendTrail(core.db, { projectId, entity: 'review', entityId: String(current.number + 1), action: 'reopen', actor: core.actor(), before: { revision: current.number, state: 'accepted' }, after: { revision: current.number + 1, state: 'draft' } }, at);
  }
}
