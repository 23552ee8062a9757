import type { z } from 'zod';
import { auditChannels } from './channels/audit';
import { bundleChannels } from './channels/bundles';
import { projectChannels } from './channels/projects';
import { reviewChannels } from './channels/review';
import { rulesChannels } from './channels/rules';
import { signingChannels } from './channels/signing';
import { upgradeChannels } from './channels/upgrade';

/**
 * Every request the renderer can make, as `domain:action` → input and output schemas.
 * Inputs are strict (unknown fields are refused). Main registers exactly these channels, the
 * preload exposes exactly these functions, and a channel without a handler fails to compile.
 */
export const contract = { ...projectChannels, ...auditChannels, ...rulesChannels, ...reviewChannels, ...signingChannels, ...bundleChannels, ...upgradeChannels } as const satisfies Record<
  string,
  { input: z.ZodType; output: z.ZodType }
>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

/** The channel names, for the preload and the browser host's web client. */
export const CHANNELS = Object.keys(contract) as Channel[];
