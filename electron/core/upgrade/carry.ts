import type { PackItem } from '../../../shared/rules/items';

/** What happens to an answer when its item moves to another pack version. */
export type CarryDecision = 'carry' | 'reconfirm' | 'archive';

/**
 * Decides by content hash, never by wording or position: the answer was given to the item whose
 * hash is `answeredHash`; if the item in the new version (`to`, with `toHash`) is still active and
 * has the same hash it carries as it is, with another hash it is carried to re-confirm, and an item
 * withdrawn or gone keeps the answer in the archive. Pure; the upgrade and the carry-over of a
 * previous audit both decide with it.
 */
export function carryDecision(answeredHash: string | undefined, to: PackItem | undefined, toHash: string | undefined): CarryDecision {
  if (to?.status !== 'active') return 'archive';
  return answeredHash !== undefined && answeredHash === toHash ? 'carry' : 'reconfirm';
}
