import type { Database } from 'better-sqlite3';
import { prepared } from '../prepared';

/** Raw key/value settings; the settings service owns their meaning and defaults. */
export function readSettings(db: Database): Map<string, string> {
  const rows = prepared(db, 'SELECT key, value FROM settings').all() as { key: string; value: string }[];
  return new Map(rows.map((r) => [r.key, r.value]));
}

export function writeSetting(db: Database, key: string, value: string): void {
  prepared(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
    key,
    value,
  );
}
