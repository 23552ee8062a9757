import { createHash } from 'node:crypto';
import type { BundleRevision } from '../bundles/project-file';
import { stateDifferences } from './compare';
import { problemOf, problemText, type IntegrityProblem } from './problems';
import type { AcceptRecord } from './replay';
import { stateOfWorkspace } from './state';

/** The accepted snapshots of a project checked against their hashes and against the trail. */
export interface SnapshotCheck {
  checked: number;
  problems: IntegrityProblem[];
}

/**
 * Each accepted revision's stored snapshot must hash to its stored hash, that hash must be the
 * one the trail's accept row recorded (the chain and the anchor vouch for that row), the revision's
 * trail head must be that row, and the snapshot must hold what the trail says the project was at
 * that row. Every accept row must have its revision stored. A deleted project keeps no revisions.
 * The revisions come from the database (listRevisionsWithSnapshots) or from a bundle's project.json.
 */
export function checkSnapshots(revisions: readonly BundleRevision[], accepts: ReadonlyMap<number, AcceptRecord>, projectExists: boolean): SnapshotCheck {
  const problems: IntegrityProblem[] = [];
  const accepted = revisions.filter((r) => r.state === 'accepted');
  for (const r of accepted) {
    const revision = r.number;
    const accept = accepts.get(revision);
    if (r.snapshot === null) {
      problems.push(problemOf('snapshot-missing', { revision }));
      continue;
    }
    if (createHash('sha256').update(r.snapshot).digest('hex') !== r.snapshotHash) problems.push(problemOf('snapshot-hash', { revision }));
    if (!accept) {
      problems.push(problemOf('snapshot-no-accept', { revision }));
      continue;
    }
    if (accept.snapshotHash !== r.snapshotHash) problems.push(problemOf('snapshot-trail', { revision }));
    if (accept.hash !== r.trailHead) problems.push(problemOf('snapshot-head', { revision }));
    const difference = replayDifference(r.snapshot, accept);
    if (difference) problems.push(problemOf('snapshot-replay', { revision, difference: problemText(difference) }));
  }
  if (projectExists) {
    const stored = new Set(accepted.map((r) => r.number));
    for (const revision of accepts.keys()) if (!stored.has(revision)) problems.push(problemOf('snapshot-not-stored', { revision }));
  }
  return { checked: accepted.length, problems };
}

/** The first way a snapshot differs from the trail's state at its accept row (null when it holds exactly that). */
function replayDifference(snapshot: string, accept: AcceptRecord): IntegrityProblem | null {
  let ws: unknown;
  try {
    ws = JSON.parse(snapshot);
  } catch {
    return problemOf('state-unreadable', { what: `snapshot of revision ${accept.revision}` });
  }
  const isObject = (v: unknown) => v !== null && typeof v === 'object';
  const shaped = (v: unknown): v is Parameters<typeof stateOfWorkspace>[0] =>
    isObject(v) &&
    ['flows', 'questions', 'answers', 'evidence', 'findings', 'overrides'].every((k) => {
      const list = (v as Record<string, unknown>)[k];
      return Array.isArray(list) && list.every(isObject);
    });
  if (!shaped(ws)) return problemOf('state-unreadable', { what: `snapshot of revision ${accept.revision}` });
  return stateDifferences(accept.state, stateOfWorkspace(ws))[0] ?? null;
}
