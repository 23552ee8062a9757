import type { Core } from '../core';
import { appendTrail } from './trail';

/** Appends a change to the project's trail with the current user and clock. Call inside the
 * transaction that makes the change. */
export function recordChange(
  core: Core,
  change: { projectId: string; entity: string; entityId: string; action: string; before: unknown; after: unknown },
): void {
  appendTrail(core.db, { ...change, actor: core.actor() }, core.now().toISOString());
}
