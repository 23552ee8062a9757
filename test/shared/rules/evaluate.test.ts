import { beforeAll, describe, expect, it } from 'vitest';
import {
  combine,
  evaluate,
  organisationTotals,
  type Evaluation,
  type FlowContext,
} from '../../../shared/rules/evaluate';
import type { Facts } from '../../../shared/rules/facts';
import type { Predicate, RulesPack } from '../../../shared/rules/schema';
import { sourcePack } from './source-pack';

let pack: RulesPack;
beforeAll(async () => {
  pack = await sourcePack();
});

const facts = (counts: (number | undefined)[], ciio?: boolean): Facts => ({
  organization: ciio === undefined ? {} : { ciio },
  flows: counts.map((individuals, i) => ({
    id: `f${i}`,
    scenario: 'other',
    behaviour: 'transfer-abroad',
    individuals,
    sensitiveIndividuals: 0,
    importantData: false,
    assessmentRequiredByOtherRule: false,
    exemptionClaims: [],
  })),
});
const ctx = (f: Facts): FlowContext => ({ pack, facts: f, flowIndex: 0, totals: organisationTotals(pack, f) });
const total = (op: 'gte' | 'lt' | 'eq', value: number): Predicate => ({ fact: 'organization.individuals', op, value });
const part = (result: Evaluation['result'], missing: string[] = []): Evaluation => ({ result, inputs: {}, missing });

describe('three-valued conditions', () => {
  it('decide a total from its known part when that already settles it', () => {
    const f = facts([600_000, 500_000, undefined]);
    expect(evaluate(total('gte', 1_000_000), ctx(f))).toMatchObject({
      result: 'met',
      inputs: { 'organization.individuals': { atLeast: 1_100_000 } },
    });
    expect(evaluate(total('lt', 100_000), ctx(f)).result).toBe('not-met');
  });

  it('leave a total unknown, naming the missing counts, when the known part does not settle it', () => {
    const f = facts([50, undefined, undefined]);
    expect(evaluate(total('gte', 100_000), ctx(f))).toEqual({
      result: 'unknown',
      inputs: { 'organization.individuals': { atLeast: 50 } },
      missing: ['flows[1].individuals', 'flows[2].individuals'],
    });
    expect(evaluate(total('eq', 0), ctx(f)).result).toBe('not-met');
  });

  it('compare exact totals exactly, thresholds included', () => {
    const f = facts([99_999, 1]);
    expect(evaluate(total('gte', 100_000), ctx(f)).result).toBe('met');
    expect(evaluate(total('lt', 100_000), ctx(f)).result).toBe('not-met');
    expect(
      evaluate(
        { fact: 'organization.individuals', op: 'gte', threshold: 'adsg-2026:threshold-pi-contract-floor' },
        ctx(f),
      ),
    ).toMatchObject({
      result: 'met',
      inputs: { 'adsg-2026:threshold-pi-contract-floor': 100_000 },
    });
  });

  it('treat a missing flag as unknown, never as false', () => {
    expect(evaluate({ fact: 'organization.ciio', op: 'eq', value: false }, ctx(facts([1])))).toMatchObject({
      result: 'unknown',
      missing: ['organization.ciio'],
    });
  });

  it('combine with Kleene logic', () => {
    expect(combine([part('met'), part('not-met'), part('unknown', ['a'])], 'all').result).toBe('not-met');
    expect(combine([part('met'), part('unknown', ['a'])], 'all')).toMatchObject({ result: 'unknown', missing: ['a'] });
    expect(combine([part('not-met'), part('met'), part('unknown', ['a'])], 'any')).toMatchObject({
      result: 'met',
      missing: [],
    });
    expect(combine([part('not-met'), part('unknown', ['a']), part('unknown', ['a', 'b'])], 'any')).toMatchObject({
      result: 'unknown',
      missing: ['a', 'b'],
    });
  });
});
