import { z } from 'zod';
import { RECORDED_ACTOR_MAX } from './settings';
import { PLAIN_TEXT, STORED_TEXT, multiLine, type TextRules } from './text';

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
    notes: multiLine(20_000).default(''),
    justification: multiLine(20_000).default(''),
  })
  .refine((a) => !NEEDS_JUSTIFICATION.includes(a.result) || a.justification.trim().length > 0, {
    message: 'v.justificationRequired',
    path: ['justification'],
  });
export type AnswerInput = z.input<typeof AnswerInput>;

const answerRecord = (t: TextRules) =>
  z.object({
    projectId: z.string(),
    itemId: z.string(),
    result: z.enum(RESULTS),
    notes: t.lines(20_000),
    justification: t.lines(20_000),
    updatedAt: z.string(),
    actor: t.line(RECORDED_ACTOR_MAX),
  });

/** A checklist answer held to the input rule: what a bundle must carry. */
export const Answer = answerRecord(PLAIN_TEXT);
export type Answer = z.infer<typeof Answer>;
/** A checklist answer as this database holds it. */
export const StoredAnswer = answerRecord(STORED_TEXT);
