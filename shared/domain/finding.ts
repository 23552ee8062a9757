import { z } from 'zod';
import { IsoDate } from './project';
import { PLAIN_TEXT, STORED_TEXT, multiLine, type TextRules } from './text';

export const SEVERITIES = ['major', 'minor', 'observation'] as const;
export const FINDING_STATUSES = ['open', 'in-progress', 'closed'] as const;

/** A finding's text fields under rules `t`. */
const findingText = (t: TextRules) => ({
  title: t.line(300).min(1, 'v.required'),
  description: t.lines(20_000),
  recommendation: t.lines(20_000),
  owner: t.line(200),
});

const fields = {
  ...findingText(PLAIN_TEXT),
  description: multiLine(20_000, { trim: true }),
  recommendation: multiLine(20_000, { trim: true }),
  severity: z.enum(SEVERITIES),
  dueDate: IsoDate.nullable(),
  status: z.enum(FINDING_STATUSES),
  itemIds: z.array(z.string().min(1).max(200)).max(200),
  evidenceIds: z.array(z.string().min(1).max(100)).max(200),
};

/** A finding as the form edits it. */
export const FindingInput = z.strictObject({
  ...fields,
  description: fields.description.default(''),
  recommendation: fields.recommendation.default(''),
  owner: fields.owner.default(''),
  dueDate: fields.dueDate.default(null),
  status: fields.status.default('open'),
  itemIds: fields.itemIds.default([]),
  evidenceIds: fields.evidenceIds.default([]),
});
export type FindingInput = z.input<typeof FindingInput>;
export type FindingFields = z.output<typeof FindingInput>;
export const FindingPatch = z.strictObject(fields).partial();

const findingRecord = (t: TextRules) =>
  z.object({ id: z.string(), projectId: z.string(), number: z.number().int(), ...fields, ...findingText(t), createdAt: z.string(), updatedAt: z.string() });

/** A finding record held to the input rule: what a bundle must carry. */
export const Finding = findingRecord(PLAIN_TEXT);
export type Finding = z.infer<typeof Finding>;
/** A finding as this database holds it (IPC replies): text an older version stored is kept as it is. */
export const StoredFinding = findingRecord(STORED_TEXT);
