import { z } from 'zod';
import { issuePath, safeParseIn } from '../i18n/issues';
import type { Locale } from '../i18n/locale';
import type { Issue } from '../ipc/result';
import { formatText, RULES_MESSAGES, type RulesMessageKey } from './messages';
import type { Exemption, PackContent } from './schema';

/** What a user asserts about one exemption for one flow. */
export interface ExemptionClaim {
  /** The exemption's key, e.g. `hr-management`. */
  id: string;
  /** A summary assertion: every attested condition holds (or not). A condition given in `conditions` wins. */
  conditionsMet?: boolean;
  /** Attested conditions one by one, by condition key (e.g. `prior-report-filed`). */
  conditions?: Record<string, boolean | undefined>;
}

/** One export flow. Absent counts and flags are unknown, never assumed zero or false. */
export interface FlowFacts {
  id: string;
  description?: string;
  scenario: string;
  behaviour: string;
  /** People whose non-sensitive personal information this flow has exported since 1 January. */
  individuals?: number;
  /** People whose sensitive personal information this flow has exported since 1 January. */
  sensitiveIndividuals?: number;
  importantData?: boolean;
  /** Another national rule requires a security assessment (SA-5); false unless asserted. */
  assessmentRequiredByOtherRule: boolean;
  exemptionClaims: ExemptionClaim[];
}

/** The facts the determination engine decides on: the organisation and its export flows. */
export interface Facts {
  organization: { name?: string; ciio?: boolean };
  flows: FlowFacts[];
}

const count = (description: string) => z.number().int().min(0).optional().describe(description);

const activeKeys = (list: readonly { key: string; status: string }[]) =>
  list.filter((entry) => entry.status === 'active').map((entry) => entry.key);

/** `z.enum` of the keys, or nothing accepted when a (test) pack defines none. */
const oneOf = (keys: string[]) => (keys.length > 0 ? z.enum(keys as [string, ...string[]]) : z.never());

function claimSchema(exemption: Exemption) {
  const attested = exemption.conditions.filter((c) => !c.when);
  return z.strictObject({
    id: z.literal(exemption.key).describe(exemption.title.en),
    conditionsMet: z.boolean().optional().describe('All attested conditions hold (a condition given below wins).'),
    conditions: z
      .strictObject(Object.fromEntries(attested.map((c) => [c.key, z.boolean().optional().describe(c.text.en)])))
      .optional(),
  });
}

/**
 * The schema of the determination facts for a pack: scenarios, behaviours, claimable exemptions and
 * their attested conditions come from the pack, so a new pack version brings its own vocabulary.
 * Automatic exemptions (small volume) are decided from the counts and cannot be claimed.
 */
export function factsSchema(pack: PackContent): z.ZodType<Facts, unknown> {
  const claimable = pack.exemptions.filter((e) => e.status === 'active' && !e.automatic);
  const [first, ...rest] = claimable.map(claimSchema);
  const claim = first ? z.discriminatedUnion('id', [first, ...rest]) : z.never();
  const flow = z.strictObject({
    id: z.string().trim().min(1).max(100).describe('Your name for the flow, unique in the file.'),
    description: z.string().max(2000).optional(),
    scenario: oneOf(activeKeys(pack.scenarios)),
    behaviour: oneOf(activeKeys(pack.behaviours)),
    individuals: count(
      'People whose non-sensitive personal information the flow exported since 1 January; absent = unknown.',
    ),
    sensitiveIndividuals: count(
      'People whose sensitive personal information the flow exported since 1 January; absent = unknown.',
    ),
    importantData: z.boolean().optional().describe('The flow carries important data; absent = unknown.'),
    assessmentRequiredByOtherRule: z
      .boolean()
      .default(false)
      .describe('Another national rule requires a security assessment for this flow (SA-5).'),
    exemptionClaims: z
      .array(claim)
      .default([])
      .superRefine((claims, ctx) =>
        duplicates(
          claims.map((c) => c.id),
          ctx,
          'facts.duplicate-claim',
        ),
      ),
  });
  return z
    .strictObject({
      $schema: z.string().optional(),
      organization: z
        .strictObject({
          name: z.string().max(200).optional(),
          ciio: z.boolean().optional().describe('Critical information infrastructure operator; absent = unknown.'),
        })
        .default({}),
      flows: z.array(flow).superRefine((flows, ctx) =>
        duplicates(
          flows.map((f) => f.id),
          ctx,
          'facts.duplicate-flow',
        ),
      ),
    })
    .transform(({ $schema: _schema, ...facts }) => facts)
    .meta({
      title: `Determination facts for the ${pack.id} rules pack`,
      description: 'Input of `adsg determine --facts FILE.json`. Generated from shared/rules/facts.ts; do not edit.',
    });
}

function duplicates(ids: string[], ctx: z.RefinementCtx, message: RulesMessageKey): void {
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) ctx.addIssue({ code: 'custom', message, path: [i, 'id'] });
  });
}

/** Either the facts, or the problems with the input, each naming its field (`flows[0].individuals`). */
export type FactsParse = { ok: true; facts: Facts } | { ok: false; issues: Issue[] };

/** Validates facts against a pack's vocabulary, with messages in `locale`. */
export function parseFacts(pack: PackContent, input: unknown, locale: Locale): FactsParse {
  const parsed = safeParseIn(factsSchema(pack), input, locale);
  if (parsed.success) return { ok: true, facts: parsed.data };
  return { ok: false, issues: parsed.error.issues.flatMap((issue) => localise(issue, locale)) };
}

function localise(issue: z.core.$ZodIssue, locale: Locale): Issue[] {
  const path = issuePath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const message = formatText(RULES_MESSAGES['facts.unknown-field'], locale);
    return issue.keys.map((key) => ({ path: path ? `${path}.${key}` : key, message }));
  }
  if (issue.code === 'invalid_union' && 'options' in issue && Array.isArray(issue.options)) {
    return [
      { path, message: formatText(RULES_MESSAGES['facts.one-of'], locale, { options: issue.options.join(', ') }) },
    ];
  }
  const message =
    issue.message in RULES_MESSAGES
      ? formatText(RULES_MESSAGES[issue.message as RulesMessageKey], locale)
      : issue.message;
  return [{ path, message }];
}
