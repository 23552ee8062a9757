import { createContext, runInContext } from 'node:vm';
import { build } from 'esbuild';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPackSource } from '../../../electron/core/rules/read-source';
import { sealPack } from '../../../electron/core/rules/hash';
import { diffPacks, diffText, type ItemChange, type PackDiff } from '../../../shared/rules/diff';
import type { PackContent, RulesPack } from '../../../shared/rules/schema';
import { REPO_ROOT, sourcePack } from './source-pack';

let base: RulesPack;
beforeAll(async () => {
  base = await sourcePack();
});

/** The real pack under another version, changed by `edit` and sealed again (new hashes). */
function variant(edit: (content: PackContent) => void): RulesPack {
  const { itemHashes: _h, contentHash: _c, ...content } = structuredClone(base);
  content.version = '9.0.0';
  edit(content);
  return sealPack(content);
}

const item = (diff: PackDiff, id: string): ItemChange => {
  const found = diff.areas.flatMap((a) => [...a.added, ...a.removed, ...a.changed]).find((c) => c.id === id);
  if (!found) throw new Error(`${id} is not in the diff`);
  return found;
};
const joined = (parts: { kind: string; text: string }[], kind: string) => parts.filter((p) => p.kind === kind).map((p) => p.text).join('|');
const checklistItem = (content: PackContent, id: string) => content.checklists.flatMap((c) => c.items).find((i) => i.id === id)!;

