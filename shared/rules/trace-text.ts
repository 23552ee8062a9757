import type { Bilingual, Locale } from '../i18n/locale';
import { LOCALES } from '../i18n/locale';
import type { InputValue } from './evaluate';
import { FACT_LABELS, formatText, RULES_MESSAGES } from './messages';
import type { PackContent } from './schema';
import type { FactName } from './vocabulary';

/** What a trace step found: a condition's value, or `applied` for a principle the engine used. */
export type StepResult = 'met' | 'not-met' | 'unknown' | 'applied';

const PUNCTUATION: Record<Locale, { colon: string; open: string; close: string; list: string }> = {
  'zh-CN': { colon: '：', open: '（', close: '）', list: '；' },
  en: { colon: ': ', open: ' (', close: ')', list: '; ' },
};

/** 1234567 → "1,234,567": the same in every runtime (no Intl differences between Node and Chromium). */
export function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The title an auditor knows a rule, exemption or threshold by, with its reference label. */
export function itemLabel(pack: PackContent, id: string): Bilingual {
  const item = [...pack.rules, ...pack.exemptions, ...pack.thresholds, pack.decision].find((i) => i.id === id);
  if (!item) return { 'zh-CN': id, en: id };
  const ref = 'ref' in item && item.ref ? `${item.ref} ` : '';
  return { 'zh-CN': `${ref}${item.title['zh-CN']}`, en: `${ref}${item.title.en}` };
}

function valueText(value: InputValue, locale: Locale): string {
  if (value === null) return RULES_MESSAGES['value.unknown'][locale];
  if (typeof value === 'boolean') return RULES_MESSAGES[value ? 'value.true' : 'value.false'][locale];
  if (typeof value === 'number') return groupDigits(value);
  if (typeof value === 'string') return value;
  return formatText(RULES_MESSAGES['value.at-least'], locale, { value: groupDigits(value.atLeast) });
}

function inputLabel(pack: PackContent, rule: string, key: string, locale: Locale): string {
  if (key in FACT_LABELS) return FACT_LABELS[key as FactName][locale];
  if (key.startsWith('condition:')) {
    const conditionKey = key.slice('condition:'.length);
    const condition = pack.exemptions.find((e) => e.id === rule)?.conditions.find((c) => c.key === conditionKey);
    return condition ? condition.text[locale] : conditionKey;
  }
  const threshold = pack.thresholds.find((t) => t.id === key);
  if (threshold) return formatText(RULES_MESSAGES['label.threshold'], locale, { unit: threshold.unit });
  return key;
}

/**
 * A trace step in plain language, in both languages: "SA-2 … : met (organisation total … = 1,200,000;
 * threshold = 1,000,000)". Built from the pack's own titles, so a new pack explains itself.
 */
export function stepText(
  pack: PackContent,
  rule: string,
  result: StepResult,
  inputs: Record<string, InputValue>,
  missing: readonly string[] = [],
): Bilingual {
  const label = itemLabel(pack, rule);
  const text = (locale: Locale) => {
    const p = PUNCTUATION[locale];
    const parts = Object.entries(inputs).map(
      ([key, value]) => `${inputLabel(pack, rule, key, locale)} = ${valueText(value, locale)}`,
    );
    if (missing.length > 0)
      parts.push(formatText(RULES_MESSAGES['label.missing'], locale, { facts: missing.join(', ') }));
    const detail = parts.length > 0 ? `${p.open}${parts.join(p.list)}${p.close}` : '';
    return `${label[locale]}${p.colon}${RULES_MESSAGES[`result.${result}`][locale]}${detail}`;
  };
  return Object.fromEntries(LOCALES.map((locale) => [locale, text(locale)])) as Bilingual;
}
