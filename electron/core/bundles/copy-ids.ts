import { randomUUID } from 'node:crypto';
import type { BundleProject, BundleRevision, BundleWorkspace } from './project-file';

/** Old id → new id, per kind of record: what a copy's genesis records so both histories can be related. */
export interface IdMap {
  project: Record<string, string>;
  flows: Record<string, string>;
  evidence: Record<string, string>;
  findings: Record<string, string>;
}

/**
 * The project under new ids, for "import as a copy": the project, its flows, evidence records and
 * findings get fresh UUIDs and every reference among them follows. Accepted snapshots stay byte
 * for byte what the reviewer accepted (their hashes are in the original chain); the chain itself is
 * not carried over here, because its hashes cover the old project id (see provenance.ts).
 */
export function withNewIds(source: BundleProject, newId: () => string = randomUUID): { workspace: BundleWorkspace; revisions: BundleRevision[]; ids: IdMap } {
  const ws = source.workspace;
  const projectId = newId();
  const fresh = (items: readonly { id: string }[]) => Object.fromEntries(items.map((i) => [i.id, newId()]));
  const ids: IdMap = { project: { [ws.project.id]: projectId }, flows: fresh(ws.flows), evidence: fresh(ws.evidence), findings: fresh(ws.findings) };
  return { workspace: applyIds(ws, ids), revisions: source.revisions.map((r) => ({ ...r, projectId })), ids };
}

/**
 * A workspace under the ids of `ids`, every reference following: what a copy's rows are, given the
 * original's. The integrity check replays a copy's history through this same function.
 */
export function applyIds(ws: BundleWorkspace, ids: IdMap): BundleWorkspace {
  // Unknown ids (a finding may still name evidence deleted since) are kept as they were.
  const map = (table: Record<string, string>, id: string) => (Object.hasOwn(table, id) ? table[id]! : id);
  const projectId = map(ids.project, ws.project.id);
  return {
    project: { ...ws.project, id: projectId as BundleWorkspace['project']['id'] },
    flows: ws.flows.map((f) => ({ ...f, id: map(ids.flows, f.id), projectId })),
    questions: ws.questions.map((q) => ({ ...q, flowId: map(ids.flows, q.flowId) })),
    answers: ws.answers.map((a) => ({ ...a, projectId })),
    evidence: ws.evidence.map((e) => ({ ...e, id: map(ids.evidence, e.id), projectId })),
    findings: ws.findings.map((f) => ({ ...f, id: map(ids.findings, f.id), projectId, evidenceIds: f.evidenceIds.map((id) => map(ids.evidence, id)) })),
    overrides: ws.overrides.map((o) => ({ ...o, projectId, scope: map(ids.flows, o.scope) })),
  };
}
