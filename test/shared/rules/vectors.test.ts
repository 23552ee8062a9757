import { beforeAll, describe, expect, it } from 'vitest';
import { determine, type Determination } from '../../../shared/rules/engine';
import { parseFacts } from '../../../shared/rules/facts';
import type { RulesPack } from '../../../shared/rules/schema';
import type { Outcome } from '../../../shared/rules/vocabulary';
import { sourcePack } from './source-pack';

/** A flow as written in a facts file; defaults: connected operation, transferred abroad, nothing exported. */
type FlowInput = Record<string, unknown> & { id?: string };

interface Expected {
  outcome: Outcome;
  /** The pack item (without the `adsg-2026:` prefix) that decided: a rule, an exemption or the aggregation. */
  rule: string;
  exemption?: string;
  missing?: string[];
}

interface Vector {
  name: string;
  ciio?: boolean | null;
  flows: FlowInput[];
  /** The flow checked (by id), or the organisation. */
  target?: string;
  expect: Expected;
}

const flow = (fields: FlowInput = {}): FlowInput => ({
  id: 'f1',
  scenario: 'connected-operation',
  behaviour: 'transfer-abroad',
  individuals: 0,
  sensitiveIndividuals: 0,
  importantData: false,
  ...fields,
});
const claim = (id: string, extra: Record<string, unknown> = { conditionsMet: true }) => ({ id, ...extra });
const ORG = 'organisation';

const SA = 'security-assessment';
const SCC = 'standard-contract-or-certification';

