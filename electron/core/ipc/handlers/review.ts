import { listRevisions } from '../../db/repos/revisions';
import { acceptRevision, currentRevision, returnForChanges, submitForReview } from '../../review/service';
import type { Handlers } from './types';

export const reviewHandlers: Handlers<'review:status' | 'review:submit' | 'review:return' | 'review:accept'> = {
  'review:status': ({ projectId }, core) => ({ current: currentRevision(core, projectId), history: listRevisions(core.db, projectId) }),
  'review:submit': ({ projectId, comments }, core) => submitForReview(core, projectId, comments),
  'review:return': ({ projectId, comments }, core) => returnForChanges(core, projectId, comments),
  'review:accept': ({ projectId, comments }, core) => acceptRevision(core, projectId, comments),
};
