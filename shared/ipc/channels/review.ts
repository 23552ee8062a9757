import { z } from 'zod';
import { ProjectId } from '../../domain/ids';
import { ReviewComments, StoredRevision } from '../../domain/revision';

/** Review and sign-off of a project revision. */
export const reviewChannels = {
  'review:status': { input: z.strictObject({ projectId: ProjectId }), output: z.object({ current: StoredRevision, history: z.array(StoredRevision) }) },
  'review:submit': { input: z.strictObject({ projectId: ProjectId, comments: ReviewComments.default('') }), output: StoredRevision },
  'review:return': { input: z.strictObject({ projectId: ProjectId, comments: ReviewComments.trim().min(1, 'v.required') }), output: StoredRevision },
  'review:accept': { input: z.strictObject({ projectId: ProjectId, comments: ReviewComments.default('') }), output: StoredRevision },
} as const;