// Every vector names the rule that must decide it. Rule ids come from rules/adsg-2026/determination.yaml
// and exemptions.yaml; thresholds from the same file (the engine hard-codes none of them).
const VECTORS: Vector[] = [
  // ── scope ──
  {
    name: 'domestic-only flow is not an export',
    flows: [flow({ behaviour: 'domestic-only', individuals: 5_000_000 })],
    expect: { outcome: 'not-an-export', rule: 'scope-domestic-only' },
  },
  {
    name: 'no PI and no important data is not automotive data',
    flows: [flow()],
    expect: { outcome: 'not-an-export', rule: 'scope-automotive-data' },
  },
  {
    name: 'a CIIO exporting neither PI nor important data',
    ciio: true,
    flows: [flow()],
    expect: { outcome: 'not-an-export', rule: 'scope-automotive-data' },
  },
  {
    name: 'an exemption claimed on a domestic-only flow changes nothing',
    flows: [flow({ behaviour: 'domestic-only', individuals: 10, exemptionClaims: [claim('hr-management')] })],
    expect: { outcome: 'not-an-export', rule: 'scope-domestic-only' },
  },

  // ── non-sensitive PI boundaries ──
  {
    name: '1 individual: small volume',
    flows: [flow({ individuals: 1 })],
    expect: { outcome: 'exempt', exemption: 'small-volume', rule: 'ex-small-volume' },
  },
  {
    name: '99,999 individuals: small volume',
    flows: [flow({ individuals: 99_999 })],
    expect: { outcome: 'exempt', exemption: 'small-volume', rule: 'ex-small-volume' },
  },
  {
    name: '100,000 individuals: standard contract or certification',
    flows: [flow({ individuals: 100_000 })],
    expect: { outcome: SCC, rule: 'contract-pi-band' },
  },
  {
    name: '999,999 individuals: standard contract or certification',
    flows: [flow({ individuals: 999_999 })],
    expect: { outcome: SCC, rule: 'contract-pi-band' },
  },
  {
    name: '1,000,000 individuals: security assessment ("以上" includes the number)',
    flows: [flow({ individuals: 1_000_000 })],
    expect: { outcome: SA, rule: 'sa-pi-volume' },
  },
  {
    name: '1,000,001 individuals: security assessment',
    flows: [flow({ individuals: 1_000_001 })],
    expect: { outcome: SA, rule: 'sa-pi-volume' },
  },
  {
    name: 'processing abroad counts like a transfer',
    flows: [flow({ behaviour: 'processing-abroad', individuals: 10 })],
    expect: { outcome: 'exempt', exemption: 'small-volume', rule: 'ex-small-volume' },
  },

  // ── sensitive PI boundaries (no lower floor) ──
  {
    name: '1 sensitive individual: standard contract (no floor)',
    flows: [flow({ sensitiveIndividuals: 1 })],
    expect: { outcome: SCC, rule: 'contract-sensitive-band' },
  },
  {
    name: '9,999 sensitive individuals: standard contract',
    flows: [flow({ sensitiveIndividuals: 9_999 })],
    expect: { outcome: SCC, rule: 'contract-sensitive-band' },
  },
  {
    name: '10,000 sensitive individuals: security assessment',
    flows: [flow({ sensitiveIndividuals: 10_000 })],
    expect: { outcome: SA, rule: 'sa-sensitive-pi' },
  },
  {
    name: '50 non-sensitive and 1 sensitive: standard contract, not small volume',
    flows: [flow({ individuals: 50, sensitiveIndividuals: 1 })],
    expect: { outcome: SCC, rule: 'contract-sensitive-band' },
  },

  // ── CIIO ──
  {
    name: 'CIIO with a single individual: security assessment',
    ciio: true,
    flows: [flow({ individuals: 1 })],
    expect: { outcome: SA, rule: 'sa-ciio' },
  },
  {
    name: 'CIIO with a single sensitive individual: security assessment',
    ciio: true,
    flows: [flow({ sensitiveIndividuals: 1 })],
    expect: { outcome: SA, rule: 'sa-ciio' },
  },
  {
    name: 'CIIO with important data only: security assessment by SA-1',
    ciio: true,
    flows: [flow({ importantData: true })],
    expect: { outcome: SA, rule: 'sa-important-data' },
  },
  {
    name: 'CIIO with an HR exemption whose conditions hold: exempt',
    ciio: true,
    flows: [flow({ individuals: 500, exemptionClaims: [claim('hr-management')] })],
    expect: { outcome: 'exempt', exemption: 'hr-management', rule: 'ex-hr-management' },
  },

  // ── important data and the fast channel ──
  {
    name: 'important data without exemption: security assessment',
    flows: [flow({ importantData: true })],
    expect: { outcome: SA, rule: 'sa-important-data' },
  },
  {
    name: 'important data, vulnerability fix reported beforehand: exempt',
    flows: [
      flow({
        importantData: true,
        exemptionClaims: [
          claim('vulnerability-fix', {
            conditions: { 'purpose-vulnerability-fix': true, 'prior-report-filed': true, 'limited-to-purpose': true },
          }),
        ],
      }),
    ],
    expect: { outcome: 'exempt', exemption: 'vulnerability-fix', rule: 'ex-vulnerability-fix' },
  },
  {
    name: 'important data, OTA source code without SAMR filing: security assessment',
    flows: [
      flow({
        scenario: 'software-upgrade',
        importantData: true,
        exemptionClaims: [
          claim('ota-defect-fix', { conditionsMet: true, conditions: { 'prior-report-filed': false } }),
        ],
      }),
    ],
    expect: { outcome: SA, rule: 'sa-important-data' },
  },
  {
    name: 'important data, OTA source code with SAMR filing: exempt',
    flows: [flow({ scenario: 'software-upgrade', importantData: true, exemptionClaims: [claim('ota-defect-fix')] })],
    expect: { outcome: 'exempt', exemption: 'ota-defect-fix', rule: 'ex-ota-defect-fix' },
  },
  {
    name: 'important data, incident handling reported beforehand: exempt',
    flows: [flow({ importantData: true, exemptionClaims: [claim('incident-handling')] })],
    expect: { outcome: 'exempt', exemption: 'incident-handling', rule: 'ex-incident-handling' },
  },
  {
    name: 'important data under a contract-necessity claim: the PI-only exemption does not cover it',
    flows: [flow({ importantData: true, individuals: 10, exemptionClaims: [claim('contract-necessity')] })],
    expect: { outcome: SA, rule: 'sa-important-data' },
  },
  {
    name: 'important data unknown, small PI: needs information',
    flows: [flow({ individuals: 20, importantData: undefined })],
    expect: { outcome: 'needs-information', rule: 'sa-important-data', missing: ['flows[0].importantData'] },
  },

  // ── other exemptions ──
  {
    name: 'HR data of 2,000,000 employees under the HR exemption: exempt',
    flows: [flow({ scenario: 'other', individuals: 2_000_000, exemptionClaims: [claim('hr-management')] })],
    expect: { outcome: 'exempt', exemption: 'hr-management', rule: 'ex-hr-management' },
  },
  {
    name: 'HR exemption conditions not met: back to the thresholds',
    flows: [flow({ individuals: 150_000, exemptionClaims: [claim('hr-management', { conditionsMet: false })] })],
    expect: { outcome: SCC, rule: 'contract-pi-band' },
  },
  {
    name: 'a condition given one by one overrides the summary',
    flows: [
      flow({
        individuals: 150_000,
        exemptionClaims: [
          claim('hr-management', { conditionsMet: true, conditions: { 'lawful-labour-rules': false } }),
        ],
      }),
    ],
    expect: { outcome: SCC, rule: 'contract-pi-band' },
  },
  {
    name: 'transit data: exempt',
    flows: [flow({ individuals: 3_000_000, exemptionClaims: [claim('transit')] })],
    expect: { outcome: 'exempt', exemption: 'transit', rule: 'ex-transit' },
  },
  {
    name: 'emergency: exempt',
    flows: [flow({ sensitiveIndividuals: 20_000, exemptionClaims: [claim('emergency')] })],
    expect: { outcome: 'exempt', exemption: 'emergency', rule: 'ex-emergency' },
  },
  {
    name: 'FTZ exemption with a condition not stated: needs information',
    flows: [
      flow({
        individuals: 400_000,
        exemptionClaims: [
          claim('ftz-negative-list', { conditions: { 'registered-in-ftz': true, 'list-in-force': true } }),
        ],
      }),
    ],
    expect: {
      outcome: 'needs-information',
      rule: 'ex-ftz-negative-list',
      missing: ['flows[0].exemptionClaims[0].conditions.data-outside-list'],
    },
  },
  {
    name: 'emergency claim while important data is unknown: needs information',
    flows: [flow({ individuals: 10, importantData: undefined, exemptionClaims: [claim('emergency')] })],
    expect: { outcome: 'needs-information', rule: 'ex-emergency', missing: ['flows[0].importantData'] },
  },
  {
    name: 'another rule requires an assessment (SA-5)',
    flows: [flow({ individuals: 10, assessmentRequiredByOtherRule: true })],
    expect: { outcome: SA, rule: 'sa-other-rule' },
  },

  // ── aggregation: no escaping a threshold by splitting ──
  {
    name: '60,000 + 50,000 in two flows: each flow needs a standard contract',
    flows: [flow({ individuals: 60_000 }), flow({ id: 'f2', individuals: 50_000 })],
    target: 'f2',
    expect: { outcome: SCC, rule: 'contract-pi-band' },
  },
  {
    name: '600,000 + 400,000 in two flows: each flow needs a security assessment',
    flows: [flow({ individuals: 600_000 }), flow({ id: 'f2', individuals: 400_000 })],
    target: 'f1',
    expect: { outcome: SA, rule: 'sa-pi-volume' },
  },
  {
    name: '6,000 + 4,000 sensitive in two flows: security assessment',
    flows: [flow({ sensitiveIndividuals: 6_000 }), flow({ id: 'f2', sensitiveIndividuals: 4_000 })],
    target: 'f2',
    expect: { outcome: SA, rule: 'sa-sensitive-pi' },
  },
  {
    name: 'transfer and overseas access add up',
    flows: [flow({ individuals: 50_000 }), flow({ id: 'f2', behaviour: 'access-from-abroad', individuals: 50_000 })],
    target: 'f1',
    expect: { outcome: SCC, rule: 'contract-pi-band' },
  },
  {
    name: 'domestic-only flows are not counted',
    flows: [flow({ individuals: 99_999 }), flow({ id: 'f2', behaviour: 'domestic-only', individuals: 500_000 })],
    target: 'f1',
    expect: { outcome: 'exempt', exemption: 'small-volume', rule: 'ex-small-volume' },
  },
  {
    name: 'sensitive PI in another flow does not take small volume from a non-sensitive flow',
    flows: [flow({ individuals: 50_000 }), flow({ id: 'f2', sensitiveIndividuals: 100 })],
    target: 'f1',
    expect: { outcome: 'exempt', exemption: 'small-volume', rule: 'ex-small-volume' },
  },
  {
    name: 'exempt flows still count towards the totals (strict reading)',
    flows: [
      flow({ individuals: 950_000, exemptionClaims: [claim('hr-management')] }),
      flow({ id: 'f2', individuals: 60_000 }),
    ],
    target: 'f2',
    expect: { outcome: SA, rule: 'sa-pi-volume' },
  },

  // ── organisation outcome ──
  {
    name: 'organisation takes the strictest flow outcome',
    flows: [flow({ individuals: 10 }), flow({ id: 'f2', importantData: true })],
    target: ORG,
    expect: { outcome: SA, rule: 'no-splitting' },
  },
  {
    name: 'organisation exempt when every flow is exempt under one exemption',
    flows: [flow({ individuals: 10 }), flow({ id: 'f2', individuals: 20 })],
    target: ORG,
    expect: { outcome: 'exempt', exemption: 'small-volume', rule: 'no-splitting' },
  },
  {
    name: 'organisation with no flows exports nothing',
    flows: [],
    target: ORG,
    expect: { outcome: 'not-an-export', rule: 'no-splitting' },
  },
  {
    name: 'organisation undecided while a flow lacks facts',
    flows: [flow({ individuals: 200_000 }), flow({ id: 'f2', importantData: undefined, individuals: 5 })],
    target: ORG,
    expect: { outcome: 'needs-information', rule: 'no-splitting', missing: ['flows[1].importantData'] },
  },
  {
    name: 'organisation needs an assessment even while another flow lacks facts',
    flows: [flow({ importantData: true }), flow({ id: 'f2', individuals: undefined })],
    target: ORG,
    expect: { outcome: SA, rule: 'no-splitting' },
  },

  // ── missing facts ──
  {
    name: 'missing individuals: needs information',
    flows: [flow({ individuals: undefined })],
    expect: { outcome: 'needs-information', rule: 'scope-automotive-data', missing: ['flows[0].individuals'] },
  },
  {
    name: 'missing CIIO status with PI: needs information',
    ciio: null,
    flows: [flow({ individuals: 10 })],
    expect: { outcome: 'needs-information', rule: 'sa-ciio', missing: ['organization.ciio'] },
  },
  {
    name: 'missing CIIO status does not matter with important data',
    ciio: null,
    flows: [flow({ importantData: true })],
    expect: { outcome: SA, rule: 'sa-important-data' },
  },
  {
    name: 'missing CIIO status does not matter above 1,000,000',
    ciio: null,
    flows: [flow({ individuals: 1_200_000 })],
    expect: { outcome: SA, rule: 'sa-pi-volume' },
  },
  {
    name: 'a missing count elsewhere does not matter once the known total reaches 1,000,000',
    flows: [flow({ individuals: 1_000_000 }), flow({ id: 'f2', individuals: undefined })],
    target: 'f1',
    expect: { outcome: SA, rule: 'sa-pi-volume' },
  },
  {
    name: 'a missing count elsewhere leaves a small flow undecided',
    flows: [flow({ individuals: 50_000 }), flow({ id: 'f2', individuals: undefined })],
    target: 'f1',
    expect: { outcome: 'needs-information', rule: 'sa-pi-volume', missing: ['flows[1].individuals'] },
  },
];

