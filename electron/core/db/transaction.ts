import type { Database } from 'better-sqlite3';
import { AppError } from '../errors';

/**
 * Runs `fn` in a transaction that takes the write lock when it begins (BEGIN IMMEDIATE), waiting
 * up to busy_timeout for another process's writer, and commits when `fn` returns (rolls back when
 * it throws). Every transaction that writes uses this; lint refuses a bare `db.transaction(…)`.
 *
 * Why not better-sqlite3's default (DEFERRED): such a transaction reads first and asks for the
 * write lock only at its first write, and in WAL mode SQLite cannot wait at that point (its
 * snapshot may already be stale), so it fails at once with "database is locked" whatever the
 * busy timeout. IMMEDIATE waits before the first read, and then reads the latest committed data.
 * Called inside another transaction, it becomes a savepoint of that one.
 * @throws AppError `io` / `error.db-busy` when the other writer held the lock past busy_timeout.
 */
export function writeTransaction<T>(db: Database, fn: () => T): T {
  try {
    return db.transaction(fn).immediate();
  } catch (error) {
    if (isBusy(error)) throw new AppError('io', 'error.db-busy');
    throw error;
  }
}

/** SQLite gave up waiting for another connection's write lock (busy_timeout passed). */
function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

/**
 * Runs `fn` in a DEFERRED transaction, so several reads see one snapshot without taking the
 * write lock. Writing inside it fails (`query_only`), so a read transaction cannot grow into a
 * write that would fail at once under another writer: use {@link writeTransaction} for that.
 */
export function readTransaction<T>(db: Database, fn: () => T): T {
  const wasQueryOnly = db.pragma('query_only', { simple: true }) === 1;
  db.pragma('query_only = ON');
  try {
    return db.transaction(fn).deferred();
  } finally {
    if (!wasQueryOnly) db.pragma('query_only = OFF');
  }
}
