import type { Bilingual, Locale } from './locale';

/** Values for `{name}` placeholders; a bilingual value is taken in the text's language. */
export type TextParams = Record<string, string | number | Bilingual>;

/** A text in `locale` with its `{name}` placeholders filled (unknown ones are left as they are). */
export function formatText(text: Bilingual, locale: Locale, params: TextParams = {}): string {
  return text[locale].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'object' ? value[locale] : String(value);
  });
}
