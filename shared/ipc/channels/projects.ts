import { z } from 'zod';
import { ProjectId } from '../../domain/ids';
import { ProjectInput, ProjectPatch, StoredProject } from '../../domain/project';
import { Settings, SettingsPatch } from '../../domain/settings';
import { TrailEntry, TrailVerification } from '../../domain/trail';

const none = z.strictObject({});

/** App info, settings, projects and their audit trail. */
export const projectChannels = {
  'app:info': {
    input: none,
    output: z.object({ version: z.string(), dataDir: z.string(), schemaVersion: z.number().int() }),
  },
  'settings:get': { input: none, output: Settings },
  'settings:update': { input: SettingsPatch, output: Settings },
  'projects:list': {
    input: z.strictObject({ includeArchived: z.boolean().default(false) }),
    output: z.array(StoredProject),
  },
  'projects:createDemo': { input: none, output: StoredProject },
  'projects:get': { input: z.strictObject({ id: ProjectId }), output: StoredProject },
  'projects:create': { input: ProjectInput, output: StoredProject },
  'projects:update': { input: z.strictObject({ id: ProjectId, patch: ProjectPatch }), output: StoredProject },
  'projects:setArchived': { input: z.strictObject({ id: ProjectId, archived: z.boolean() }), output: StoredProject },
  'projects:delete': {
    input: z.strictObject({ id: ProjectId, confirm: z.literal(true, 'error.delete-confirm') }),
    output: z.object({ id: ProjectId }),
  },
  'trail:list': {
    input: z.strictObject({ projectId: ProjectId, entityId: z.string().max(200).optional() }),
    output: z.array(TrailEntry),
  },
  'trail:verify': { input: z.strictObject({ projectId: ProjectId }), output: TrailVerification },
} as const;
