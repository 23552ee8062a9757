import { z } from 'zod';

/** The UI languages. zh-CN first: it is the default for new installs. */
export const LOCALES = ['zh-CN', 'en'] as const;
export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** A text in both languages; every text a user sees exists in both. */
export type Bilingual = Record<Locale, string>;
