import { z } from 'zod';

/** Checklist results, in the order the UI offers them (keys 1–5). */
export const RESULTS = ['conforming', 'partially-conforming', 'nonconforming', 'not-applicable', 'not-assessed'] as const;
export type ChecklistResult = (typeof RESULTS)[number];

/** Results that must carry a written justification. */
export const NEEDS_JUSTIFICATION: readonly ChecklistResult[] = ['nonconforming', 'not-applicable'];

/** One saved edit of a checklist item: what autosave sends. */
export const AnswerInput = z
  .strictObject({
    projectId: z.uuid(),
    itemId: z.string().min(1).max(200),
    result: z.enum(RESULTS),
    notes: z.string().max(20_000, 'v.tooLong').default(''),
    justification: z.string().max(20_000, 'v.tooLong').default(''),
  })
  .refine((a) => !NEEDS_JUSTIFICATION.includes(a.result) || a.justification.trim().length > 0, {
    message: 'v.justificationRequired',
    path: ['justification'],
  });
export type AnswerInput = z.input<typeof AnswerInput>;

export const Answer = z.object({
  projectId: z.string(),
  itemId: z.string(),
  result: z.enum(RESULTS),
  notes: z.string(),
  justification: z.string(),
  updatedAt: z.string(),
  actor: z.string(),
});
export type Answer = z.infer<typeof Answer>;
