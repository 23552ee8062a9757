import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LOCALE, type Locale } from '../../../shared/i18n/locale';
import { en } from './en';
import { zhCN } from './zh-CN';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
const bundles: { namespace: string; texts: { 'zh-CN': object; en: object } }[] = [];

/**
 * Registers a feature's own texts under its namespace (`useTranslation('evidence')`), so each
 * feature folder carries its zh-CN and English strings; English must have exactly the zh-CN keys.
 * Features register at import time, before i18next starts: bundles wait here until `initI18n`.
 */
export function registerBundle<T extends object>(namespace: string, texts: { 'zh-CN': T; en: Shape<T> }): void {
  if (i18next.isInitialized) {
    i18next.addResourceBundle('zh-CN', namespace, texts['zh-CN'], true, true);
    i18next.addResourceBundle('en', namespace, texts.en, true, true);
  } else bundles.push({ namespace, texts });
}

/** i18next with both languages bundled: nothing is fetched, switching is instant. */
export function initI18n(locale: Locale = DEFAULT_LOCALE) {
  const resources: Record<Locale, Record<string, object>> = { 'zh-CN': { translation: zhCN }, en: { translation: en } };
  for (const b of bundles) {
    resources['zh-CN'][b.namespace] = b.texts['zh-CN'];
    resources.en[b.namespace] = b.texts.en;
  }
  void i18next.use(initReactI18next).init({
    resources,
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    // Feature namespaces fall back to the shared one for common words (common.save …).
    fallbackNS: 'translation',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}

export { i18next };
