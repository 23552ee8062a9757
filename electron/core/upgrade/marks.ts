import { z } from 'zod';
import { ITEM_AREAS, type ItemArea, type PackItem } from '../../../shared/rules/items';
import type { CarriedEntity } from '../../../shared/rules/upgrade';
import type { Core } from '../core';
import { prepared } from '../db/prepared';

/** The trail action that marks a carried answer "to re-confirm"; any later record of the answer clears it. */
export const RECONFIRM_ACTION = 'carry-reconfirm';
/** The trail action of the auditor confirming a carried answer still holds. */
export const CONFIRM_ACTION = 'confirm-carried';

/** What a re-confirm record keeps beside the answer: the item as it was when the answer was given. */
export const ReconfirmDetail = z.object({
  previous: z.object({
    id: z.string(),
    area: z.enum(ITEM_AREAS as [ItemArea, ...ItemArea[]]),
    status: z.enum(['active', 'withdrawn']),
    item: z.record(z.string(), z.unknown()),
  }),
  previousHash: z.string(),
});
export type ReconfirmDetail = z.infer<typeof ReconfirmDetail>;

const MarkRow = z.object({ entity: z.enum(['answer', 'question']), entity_id: z.string(), at: z.string(), after: z.string() });

/** An answer whose newest trail record is a re-confirm mark. */
export interface ReconfirmMark {
  entity: CarriedEntity;
  entityId: string;
  at: string;
  /** The pack version the answer was given under. */
  from: string;
  /** Null when the answered item was not in that version at all. */
  detail: ReconfirmDetail | null;
}

/** What a re-confirm record adds to the answer it marks. */
export const ReconfirmNote = z.object({ from: z.string(), detail: ReconfirmDetail.nullable() });
export type ReconfirmNote = z.infer<typeof ReconfirmNote>;

/**
 * The answers of a project still waiting to be re-confirmed: those whose newest trail record is
 * the upgrade's mark. Editing the answer or confirming it appends a newer record, which clears it;
 * so the state needs no table of its own and can never disagree with the trail.
 */
export function reconfirmMarks(core: Core, projectId: string): ReconfirmMark[] {
  const rows = prepared(
    core.db,
    `SELECT t.entity, t.entity_id, t.at, t.after FROM audit_trail t
      WHERE t.chain_key = ? AND t.action = ? AND t.entity IN ('answer', 'question')
        AND t.seq = (SELECT max(u.seq) FROM audit_trail u WHERE u.chain_key = t.chain_key AND u.entity_id = t.entity_id AND u.entity = t.entity)
      ORDER BY t.seq`,
  ).all(projectId, RECONFIRM_ACTION);
  return rows.map((raw) => {
    const row = MarkRow.parse(raw);
    const { reconfirm } = z.object({ reconfirm: ReconfirmNote }).parse(JSON.parse(row.after));
    return { entity: row.entity, entityId: row.entity_id, at: row.at, from: reconfirm.from, detail: reconfirm.detail };
  });
}

/** The stored previous item, as the diff reads items. */
export function previousItem(detail: ReconfirmDetail): PackItem {
  return { ...detail.previous, item: detail.previous.item as unknown as PackItem['item'] };
}
