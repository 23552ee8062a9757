import { z } from 'zod';
import { Locale } from '../i18n/locale';

/** Per-machine preferences, stored in the database so the CLI and the app agree. */
export const Settings = z.object({
  locale: Locale,
  /** The name written into the audit trail as "who". */
  actorName: z.string(),
});
export type Settings = z.infer<typeof Settings>;

export const SettingsPatch = z
  .strictObject({ locale: Locale, actorName: z.string().trim().min(1, 'v.required').max(100, 'v.tooLong') })
  .partial();
export type SettingsPatch = z.infer<typeof SettingsPatch>;
