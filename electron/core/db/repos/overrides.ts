import type { Database } from 'better-sqlite3';
import { prepared } from '../prepared';

/** An auditor's override of the engine's outcome for the organisation or one flow. */
export interface OverrideRow {
  projectId: string;
  scope: string;
  outcome: string;
  exemption: string | null;
  justification: string;
  actor: string;
  at: string;
}

export function listOverrides(db: Database, projectId: string): OverrideRow[] {
  return prepared(
    db,
    'SELECT project_id AS projectId, scope, outcome, exemption, justification, actor, at FROM determination_overrides WHERE project_id = ? ORDER BY scope',
  ).all(projectId) as OverrideRow[];
}

export function findOverride(db: Database, projectId: string, scope: string): OverrideRow | undefined {
  return prepared(
    db,
    'SELECT project_id AS projectId, scope, outcome, exemption, justification, actor, at FROM determination_overrides WHERE project_id = ? AND scope = ?',
  ).get(projectId, scope) as OverrideRow | undefined;
}

export function saveOverride(db: Database, o: OverrideRow): void {
  prepared(
    db,
    `INSERT INTO determination_overrides (project_id, scope, outcome, exemption, justification, actor, at)
     VALUES (@projectId, @scope, @outcome, @exemption, @justification, @actor, @at)
     ON CONFLICT(project_id, scope) DO UPDATE SET outcome = excluded.outcome, exemption = excluded.exemption,
       justification = excluded.justification, actor = excluded.actor, at = excluded.at`,
  ).run(o);
}

export function deleteOverride(db: Database, projectId: string, scope: string): void {
  prepared(db, 'DELETE FROM determination_overrides WHERE project_id = ? AND scope = ?').run(projectId, scope);
}
