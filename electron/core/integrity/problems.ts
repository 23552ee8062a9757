import type { TextParams } from '../../../shared/i18n/format';
import { integrityBilingual, integrityMessage, type IntegrityMessageKey } from '../../../shared/i18n/integrity-messages';
import type { Bilingual, Locale } from '../../../shared/i18n/locale';

/**
 * One thing an integrity check found, as a catalogue key and its parameters (plain values, or
 * bilingual ones such as an entity's name), so every door renders it in its reader's language.
 */
export interface IntegrityProblem {
  code: IntegrityMessageKey;
  params: TextParams;
}

export const problemOf = (code: IntegrityMessageKey, params: TextParams = {}): IntegrityProblem => ({ code, params });

/** The problem in `locale`. */
export const describeProblem = (p: IntegrityProblem, locale: Locale): string => integrityMessage(locale, p.code, p.params);

/** The problem in both languages. */
export const problemText = (p: IntegrityProblem): Bilingual => integrityBilingual(p.code, p.params);

/** Problems in both languages, the first few joined (what an error message can carry). */
export function problemsText(problems: readonly IntegrityProblem[], max = 3): Bilingual {
  const listed = problems.slice(0, max).map(problemText);
  if (problems.length > max) listed.push(integrityBilingual('more-problems', { count: problems.length - max }));
  return { 'zh-CN': listed.map((t) => t['zh-CN']).join('；'), en: listed.map((t) => t.en).join('; ') };
}
