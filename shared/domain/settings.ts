import { z } from 'zod';
import { Locale } from '../i18n/locale';
import { singleLine } from './text';

/** Per-machine preferences, stored in the database so the CLI and the app agree. */
export const Settings = z.object({
  locale: Locale,
  /** The name written into the audit trail as "who". */
  actorName: z.string(),
});
export type Settings = z.infer<typeof Settings>;

export const SettingsPatch = z.strictObject({ locale: Locale, actorName: singleLine(100).min(1, 'v.required') }).partial();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

/**
 * The longest "who" a record may name. Records carry the settings name (at most 100 characters)
 * or, before one is set, the operating system's account name, which has no such bound.
 */
export const RECORDED_ACTOR_MAX = 1000;
