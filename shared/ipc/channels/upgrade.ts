import { z } from 'zod';
import { ProjectId } from '../../domain/ids';
import { Project } from '../../domain/project';
import { Revision } from '../../domain/revision';
import { PackDiff } from '../../rules/diff';
import { CARRIED_ENTITIES, CarriedState, UpgradePlan } from '../../rules/upgrade';

/** `adsg-2026` or `adsg-2026@1.1.0-example`: a pack, optionally at one version. */
const PackRef = z
  .string()
  .max(120, 'v.tooLong')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*(?:@\d+\.\d+\.\d+(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?)?$/, 'v.invalid');

const Bilingual = z.object({ 'zh-CN': z.string(), en: z.string() });

/** An installed pack as the pickers list it. */
export const PackSummary = z.object({
  id: z.string(),
  version: z.string(),
  origin: z.enum(['shipped', 'installed']),
  file: z.string(),
  contentHash: z.string().nullable(),
  title: Bilingual.nullable(),
  example: z.boolean(),
  problem: z.string().nullable(),
});
export type PackSummary = z.infer<typeof PackSummary>;

/** Installed packs, their diff, and moving a project to another version with its carried answers. */
export const upgradeChannels = {
  'rules:list': { input: z.strictObject({}), output: z.array(PackSummary) },
  'rules:diff': { input: z.strictObject({ from: PackRef, to: PackRef }), output: PackDiff },
  'upgrade:preview': { input: z.strictObject({ projectId: ProjectId, to: PackRef }), output: UpgradePlan },
  'upgrade:apply': {
    input: z.strictObject({ projectId: ProjectId, to: PackRef, expectFrom: z.string().regex(/^[0-9a-f]{64}$/, 'v.invalid') }),
    output: z.object({ project: Project, revision: Revision }),
  },
  'carried:list': { input: z.strictObject({ projectId: ProjectId }), output: CarriedState },
  'carried:confirm': {
    input: z.strictObject({ projectId: ProjectId, entity: z.enum(CARRIED_ENTITIES), entityId: z.string().min(1).max(300) }),
    output: z.object({ confirmed: z.literal(true) }),
  },
} as const;
