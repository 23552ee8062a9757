import { z } from 'zod';
import { RECORDED_ACTOR_MAX } from './settings';
import { multiLine, PLAIN_TEXT, STORED_TEXT, type TextRules } from './text';

export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

/** The description an auditor writes for an evidence file. */
export const EvidenceDescription = multiLine(5000);

/**
 * The longest file name kept: file systems allow 255 bytes, and each unsafe character of a name is
 * kept as its visible escape (up to six characters, see the source guard).
 */
const FILE_NAME_MAX = 2000;

const evidenceRecord = (t: TextRules) =>
  z.object({
    id: z.string(),
    projectId: z.string(),
    sha256: Sha256Hex,
    fileName: t.line(FILE_NAME_MAX),
    size: z.number().int(),
    mediaType: z.string(),
    description: t.lines(5000),
    capturedBy: t.line(RECORDED_ACTOR_MAX),
    capturedAt: z.string(),
    itemIds: z.array(z.string()),
  });

/** A file kept as evidence in a project: the bytes live once in the store, keyed by SHA-256. Held to the input rule: what a bundle must carry. */
export const Evidence = evidenceRecord(PLAIN_TEXT);
export type Evidence = z.infer<typeof Evidence>;
/** An evidence record as this database holds it: names an older version stored are kept as they are. */
export const StoredEvidence = evidenceRecord(STORED_TEXT);

/** The outcome of re-hashing a project's evidence: each problem names the file. */
export const EvidenceCheck = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  problems: z.array(z.object({ evidenceId: z.string(), fileName: z.string(), sha256: Sha256Hex, problem: z.enum(['missing', 'modified']) })),
});
export type EvidenceCheck = z.infer<typeof EvidenceCheck>;
