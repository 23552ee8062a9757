import type { BundleRevision } from '../bundles/project-file';
import { stateDifferences } from './compare';
import { problemOf, type IntegrityProblem } from './problems';
import { TrailReplay, type ReplayRow } from './replay';
import { checkSnapshots } from './snapshots';
import { stateOfWorkspace, type ProjectState } from './state';

/** At most this many differences of stored state are listed one by one; the rest are counted. */
const MAX_DIFFERENCES = 10;

/**
 * What a replayed history says against what is stored: rows that could not be read, the stored
 * state's differences from the replayed one (the first few by entity, id and field), and the
 * accepted snapshots against the accept rows (snapshots.ts).
 */
export function replayProblems(replay: TrailReplay, stored: ProjectState, revisions: readonly BundleRevision[]): { problems: IntegrityProblem[]; snapshots: number } {
  const differences = stateDifferences(replay.state, stored);
  const snapshots = checkSnapshots(revisions, replay.accepts, replay.state.project !== null);
  const more = differences.length > MAX_DIFFERENCES ? [problemOf('state-more', { count: differences.length - MAX_DIFFERENCES })] : [];
  return { problems: [...replay.problems, ...differences.slice(0, MAX_DIFFERENCES), ...more, ...snapshots.problems], snapshots: snapshots.checked };
}

/** The same checks over a history held in memory: a bundle's chain, workspace and revisions (its chain's hashes already verified). */
export function checkHistory(trail: readonly ReplayRow[], workspace: Parameters<typeof stateOfWorkspace>[0], revisions: readonly BundleRevision[]): IntegrityProblem[] {
  const replay = new TrailReplay();
  for (const row of trail) replay.apply(row);
  return replayProblems(replay, stateOfWorkspace(workspace), revisions).problems;
}
