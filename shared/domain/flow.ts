import { z } from 'zod';

/** Business scenarios of an export flow (issue 3 / the rules pack use the same keys). */
export const SCENARIOS = [
  'rd-design',
  'product-testing',
  'manufacturing',
  'driving-automation',
  'software-upgrade',
  'connected-operation',
  'sales-aftersales',
  'other',
] as const;
/** The three export behaviours, plus data that never leaves China. */
export const BEHAVIOURS = ['transfer-abroad', 'access-from-abroad', 'processing-abroad', 'domestic-only'] as const;
/** The nine exemption situations, by pack key. */
export const EXEMPTIONS = [
  'transit',
  'contract-necessity',
  'hr-management',
  'emergency',
  'small-volume',
  'ftz-negative-list',
  'vulnerability-fix',
  'incident-handling',
  'ota-defect-fix',
] as const;

const text = (max: number) => z.string().trim().max(max, 'v.tooLong');
/** People counted since 1 January; null = not known yet (the determination then asks for it). */
const count = z.number().int('v.invalid').min(0, 'v.invalid').max(2_000_000_000, 'v.invalid').nullable();

/** An exemption the auditor claims for a flow, with the conditions they checked. */
export const ExemptionClaim = z.strictObject({
  id: z.enum(EXEMPTIONS),
  /** The user's summary assertion; per-condition answers refine it when given. */
  conditionsMet: z.boolean().optional(),
  conditions: z.record(z.string().max(80), z.boolean()).optional(),
});
export type ExemptionClaim = z.infer<typeof ExemptionClaim>;

const flowFields = {
  name: text(200).min(1, 'v.required'),
  scenario: z.enum(SCENARIOS),
  behaviour: z.enum(BEHAVIOURS),
  dataCategories: z.array(text(100).min(1)).max(50),
  recipient: text(200),
  country: text(100),
  purpose: text(1000),
  channel: text(200),
  frequency: text(100),
  individuals: count,
  sensitiveIndividuals: count,
  exemptionClaims: z.array(ExemptionClaim).max(9),
};

/** A data export activity as the inventory form edits it. */
export const FlowInput = z.strictObject({
  ...flowFields,
  dataCategories: flowFields.dataCategories.default([]),
  recipient: flowFields.recipient.default(''),
  country: flowFields.country.default(''),
  purpose: flowFields.purpose.default(''),
  channel: flowFields.channel.default(''),
  frequency: flowFields.frequency.default(''),
  individuals: count.default(null),
  sensitiveIndividuals: count.default(null),
  exemptionClaims: flowFields.exemptionClaims.default([]),
});
export type FlowInput = z.input<typeof FlowInput>;
export type FlowFields = z.output<typeof FlowInput>;

export const FlowPatch = z.strictObject(flowFields).partial();

export const Flow = z.object({
  id: z.string(),
  projectId: z.string(),
  position: z.number().int(),
  ...flowFields,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Flow = z.infer<typeof Flow>;

/** Answers of the important-data questionnaire: does the flow carry data matching the item? */
export const QUESTION_ANSWERS = ['yes', 'no', 'unsure'] as const;
export const QuestionAnswer = z.object({
  flowId: z.string(),
  itemId: z.string(),
  answer: z.enum(QUESTION_ANSWERS),
  note: z.string(),
  updatedAt: z.string(),
});
export type QuestionAnswer = z.infer<typeof QuestionAnswer>;
