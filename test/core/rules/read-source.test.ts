import { describe, expect, it } from 'vitest';
import { readPackSource } from '../../../electron/core/rules/read-source';
import { RulesPackError } from '../../../electron/core/rules/errors';
import { PROCESSOR_ROLES } from '../../../shared/domain/project';
import { countItemsByArea } from '../../../shared/rules/items';
import { sourcePack } from '../../shared/rules/source-pack';
import { fixturePack } from './fixture-packs';

async function problemsOf(dir: string): Promise<string[]> {
  try {
    await readPackSource(dir);
  } catch (e) {
    if (e instanceof RulesPackError)
      return e
        .describe('en')
        .split('\n')
        .slice(1)
        .map((line) => line.trim());
    throw e;
  }
  throw new Error(`${dir} was accepted`);
}

describe('the adsg-2026 pack', () => {
  it('validates and compiles', async () => {
    const pack = await sourcePack();
    expect(pack.id).toBe('adsg-2026');
    expect(pack.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('holds at least the content of the domain reference in every area', async () => {
    const counts = Object.fromEntries(countItemsByArea(await sourcePack()).map((c) => [c.area, c.active]));
    expect(counts).toMatchObject({ roles: 8, behaviours: 4, scenarios: 8, exemptions: 9, methods: 3, decision: 1 });
    // §5: MS-01..10, TP-01..09, LM-01..06, ER-01..07; §4 process and §4.7 documents; §3.2/§3.3/§2.8 catalogue.
    expect(counts['management-system']).toBeGreaterThanOrEqual(10);
    expect(counts['technical-protection']).toBeGreaterThanOrEqual(9);
    expect(counts['log-management']).toBeGreaterThanOrEqual(6);
    expect(counts['emergency-response']).toBeGreaterThanOrEqual(7);
    expect(counts['export-process']).toBeGreaterThanOrEqual(24);
    expect(counts['important-data']).toBeGreaterThanOrEqual(40);
  });

  it('carries every control of the reference by its label', async () => {
    const pack = await sourcePack();
    const refs = new Set(pack.checklists.flatMap((c) => c.items.map((i) => i.ref)));
    const expected = [
      ...Array.from({ length: 10 }, (_, i) => `MS-${String(i + 1).padStart(2, '0')}`),
      ...Array.from({ length: 9 }, (_, i) => `TP-${String(i + 1).padStart(2, '0')}`),
      ...Array.from({ length: 6 }, (_, i) => `LM-${String(i + 1).padStart(2, '0')}`),
      ...Array.from({ length: 7 }, (_, i) => `ER-${String(i + 1).padStart(2, '0')}`),
    ];
    expect(expected.filter((ref) => !refs.has(ref))).toEqual([]);
    expect(pack.exemptions.map((e) => e.ref)).toEqual(Array.from({ length: 9 }, (_, i) => `EX-0${i + 1}`));
  });

  it('uses the processor roles of the project model and the vocabulary the facts use', async () => {
    const pack = await sourcePack();
    expect(pack.roles.map((r) => r.key)).toEqual([...PROCESSOR_ROLES]);
    expect(pack.behaviours.map((b) => b.key)).toEqual([
      'transfer-abroad',
      'access-from-abroad',
      'processing-abroad',
      'domestic-only',
    ]);
    expect(pack.scenarios.map((s) => s.key)).toEqual([
      'rd-design',
      'product-testing',
      'manufacturing',
      'driving-automation',
      'software-upgrade',
      'connected-operation',
      'sales-aftersales',
      'other',
    ]);
    expect(pack.exemptions.map((e) => e.key)).toEqual([
      'transit',
      'contract-necessity',
      'hr-management',
      'emergency',
      'small-volume',
      'ftz-negative-list',
      'vulnerability-fix',
      'incident-handling',
      'ota-defect-fix',
    ]);
  });

  it('says it is a reconstruction, and marks no catalogue item as verified', async () => {
    const pack = await sourcePack();
    expect(pack.reconstruction.en).toMatch(/not the official text/);
    expect(pack.notes.map((n) => n.id)).toContain('adsg-2026:note-catalogue-27-51');
    expect(pack.importantData.filter((i) => i.verified)).toEqual([]);
  });

  it('gives the three fast-channel exemptions a prior report or filing condition', async () => {
    const pack = await sourcePack();
    const fast = pack.exemptions.filter((e) => e.fastChannel);
    expect(fast.map((e) => e.key)).toEqual(['vulnerability-fix', 'incident-handling', 'ota-defect-fix']);
    for (const e of fast) expect(e.conditions.map((c) => c.key)).toContain('prior-report-filed');
  });
});

describe('rules-pack fixtures', () => {
  it('accepts the minimal base pack', async () => {
    const pack = await readPackSource(await fixturePack('base'));
    expect(pack.id).toBe('fixture-pack');
  });

  it.each([
    ['duplicate-id', 'duplicate-id/checklist.yaml: fixture-pack:log-01: id: duplicate id'],
    [
      'dangling-reference',
      'dangling-reference/important-data.yaml: fixture-pack:idata-geo: exemptions[0]: refers to "fixture-pack:ex-missing", which does not exist',
    ],
    [
      'missing-english',
      'missing-english/checklist.yaml: fixture-pack:log-01: items[0].requirement.en: missing English (en) text',
    ],
    ['unknown-field', 'unknown-field/checklist.yaml: fixture-pack:log-01: items[0].severity: unknown field "severity"'],
  ])('rejects %s, naming the file and the item', async (name, message) => {
    const problems = await problemsOf(await fixturePack(name));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(message);
  });
});
