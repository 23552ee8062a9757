import type { Database } from 'better-sqlite3';
import { copyFileSync, existsSync } from 'node:fs';
import { AppError } from '../errors';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';
import type { Migration } from './migrations/types';
import { writeTransaction } from './transaction';

export interface MigrationReport {
  from: number;
  to: number;
  backup: string | null;
}

/**
 * Brings the database to SCHEMA_VERSION. Refuses a newer file; copies an existing file aside
 * before touching it; runs every pending step in one transaction, so a failure leaves the file
 * exactly as it was.
 */
export function migrate(
  db: Database,
  file: string,
  migrations: readonly Migration[] = MIGRATIONS,
  now: () => Date = () => new Date(),
): MigrationReport {
  const target = migrations === MIGRATIONS ? SCHEMA_VERSION : migrations.length;
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > target) throw new AppError('unsupported', 'error.db-newer', { found: from, supported: target });
  if (from === target) return { from, to: from, backup: null };

  let backup: string | null = null;
  if (from > 0 && file !== ':memory:' && existsSync(file)) {
    // Fold the WAL into the main file first so the copy is complete on its own.
    db.pragma('wal_checkpoint(TRUNCATE)');
    backup = `${file}.v${from}-${now().toISOString().replace(/[:.]/g, '-')}.bak`;
    copyFileSync(file, backup);
  }

  const migrated = writeTransaction(db, () => {
    // Another process may have migrated while this one waited for the write lock.
    if (db.pragma('user_version', { simple: true }) !== from) return false;
    for (const m of migrations.slice(from)) {
      if (typeof m.up === 'string') db.exec(m.up);
      else m.up(db);
    }
    db.pragma(`user_version = ${target}`);
    return true;
  });
  if (!migrated) return migrate(db, file, migrations, now);
  return { from, to: target, backup };
}
