import { z } from 'zod';

export const REVISION_STATES = ['draft', 'submitted', 'returned', 'accepted'] as const;

/** One numbered revision of a project and where it stands in review. */
export const Revision = z.object({
  projectId: z.string(),
  number: z.number().int(),
  state: z.enum(REVISION_STATES),
  submittedBy: z.string().nullable(),
  submittedAt: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  comments: z.string(),
  snapshotHash: z.string().nullable(),
  trailHead: z.string().nullable(),
});
export type Revision = z.infer<typeof Revision>;
