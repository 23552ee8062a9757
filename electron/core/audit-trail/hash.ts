import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../shared/canonical-json';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields a trail row's hash covers. The row number is left out so a chain stays valid when
 * a project moves to another database (bundles); order is carried by prev_hash instead. */
export interface HashedFields {
  chainKey: string;
  entity: string;
  entityId: string;
  action: string;
  actor: string;
  at: string;
  before: string | null;
  after: string | null;
}

/** SHA-256 over the previous hash and the canonical JSON of the row. */
export function trailHash(prevHash: string, row: HashedFields): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(row)).digest('hex');
}
