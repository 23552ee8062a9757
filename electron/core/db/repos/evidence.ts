import type { Database } from 'better-sqlite3';
import type { Evidence } from '../../../../shared/domain/evidence';
import { prepared } from '../prepared';

interface EvidenceRow {
  id: string;
  project_id: string;
  sha256: string;
  file_name: string;
  size: number;
  media_type: string;
  description: string;
  captured_by: string;
  captured_at: string;
  item_ids: string | null;
}

const SELECT = `SELECT e.*, (SELECT json_group_array(item_id) FROM (SELECT item_id FROM evidence_links l WHERE l.evidence_id = e.id ORDER BY item_id)) AS item_ids FROM evidence e`;

const toEvidence = (r: EvidenceRow): Evidence => ({
  id: r.id,
  projectId: r.project_id,
  sha256: r.sha256,
  fileName: r.file_name,
  size: r.size,
  mediaType: r.media_type,
  description: r.description,
  capturedBy: r.captured_by,
  capturedAt: r.captured_at,
  itemIds: r.item_ids ? (JSON.parse(r.item_ids) as string[]) : [],
});

export function listEvidence(db: Database, projectId: string): Evidence[] {
  return (prepared(db, `${SELECT} WHERE e.project_id = ? ORDER BY e.captured_at, e.id`).all(projectId) as EvidenceRow[]).map(toEvidence);
}

export function findEvidence(db: Database, id: string): Evidence | undefined {
  const row = prepared(db, `${SELECT} WHERE e.id = ?`).get(id) as EvidenceRow | undefined;
  return row && toEvidence(row);
}

export function findEvidenceByHash(db: Database, projectId: string, sha256: string): Evidence | undefined {
  const row = prepared(db, `${SELECT} WHERE e.project_id = ? AND e.sha256 = ?`).get(projectId, sha256) as EvidenceRow | undefined;
  return row && toEvidence(row);
}

export function insertEvidence(db: Database, e: Omit<Evidence, 'itemIds'>): void {
  prepared(
    db,
    `INSERT INTO evidence (id, project_id, sha256, file_name, size, media_type, description, captured_by, captured_at)
     VALUES (@id, @projectId, @sha256, @fileName, @size, @mediaType, @description, @capturedBy, @capturedAt)`,
  ).run(e);
}

export function updateEvidenceDescription(db: Database, id: string, description: string): void {
  prepared(db, 'UPDATE evidence SET description = ? WHERE id = ?').run(description, id);
}

export function linkEvidence(db: Database, evidenceId: string, itemId: string): void {
  prepared(db, 'INSERT OR IGNORE INTO evidence_links (evidence_id, item_id) VALUES (?, ?)').run(evidenceId, itemId);
}

export function unlinkEvidence(db: Database, evidenceId: string, itemId: string): void {
  prepared(db, 'DELETE FROM evidence_links WHERE evidence_id = ? AND item_id = ?').run(evidenceId, itemId);
}

export function deleteEvidence(db: Database, id: string): void {
  prepared(db, 'DELETE FROM evidence WHERE id = ?').run(id);
}

/** Those of `hashes` that some project still refers to (the store is shared across projects); one pass over the table. */
export function referencedHashes(db: Database, hashes: readonly string[]): Set<string> {
  const rows = prepared(db, 'SELECT DISTINCT sha256 FROM evidence WHERE sha256 IN (SELECT value FROM json_each(?))').all(JSON.stringify(hashes)) as { sha256: string }[];
  return new Set(rows.map((r) => r.sha256));
}
