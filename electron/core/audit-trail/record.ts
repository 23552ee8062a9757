import type { Core } from '../core';
import { guardEdit } from '../review/guard';
import { appendTrail } from './trail';

/**
 * Appends a change to the project's trail with the current user and clock, after the review
 * guard (which may refuse the change or open a new revision). Call inside the transaction that
 * makes the change, so a refusal rolls the change back.
 */
export function recordChange(
  core: Core,
  change: { projectId: string; entity: string; entityId: string; action: string; before: unknown; after: unknown },
): void {
  guardEdit(core, change.projectId, change.entity, change.action);
  appendTrail(core.db, { ...change, actor: core.actor() }, core.now().toISOString());
}
