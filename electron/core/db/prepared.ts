import type { Database, Statement } from 'better-sqlite3';

const cache = new WeakMap<Database, Map<string, Statement>>();

/** A statement prepared once per connection and reused: repositories call this on every use. */
export function prepared(db: Database, sql: string): Statement {
  let forDb = cache.get(db);
  if (!forDb) cache.set(db, (forDb = new Map()));
  let stmt = forDb.get(sql);
  if (!stmt) forDb.set(sql, (stmt = db.prepare(sql)));
  return stmt;
}
