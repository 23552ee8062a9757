import type { Database } from 'better-sqlite3';
import { noteAppended } from '../audit-trail/trail';
import { prepared } from '../db/prepared';
import type { BundleRevision, BundleTrailRow } from './project-file';

/** Every revision of a project with its stored snapshot, oldest first (the revisions repo reads them without). */
export function listRevisionsWithSnapshots(db: Database, projectId: string): BundleRevision[] {
  return prepared(
    db,
    `SELECT project_id AS projectId, number, state, submitted_by AS submittedBy, submitted_at AS submittedAt,
       reviewed_by AS reviewedBy, reviewed_at AS reviewedAt, comments, snapshot, snapshot_hash AS snapshotHash, trail_head AS trailHead
     FROM revisions WHERE project_id = ? ORDER BY number`,
  ).all(projectId) as BundleRevision[];
}

/** A project's whole audit chain as stored (before/after as the exact text hashed), oldest first. */
export function listChainRows(db: Database, projectId: string): BundleTrailRow[] {
  return prepared(
    db,
    `SELECT entity, entity_id AS entityId, action, actor, at, before, after, prev_hash AS prevHash, hash
     FROM audit_trail WHERE chain_key = ? ORDER BY seq`,
  ).all(projectId) as BundleTrailRow[];
}

/**
 * Appends chain rows exactly as they were (hashes included) under `chainKey`. Only for rows
 * whose chain was verified against that key: the table's own append-only triggers still apply.
 */
export function insertChainRows(db: Database, chainKey: string, rows: readonly BundleTrailRow[]): void {
  const insert = prepared(
    db,
    `INSERT INTO audit_trail (chain_key, entity, entity_id, action, actor, at, before, after, prev_hash, hash)
     VALUES (@chainKey, @entity, @entityId, @action, @actor, @at, @before, @after, @prevHash, @hash)`,
  );
  for (const row of rows) insert.run({ ...row, chainKey });
  // The anchor keeper anchors the new chain's end as it does for any append.
  if (rows.length) noteAppended(db, chainKey);
}

/** True when a chain with this key has any row (a deleted project's chain stays behind). */
export function chainExists(db: Database, chainKey: string): boolean {
  return prepared(db, 'SELECT 1 FROM audit_trail WHERE chain_key = ? LIMIT 1').get(chainKey) !== undefined;
}

/** Which of these ids already name a flow, finding or evidence record anywhere in the database. */
export function takenIds(db: Database, ids: readonly string[]): string[] {
  const taken: string[] = [];
  for (const table of ['flows', 'findings', 'evidence'] as const) {
    const stmt = prepared(db, `SELECT 1 FROM ${table} WHERE id = ?`);
    for (const id of ids) if (stmt.get(id) !== undefined) taken.push(id);
  }
  return taken;
}
