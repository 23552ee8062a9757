import { describe, expect, it } from 'vitest';
import { itemContentHash, sealIsIntact, sealPack } from '../../../electron/core/rules/hash';
import type { PackContent, RulesPack } from '../../../shared/rules/schema';
import { sourcePack } from '../../shared/rules/source-pack';

const contentOf = ({ itemHashes: _i, contentHash: _c, ...content }: RulesPack): PackContent => content;

describe('pack and item content hashes', () => {
  it('are stable: sealing the same content twice gives the same hashes', async () => {
    const pack = await sourcePack();
    expect(sealPack(structuredClone(contentOf(pack)))).toEqual(pack);
    expect(sealIsIntact(pack)).toBe(true);
  });

  it('give every item its own hash', async () => {
    const pack = await sourcePack();
    expect(pack.itemHashes['adsg-2026:log-03']).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set(Object.values(pack.itemHashes)).size).toBe(Object.keys(pack.itemHashes).length);
  });

  it('keep an item hash when only its provenance changes, so answers carry forward', async () => {
    const item = (await sourcePack()).checklists[0]?.items[0];
    if (!item) throw new Error('no checklist item');
    const reSourced = {
      ...item,
      provenance: ['2026-SUM' as const],
      confidence: 'H' as const,
      source: { ...item.source, ids: ['S01'] },
    };
    expect(itemContentHash(reSourced)).toBe(itemContentHash(item));
  });

  it('change an item hash and the pack hash when the text changes', async () => {
    const pack = await sourcePack();
    const content = contentOf(pack);
    const [checklist, ...others] = content.checklists;
    if (!checklist?.items[0]) throw new Error('no checklist item');
    const [first, ...rest] = checklist.items;
    const edited = { ...first, requirement: { ...first.requirement, en: `${first.requirement.en} (edited)` } };
    const resealed = sealPack({ ...content, checklists: [{ ...checklist, items: [edited, ...rest] }, ...others] });
    expect(resealed.itemHashes[first.id]).not.toBe(pack.itemHashes[first.id]);
    expect(resealed.contentHash).not.toBe(pack.contentHash);
    // Only the edited item's hash moved.
    const moved = Object.keys(pack.itemHashes).filter((id) => pack.itemHashes[id] !== resealed.itemHashes[id]);
    expect(moved).toEqual([first.id]);
  });

  it('detect a compiled pack edited after sealing', async () => {
    const pack = await sourcePack();
    expect(sealIsIntact({ ...pack, version: '9.9.9' })).toBe(false);
    expect(sealIsIntact({ ...pack, itemHashes: { ...pack.itemHashes, 'adsg-2026:log-03': '0'.repeat(64) } })).toBe(
      false,
    );
  });
});
