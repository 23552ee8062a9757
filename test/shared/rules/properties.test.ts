import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { determine, type Determination } from '../../../shared/rules/engine';
import type { ExemptionClaim, Facts, FlowFacts } from '../../../shared/rules/facts';
import type { RulesPack } from '../../../shared/rules/schema';
import { STRICTNESS, type DecidedOutcome, type Outcome } from '../../../shared/rules/vocabulary';
import { sourcePack } from './source-pack';

let pack: RulesPack;
beforeAll(async () => {
  pack = await sourcePack();
});

// Counts cluster around the thresholds, where a wrong comparison would show.
const count = fc.oneof(
  fc.constantFrom(0, 1, 9_999, 10_000, 99_999, 100_000, 999_999, 1_000_000),
  fc.integer({ min: 0, max: 2_000_000 }),
);
const increment = fc.integer({ min: 1, max: 1_200_000 });
/** Mostly true: claims are usually made in good faith, so exemptions are often in play. */
const mostlyTrue = fc.oneof({ arbitrary: fc.constant(true), weight: 4 }, { arbitrary: fc.constant(false), weight: 1 });
const rarelyTrue = fc.oneof({ arbitrary: fc.constant(false), weight: 4 }, { arbitrary: fc.constant(true), weight: 1 });

/** A claim with every attested condition stated, so complete facts never need more information. */
const claimArb = () => {
  const claimable = pack.exemptions.filter((e) => e.status === 'active' && !e.automatic);
  return fc.constantFrom(...claimable).chain((exemption) => {
    const keys = exemption.conditions.filter((c) => !c.when).map((c) => c.key);
    return fc.tuple(...keys.map(() => mostlyTrue)).map((values): ExemptionClaim => ({
      id: exemption.key,
      conditions: Object.fromEntries(keys.map((key, i) => [key, values[i] ?? true])),
    }));
  });
};

const flowArb = () =>
  fc.record({
    scenario: fc.constantFrom(...pack.scenarios.map((s) => s.key)),
    behaviour: fc.constantFrom(...pack.behaviours.map((b) => b.key)),
    individuals: count,
    sensitiveIndividuals: fc.oneof(fc.constant(0), count),
    importantData: fc.boolean(),
    assessmentRequiredByOtherRule: rarelyTrue,
    exemptionClaims: fc.uniqueArray(claimArb(), { maxLength: 2, selector: (c) => c.id }),
  });

/** Complete facts: every count, flag and attested condition is known. */
const factsArb = () =>
  fc
    .record({ ciio: fc.boolean(), flows: fc.array(flowArb(), { minLength: 1, maxLength: 4 }) })
    .map(({ ciio, flows }): Facts => ({
      organization: { ciio },
      flows: flows.map((f, i): FlowFacts => ({ id: `f${i + 1}`, ...f })),
    }));

const rank = (outcome: Outcome): number => {
  if (outcome === 'needs-information') throw new Error('complete facts must always decide');
  return STRICTNESS[outcome as DecidedOutcome];
};

/** Every flow and the organisation are at least as strict after the change as before. */
function neverLessStrict(before: Determination, after: Determination): void {
  expect(rank(after.organization.outcome)).toBeGreaterThanOrEqual(rank(before.organization.outcome));
  before.flows.forEach((flow, i) => {
    expect(rank(after.flows[i]?.outcome ?? 'needs-information')).toBeGreaterThanOrEqual(rank(flow.outcome));
  });
}

const withFlow = (facts: Facts, index: number, change: (flow: FlowFacts) => FlowFacts): Facts => ({
  ...facts,
  flows: facts.flows.map((flow, i) => (i === index ? change(flow) : flow)),
});

const runs = { numRuns: 400 };

