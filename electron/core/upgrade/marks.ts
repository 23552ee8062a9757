import { z } from 'zod';
import { ITEM_AREAS, type ItemArea, type PackItem } from '../../../shared/rules/items';
import { CARRIED_ENTITIES, type CarriedEntity } from '../../../shared/rules/upgrade';
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

const LatestRow = z.object({ entity: z.string(), entity_id: z.string(), at: z.string(), after: z.string().nullable() });

/**
 * The records of a project whose entity's newest trail record has `action`: a mark that stays
 * until anything else is recorded for that entity (an edit, a confirmation). Re-confirm marks are
 * read this way; a carried-over-from-last-year mark can be too.
 */
export function markedEntities(core: Core, projectId: string, action: string): { entity: string; entityId: string; at: string; after: unknown }[] {
  const rows = prepared(
    core.db,
    `SELECT t.entity, t.entity_id, t.at, t.after FROM audit_trail t
      WHERE t.chain_key = ? AND t.action = ?
        AND t.seq = (SELECT max(u.seq) FROM audit_trail u WHERE u.chain_key = t.chain_key AND u.entity_id = t.entity_id AND u.entity = t.entity)
      ORDER BY t.seq`,
  ).all(projectId, action);
  return rows.map((raw) => {
    const row = LatestRow.parse(raw);
    return { entity: row.entity, entityId: row.entity_id, at: row.at, after: row.after === null ? null : (JSON.parse(row.after) as unknown) };
  });
}

const MarkedAnswer = z.object({ entity: z.enum(CARRIED_ENTITIES), after: z.object({ reconfirm: ReconfirmNote }) });

/**
 * The answers of a project still waiting to be re-confirmed: those whose newest trail record is
 * the upgrade's mark. Editing the answer or confirming it appends a newer record, which clears it;
 * so the state needs no table of its own and can never disagree with the trail.
 */
export function reconfirmMarks(core: Core, projectId: string): ReconfirmMark[] {
  return markedEntities(core, projectId, RECONFIRM_ACTION).map((row) => {
    const { entity, after } = MarkedAnswer.parse(row);
    return { entity, entityId: row.entityId, at: row.at, from: after.reconfirm.from, detail: after.reconfirm.detail };
  });
}

/** The stored previous item, as the diff reads items. */
export function previousItem(detail: ReconfirmDetail): PackItem {
  return { ...detail.previous, item: detail.previous.item as unknown as PackItem['item'] };
}
