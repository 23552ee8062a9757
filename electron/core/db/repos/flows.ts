import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { ExemptionClaim, type Flow, type QuestionAnswer } from '../../../../shared/domain/flow';
import { readJson } from '../json-column';
import { prepared } from '../prepared';

interface FlowRow {
  id: string;
  project_id: string;
  position: number;
  name: string;
  scenario: string;
  behaviour: string;
  data_categories: string;
  recipient: string;
  country: string;
  purpose: string;
  channel: string;
  frequency: string;
  individuals: number | null;
  sensitive_individuals: number | null;
  exemption_claims: string;
  created_at: string;
  updated_at: string;
}

const Categories = z.array(z.string());
const Claims = z.array(ExemptionClaim);

const toFlow = (r: FlowRow): Flow =>
  ({
    id: r.id,
    projectId: r.project_id,
    position: r.position,
    name: r.name,
    scenario: r.scenario,
    behaviour: r.behaviour,
    dataCategories: readJson(Categories, r.data_categories, `flow ${r.id}`),
    recipient: r.recipient,
    country: r.country,
    purpose: r.purpose,
    channel: r.channel,
    frequency: r.frequency,
    individuals: r.individuals,
    sensitiveIndividuals: r.sensitive_individuals,
    exemptionClaims: readJson(Claims, r.exemption_claims, `flow ${r.id}`),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }) as Flow;

export function listFlows(db: Database, projectId: string): Flow[] {
  return (prepared(db, 'SELECT * FROM flows WHERE project_id = ? ORDER BY position, id').all(projectId) as FlowRow[]).map(toFlow);
}

export function findFlow(db: Database, id: string): Flow | undefined {
  const row = prepared(db, 'SELECT * FROM flows WHERE id = ?').get(id) as FlowRow | undefined;
  return row && toFlow(row);
}

export function nextFlowPosition(db: Database, projectId: string): number {
  return (prepared(db, 'SELECT coalesce(max(position), 0) + 1 AS n FROM flows WHERE project_id = ?').get(projectId) as { n: number }).n;
}

/** Inserts or replaces the whole row: flows are small and edited as a unit. */
export function saveFlow(db: Database, f: Flow): void {
  prepared(
    db,
    `INSERT INTO flows (id, project_id, position, name, scenario, behaviour, data_categories, recipient, country, purpose,
       channel, frequency, individuals, sensitive_individuals, exemption_claims, created_at, updated_at)
     VALUES (@id, @projectId, @position, @name, @scenario, @behaviour, @dataCategories, @recipient, @country, @purpose,
       @channel, @frequency, @individuals, @sensitiveIndividuals, @exemptionClaims, @createdAt, @updatedAt)
     ON CONFLICT(id) DO UPDATE SET position = excluded.position, name = excluded.name, scenario = excluded.scenario,
       behaviour = excluded.behaviour, data_categories = excluded.data_categories, recipient = excluded.recipient,
       country = excluded.country, purpose = excluded.purpose, channel = excluded.channel, frequency = excluded.frequency,
       individuals = excluded.individuals, sensitive_individuals = excluded.sensitive_individuals,
       exemption_claims = excluded.exemption_claims, updated_at = excluded.updated_at`,
  ).run({ ...f, dataCategories: JSON.stringify(f.dataCategories), exemptionClaims: JSON.stringify(f.exemptionClaims) });
}

export function deleteFlow(db: Database, id: string): void {
  prepared(db, 'DELETE FROM flows WHERE id = ?').run(id);
}

interface QuestionRow {
  flow_id: string;
  item_id: string;
  answer: string;
  note: string;
  updated_at: string;
}

const toQuestion = (r: QuestionRow) =>
  ({ flowId: r.flow_id, itemId: r.item_id, answer: r.answer, note: r.note, updatedAt: r.updated_at }) as QuestionAnswer;

export function listQuestionAnswers(db: Database, projectId: string): QuestionAnswer[] {
  return (
    prepared(db, 'SELECT q.* FROM question_answers q JOIN flows f ON f.id = q.flow_id WHERE f.project_id = ? ORDER BY q.flow_id, q.item_id').all(
      projectId,
    ) as QuestionRow[]
  ).map(toQuestion);
}

export function findQuestionAnswer(db: Database, flowId: string, itemId: string): QuestionAnswer | undefined {
  const row = prepared(db, 'SELECT * FROM question_answers WHERE flow_id = ? AND item_id = ?').get(flowId, itemId) as QuestionRow | undefined;
  return row && toQuestion(row);
}

export function saveQuestionAnswer(db: Database, q: QuestionAnswer): void {
  prepared(
    db,
    `INSERT INTO question_answers (flow_id, item_id, answer, note, updated_at) VALUES (@flowId, @itemId, @answer, @note, @updatedAt)
     ON CONFLICT(flow_id, item_id) DO UPDATE SET answer = excluded.answer, note = excluded.note, updated_at = excluded.updated_at`,
  ).run(q);
}
