import type { Database } from 'better-sqlite3';

/** A forward-only schema step: SQL, or a function for data migrations. */
export interface Migration {
  version: number;
  name: string;
  up: string | ((db: Database) => void);
}
