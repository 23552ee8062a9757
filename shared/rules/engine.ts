import type { Bilingual } from '../i18n/locale';
import {
  evaluate,
  evaluateExemption,
  organisationTotals,
  totalInput,
  type Evaluation,
  type FlowContext,
  type InputValue,
} from './evaluate';
import type { Facts } from './facts';
import { bilingual, OUTCOME_LABELS } from './messages';
import type { DecisionStep, RulesPack } from './schema';
import { stepText, type StepResult } from './trace-text';
import { STRICTNESS, type DecidedOutcome, type Outcome } from './vocabulary';

/** One step of the reasoning: the rule (pack item id), what it found, the inputs it used, in words. */
export interface TraceStep {
  rule: string;
  result: StepResult;
  inputs: Record<string, InputValue>;
  /** Input paths whose absence left the step undecided. */
  missing?: string[];
  text: Bilingual;
}

/** The outcome for one flow. `exemption` is the exemption's key; `rule` the item that decided. */
export interface FlowDetermination {
  id: string;
  outcome: Outcome;
  exemption?: string;
  rule: string;
  missing?: string[];
  trace: TraceStep[];
}

/** The outcome for the organisation: the strictest of its flows (no splitting). */
export interface OrganizationDetermination {
  outcome: Outcome;
  exemption?: string;
  missing?: string[];
  trace: TraceStep[];
}

export interface Determination {
  /** The pack the outcome was reached with: the same facts and pack always give the same result. */
  pack: { id: string; version: string; contentHash: string };
  organization: OrganizationDetermination;
  flows: FlowDetermination[];
}

interface Candidate {
  rule: string;
  exemption?: string;
  evaluation: Evaluation;
}

/**
 * Decides the management method for each flow and for the organisation.
 *
 * Each flow walks the pack's decision order (reference §2.1); the first step with a condition met
 * decides, and a step that cannot be decided for missing facts stops with `needs-information`
 * naming them. Thresholds are read against the organisation's cumulative totals over all export
 * flows, so a flow that alone is small still gets the organisation-level method for the kind of
 * data it carries. The organisation's outcome is the strictest flow outcome; flows still lacking
 * facts leave it undecided unless a security assessment is already required.
 *
 * Pure: thresholds, conditions and order all come from `pack`; it runs the same in the renderer
 * and in Node.
 */
export function determine(pack: RulesPack, facts: Facts): Determination {
  const totals = organisationTotals(pack, facts);
  const flows = facts.flows.map((_, flowIndex) => decideFlow({ pack, facts, flowIndex, totals }));
  return {
    pack: { id: pack.id, version: pack.version, contentHash: pack.contentHash },
    organization: decideOrganisation(pack, facts, totals, flows),
    flows,
  };
}

function candidatesOf(step: DecisionStep, ctx: FlowContext): Candidate[] {
  const { pack } = ctx;
  if ('anyOf' in step) {
    return step.anyOf.map((id) => {
      const rule = pack.rules.find((r) => r.id === id);
      if (!rule?.when) throw new Error(`Decision step rule ${id} has no condition: the pack was not validated`);
      return { rule: id, evaluation: evaluate(rule.when, ctx) };
    });
  }
  const active = pack.exemptions.filter((e) => e.status === 'active');
  if (step.exemptions === 'automatic') {
    return active
      .filter((e) => e.automatic)
      .map((e) => ({ rule: e.id, exemption: e.key, evaluation: evaluateExemption(e, undefined, ctx) }));
  }
  const flow = ctx.facts.flows[ctx.flowIndex];
  return (flow?.exemptionClaims ?? []).map((claim, claimIndex) => {
    const exemption = active.find((e) => e.key === claim.id && !e.automatic);
    if (!exemption) throw new Error(`Exemption ${claim.id} cannot be claimed: the facts were not validated`);
    return { rule: exemption.id, exemption: exemption.key, evaluation: evaluateExemption(exemption, claimIndex, ctx) };
  });
}