describe('the rules pack diff', () => {
  it('finds nothing between a pack and itself: every item unchanged, by area', () => {
    const diff = diffPacks(base, base);
    expect(diff.counts).toMatchObject({ added: 0, removed: 0, changed: 0, reconfirm: 0 });
    expect(diff.counts.unchanged).toBe(Object.values(base.itemHashes).length);
    expect(diff.determining).toEqual([]);
    expect(diff.areas.map((a) => a.area)).toContain('log-management');
  });

  it('reports a threshold change with its values, as a change that moves determinations', () => {
    const diff = diffPacks(base, variant((c) => (c.thresholds[0]!.value = 2_000_000)));
    const change = item(diff, base.thresholds[0]!.id);
    expect(change).toMatchObject({ change: 'changed', area: 'thresholds', contentChanged: true, determining: true });
    expect(change.fields).toEqual([{ field: 'value', kind: 'threshold', before: 1_000_000, after: 2_000_000 }]);
    expect(diff.determining.map((c) => c.id)).toEqual([base.thresholds[0]!.id]);
  });

  it('reports a decision-order change as a line diff of the steps', () => {
    const diff = diffPacks(base, variant((c) => c.decision.steps.reverse()));
    const change = item(diff, base.decision.id);
    expect(change.fields.map((f) => [f.field, f.kind])).toEqual([['steps', 'decision-order']]);
    expect(change.fields[0]!.lines!.some((p) => p.kind === 'added')).toBe(true);
    expect(change.determining).toBe(true);
  });

  it('reports a changed condition as a criteria change', () => {
    const rule = base.rules.find((r) => r.when)!;
    const diff = diffPacks(base, variant((c) => (c.rules.find((r) => r.id === rule.id)!.when = { fact: 'organization.ciio', op: 'eq', value: true })));
    expect(item(diff, rule.id).fields.map((f) => f.kind)).toEqual(['criteria']);
    expect(item(diff, rule.id).determining).toBe(true);
  });

  it('puts threshold changes first, then the decision order, then conditions, then added and removed determination items', () => {
    const rule = base.rules.find((r) => r.when && r.id !== base.rules[0]!.id)!;
    const exemption = base.exemptions.find((e) => !e.automatic)!;
    const diff = diffPacks(
      base,
      variant((c) => {
        c.rules.find((r) => r.id === rule.id)!.when = { fact: 'flow.importantData', op: 'eq', value: true };
        c.exemptions.find((e) => e.id === exemption.id)!.status = 'withdrawn';
        c.decision.steps.reverse();
        c.thresholds[1]!.value += 1;
        const log = checklistItem(c, 'adsg-2026:log-05');
        log.requirement = { ...log.requirement, en: `${log.requirement.en} Reworded.` };
      }),
    );
    expect(diff.determining.map((c) => c.id)).toEqual([base.thresholds[1]!.id, base.decision.id, rule.id, exemption.id]);
    // A reworded checklist item is a change, but not one that moves a determination.
    expect(item(diff, 'adsg-2026:log-05').determining).toBe(false);
  });

  it('gives a word-level diff of a reworded text in both languages', () => {
    const diff = diffPacks(
      base,
      variant((c) => {
        const log = checklistItem(c, 'adsg-2026:log-05');
        log.requirement = {
          'zh-CN': log.requirement['zh-CN'].replace('网络日志不少于6个月', '网络日志不少于12个月'),
          en: log.requirement.en.replace('network logs at least 6 months', 'network logs at least 12 months'),
        };
      }),
    );
    const change = item(diff, 'adsg-2026:log-05');
    expect(change).toMatchObject({ change: 'changed', area: 'log-management', contentChanged: true, ref: 'LM-05' });
    const [field] = change.fields;
    expect(field).toMatchObject({ field: 'requirement', kind: 'text' });
    expect(joined(field!.text!.en, 'removed')).toBe('6');
    expect(joined(field!.text!.en, 'added')).toBe('12');
    // Chinese is segmented into words, not treated as one long token.
    expect(joined(field!.text!['zh-CN'], 'removed')).toBe('6');
    expect(joined(field!.text!['zh-CN'], 'added')).toBe('12');
    expect(field!.text!['zh-CN'].filter((p) => p.kind === 'same').map((p) => p.text).join('')).toContain('网络日志不少于');
  });

  it('marks a change of sources or confidence alone as one that keeps answers', () => {
    const diff = diffPacks(
      base,
      variant((c) => {
        const ms = checklistItem(c, 'adsg-2026:ms-01');
        ms.confidence = 'H';
        ms.source = { ...ms.source, ids: [...ms.source.ids, 'S01'] };
      }),
    );
    const change = item(diff, 'adsg-2026:ms-01');
    expect(change).toMatchObject({ change: 'changed', contentChanged: false, determining: false });
    expect(change.fields.map((f) => [f.field, f.kind]).sort()).toEqual([
      ['confidence', 'sources'],
      ['source', 'sources'],
    ]);
    expect(diff.counts.reconfirm).toBe(0);
  });

  it('reports any other field as an "other" change with a line diff, one that still asks answers to be re-confirmed', () => {
    const diff = diffPacks(base, variant((c) => (checklistItem(c, 'adsg-2026:ms-02').verify = ['observation'])));
    const change = item(diff, 'adsg-2026:ms-02');
    expect(change).toMatchObject({ change: 'changed', contentChanged: true, determining: false });
    expect(change.fields).toEqual([expect.objectContaining({ field: 'verify', kind: 'other' })]);
    expect(joined(change.fields[0]!.lines!, 'added')).toContain('observation');
  });

  it('tells an item withdrawn from one no longer in the pack, and lists added items', () => {
    const diff = diffPacks(
      base,
      variant((c) => {
        checklistItem(c, 'adsg-2026:ms-10').status = 'withdrawn';
        const log = c.checklists.find((l) => l.area === 'log-management')!;
        log.items = log.items.filter((i) => i.id !== 'adsg-2026:log-06');
        log.items.push({ ...checklistItem(c, 'adsg-2026:log-05'), id: 'adsg-2026:log-99', ref: 'LM-99' });
      }),
    );
    expect(item(diff, 'adsg-2026:ms-10')).toMatchObject({ change: 'removed', removal: 'withdrawn', area: 'management-system' });
    expect(item(diff, 'adsg-2026:log-06')).toMatchObject({ change: 'removed', removal: 'absent', area: 'log-management' });
    expect(item(diff, 'adsg-2026:log-99')).toMatchObject({ change: 'added', ref: 'LM-99', area: 'log-management' });
    const area = diff.areas.find((a) => a.area === 'log-management')!;
    expect([area.added.length, area.removed.length, area.changed.length]).toEqual([1, 1, 0]);
    expect(area.unchanged).not.toContain('adsg-2026:log-06');
    expect(diff.counts).toMatchObject({ added: 1, removed: 2, changed: 0 });
  });

  it('shows the shipped example version against 1.0.0: a threshold change first, and a handful of each kind', async () => {
    const example = await readPackSource(resolve(REPO_ROOT, 'rules', 'adsg-2026@1.1.0-example'));
    expect(example).toMatchObject({ version: '1.1.0-example', example: true });
    const diff = diffPacks(base, example);
    expect(diff.to.example).toBe(true);
    expect(diff.determining[0]).toMatchObject({ id: 'adsg-2026:threshold-pi-contract-floor' });
    expect(diff.determining[0]!.fields[0]).toMatchObject({ kind: 'threshold', before: 100_000, after: 200_000 });
    expect(diff.counts.added).toBeGreaterThanOrEqual(2);
    expect(diff.counts.removed).toBeGreaterThanOrEqual(2);
    expect(diff.counts.reconfirm).toBeGreaterThanOrEqual(3);
    expect(item(diff, 'adsg-2026:ms-01').contentChanged).toBe(false);
  });

  it('falls back to nothing for equal texts and still diffs an empty side', () => {
    expect(diffText('同样的文字', '同样的文字', 'zh-CN')).toEqual([{ kind: 'same', text: '同样的文字' }]);
    expect(diffText('', 'new words', 'en')).toEqual([{ kind: 'added', text: 'new words' }]);
  });

  it('is pure: bundled for a browser, it gives the same diff with no Node globals at all', async () => {
    const bundle = await build({
      stdin: { contents: "export { diffPacks } from './shared/rules/diff';", resolveDir: REPO_ROOT, loader: 'ts' },
      bundle: true,
      platform: 'browser',
      format: 'iife',
      globalName: 'rules',
      write: false,
      logLevel: 'silent',
    });
    const changed = variant((c) => (c.thresholds[0]!.value = 2_000_000));
    const sandbox = createContext({ a: JSON.stringify(base), b: JSON.stringify(changed) });
    runInContext(bundle.outputFiles[0]?.text ?? '', sandbox);
    const inSandbox = runInContext('JSON.stringify(rules.diffPacks(JSON.parse(a), JSON.parse(b)))', sandbox) as string;
    expect(JSON.parse(inSandbox)).toEqual(diffPacks(base, changed));
  });
});