describe('determination properties', () => {
  it('complete facts always decide, the same way every time', () => {
    fc.assert(
      fc.property(factsArb(), (facts) => {
        const result = determine(pack, facts);
        for (const flow of [...result.flows, result.organization]) expect(flow.outcome).not.toBe('needs-information');
        expect(determine(pack, structuredClone(facts))).toEqual(result);
      }),
      runs,
    );
  });

  it('more individuals never yield a less strict outcome', () => {
    fc.assert(
      fc.property(factsArb(), fc.nat(), increment, (facts, at, more) => {
        const i = at % facts.flows.length;
        const after = withFlow(facts, i, (f) => ({ ...f, individuals: (f.individuals ?? 0) + more }));
        neverLessStrict(determine(pack, facts), determine(pack, after));
      }),
      runs,
    );
  });

  it('more sensitive personal information never yields a less strict outcome', () => {
    fc.assert(
      fc.property(factsArb(), fc.nat(), increment, (facts, at, more) => {
        const i = at % facts.flows.length;
        const after = withFlow(facts, i, (f) => ({ ...f, sensitiveIndividuals: (f.sensitiveIndividuals ?? 0) + more }));
        neverLessStrict(determine(pack, facts), determine(pack, after));
      }),
      runs,
    );
  });

  it('important data never yields a less strict outcome', () => {
    fc.assert(
      fc.property(factsArb(), fc.nat(), (facts, at) => {
        const after = withFlow(facts, at % facts.flows.length, (f) => ({ ...f, importantData: true }));
        neverLessStrict(determine(pack, facts), determine(pack, after));
      }),
      runs,
    );
  });

  it('CIIO status never yields a less strict outcome', () => {
    fc.assert(
      fc.property(factsArb(), (facts) => {
        const after = { ...facts, organization: { ...facts.organization, ciio: true } };
        neverLessStrict(determine(pack, facts), determine(pack, after));
      }),
      runs,
    );
  });

  it('removing an attested condition of a claimed exemption never keeps that exemption', () => {
    fc.assert(
      fc.property(factsArb(), fc.nat(), fc.boolean(), (facts, pick, drop) => {
        const before = determine(pack, facts);
        before.flows.forEach((flow, i) => {
          const claims = facts.flows[i]?.exemptionClaims ?? [];
          const j = claims.findIndex((c) => c.id === flow.exemption);
          const held = claims[j];
          if (!held?.conditions) return;
          const keys = Object.keys(held.conditions);
          const key = keys[pick % keys.length] as string;
          // Either the condition is stated false, or it is no longer stated at all.
          const conditions = { ...held.conditions, [key]: drop ? undefined : false };
          const after = determine(
            pack,
            withFlow(facts, i, (f) => ({
              ...f,
              exemptionClaims: f.exemptionClaims.map((c, k) => (k === j ? { ...c, conditions } : c)),
            })),
          );
          expect(after.flows[i]?.exemption).not.toBe(flow.exemption);
        });
      }),
      runs,
    );
  });

  it('breaking a derived condition never keeps the exemption', () => {
    // Each change falsifies a derived condition: important data (PI-only exemptions, small volume),
    // sensitive PI, CIIO status or the small-volume ceiling.
    const breakers: ((facts: Facts, i: number) => Facts)[] = [
      (facts, i) => withFlow(facts, i, (f) => ({ ...f, importantData: true })),
      (facts, i) => withFlow(facts, i, (f) => ({ ...f, sensitiveIndividuals: (f.sensitiveIndividuals ?? 0) + 1 })),
      (facts) => ({ ...facts, organization: { ciio: true } }),
      (facts, i) => withFlow(facts, i, (f) => ({ ...f, individuals: (f.individuals ?? 0) + 100_000 })),
    ];
    fc.assert(
      fc.property(factsArb(), fc.nat(), (facts, pick) => {
        const before = determine(pack, facts);
        before.flows.forEach((flow, i) => {
          const exemption = pack.exemptions.find((e) => e.key === flow.exemption);
          if (!exemption) return;
          const derived = exemption.conditions.filter((c) => c.when).map((c) => c.key);
          const applicable = breakers.filter((_, b) => breaks(derived, b));
          const breaker = applicable[pick % Math.max(applicable.length, 1)];
          if (!breaker) return;
          expect(determine(pack, breaker(facts, i)).flows[i]?.exemption).not.toBe(flow.exemption);
        });
      }),
      runs,
    );
  });
});

/** Which breaker falsifies which derived condition key of the pack. */
function breaks(derivedKeys: string[], breaker: number): boolean {
  const needs = [['no-important-data'], ['no-sensitive-pi'], ['not-ciio'], ['below-floor']][breaker] ?? [];
  return needs.some((key) => derivedKeys.includes(key));
}
