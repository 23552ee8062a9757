import type { Database } from 'better-sqlite3';
import type { Answer } from '../../../../shared/domain/answer';
import { prepared } from '../prepared';

interface AnswerRow {
  project_id: string;
  item_id: string;
  result: string;
  notes: string;
  justification: string;
  updated_at: string;
  actor: string;
}

const toAnswer = (r: AnswerRow) =>
  ({ projectId: r.project_id, itemId: r.item_id, result: r.result, notes: r.notes, justification: r.justification, updatedAt: r.updated_at, actor: r.actor }) as Answer;

export function listAnswers(db: Database, projectId: string): Answer[] {
  return (prepared(db, 'SELECT * FROM answers WHERE project_id = ?').all(projectId) as AnswerRow[]).map(toAnswer);
}

export function findAnswer(db: Database, projectId: string, itemId: string): Answer | undefined {
  const row = prepared(db, 'SELECT * FROM answers WHERE project_id = ? AND item_id = ?').get(projectId, itemId) as AnswerRow | undefined;
  return row && toAnswer(row);
}

export function saveAnswer(db: Database, a: Answer): void {
  prepared(
    db,
    `INSERT INTO answers (project_id, item_id, result, notes, justification, updated_at, actor)
     VALUES (@projectId, @itemId, @result, @notes, @justification, @updatedAt, @actor)
     ON CONFLICT(project_id, item_id) DO UPDATE SET result = excluded.result, notes = excluded.notes,
       justification = excluded.justification, updated_at = excluded.updated_at, actor = excluded.actor`,
  ).run(a);
}