let pack: RulesPack;
beforeAll(async () => {
  pack = await sourcePack();
});

function run(vector: Vector): Determination {
  const organization = vector.ciio === null ? {} : { ciio: vector.ciio ?? false };
  const parsed = parseFacts(pack, { organization, flows: vector.flows }, 'en');
  if (!parsed.ok) throw new Error(`Vector facts are invalid: ${JSON.stringify(parsed.issues)}`);
  return determine(pack, parsed.facts);
}

describe('determination vectors (rules pack adsg-2026)', () => {
  it('has at least 40 vectors', () => {
    expect(VECTORS.length).toBeGreaterThanOrEqual(40);
  });

  it.each(VECTORS)('$name', (vector) => {
    const result = run(vector);
    const target = vector.target ?? vector.flows[0]?.id ?? 'f1';
    const got = target === ORG ? result.organization : result.flows.find((f) => f.id === target);
    if (!got) throw new Error(`no result for ${target}`);
    const rule = `adsg-2026:${vector.expect.rule}`;

    expect(got.outcome).toBe(vector.expect.outcome);
    expect(got.exemption).toBe(vector.expect.exemption);
    expect(got.missing).toEqual(vector.expect.missing);
    if ('rule' in got) expect(got.rule).toBe(rule);
    // The cited rule is in the trace with the result that decided, and every step reads in both languages.
    const decisive =
      vector.expect.outcome === 'needs-information' && target !== ORG ? 'unknown' : target === ORG ? 'applied' : 'met';
    expect(got.trace.some((step) => step.rule === rule && step.result === decisive)).toBe(true);
    for (const step of got.trace) {
      expect(step.text['zh-CN'].length).toBeGreaterThan(0);
      expect(step.text.en.length).toBeGreaterThan(0);
    }
  });
});

