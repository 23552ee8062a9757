import { z } from 'zod';
import { ProjectId } from '../domain/ids';
import { Project, ProjectInput, ProjectPatch } from '../domain/project';
import { Settings, SettingsPatch } from '../domain/settings';
import { TrailEntry, TrailVerification } from '../domain/trail';

const none = z.strictObject({});

/**
 * Every request the renderer can make, as `domain:action` → input and output schemas.
 * Inputs are strict (unknown fields are refused). Main registers exactly these channels, the
 * preload exposes exactly these functions, and a channel without a handler fails to compile.
 */
export const contract = {
  'app:info': {
    input: none,
    output: z.object({ version: z.string(), dataDir: z.string(), schemaVersion: z.number().int() }),
  },
  'settings:get': { input: none, output: Settings },
  'settings:update': { input: SettingsPatch, output: Settings },
  'projects:list': {
    input: z.strictObject({ includeArchived: z.boolean().default(false) }),
    output: z.array(Project),
  },
  'projects:get': { input: z.strictObject({ id: ProjectId }), output: Project },
  'projects:create': { input: ProjectInput, output: Project },
  'projects:update': { input: z.strictObject({ id: ProjectId, patch: ProjectPatch }), output: Project },
  'projects:setArchived': { input: z.strictObject({ id: ProjectId, archived: z.boolean() }), output: Project },
  'projects:delete': {
    input: z.strictObject({ id: ProjectId, confirm: z.literal(true, 'error.delete-confirm') }),
    output: z.object({ id: ProjectId }),
  },
  'trail:list': {
    input: z.strictObject({ projectId: ProjectId, entityId: z.string().max(200).optional() }),
    output: z.array(TrailEntry),
  },
  'trail:verify': { input: z.strictObject({ projectId: ProjectId }), output: TrailVerification },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

/** The channel names, for the preload and the test bridge (which must not pull in zod schemas). */
export const CHANNELS = Object.keys(contract) as Channel[];

