import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { RulesPack } from '../../../shared/rules/schema';
import type { Bilingual, Locale } from '../../../shared/i18n/locale';
import { useLocale } from '../app/locale-context';

/** A checklist item as pickers and labels need it. */
export interface ItemInfo {
  id: string;
  ref: string | undefined;
  area: string;
  areaTitle: Bilingual;
  requirement: Bilingual;
}

interface PackValue {
  pack: RulesPack;
  items: ItemInfo[];
  byId: Map<string, ItemInfo>;
}

const PackContext = createContext<PackValue | null>(null);

/** Shares the project's pinned rules pack with every tab. */
export function PackProvider({ pack, children }: { pack: RulesPack; children: ReactNode }) {
  const value = useMemo(() => {
    const items = pack.checklists.flatMap((c) =>
      c.items.filter((i) => i.status === 'active').map((i) => ({ id: i.id, ref: i.ref, area: c.area, areaTitle: c.title, requirement: i.requirement })),
    );
    return { pack, items, byId: new Map(items.map((i) => [i.id, i])) };
  }, [pack]);
  return <PackContext.Provider value={value}>{children}</PackContext.Provider>;
}

export function usePack(): PackValue {
  const value = useContext(PackContext);
  if (!value) throw new Error('usePack outside PackProvider');
  return value;
}

/** A text of the pack in the user's language. */
export function useText(): (t: Bilingual | undefined) => string {
  const locale: Locale = useLocale();
  return (t) => (t ? t[locale] : '');
}

/** "LM-03 日志…" style label for an item id; the id itself if the pack does not know it. */
export function useItemLabel(): (id: string) => string {
  const { byId } = usePack();
  const text = useText();
  return (id) => {
    const item = byId.get(id);
    return item ? `${item.ref ?? id.split(':')[1]} ${text(item.requirement).slice(0, 60)}` : id;
  };
}

/** Checklist-item options grouped by area, searchable by reference and requirement text (item pickers). */
export function useItemOptions(): { label: string; title: string; options: { value: string; label: string }[] }[] {
  const { items } = usePack();
  const text = useText();
  const label = useItemLabel();
  const locale = useLocale();
  // text and label are new functions each render; what they depend on is the items and the language.
  return useMemo(() => {
    const groups = new Map<string, { label: string; title: string; options: { value: string; label: string }[] }>();
    for (const item of items) {
      const title = text(item.areaTitle);
      const group = groups.get(item.area) ?? { label: title, title, options: [] };
      group.options.push({ value: item.id, label: label(item.id) });
      groups.set(item.area, group);
    }
    return [...groups.values()];
  }, [items, locale]);
}
