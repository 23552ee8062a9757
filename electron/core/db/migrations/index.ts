import { initial } from './001-initial';
import { auditWork } from './002-audit-work';
import { revisions } from './003-revisions';
import type { Migration } from './types';

/** Every migration in order. Append only: a released migration is never edited. */
export const MIGRATIONS: readonly Migration[] = [initial, auditWork, revisions];

/** The schema version this build writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;
