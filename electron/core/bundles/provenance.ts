import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { Sha256Hex } from '../../../shared/domain/evidence';
import { GENESIS_HASH } from '../audit-trail/hash';
import type { TrailEvent } from '../audit-trail/trail';
import { verifyChainRows } from './chain';
import type { IdMap } from './copy-ids';
import { BundleError } from './errors';
import { firstIssue } from './manifest';
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
  /** 1 for a copy, 2 for a copy of a copy, … */
  depth: number;
}

/** What a chain's embedded history (at any depth) holds: the rows' hashes and the projects they were kept for. */
export interface Origins {
  hashes: string[];
  projectIds: string[];
}

/** A verified embedded history: its provenance and its origins. */
interface EmbeddedHistory extends CopyProvenance, Origins {}

/**
 * Re-verifies a copy's history: the embedded original chain must recompute to the head the
 * genesis records, recursively for a copy of a copy. Returns null for a project that is not a copy.
 * (The project's own chain, genesis included, is checked by verifyTrail as for any project.)
 * @throws BundleError `trail-broken` | `trail-mismatch` | `project-inconsistent` when the embedded history does not hold.
 */
export function verifyCopyProvenance(db: Database, projectId: string): CopyProvenance | null {
  const history = embeddedHistory(listChainRows(db, projectId)[0]);
  return history && { originalProjectId: history.originalProjectId, originalTrailHead: history.originalTrailHead, depth: history.depth };
}

/**
 * The rows and projects a chain carries inside its copy genesis (none when it starts otherwise),
 * verified on the way: a copy's revisions name trail heads of the original chain, and their
 * accepted snapshots the original project.
 */
export function embeddedOrigins(chain: readonly BundleTrailRow[]): Origins {
  const history = embeddedHistory(chain[0]);
  return { hashes: history?.hashes ?? [], projectIds: history?.projectIds ?? [] };
}

function embeddedHistory(first: BundleTrailRow | undefined): EmbeddedHistory | null {
  if (!first || first.entity !== COPY_ENTITY || first.action !== COPY_ACTION || first.prevHash !== GENESIS_HASH) return null;
  let parsed;
  try {
    parsed = CopyGenesis.safeParse(JSON.parse(first.after ?? 'null'));
  } catch {
    parsed = undefined;
  }
  if (!parsed?.success) throw new BundleError('project-inconsistent', { detail: `the copy record is malformed${parsed ? `: ${firstIssue(parsed.error)}` : ''}` });
  const genesis = parsed.data;
  const head = verifyChainRows(genesis.originalTrail, genesis.originalProjectId);
  if (head !== genesis.originalTrailHead) throw new BundleError('trail-mismatch', { found: head ?? '-', expected: genesis.originalTrailHead ?? '-' });
  const deeper = embeddedHistory(genesis.originalTrail[0]);
  return {
    originalProjectId: genesis.originalProjectId,
    originalTrailHead: genesis.originalTrailHead,
    depth: (deeper?.depth ?? 0) + 1,
    hashes: [...genesis.originalTrail.map((r) => r.hash), ...(deeper?.hashes ?? [])],
    projectIds: [genesis.originalProjectId, ...(deeper?.projectIds ?? [])],
  };
}
