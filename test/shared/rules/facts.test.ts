import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { factsSchema, parseFacts } from '../../../shared/rules/facts';
import type { RulesPack } from '../../../shared/rules/schema';
import { sourcePack } from './source-pack';

let pack: RulesPack;
beforeAll(async () => {
  pack = await sourcePack();
});

const valid = {
  organization: { ciio: false },
  flows: [
    {
      id: 'f1',
      scenario: 'connected-operation',
      behaviour: 'transfer-abroad',
      individuals: 150000,
      sensitiveIndividuals: 0,
      importantData: false,
      exemptionClaims: [{ id: 'hr-management', conditionsMet: true }],
    },
  ],
};
const paths = (input: unknown, locale: 'en' | 'zh-CN' = 'en') => {
  const parsed = parseFacts(pack, input, locale);
  return parsed.ok ? [] : parsed.issues;
};
const flowWith = (fields: Record<string, unknown>) => ({ ...valid, flows: [{ ...valid.flows[0], ...fields }] });

describe('determination facts', () => {
  it('accept the documented example and fill defaults', () => {
    const parsed = parseFacts(pack, valid, 'en');
    expect(parsed.ok && parsed.facts.flows[0]).toMatchObject({
      assessmentRequiredByOtherRule: false,
      individuals: 150000,
    });
  });

  it('keep absent counts unknown', () => {
    const parsed = parseFacts(pack, { flows: [{ id: 'a', scenario: 'other', behaviour: 'transfer-abroad' }] }, 'en');
    expect(parsed.ok && parsed.facts).toEqual({
      organization: {},
      flows: [
        {
          id: 'a',
          scenario: 'other',
          behaviour: 'transfer-abroad',
          assessmentRequiredByOtherRule: false,
          exemptionClaims: [],
        },
      ],
    });
  });

  it.each([
    ['a negative count', flowWith({ individuals: -1 }), 'flows[0].individuals'],
    ['a fractional count', flowWith({ sensitiveIndividuals: 1.5 }), 'flows[0].sensitiveIndividuals'],
    ['a count given as text', flowWith({ individuals: '150000' }), 'flows[0].individuals'],
    ['an unknown scenario', flowWith({ scenario: 'racing' }), 'flows[0].scenario'],
    ['an unknown behaviour', flowWith({ behaviour: 'export' }), 'flows[0].behaviour'],
    ['an unknown field', flowWith({ volume: 3 }), 'flows[0].volume'],
    ['an unknown exemption', flowWith({ exemptionClaims: [{ id: 'research' }] }), 'flows[0].exemptionClaims[0].id'],
    [
      'claiming the automatic small-volume exemption',
      flowWith({ exemptionClaims: [{ id: 'small-volume' }] }),
      'flows[0].exemptionClaims[0].id',
    ],
    [
      'a condition the exemption does not have',
      flowWith({ exemptionClaims: [{ id: 'hr-management', conditions: { 'prior-report-filed': true } }] }),
      'flows[0].exemptionClaims[0].conditions.prior-report-filed',
    ],
    [
      'a derived condition asserted by hand',
      flowWith({ exemptionClaims: [{ id: 'hr-management', conditions: { 'no-important-data': true } }] }),
      'flows[0].exemptionClaims[0].conditions.no-important-data',
    ],
    [
      'the same exemption claimed twice',
      flowWith({ exemptionClaims: [{ id: 'transit' }, { id: 'transit' }] }),
      'flows[0].exemptionClaims[1].id',
    ],
    ['two flows with one id', { ...valid, flows: [valid.flows[0], valid.flows[0]] }, 'flows[1].id'],
    ['a CIIO flag given as text', { ...valid, organization: { ciio: 'no' } }, 'organization.ciio'],
  ])('reject %s, naming the field', (_name, input, path) => {
    expect(paths(input).map((i) => i.path)).toContain(path);
  });

  it('explain problems in the chosen language', () => {
    const [zh] = paths(flowWith({ volume: 3 }), 'zh-CN');
    const [en] = paths(flowWith({ volume: 3 }), 'en');
    expect(zh?.message).toBe('不允许的字段');
    expect(en?.message).toBe('unknown field');
  });

  // Regenerate after a change with: npx vitest run -u test/shared/rules/facts.test.ts
  it('publish the committed JSON Schema docs/schemas/determine-facts.schema.json', async () => {
    const generated = `${JSON.stringify(z.toJSONSchema(factsSchema(pack), { io: 'input' }), null, 2)}\n`;
    await expect(generated).toMatchFileSnapshot('../../../docs/schemas/determine-facts.schema.json');
  });
});
