import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { Sha256Hex } from '../../../shared/domain/evidence';
import type { TrailEvent } from '../audit-trail/trail';
import { verifyChainRows } from './chain';
import type { IdMap } from './copy-ids';
import { BundleError } from './errors';
import { BundleTrailRow } from './project-file';
import { listChainRows } from './project-rows';

/** The entity and action of the first row of a copy's chain. */
export const COPY_ENTITY = 'bundle';
export const COPY_ACTION = 'import-copy';

const Ids = z.record(z.string(), z.string());

/**
 * What a copy's first trail row records. A chain cannot move to a new project id (every hash
 * covers the id), so the copy starts a new chain whose genesis carries the whole original chain,
 * its head and the id map: anyone can recompute the original chain from this row alone, and the
 * new chain's hashes cover it, so the history stays verifiable without the original database.
 */
export const CopyGenesis = z.strictObject({
  format: z.literal('adsg-import-copy/1'),
  originalProjectId: z.uuid(),
  originalTrailHead: Sha256Hex.nullable(),
  originalTrail: z.array(BundleTrailRow),
  ids: z.strictObject({ project: Ids, flows: Ids, evidence: Ids, findings: Ids }),
  bundle: z.strictObject({ manifestSha256: Sha256Hex, signer: Sha256Hex.nullable() }),
});
export type CopyGenesis = z.infer<typeof CopyGenesis>;

/** The genesis event of a copy (appended with appendTrail, so hashed like every other row). */
export function copyGenesisEvent(projectId: string, actor: string, genesis: CopyGenesis): TrailEvent {
  return { projectId, entity: COPY_ENTITY, entityId: projectId, action: COPY_ACTION, actor, before: null, after: genesis };
}

/** The input of {@link copyGenesisEvent} from what an import knows. */
export function copyGenesis(original: { projectId: string; trail: BundleTrailRow[]; head: string | null }, ids: IdMap, bundle: CopyGenesis['bundle']): CopyGenesis {
  return { format: 'adsg-import-copy/1', originalProjectId: original.projectId, originalTrailHead: original.head, originalTrail: original.trail, ids, bundle };
}

/** Where an imported copy came from, re-verified from its own chain. */
export interface CopyProvenance {
  originalProjectId: string;
  originalTrailHead: string | null;
  /** Copies of copies: each original, nearest first. */
  depth: number;
}

/**
 * Re-verifies a copy's history: the embedded original chain must recompute to the head the
 * genesis records, recursively for a copy of a copy. Returns null for a project that is not a copy.
 * (The project's own chain, genesis included, is checked by verifyTrail as for any project.)
 * @throws BundleError `trail-broken` | `trail-mismatch` when the embedded history does not hold.
 */
export function verifyCopyProvenance(db: Database, projectId: string): CopyProvenance | null {
  return provenanceOf(listChainRows(db, projectId)[0]);
}

function provenanceOf(first: BundleTrailRow | undefined): CopyProvenance | null {
  if (!first || first.entity !== COPY_ENTITY || first.action !== COPY_ACTION || first.after === null) return null;
  const genesis = CopyGenesis.parse(JSON.parse(first.after));
  const head = verifyChainRows(genesis.originalTrail, genesis.originalProjectId);
  if (head !== genesis.originalTrailHead) throw new BundleError('trail-mismatch', { found: head ?? '-', expected: genesis.originalTrailHead ?? '-' });
  const deeper = provenanceOf(genesis.originalTrail[0]);
  return { originalProjectId: genesis.originalProjectId, originalTrailHead: genesis.originalTrailHead, depth: (deeper?.depth ?? 0) + 1 };
}
