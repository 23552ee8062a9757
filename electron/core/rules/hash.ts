import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../shared/canonical-json';
import { packItems } from '../../../shared/rules/items';
import { ITEM_METADATA_FIELDS, type ItemMeta, type PackContent, type RulesPack } from '../../../shared/rules/schema';

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * SHA-256 over the canonical JSON of what an item asks or states, without its metadata (status,
 * source, provenance, confidence, notes): re-sourcing an item, or raising its confidence once the
 * official text confirms it, keeps the hash, so a project's answers carry forward to the new version.
 */
export function itemContentHash(item: ItemMeta): string {
  const content: Record<string, unknown> = { ...item };
  for (const field of ITEM_METADATA_FIELDS) delete content[field];
  return sha256Hex(canonicalJson(content));
}

/** The compiled pack: the content, a hash per item, and a SHA-256 over the canonical JSON of both. */
export function sealPack(content: PackContent): RulesPack {
  const itemHashes = Object.fromEntries(packItems(content).map(({ id, item }) => [id, itemContentHash(item)]));
  const body = { ...content, itemHashes };
  return { ...body, contentHash: sha256Hex(canonicalJson(body)) };
}

/** True when a compiled pack's hashes match its content (nothing was edited after compiling). */
export function sealIsIntact(pack: RulesPack): boolean {
  const { itemHashes: _itemHashes, contentHash: _contentHash, ...content } = pack;
  const resealed = sealPack(content);
  return (
    resealed.contentHash === pack.contentHash && canonicalJson(resealed.itemHashes) === canonicalJson(pack.itemHashes)
  );
}
