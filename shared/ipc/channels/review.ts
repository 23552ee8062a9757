import { z } from 'zod';
import { ProjectId } from '../../domain/ids';
import { Revision } from '../../domain/revision';

const comments = z.string().max(20_000, 'v.tooLong');

/** Review and sign-off of a project revision. */
export const reviewChannels = {
  'review:status': { input: z.strictObject({ projectId: ProjectId }), output: z.object({ current: Revision, history: z.array(Revision) }) },
  'review:submit': { input: z.strictObject({ projectId: ProjectId, comments: comments.default('') }), output: Revision },
  'review:return': { input: z.strictObject({ projectId: ProjectId, comments: comments.trim().min(1, 'v.required') }), output: Revision },
  'review:accept': { input: z.strictObject({ projectId: ProjectId, comments: comments.default('') }), output: Revision },
} as const;
