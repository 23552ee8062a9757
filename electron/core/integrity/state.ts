import type { BundleWorkspace } from '../bundles/project-file';

/** A record as JSON holds it: the replay compares values, it never interprets them. */
export type RawRecord = Record<string, unknown>;

/**
 * A project's state keyed the way the replay check compares it: from the trail (latest `after` per
 * entity) or from the database. Maps keep the order records were first seen in.
 */
export interface ProjectState {
  project: RawRecord | null;
  flows: Map<string, RawRecord>;
  /** Keyed `flowId/itemId`, the trail's entity id for a questionnaire answer. */
  questions: Map<string, RawRecord>;
  /** Keyed by checklist item id. */
  answers: Map<string, RawRecord>;
  evidence: Map<string, RawRecord>;
  findings: Map<string, RawRecord>;
  /** Keyed by scope ('organization' or a flow id). */
  overrides: Map<string, RawRecord>;
}

/** The keyed collections of a state, by the name the replay reports them under. */
export const COLLECTIONS = [
  ['flow', 'flows'],
  ['question', 'questions'],
  ['answer', 'answers'],
  ['evidence', 'evidence'],
  ['finding', 'findings'],
  ['override', 'overrides'],
] as const;

export const emptyState = (): ProjectState => ({
  project: null,
  flows: new Map(),
  questions: new Map(),
  answers: new Map(),
  evidence: new Map(),
  findings: new Map(),
  overrides: new Map(),
});

const byKey = (rows: readonly unknown[], key: (r: RawRecord) => string) => new Map((rows as RawRecord[]).map((r) => [key(r), r]));

/** How each collection's records are keyed (as the trail's entity ids are). */
export const KEYS = {
  flows: (r: RawRecord) => String(r.id),
  questions: (r: RawRecord) => `${String(r.flowId)}/${String(r.itemId)}`,
  answers: (r: RawRecord) => String(r.itemId),
  evidence: (r: RawRecord) => String(r.id),
  findings: (r: RawRecord) => String(r.id),
  overrides: (r: RawRecord) => String(r.scope),
} as const;

/** A state from a workspace (loadWorkspace's shape, or an accepted snapshot's). */
export function stateOfWorkspace(ws: { project: unknown; flows: readonly unknown[]; questions: readonly unknown[]; answers: readonly unknown[]; evidence: readonly unknown[]; findings: readonly unknown[]; overrides: readonly unknown[] }): ProjectState {
  return {
    project: (ws.project as RawRecord | null) ?? null,
    flows: byKey(ws.flows, KEYS.flows),
    questions: byKey(ws.questions, KEYS.questions),
    answers: byKey(ws.answers, KEYS.answers),
    evidence: byKey(ws.evidence, KEYS.evidence),
    findings: byKey(ws.findings, KEYS.findings),
    overrides: byKey(ws.overrides, KEYS.overrides),
  };
}

/** The state as a workspace, for the id mapping a copy goes through (copy-ids.ts). */
export function workspaceOfState(s: ProjectState): BundleWorkspace {
  const list = (m: Map<string, RawRecord>) => [...m.values()];
  return {
    project: s.project,
    flows: list(s.flows),
    questions: list(s.questions),
    answers: list(s.answers),
    evidence: list(s.evidence),
    findings: list(s.findings),
    overrides: list(s.overrides),
  } as unknown as BundleWorkspace;
}

/** A deep copy (the replay keeps the state at each accept row while it goes on). */
export const cloneState = (s: ProjectState): ProjectState => structuredClone(s);
