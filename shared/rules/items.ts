import type { ItemMeta, PackContent } from './schema';
import { CHECKLIST_AREAS, type ChecklistArea } from './vocabulary';

/** The areas a pack's items fall into; a checklist's items take the checklist's area. */
export type ItemArea =
  | 'notes'
  | 'roles'
  | 'behaviours'
  | 'scenarios'
  | 'thresholds'
  | 'rules'
  | 'decision'
  | 'methods'
  | 'exemptions'
  | 'important-data'
  | ChecklistArea;

/** An item with its stable id: what answers, hashes and references point at. */
export interface PackItem {
  id: string;
  area: ItemArea;
  status: 'active' | 'withdrawn';
  item: ItemMeta;
}

/** Every item of the pack, in file order. Checklists and their sections are containers, not items. */
export function packItems(pack: PackContent): PackItem[] {
  const of = (area: ItemArea, list: readonly ItemMeta[]) =>
    list.map((item) => ({ id: item.id, area, status: item.status, item }));
  return [
    ...of('notes', pack.notes),
    ...of('roles', pack.roles),
    ...of('behaviours', pack.behaviours),
    ...of('scenarios', pack.scenarios),
    ...of('thresholds', pack.thresholds),
    ...of('rules', pack.rules),
    ...of('decision', [pack.decision]),
    ...of('methods', pack.methods),
    ...of('exemptions', pack.exemptions),
    ...of('important-data', pack.importantData),
    ...pack.checklists.flatMap((checklist) => of(checklist.area, checklist.items)),
  ];
}

/** Ids of checklists and their sections: not items, but they share the id space. */
export function containerIds(pack: PackContent): string[] {
  return pack.checklists.flatMap((checklist) => [checklist.id, ...checklist.sections.map((section) => section.id)]);
}

/** The areas in the order they are shown: scope, determination, exemptions, catalogue, checklists. */
export const ITEM_AREAS: readonly ItemArea[] = [
  'notes',
  'roles',
  'behaviours',
  'scenarios',
  'thresholds',
  'rules',
  'decision',
  'methods',
  'exemptions',
  'important-data',
  ...CHECKLIST_AREAS,
];

/** Item counts per area, active and withdrawn, in `ITEM_AREAS` order (what `adsg rules show` prints). */
export function countItemsByArea(pack: PackContent): { area: ItemArea; active: number; withdrawn: number }[] {
  const items = packItems(pack);
  return ITEM_AREAS.map((area) => {
    const inArea = items.filter((i) => i.area === area);
    const withdrawn = inArea.filter((i) => i.status === 'withdrawn').length;
    return { area, active: inArea.length - withdrawn, withdrawn };
  });
}
