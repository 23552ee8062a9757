import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Locale } from '../../../shared/i18n/locale';
import type { Settings } from '../../../shared/domain/settings';
import { call } from '../lib/api';
import { i18next } from '../i18n';

interface SettingsContextValue {
  settings: Settings;
  /** Saves a change (language switches live) and returns the stored settings. */
  update(patch: Partial<Settings>): Promise<Settings>;
}

const SettingsContext = createContext<SettingsContextValue | null>(null);

/** Loads settings once, keeps i18next in step with the stored language. */
export function SettingsProvider({ initial, children }: { initial: Settings; children: ReactNode }) {
  const [settings, setSettings] = useState(initial);
  useEffect(() => {
    void i18next.changeLanguage(settings.locale);
    document.documentElement.lang = settings.locale;
  }, [settings.locale]);
  const update = useCallback(async (patch: Partial<Settings>) => {
    const next = await call('settings:update', patch);
    setSettings(next);
    return next;
  }, []);
  return <SettingsContext.Provider value={{ settings, update }}>{children}</SettingsContext.Provider>;
}

export function useSettings(): SettingsContextValue {
  const value = useContext(SettingsContext);
  if (!value) throw new Error('useSettings outside SettingsProvider');
  return value;
}

export const useLocale = (): Locale => useSettings().settings.locale;
