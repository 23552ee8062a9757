import { beforeAll, describe, expect, it } from 'vitest';
import type { PackContent, RulesPack } from '../../../shared/rules/schema';
import { checkPack } from '../../../shared/rules/validate';
import { sourcePack } from './source-pack';

let content: PackContent;
beforeAll(async () => {
  const { itemHashes: _i, contentHash: _c, ...rest }: RulesPack = await sourcePack();
  content = rest;
});

const messages = (pack: PackContent) => checkPack(pack).map((p) => `${p.item}: ${p.path}: ${p.message}`);
const ruleWith = (
  pack: PackContent,
  id: string,
  change: (r: PackContent['rules'][number]) => PackContent['rules'][number],
) => ({
  ...pack,
  rules: pack.rules.map((r) => (r.id === id ? change(r) : r)),
});

describe('cross-file checks', () => {
  it('pass on the adsg-2026 pack', () => {
    expect(messages(content)).toEqual([]);
  });

  it('require ids prefixed with the pack id', () => {
    const pack = { ...content, roles: content.roles.map((r, i) => (i === 0 ? { ...r, id: 'other:role-x' } : r)) };
    expect(messages(pack)).toContain('other:role-x: id: id must start with the pack id "adsg-2026:"');
  });

  it('require unique keys in a vocabulary', () => {
    const pack = { ...content, scenarios: content.scenarios.map((s, i) => (i === 1 ? { ...s, key: 'rd-design' } : s)) };
    expect(messages(pack)).toContain('adsg-2026:scenario-product-testing: key: duplicate key "rd-design" in scenarios');
  });

  it('refuse a decision step whose rule has no condition', () => {
    const pack = ruleWith(content, 'adsg-2026:sa-other-rule', ({ when: _when, ...rule }) => rule);
    expect(messages(pack)).toContain(
      'adsg-2026:decision-order: steps[3].anyOf[4]: rule "adsg-2026:sa-other-rule" has no condition (when) to decide with',
    );
  });

  it('refuse a decision step that relies on a withdrawn rule', () => {
    const pack = ruleWith(content, 'adsg-2026:sa-ciio', (rule) => ({ ...rule, status: 'withdrawn' }));
    expect(messages(pack)).toContain(
      'adsg-2026:decision-order: steps[3].anyOf[3]: refers to "adsg-2026:sa-ciio", which is withdrawn',
    );
  });

  it('refuse a condition comparing a fact with a value of another type', () => {
    const pack = ruleWith(content, 'adsg-2026:sa-important-data', (rule) => ({
      ...rule,
      when: { fact: 'flow.importantData', op: 'gte', value: 1 },
    }));
    expect(messages(pack)).toContain(
      'adsg-2026:sa-important-data: when: flow.importantData is true or false; use eq or ne with true or false',
    );
  });

  it('refuse a condition naming a behaviour the pack does not define', () => {
    const pack = ruleWith(content, 'adsg-2026:scope-domestic-only', (rule) => ({
      ...rule,
      when: { fact: 'flow.behaviour', op: 'eq', value: 'offshore' },
    }));
    expect(messages(pack)[0]).toMatch(
      /^adsg-2026:scope-domestic-only: when.value: flow.behaviour is one of transfer-abroad, /,
    );
  });

  it('refuse a threshold reference to something that is not a threshold', () => {
    const pack = ruleWith(content, 'adsg-2026:sa-pi-volume', (rule) => ({
      ...rule,
      when: { fact: 'organization.individuals', op: 'gte', threshold: 'adsg-2026:sa-ciio' },
    }));
    expect(messages(pack)).toContain(
      'adsg-2026:sa-pi-volume: when.threshold: refers to "adsg-2026:sa-ciio", which is in rules, not thresholds',
    );
  });

  it('refuse an automatic exemption with a condition the user would have to attest', () => {
    const pack = {
      ...content,
      exemptions: content.exemptions.map((e) =>
        e.key === 'small-volume' ? { ...e, conditions: [...e.conditions, { key: 'asserted', text: e.title }] } : e,
      ),
    };
    expect(messages(pack)).toContain(
      'adsg-2026:ex-small-volume: conditions[4]: an automatic exemption can only have conditions derived with `when`',
    );
  });

  it('refuse a checklist item in a section of another checklist', () => {
    const [first, second, ...rest] = content.checklists;
    if (!first || !second) throw new Error('two checklists expected');
    const moved = {
      ...first,
      items: first.items.map((item, i) => (i === 0 ? { ...item, section: second.sections[0]?.id ?? '' } : item)),
    };
    expect(messages({ ...content, checklists: [moved, second, ...rest] })[0]).toMatch(
      /section: refers to section .*, which is not a section of /,
    );
  });

  it('refuse a source id missing from the register, and an undescribed tag', () => {
    const pack = {
      ...content,
      sources: content.sources.filter((s) => s.id !== 'S21'),
      provenanceTags: content.provenanceTags.filter((t) => t.tag !== 'STD'),
    };
    const found = messages(pack);
    expect(found).toContain('adsg-2026:idata-rd-product-rnd: source.ids[0]: source S21 is not in the source register');
    expect(found).toContain('adsg-2026:tp-08: provenance[0]: provenance tag STD is not described in the pack');
  });
});
