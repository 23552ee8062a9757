import type { Facts, FlowFacts } from './facts';
import type { Exemption, PackContent, Predicate } from './schema';
import type { FactName, Operator } from './vocabulary';

/** A condition's value: met, not met, or unknown because a fact it needs is missing. */
export type Tri = 'met' | 'not-met' | 'unknown';

/** How a trace shows an input: a value, unknown (`null`), or a partly known total. */
export type InputValue = number | boolean | string | null | { atLeast: number };

/** The result of a condition with the inputs it read and, when unknown, the facts that are missing. */
export interface Evaluation {
  result: Tri;
  inputs: Record<string, InputValue>;
  /** Input paths (`flows[1].individuals`) that would decide it; empty unless the result is unknown. */
  missing: string[];
}

/** A total over flows: the known part is a lower bound until no flow's count is missing. */
export interface Total {
  known: number;
  missing: string[];
}

/** What conditions about one flow may read: the flow, the organisation and its totals. */
export interface FlowContext {
  pack: PackContent;
  facts: Facts;
  flowIndex: number;
  totals: { individuals: Total; sensitiveIndividuals: Total };
}

/**
 * The organisation's cumulative totals: every flow whose behaviour is an export counts, so a
 * threshold cannot be escaped by splitting one transfer into several flows.
 */
export function organisationTotals(pack: PackContent, facts: Facts): FlowContext['totals'] {
  const exporting = new Set(pack.behaviours.filter((b) => b.export).map((b) => b.key));
  const sum = (field: 'individuals' | 'sensitiveIndividuals'): Total =>
    facts.flows.reduce<Total>(
      (total, flow, i) => {
        if (!exporting.has(flow.behaviour)) return total;
        const value = flow[field];
        return value === undefined
          ? { known: total.known, missing: [...total.missing, `flows[${i}].${field}`] }
          : { known: total.known + value, missing: total.missing };
      },
      { known: 0, missing: [] },
    );
  return { individuals: sum('individuals'), sensitiveIndividuals: sum('sensitiveIndividuals') };
}

type Reading =
  | { kind: 'count'; known: number; missing: string[] }
  | { kind: 'flag'; value: boolean | undefined; missing: string[] }
  | { kind: 'text'; value: string };

function read(fact: FactName, ctx: FlowContext): Reading {
  const flow = ctx.facts.flows[ctx.flowIndex] as FlowFacts;
  const at = `flows[${ctx.flowIndex}]`;
  const flag = (value: boolean | undefined, path: string): Reading => ({
    kind: 'flag',
    value,
    missing: value === undefined ? [path] : [],
  });
  const single = (value: number | undefined, path: string): Reading =>
    value === undefined ? { kind: 'count', known: 0, missing: [path] } : { kind: 'count', known: value, missing: [] };
  switch (fact) {
    case 'organization.ciio':
      return flag(ctx.facts.organization.ciio, 'organization.ciio');
    case 'organization.individuals':
      return { kind: 'count', ...ctx.totals.individuals };
    case 'organization.sensitiveIndividuals':
      return { kind: 'count', ...ctx.totals.sensitiveIndividuals };
    case 'flow.behaviour':
      return { kind: 'text', value: flow.behaviour };
    case 'flow.scenario':
      return { kind: 'text', value: flow.scenario };
    case 'flow.individuals':
      return single(flow.individuals, `${at}.individuals`);
    case 'flow.sensitiveIndividuals':
      return single(flow.sensitiveIndividuals, `${at}.sensitiveIndividuals`);
    case 'flow.importantData':
      return flag(flow.importantData, `${at}.importantData`);
    case 'flow.assessmentRequiredByOtherRule':
      return flag(flow.assessmentRequiredByOtherRule, `${at}.assessmentRequiredByOtherRule`);
  }
}

/**
 * Compares a count of which only a lower bound may be known. `total >= 1,000,000` is already met
 * when the known flows reach it, even if another flow's count is missing; it is not met only when
 * every count is known.
 */
