import { z } from 'zod';
import { ProjectId } from '../../domain/ids';
import { RulesPack } from '../../rules/schema';

/** The rules content a project is assessed against. */
export const rulesChannels = {
  'rules:forProject': { input: z.strictObject({ projectId: ProjectId }), output: RulesPack },
} as const;
