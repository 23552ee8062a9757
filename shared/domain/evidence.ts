import { z } from 'zod';

export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

/** A file kept as evidence in a project: the bytes live once in the store, keyed by SHA-256. */
export const Evidence = z.object({
  id: z.string(),
  projectId: z.string(),
  sha256: Sha256Hex,
  fileName: z.string(),
  size: z.number().int(),
  mediaType: z.string(),
  description: z.string(),
  capturedBy: z.string(),
  capturedAt: z.string(),
  itemIds: z.array(z.string()),
});
export type Evidence = z.infer<typeof Evidence>;

/** The outcome of re-hashing a project's evidence: each problem names the file. */
export const EvidenceCheck = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  problems: z.array(z.object({ evidenceId: z.string(), fileName: z.string(), sha256: Sha256Hex, problem: z.enum(['missing', 'modified']) })),
});
export type EvidenceCheck = z.infer<typeof EvidenceCheck>;
