import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type { Finding } from '../../../../shared/domain/finding';
import { readJson } from '../json-column';
import { prepared } from '../prepared';

interface FindingRow {
  id: string;
  project_id: string;
  number: number;
  severity: string;
  title: string;
  description: string;
  recommendation: string;
  owner: string;
  due_date: string | null;
  status: string;
  item_ids: string;
  evidence_ids: string;
  created_at: string;
  updated_at: string;
}

const Ids = z.array(z.string());

const toFinding = (r: FindingRow) =>
  ({
    id: r.id,
    projectId: r.project_id,
    number: r.number,
    severity: r.severity,
    title: r.title,
    description: r.description,
    recommendation: r.recommendation,
    owner: r.owner,
    dueDate: r.due_date,
    status: r.status,
    itemIds: readJson(Ids, r.item_ids, `finding ${r.id}`),
    evidenceIds: readJson(Ids, r.evidence_ids, `finding ${r.id}`),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }) as Finding;

export function listFindings(db: Database, projectId: string): Finding[] {
  return (prepared(db, 'SELECT * FROM findings WHERE project_id = ? ORDER BY number').all(projectId) as FindingRow[]).map(toFinding);
}

export function findFinding(db: Database, id: string): Finding | undefined {
  const row = prepared(db, 'SELECT * FROM findings WHERE id = ?').get(id) as FindingRow | undefined;
  return row && toFinding(row);
}

/** Findings are numbered per project (F-1, F-2 …) and numbers are never reused. */
export function nextFindingNumber(db: Database, projectId: string): number {
  return (prepared(db, 'SELECT coalesce(max(number), 0) + 1 AS n FROM findings WHERE project_id = ?').get(projectId) as { n: number }).n;
}

export function saveFinding(db: Database, f: Finding): void {
  prepared(
    db,
    `INSERT INTO findings (id, project_id, number, severity, title, description, recommendation, owner, due_date, status,
       item_ids, evidence_ids, created_at, updated_at)
     VALUES (@id, @projectId, @number, @severity, @title, @description, @recommendation, @owner, @dueDate, @status,
       @itemIds, @evidenceIds, @createdAt, @updatedAt)
     ON CONFLICT(id) DO UPDATE SET severity = excluded.severity, title = excluded.title, description = excluded.description,
       recommendation = excluded.recommendation, owner = excluded.owner, due_date = excluded.due_date, status = excluded.status,
       item_ids = excluded.item_ids, evidence_ids = excluded.evidence_ids, updated_at = excluded.updated_at`,
  ).run({ ...f, itemIds: JSON.stringify(f.itemIds), evidenceIds: JSON.stringify(f.evidenceIds) });
}

export function deleteFinding(db: Database, id: string): void {
  prepared(db, 'DELETE FROM findings WHERE id = ?').run(id);
}