describe('the engine reads the pack', () => {
  it('takes thresholds from the pack, not from code', () => {
    const lowered: RulesPack = {
      ...pack,
      thresholds: pack.thresholds.map((t) =>
        t.id === 'adsg-2026:threshold-pi-assessment' ? { ...t, value: 500_000 } : t,
      ),
    };
    const parsed = parseFacts(
      lowered,
      { organization: { ciio: false }, flows: [flow({ individuals: 600_000 })] },
      'en',
    );
    if (!parsed.ok) throw new Error('invalid');
    expect(determine(pack, parsed.facts).flows[0]?.outcome).toBe(SCC);
    expect(determine(lowered, parsed.facts).flows[0]?.outcome).toBe(SA);
  });

  it('explains a step in plain language with its inputs', () => {
    const result = run({
      name: 'text',
      flows: [flow({ individuals: 1_200_000 })],
      expect: { outcome: SA, rule: 'sa-pi-volume' },
    });
    const step = result.flows[0]?.trace.find((s) => s.rule === 'adsg-2026:sa-pi-volume');
    expect(step?.inputs).toMatchObject({
      'organization.individuals': 1_200_000,
      'adsg-2026:threshold-pi-assessment': 1_000_000,
    });
    expect(step?.text.en).toContain('SA-2');
    expect(step?.text.en).toContain('1,200,000');
    expect(step?.text['zh-CN']).toContain('满足');
  });

  it('records the pack it decided with', () => {
    const result = run({ name: 'pack', flows: [], expect: { outcome: 'not-an-export', rule: 'no-splitting' } });
    expect(result.pack).toEqual({ id: 'adsg-2026', version: pack.version, contentHash: pack.contentHash });
  });
});
