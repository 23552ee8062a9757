import { z } from 'zod';
import { ProjectId } from '../../domain/ids';
import type { RulesPack } from '../../rules/schema';

/**
 * A pack the loader has already validated in full (schema, cross-checks, hashes). Checking all of it
 * again on every project open cost ~80 ms for a 300-item pack, so the reply is checked for shape only.
 */
const LoadedPack = z.custom<RulesPack>(
  (v) => typeof v === 'object' && v !== null && typeof (v as RulesPack).contentHash === 'string' && Array.isArray((v as RulesPack).checklists),
);

/** The rules content a project is assessed against. */
export const rulesChannels = {
  'rules:forProject': { input: z.strictObject({ projectId: ProjectId }), output: LoadedPack },
} as const;
