import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const betterSqlite = createRequire(import.meta.url).resolve('better-sqlite3');

/** Another process holding the database's write lock: it ran `sql` in BEGIN IMMEDIATE and commits after `holdMs`. */
export interface OtherWriter {
  /** Resolves with the exit code once it has committed and exited. */
  done: Promise<number | null>;
}

/**
 * Starts a separate process that takes the write lock, runs `sql`, holds the lock for `holdMs`
 * and commits. Resolves once the lock is held, so the caller's next write must wait for it.
 */
export async function otherWriter(file: string, sql: string, holdMs: number): Promise<OtherWriter> {
  const script = `
    const db = new (require(${JSON.stringify(betterSqlite)}))(${JSON.stringify(file)});
    db.pragma('busy_timeout = 5000');
    db.exec('BEGIN IMMEDIATE');
    db.exec(${JSON.stringify(sql)});
    process.stdout.write('locked\\n');
    setTimeout(() => { db.exec('COMMIT'); db.close(); }, ${holdMs});`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const done = new Promise<number | null>((resolve) => child.once('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`the other writer exited (${code}) before taking the lock`)));
  });
  return { done };
}
