import { z } from 'zod';
import { RECORDED_ACTOR_MAX } from './settings';
import { multiLine, PLAIN_TEXT, STORED_TEXT, type TextRules } from './text';

export const REVISION_STATES = ['draft', 'submitted', 'returned', 'accepted'] as const;

/** What the auditor or the reviewer writes when submitting, returning or accepting a revision. */
export const ReviewComments = multiLine(20_000);

const revisionRecord = (t: TextRules) =>
  z.object({
    projectId: z.string(),
    number: z.number().int(),
    state: z.enum(REVISION_STATES),
    submittedBy: t.line(RECORDED_ACTOR_MAX).nullable(),
    submittedAt: z.string().nullable(),
    reviewedBy: t.line(RECORDED_ACTOR_MAX).nullable(),
    reviewedAt: z.string().nullable(),
    comments: t.lines(20_000),
    snapshotHash: z.string().nullable(),
    trailHead: z.string().nullable(),
  });

/** One numbered revision of a project and where it stands in review. Held to the input rule: what a bundle must carry. */
export const Revision = revisionRecord(PLAIN_TEXT);
export type Revision = z.infer<typeof Revision>;
/** A revision as this database holds it. */
export const StoredRevision = revisionRecord(STORED_TEXT);