function compareCount(op: Operator, known: number, exact: boolean, target: number): Tri {
  const decided = (holds: boolean): Tri => (holds ? 'met' : 'not-met');
  switch (op) {
    case 'gte':
      return known >= target ? 'met' : exact ? 'not-met' : 'unknown';
    case 'gt':
      return known > target ? 'met' : exact ? 'not-met' : 'unknown';
    case 'lt':
      return known >= target ? 'not-met' : exact ? 'met' : 'unknown';
    case 'lte':
      return known > target ? 'not-met' : exact ? 'met' : 'unknown';
    case 'eq':
      return exact ? decided(known === target) : known > target ? 'not-met' : 'unknown';
    case 'ne':
      return exact ? decided(known !== target) : known > target ? 'met' : 'unknown';
  }
}

/** A total as a trace shows it: exact, at least the known part, or unknown. */
export function totalInput(total: Total): InputValue {
  if (total.missing.length === 0) return total.known;
  return total.known > 0 ? { atLeast: total.known } : null;
}

function inputOf(reading: Reading): InputValue {
  if (reading.kind === 'text') return reading.value;
  if (reading.kind === 'flag') return reading.value ?? null;
  return totalInput(reading);
}

/** Evaluates a condition with three values; `all` and `any` follow Kleene's logic. */
export function evaluate(predicate: Predicate, ctx: FlowContext): Evaluation {
  if ('all' in predicate)
    return combine(
      predicate.all.map((p) => evaluate(p, ctx)),
      'all',
    );
  if ('any' in predicate)
    return combine(
      predicate.any.map((p) => evaluate(p, ctx)),
      'any',
    );
  const reading = read(predicate.fact, ctx);
  const inputs: Record<string, InputValue> = { [predicate.fact]: inputOf(reading) };
  let target: number | boolean | string;
  if ('threshold' in predicate) {
    const threshold = ctx.pack.thresholds.find((t) => t.id === predicate.threshold);
    if (!threshold) throw new Error(`Unknown threshold ${predicate.threshold}: the pack was not validated`);
    target = threshold.value;
    inputs[threshold.id] = threshold.value;
  } else {
    target = predicate.value;
  }
  let result: Tri;
  if (reading.kind === 'count' && typeof target === 'number') {
    result = compareCount(predicate.op, reading.known, reading.missing.length === 0, target);
  } else if (reading.kind !== 'count' && reading.value !== undefined) {
    const equal = reading.value === target;
    result = (predicate.op === 'ne' ? !equal : equal) ? 'met' : 'not-met';
  } else {
    // A missing flag, or a fact compared with a value of another type (checkPack rules that out).
    result = 'unknown';
  }
  return { result, inputs, missing: result === 'unknown' && reading.kind !== 'text' ? reading.missing : [] };
}

/** `all`: not met if any is not met, else unknown if any is unknown. `any`: the mirror image. */
export function combine(parts: readonly Evaluation[], mode: 'all' | 'any'): Evaluation {
  const decisive: Tri = mode === 'all' ? 'not-met' : 'met';
  const inputs = Object.assign({}, ...parts.map((p) => p.inputs)) as Record<string, InputValue>;
  if (parts.some((p) => p.result === decisive)) return { result: decisive, inputs, missing: [] };
  const unknown = parts.filter((p) => p.result === 'unknown');
  if (unknown.length > 0)
    return { result: 'unknown', inputs, missing: [...new Set(unknown.flatMap((p) => p.missing))] };
  return { result: mode === 'all' ? 'met' : 'not-met', inputs, missing: [] };
}

/**
 * An exemption applies only when every condition holds. Derived conditions are evaluated from the
 * facts; attested ones come from the claim (`conditions[key]`, else `conditionsMet`, else unknown).
 */
export function evaluateExemption(exemption: Exemption, claimIndex: number | undefined, ctx: FlowContext): Evaluation {
  const flow = ctx.facts.flows[ctx.flowIndex] as FlowFacts;
  const claim = claimIndex === undefined ? undefined : flow.exemptionClaims[claimIndex];
  const parts = exemption.conditions.map((condition): Evaluation => {
    if (condition.when) return evaluate(condition.when, ctx);
    const value = claim?.conditions?.[condition.key] ?? claim?.conditionsMet;
    const path = `flows[${ctx.flowIndex}].exemptionClaims[${claimIndex}].conditions.${condition.key}`;
    return {
      result: value === undefined ? 'unknown' : value ? 'met' : 'not-met',
      inputs: { [`condition:${condition.key}`]: value ?? null },
      missing: value === undefined ? [path] : [],
    };
  });
  return combine(parts, 'all');
}
