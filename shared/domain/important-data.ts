import type { RulesPack } from '../rules/schema';
import type { QuestionAnswer } from './flow';

/** The questionnaire's conclusion for one flow: found items, or unknown while any is open. */
export interface ImportantDataResult {
  /** true: at least one item answered "yes"; false: every item answered "no"; null: not settled. */
  importantData: boolean | null;
  found: string[];
  pending: number;
}

/**
 * Derives whether a flow carries important data from its questionnaire answers over the items
 * that apply to its scenario. One "yes" settles it; "no" needs every item answered "no".
 */
export function importantDataResult(itemIds: readonly string[], answers: readonly QuestionAnswer[]): ImportantDataResult {
  const byItem = new Map(answers.map((a) => [a.itemId, a.answer]));
  const found = itemIds.filter((id) => byItem.get(id) === 'yes');
  const pending = itemIds.filter((id) => !byItem.has(id) || byItem.get(id) === 'unsure').length;
  return { importantData: found.length > 0 ? true : pending === 0 ? false : null, found, pending };
}

/**
 * The pack's important-data items that apply to a flow's scenario: active items whose effect is
 * "important data" (general-data lists and reference items do not make a flow carry important data).
 */
export function importantDataItemsFor(
  pack: Pick<RulesPack, 'scenarios' | 'importantData'>,
  scenarioKey: string,
): RulesPack['importantData'] {
  const scenario = pack.scenarios.find((s) => s.key === scenarioKey);
  if (!scenario) return [];
  return pack.importantData.filter((i) => i.status === 'active' && i.effect === 'important-data' && i.scenarios.includes(scenario.id));
}
