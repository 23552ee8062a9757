import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { openDatabase } from '../../../electron/core/db/connection';
import { readTransaction, writeTransaction } from '../../../electron/core/db/transaction';
import { AppError } from '../../../electron/core/errors';
import { translate } from '../../../shared/i18n/messages';
import { tempDir } from '../../helpers/temp';
import { otherWriter } from './other-writer';

function freshDatabase() {
  const file = join(tempDir(), 'workbench.sqlite');
  const { db } = openDatabase(file);
  db.exec("CREATE TABLE counter (n INTEGER NOT NULL); INSERT INTO counter VALUES (0)");
  return { file, db };
}

const read = (db: ReturnType<typeof freshDatabase>['db']) => (db.prepare('SELECT n FROM counter').get() as { n: number }).n;

describe('writeTransaction', () => {
  test('waits for another process that holds the write lock, then reads what it committed', async () => {
    const { file, db } = freshDatabase();
    const other = await otherWriter(file, 'UPDATE counter SET n = n + 10', 400);
    // Read, then write: the pattern that fails at once in a DEFERRED transaction. 11, not 1:
    // it began only after the other process committed.
    writeTransaction(db, () => {
      const n = read(db);
      db.prepare('UPDATE counter SET n = ?').run(n + 1);
    });
    expect(await other.done).toBe(0);
    expect(read(db)).toBe(11);
    db.close();
  });

  test('(the class it closes) a DEFERRED read-then-write fails at once with "database is locked"', async () => {
    const { file, db } = freshDatabase();
    const other = await otherWriter(file, 'UPDATE counter SET n = n + 10', 400);
    const started = Date.now();
    // eslint-disable-next-line no-restricted-syntax -- showing what writeTransaction prevents
    const deferred = db.transaction(() => db.prepare('UPDATE counter SET n = ?').run(read(db) + 1));
    expect(() => deferred()).toThrow(/database is locked/);
    // Well before busy_timeout (5 s): it never waited.
    expect(Date.now() - started).toBeLessThan(2500);
    await other.done;
    db.close();
  });

  test('a writer that holds the lock past busy_timeout gives a clear "data folder is busy", not an SQLite error', async () => {
    const { file, db } = freshDatabase();
    db.pragma('busy_timeout = 200');
    const other = await otherWriter(file, 'UPDATE counter SET n = n + 10', 1500);
    const error = (() => {
      try {
        writeTransaction(db, () => db.prepare('UPDATE counter SET n = 1').run());
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'io', key: 'error.db-busy' });
    expect(translate('zh-CN', 'error.db-busy')).toContain('正忙');
    await other.done;
    db.close();
  });

  test('rolls back when the function throws, and nests as a savepoint', () => {
    const { db } = freshDatabase();
    expect(() =>
      writeTransaction(db, () => {
        db.prepare('UPDATE counter SET n = 5').run();
        throw new Error('no');
      }),
    ).toThrow('no');
    expect(read(db)).toBe(0);
    writeTransaction(db, () => {
      db.prepare('UPDATE counter SET n = 1').run();
      expect(() => writeTransaction(db, () => { db.prepare('UPDATE counter SET n = 2').run(); throw new Error('inner'); })).toThrow('inner');
    });
    expect(read(db)).toBe(1);
    db.close();
  });
});

describe('readTransaction', () => {
  test('reads one snapshot and refuses to write, leaving the connection writable afterwards', () => {
    const { db } = freshDatabase();
    expect(readTransaction(db, () => read(db))).toBe(0);
    expect(() => readTransaction(db, () => db.prepare('UPDATE counter SET n = 9').run())).toThrow(/readonly/);
    expect(read(db)).toBe(0);
    writeTransaction(db, () => db.prepare('UPDATE counter SET n = 3').run());
    expect(read(db)).toBe(3);
    db.close();
  });

  test('inside a write transaction, the outer one can still write after it', () => {
    const { db } = freshDatabase();
    writeTransaction(db, () => {
      expect(readTransaction(db, () => read(db))).toBe(0);
      db.prepare('UPDATE counter SET n = 4').run();
    });
    expect(read(db)).toBe(4);
    db.close();
  });
});
