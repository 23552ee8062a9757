import type { Database } from 'better-sqlite3';
import type { Revision } from '../../../../shared/domain/revision';
import { prepared } from '../prepared';

interface RevisionRow {
  project_id: string;
  number: number;
  state: string;
  submitted_by: string | null;
  submitted_at: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  comments: string;
  snapshot: string | null;
  snapshot_hash: string | null;
  trail_head: string | null;
}

const toRevision = (r: RevisionRow) =>
  ({
    projectId: r.project_id,
    number: r.number,
    state: r.state,
    submittedBy: r.submitted_by,
    submittedAt: r.submitted_at,
    reviewedBy: r.reviewed_by,
    reviewedAt: r.reviewed_at,
    comments: r.comments,
    snapshotHash: r.snapshot_hash,
    trailHead: r.trail_head,
  }) as Revision;

export function latestRevision(db: Database, projectId: string): Revision | undefined {
  const row = prepared(db, 'SELECT * FROM revisions WHERE project_id = ? ORDER BY number DESC LIMIT 1').get(projectId) as RevisionRow | undefined;
  return row && toRevision(row);
}

export function listRevisions(db: Database, projectId: string): Revision[] {
  return (prepared(db, 'SELECT * FROM revisions WHERE project_id = ? ORDER BY number DESC').all(projectId) as RevisionRow[]).map(toRevision);
}

/** The newest accepted revision with its stored snapshot (what a dossier is made from). */
export function latestAccepted(db: Database, projectId: string): { revision: Revision; snapshot: string } | undefined {
  const row = prepared(db, "SELECT * FROM revisions WHERE project_id = ? AND state = 'accepted' ORDER BY number DESC LIMIT 1").get(projectId) as
    | RevisionRow
    | undefined;
  return row && row.snapshot !== null ? { revision: toRevision(row), snapshot: row.snapshot } : undefined;
}

export function saveRevision(db: Database, r: Revision & { snapshot?: string | null }): void {
  prepared(
    db,
    `INSERT INTO revisions (project_id, number, state, submitted_by, submitted_at, reviewed_by, reviewed_at, comments, snapshot, snapshot_hash, trail_head)
     VALUES (@projectId, @number, @state, @submittedBy, @submittedAt, @reviewedBy, @reviewedAt, @comments, @snapshot, @snapshotHash, @trailHead)
     ON CONFLICT(project_id, number) DO UPDATE SET state = excluded.state, submitted_by = excluded.submitted_by,
       submitted_at = excluded.submitted_at, reviewed_by = excluded.reviewed_by, reviewed_at = excluded.reviewed_at,
       comments = excluded.comments, snapshot = coalesce(excluded.snapshot, revisions.snapshot),
       snapshot_hash = excluded.snapshot_hash, trail_head = excluded.trail_head`,
  ).run({ snapshot: null, ...r });
}
