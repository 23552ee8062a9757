import { GENESIS_HASH, trailHash } from '../audit-trail/hash';
import { BundleError } from './errors';
import type { BundleTrailRow } from './project-file';

/**
 * Walks chain rows held in memory (from a bundle, or embedded in a copy's genesis) exactly as
 * verifyTrail walks the table: each row must link to the previous hash and hash to its own.
 * @returns the head (null for an empty chain).
 * @throws BundleError `trail-broken` naming the first bad row (1-based).
 */
export function verifyChainRows(rows: readonly BundleTrailRow[], chainKey: string): string | null {
  let prev = GENESIS_HASH;
  rows.forEach((r, i) => {
    if (r.prevHash !== prev) throw new BundleError('trail-broken', { row: i + 1, reason: 'link' });
    const { entity, entityId, action, actor, at, before, after } = r;
    if (trailHash(prev, { chainKey, entity, entityId, action, actor, at, before, after }) !== r.hash) {
      throw new BundleError('trail-broken', { row: i + 1, reason: 'hash' });
    }
    prev = r.hash;
  });
  return rows.length ? prev : null;
}
