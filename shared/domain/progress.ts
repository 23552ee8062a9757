import type { Answer, ChecklistResult } from './answer';
import type { Finding } from './finding';
import { RESULTS } from './answer';
import { CHECKLIST_AREAS } from '../rules/vocabulary';

/** Result counts for one checklist area (unanswered items count as "none"). */
export interface AreaSummary {
  area: string;
  total: number;
  counts: Record<ChecklistResult | 'none', number>;
}

/**
 * Conformity per area over the pack's active items: what the dashboard charts and the dossier's
 * executive summary print, computed once here so both agree.
 */
export function summariseAreas(
  checklists: readonly { area: string; items: readonly { id: string; status: string }[] }[],
  answers: readonly Answer[],
): AreaSummary[] {
  const byItem = new Map(answers.map((a) => [a.itemId, a.result]));
  return inAreaOrder(checklists).map((c) => {
    const counts = Object.fromEntries([...RESULTS, 'none'].map((r) => [r, 0])) as AreaSummary['counts'];
    const active = c.items.filter((i) => i.status === 'active');
    for (const item of active) counts[byItem.get(item.id) ?? 'none']++;
    return { area: c.area, total: active.length, counts };
  });
}

/** Open (not closed) findings per severity. */
export function openFindingsBySeverity(findings: readonly Finding[]): Record<Finding['severity'], number> {
  const out = { major: 0, minor: 0, observation: 0 };
  for (const f of findings) if (f.status !== 'closed') out[f.severity]++;
  return out;
}

/** Checklists in the guideline's order (management system, technical protection, logs, emergency, process). */
export function inAreaOrder<T extends { area: string }>(checklists: readonly T[]): T[] {
  const rank = (a: string) => (CHECKLIST_AREAS as readonly string[]).indexOf(a);
  return [...checklists].sort((a, b) => rank(a.area) - rank(b.area));
}
