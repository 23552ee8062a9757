import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../errors';
import { migrate, type MigrationReport } from './migrate';

export interface OpenOptions {
  /** Path of a better_sqlite3.node built for the running runtime (Electron's ABI differs from Node's). */
  nativeBinding?: string;
  readonly?: boolean;
}

export interface OpenDatabase {
  db: Database.Database;
  migration: MigrationReport;
}

/**
 * Opens (creating if needed) the workbench database and migrates it.
 * WAL keeps readers off writers; synchronous=FULL because every autosave is an audit record and
 * must survive a power cut once reported saved.
 */
export function openDatabase(file: string, options: OpenOptions = {}): OpenDatabase {
  let db: Database.Database;
  try {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    db = new Database(file, { nativeBinding: options.nativeBinding, readonly: options.readonly ?? false });
    db.pragma('journal_mode = WAL');
  } catch (e) {
    throw new AppError('io', 'error.db-corrupt', { detail: (e as Error).message });
  }
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  try {
    return { db, migration: migrate(db, file) };
  } catch (e) {
    db.close();
    throw e;
  }
}
