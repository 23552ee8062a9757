import { z } from 'zod';
import { PLAIN_TEXT, STORED_TEXT, multiLine, type TextRules } from './text';

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

/** A flow's text fields under rules `t` (the purpose is a paragraph; the rest are one line each). */
const flowText = (t: TextRules) => ({
  name: t.line(200).min(1, 'v.required'),
  dataCategories: z.array(t.line(100).min(1)).max(50),
  recipient: t.line(200),
  country: t.line(100),
  purpose: t.lines(1000),
  channel: t.line(200),
  frequency: t.line(100),
});

const flowFields = {
  ...flowText(PLAIN_TEXT),
  purpose: multiLine(1000, { trim: true }),
  scenario: z.enum(SCENARIOS),
  behaviour: z.enum(BEHAVIOURS),
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

const flowRecord = (t: TextRules) =>
  z.object({
    id: z.string(),
    projectId: z.string(),
    position: z.number().int(),
    ...flowFields,
    ...flowText(t),
    createdAt: z.string(),
    updatedAt: z.string(),
  });

/** A flow record held to the input rule: what a bundle must carry. */
export const Flow = flowRecord(PLAIN_TEXT);
export type Flow = z.infer<typeof Flow>;
/** A flow as this database holds it (IPC replies): text an older version stored is kept as it is. */
export const StoredFlow = flowRecord(STORED_TEXT);

/** Answers of the important-data questionnaire: does the flow carry data matching the item? */
export const QUESTION_ANSWERS = ['yes', 'no', 'unsure'] as const;
/** The auditor's note on one questionnaire answer. */
export const QUESTION_NOTE_MAX = 5000;
const questionAnswerRecord = (t: TextRules) =>
  z.object({
    flowId: z.string(),
    itemId: z.string(),
    answer: z.enum(QUESTION_ANSWERS),
    note: t.lines(QUESTION_NOTE_MAX),
    updatedAt: z.string(),
  });
/** A questionnaire answer held to the input rule: what a bundle must carry. */
export const QuestionAnswer = questionAnswerRecord(PLAIN_TEXT);
export type QuestionAnswer = z.infer<typeof QuestionAnswer>;
/** A questionnaire answer as this database holds it. */
export const StoredQuestionAnswer = questionAnswerRecord(STORED_TEXT);
