import { z } from 'zod';
import { IsoDate } from './project';

export const SEVERITIES = ['major', 'minor', 'observation'] as const;
export const FINDING_STATUSES = ['open', 'in-progress', 'closed'] as const;

const fields = {
  severity: z.enum(SEVERITIES),
  title: z.string().trim().min(1, 'v.required').max(300, 'v.tooLong'),
  description: z.string().trim().max(20_000, 'v.tooLong'),
  recommendation: z.string().trim().max(20_000, 'v.tooLong'),
  owner: z.string().trim().max(200, 'v.tooLong'),
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

export const Finding = z.object({ id: z.string(), projectId: z.string(), number: z.number().int(), ...fields, createdAt: z.string(), updatedAt: z.string() });
export type Finding = z.infer<typeof Finding>;
