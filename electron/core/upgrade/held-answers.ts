import type { Workspace } from '../../../shared/ipc/channels/audit';
import type { PackItem } from '../../../shared/rules/items';
import type { CarriedAnswer, CarriedEntity } from '../../../shared/rules/upgrade';

/** A checklist or questionnaire answer, named as the trail names it. */
export interface HeldAnswer {
  entity: CarriedEntity;
  /** The trail's entity id: the item id, or `<flowId>/<itemId>` for a questionnaire answer. */
  entityId: string;
  itemId: string;
  flowId: string | null;
  result: string;
  value: unknown;
}

/** Every answer of a project that follows an item of the rules pack. */
export function heldAnswers(ws: Pick<Workspace, 'answers' | 'questions'>): HeldAnswer[] {
  return [
    ...ws.answers.map((a) => ({ entity: 'answer' as const, entityId: a.itemId, itemId: a.itemId, flowId: null, result: a.result, value: a })),
    ...ws.questions.map((q) => ({ entity: 'question' as const, entityId: `${q.flowId}/${q.itemId}`, itemId: q.itemId, flowId: q.flowId, result: q.answer, value: q })),
  ];
}

/** A held answer as the preview and the carried-answers list show it, labelled from `item` when the pack has it. */
export function describeHeld(held: HeldAnswer, item: PackItem | undefined, flowNames: ReadonlyMap<string, string>): CarriedAnswer {
  const fields = (item?.item ?? {}) as { title?: CarriedAnswer['label']; requirement?: CarriedAnswer['label']; ref?: string };
  const label = fields.title ?? fields.requirement ?? { 'zh-CN': held.itemId, en: held.itemId };
  return {
    entity: held.entity,
    entityId: held.entityId,
    itemId: held.itemId,
    flowId: held.flowId,
    flowName: held.flowId ? (flowNames.get(held.flowId) ?? null) : null,
    result: held.result,
    label: { 'zh-CN': label['zh-CN'], en: label.en },
    ...(fields.ref ? { ref: fields.ref } : {}),
  };
}