function decideFlow(ctx: FlowContext): FlowDetermination {
  const { pack } = ctx;
  const id = ctx.facts.flows[ctx.flowIndex]?.id ?? String(ctx.flowIndex);
  const trace: TraceStep[] = [];
  const finish = (outcome: Outcome, rule: string, exemption?: string, missing: string[] = []): FlowDetermination => {
    trace.push({
      rule: pack.decision.id,
      result: 'applied',
      inputs: { outcome },
      ...(missing.length > 0 ? { missing } : {}),
      text: bilingual('trace.decided', { outcome: OUTCOME_LABELS[outcome] }),
    });
    return {
      id,
      outcome,
      ...(exemption ? { exemption } : {}),
      rule,
      ...(missing.length > 0 ? { missing } : {}),
      trace,
    };
  };

  for (const step of pack.decision.steps) {
    const candidates = candidatesOf(step, ctx);
    for (const { rule, evaluation } of candidates) {
      const { result, inputs, missing } = evaluation;
      trace.push({
        rule,
        result,
        inputs,
        ...(missing.length > 0 ? { missing } : {}),
        text: stepText(pack, rule, result, inputs, missing),
      });
    }
    const met = candidates.find((c) => c.evaluation.result === 'met');
    if (met) return finish(step.outcome, met.rule, met.exemption);
    const unknown = candidates.filter((c) => c.evaluation.result === 'unknown');
    const [first] = unknown;
    if (first)
      return finish('needs-information', first.rule, undefined, [
        ...new Set(unknown.flatMap((c) => c.evaluation.missing)),
      ]);
  }
  trace.push({ rule: pack.decision.id, result: 'not-met', inputs: {}, text: bilingual('trace.undecided') });
  return finish('needs-information', pack.decision.id);
}

function decideOrganisation(
  pack: RulesPack,
  facts: Facts,
  totals: FlowContext['totals'],
  flows: FlowDetermination[],
): OrganizationDetermination {
  const countingInputs: Record<string, InputValue> = {
    'organization.individuals': totalInput(totals.individuals),
    'organization.sensitiveIndividuals': totalInput(totals.sensitiveIndividuals),
    'organization.ciio': facts.organization.ciio ?? null,
  };
  const trace: TraceStep[] = [
    {
      rule: pack.decision.counting,
      result: 'applied',
      inputs: countingInputs,
      text: stepText(pack, pack.decision.counting, 'applied', countingInputs),
    },
    ...flows.map((flow, i): TraceStep => ({
      rule: flow.rule,
      result: flow.outcome === 'needs-information' ? 'unknown' : 'met',
      inputs: { flow: flow.id, outcome: flow.outcome },
      // People know a flow by its description; the id stays in the inputs.
      text: bilingual('trace.flow-outcome', { flow: facts.flows[i]?.description ?? flow.id, outcome: OUTCOME_LABELS[flow.outcome] }),
    })),
  ];
  const aggregate = (outcome: Outcome, note: Bilingual, extra: Partial<OrganizationDetermination> = {}) => {
    trace.push({ rule: pack.decision.aggregation, result: 'applied', inputs: { outcome }, text: note });
    return { outcome, ...extra, trace };
  };

  if (flows.length === 0) return aggregate('not-an-export', bilingual('trace.no-flows'));
  const undecided = flows.filter((f) => f.outcome === 'needs-information');
  if (flows.some((f) => f.outcome === 'security-assessment')) {
    const outcome: Outcome = 'security-assessment';
    const note = bilingual(undecided.length > 0 ? 'trace.assessment-wins' : 'trace.strictest', {
      outcome: OUTCOME_LABELS[outcome],
    });
    return aggregate(outcome, note);
  }
  if (undecided.length > 0) {
    const missing = [...new Set(undecided.flatMap((f) => f.missing ?? []))];
    return aggregate(
      'needs-information',
      bilingual('trace.strictest', { outcome: OUTCOME_LABELS['needs-information'] }),
      {
        ...(missing.length > 0 ? { missing } : {}),
      },
    );
  }
  const outcome = (flows.map((f) => f.outcome) as DecidedOutcome[]).reduce((a, b) =>
    STRICTNESS[b] > STRICTNESS[a] ? b : a,
  );
  const exemptions = new Set(flows.flatMap((f) => (f.exemption ? [f.exemption] : [])));
  const [only] = exemptions;
  return aggregate(outcome, bilingual('trace.strictest', { outcome: OUTCOME_LABELS[outcome] }), {
    ...(outcome === 'exempt' && exemptions.size === 1 && only ? { exemption: only } : {}),
  });
}
