import { z } from 'zod';
import { REVISION_STATES } from '../domain/revision';
import { ItemChange, PackDiff } from './diff';
import { OUTCOMES } from './vocabulary';

/**
 * What moving a project to another version of its rules pack does, as the preview shows it and
 * the upgrade records it. Answers follow their item by content hash: the same hash carries the
 * answer as it is; a changed hash carries it marked "to re-confirm"; an item withdrawn or gone
 * keeps its answer in the archive; a new item starts unanswered.
 */

/** The two kinds of answer that follow an item: a checklist answer, and a flow's questionnaire answer. */
export const CARRIED_ENTITIES = ['answer', 'question'] as const;
export type CarriedEntity = (typeof CARRIED_ENTITIES)[number];

const Bilingual = z.object({ 'zh-CN': z.string(), en: z.string() });

/** One answer the upgrade marks or archives (its trail row's entity and id say which). */
export const CarriedAnswer = z.object({
  entity: z.enum(CARRIED_ENTITIES),
  /** The item id of a checklist answer; `<flowId>/<itemId>` for a questionnaire answer. */
  entityId: z.string(),
  itemId: z.string(),
  flowId: z.string().nullable(),
  flowName: z.string().nullable(),
  /** The answer as given: a checklist result, or yes / no / unsure. */
  result: z.string(),
  label: Bilingual,
  ref: z.string().optional(),
});
export type CarriedAnswer = z.infer<typeof CarriedAnswer>;

/** A new item nobody has answered yet (for a questionnaire item, per flow it applies to). */
export const UnansweredItem = z.object({
  itemId: z.string(),
  flowId: z.string().nullable(),
  flowName: z.string().nullable(),
  label: Bilingual,
  ref: z.string().optional(),
});

const Carry = z.object({
  /** Answers of unchanged items (metadata changes included), carried as they are. */
  carried: z.number().int(),
  reconfirm: z.array(CarriedAnswer),
  archived: z.array(CarriedAnswer),
  unanswered: z.array(UnansweredItem),
});

/** An outcome before and after, for the organisation or one flow. */
export const OutcomeChange = z.object({
  scope: z.string(),
  /** The flow's name; null for the organisation. */
  name: z.string().nullable(),
  before: z.enum(OUTCOMES),
  after: z.enum(OUTCOMES),
  changed: z.boolean(),
});
export type OutcomeChange = z.infer<typeof OutcomeChange>;

/** Everything the preview shows before the auditor confirms, and what `upgrade-pack --dry-run` prints. */
export const UpgradePlan = z.object({
  projectId: z.string(),
  diff: PackDiff,
  answers: Carry,
  questions: Carry,
  /** The organisation first, then each flow, recomputed with the new pack. */
  determinations: z.array(OutcomeChange),
  /** Where the project stands: under review refuses the upgrade; accepted opens `opensRevision`. */
  revision: z.object({ number: z.number().int(), state: z.enum(REVISION_STATES), opensRevision: z.number().int().nullable() }),
});
export type UpgradePlan = z.infer<typeof UpgradePlan>;

/** An answer carried by an upgrade that still waits for the auditor to re-confirm it. */
export const PendingReconfirm = CarriedAnswer.extend({
  /** The pack version the answer was given under. */
  from: z.string(),
  /** When the upgrade marked it. */
  at: z.string(),
  /** How the item changed since the answer was given. */
  change: ItemChange.nullable(),
});
export type PendingReconfirm = z.infer<typeof PendingReconfirm>;

/** A project's carried answers: those to re-confirm, and those archived with their withdrawn item. */
export const CarriedState = z.object({ reconfirm: z.array(PendingReconfirm), archived: z.array(CarriedAnswer) });
export type CarriedState = z.infer<typeof CarriedState>;
