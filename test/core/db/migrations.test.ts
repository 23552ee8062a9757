import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { openDatabase } from '../../../electron/core/db/connection';
import { migrate } from '../../../electron/core/db/migrate';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../electron/core/db/migrations';
import { AppError } from '../../../electron/core/errors';
import { tempDir } from '../../helpers/temp';

/** The schema as SQLite stores it, in a stable order: what the snapshot pins. */
function schemaOf(db: Database.Database): string {
  const rows = db.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all() as {
    type: string;
    name: string;
    sql: string | null;
  }[];
  return rows.map((r) => `-- ${r.type} ${r.name}\n${r.sql ?? ''};`).join('\n\n') + '\n';
}

describe('migrations', () => {
  test('a new file is created at the current version with WAL, foreign keys and full sync', () => {
    const file = join(tempDir(), 'db.sqlite');
    const { db, migration } = openDatabase(file);
    expect(migration).toEqual({ from: 0, to: SCHEMA_VERSION, backup: null });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    db.close();
  });

  test('the schema matches its snapshot', async () => {
    const { db } = openDatabase(join(tempDir(), 'db.sqlite'));
    await expect(schemaOf(db)).toMatchFileSnapshot('./__snapshots__/schema.sql');
    db.close();
  });

  test('every table is STRICT', () => {
    const { db } = openDatabase(':memory:');
    const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string; sql: string }[];
    expect(tables.length).toBeGreaterThan(0);
    for (const t of tables) expect(t.sql, t.name).toMatch(/\)\s*STRICT$/);
  });

  test('a database from a newer version is refused with a clear message and left untouched', () => {
    const file = join(tempDir(), 'db.sqlite');
    openDatabase(file).db.close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    const before = readFileSync(file);
    let error: unknown;
    try {
      openDatabase(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).key).toBe('error.db-newer');
    expect((error as AppError).params).toEqual({ found: SCHEMA_VERSION + 1, supported: SCHEMA_VERSION });
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  test('an existing database is backed up before it is migrated, and its data carried forward', () => {
    const dir = tempDir();
    const file = join(dir, 'db.sqlite');
    const { db } = openDatabase(file);
    db.prepare("INSERT INTO settings (key, value) VALUES ('locale', 'en')").run();
    const next = { version: SCHEMA_VERSION + 1, name: 'test-add-notes', up: 'CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL) STRICT;' };
    const report = migrate(db, file, [...MIGRATIONS, next], () => new Date('2026-05-01T08:00:00Z'));
    expect(report.from).toBe(SCHEMA_VERSION);
    expect(report.to).toBe(SCHEMA_VERSION + 1);
    expect(report.backup).toBe(`${file}.v${SCHEMA_VERSION}-2026-05-01T08-00-00-000Z.bak`);
    expect(existsSync(report.backup!)).toBe(true);
    // The backup is a complete database at the old version, with the data.
    const backup = new Database(report.backup!, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(backup.prepare("SELECT value FROM settings WHERE key = 'locale'").get()).toEqual({ value: 'en' });
    expect(backup.prepare("SELECT count(*) n FROM sqlite_master WHERE name = 'notes'").get()).toEqual({ n: 0 });
    backup.close();
    expect(db.prepare("SELECT value FROM settings WHERE key = 'locale'").get()).toEqual({ value: 'en' });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 1);
    db.close();
    expect(readdirSync(dir).filter((f) => f.endsWith('.bak'))).toHaveLength(1);
  });

  test('a failing migration leaves the database exactly at its old version', () => {
    const file = join(tempDir(), 'db.sqlite');
    const { db } = openDatabase(file);
    const good = { version: SCHEMA_VERSION + 1, name: 'ok', up: 'CREATE TABLE a (x INTEGER) STRICT;' };
    const bad = { version: SCHEMA_VERSION + 2, name: 'broken', up: 'CREATE TABLE b (x NOPE_TYPE) STRICT;' };
    expect(() => migrate(db, file, [...MIGRATIONS, good, bad])).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare("SELECT count(*) n FROM sqlite_master WHERE name = 'a'").get()).toEqual({ n: 0 });
    db.close();
    expect(statSync(file).size).toBeGreaterThan(0);
  });

  test('a file that is not a database gets a clear error', () => {
    const file = join(tempDir(), 'db.sqlite');
    writeFileSync(file, 'this is not sqlite, just text '.repeat(200));
    expect(() => openDatabase(file)).toThrow(AppError);
  });
});

describe('data migrations', () => {
  test('002: projects created under version 1 keep their data and are pinned to adsg-2026', () => {
    const file = join(tempDir(), 'db.sqlite');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    migrate(db, file, MIGRATIONS.slice(0, 1));
    db.prepare(
      `INSERT INTO projects VALUES ('p1', 'Plant', 'Org', '91350100M000100Y43', 'dealer', 1, 'Site', NULL, NULL, 'A', 'B', 'active', 't0', 't0')`,
    ).run();
    db.close();

    const { db: upgraded, migration } = openDatabase(file);
    expect(migration.from).toBe(1);
    expect(migration.backup).not.toBeNull();
    expect(upgraded.prepare('SELECT id, name, ciio, rules_pack_id, rules_pack_version, rules_pack_hash FROM projects').all()).toEqual([
      { id: 'p1', name: 'Plant', ciio: 1, rules_pack_id: 'adsg-2026', rules_pack_version: null, rules_pack_hash: null },
    ]);
    // The new tables accept rows that belong to the old project.
    upgraded.prepare(`INSERT INTO answers VALUES ('p1', 'adsg-2026:log-01', 'conforming', '', '', 't1', 'A')`).run();
    upgraded.close();
  });
});
