import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../shared/canonical-json';
import type { Revision } from '../../../shared/domain/revision';
import { recordChange } from '../audit-trail/record';
import { trailHead } from '../audit-trail/trail';
import type { Core } from '../core';
import { latestRevision, saveRevision } from '../db/repos/revisions';
import { AppError } from '../errors';
import { getProject } from '../projects/service';
import { loadWorkspace } from '../workspace/service';
import { writeTransaction } from '../db/transaction';

/** The revision a project is at (revision 1, draft, for a project never changed since creation). */
export function currentRevision(core: Core, projectId: string): Revision {
  getProject(core, projectId);
  return (
    latestRevision(core.db, projectId) ?? {
      projectId,
      number: 1,
      state: 'draft',
      submittedBy: null,
      submittedAt: null,
      reviewedBy: null,
      reviewedAt: null,
      comments: '',
      snapshotHash: null,
      trailHead: null,
    }
  );
}

/**
 * One review step in one transaction, then the chain's end is anchored at once: what was submitted,
 * returned or accepted is never inside the window a debounced anchor leaves (integrity/anchor.ts).
 */
function move(core: Core, projectId: string, from: Revision['state'][], to: Revision['state'], edit: (r: Revision, at: string) => Partial<Revision>) {
  const revision = writeTransaction(core.db, () => {
    const before = currentRevision(core, projectId);
    if (!from.includes(before.state)) throw new AppError('conflict', 'error.review-state', { state: before.state, revision: before.number });
    const at = core.now().toISOString();
    // The snapshot is read inside the step's transaction, so it is exactly the state the accept row follows.
    const snapshot = to === 'accepted' ? canonicalJson(loadWorkspace(core, projectId)) : undefined;
    const snapshotHash = snapshot === undefined ? {} : { snapshotHash: createHash('sha256').update(snapshot).digest('hex') };
    const after: Revision = { ...before, ...edit(before, at), ...snapshotHash, state: to };
    recordChange(core, { projectId, entity: 'review', entityId: String(before.number), action: to, before, after });
    // The head after the review record itself: the dossier prints it, and the chain proves it.
    const stored = to === 'accepted' ? { ...after, trailHead: trailHead(core.db, projectId) } : after;
    saveRevision(core.db, { ...stored, snapshot });
    return stored;
  });
  core.anchors.anchorNow();
  return revision;
}

/** The auditor hands the revision to the reviewer; edits are refused until it is returned. */
export function submitForReview(core: Core, projectId: string, comments = ''): Revision {
  return move(core, projectId, ['draft', 'returned'], 'submitted', (_r, at) => ({ submittedBy: core.actor(), submittedAt: at, comments }));
}

/** The reviewer sends it back with comments; the auditor can edit again. */
export function returnForChanges(core: Core, projectId: string, comments: string): Revision {
  return move(core, projectId, ['submitted'], 'returned', (_r, at) => ({ reviewedBy: core.actor(), reviewedAt: at, comments }));
}

/**
 * The reviewer accepts: the revision is locked with a snapshot of the whole project (hashed), from
 * which dossiers are made. A later edit opens the next revision.
 */
export function acceptRevision(core: Core, projectId: string, comments = ''): Revision {
  return move(core, projectId, ['submitted'], 'accepted', (_r, at) => ({ reviewedBy: core.actor(), reviewedAt: at, comments }));
}
