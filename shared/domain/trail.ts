import { z } from 'zod';

/** One row of the append-only, hash-chained audit trail, as the UI and CLI see it. */
export const TrailEntry = z.object({
  seq: z.number().int(),
  projectId: z.string().nullable(),
  entity: z.string(),
  entityId: z.string(),
  action: z.string(),
  actor: z.string(),
  at: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  hash: z.string(),
});
export type TrailEntry = z.infer<typeof TrailEntry>;

/** The result of walking a chain: intact, or the first row whose link is broken. */
export const TrailVerification = z.object({
  ok: z.boolean(),
  rows: z.number().int(),
  head: z.string().nullable(),
  firstBroken: z.object({ seq: z.number().int(), reason: z.enum(['hash', 'link']) }).nullable(),
});
export type TrailVerification = z.infer<typeof TrailVerification>;
