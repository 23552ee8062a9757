import type { Database } from 'better-sqlite3';
import { rmdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { referencedHashes } from '../db/repos/evidence';
import { writeTransaction } from '../db/transaction';
import { isSystemError } from './errors';
import { storedPath } from './paths';
import { Placement, type StagedFile } from './place';

/**
 * The stored files follow the rows, under the database's write lock. The invariant: every
 * committed evidence row's file is in the store. Bytes are placed only inside the write
 * transaction that records their row, and deleted only inside a write transaction that has just
 * seen no row refers to them; the two exclude each other, so neither can act on a check that
 * another writer's commit has made stale.
 */

/**
 * Runs `fn` in a write transaction with `place`, which puts a staged file at its content address
 * (@returns whether it was new to the store). The new names are fsynced before the commit.
 * A file placed by a transaction that then fails stays unreferenced until the work folder that
 * tracks it is closed or swept ({@link collectUnreferenced}).
 */
export function writeWithEvidence<T>(db: Database, evidenceRoot: string, fn: (place: (file: StagedFile) => boolean) => T): T {
  return writeTransaction(db, () => {
    const placement = new Placement(evidenceRoot);
    const result = fn((file) => placement.place(file));
    placement.flush();
    return result;
  });
}

/**
 * Deletes the stored file of each hash that no evidence row refers to, deciding and deleting
 * while holding the write lock, so a row committed meanwhile by another process is always seen.
 * Runs as a transaction of its own (never inside another one, whose rows could still roll back).
 * @returns how many files were deleted.
 */
export function collectUnreferenced(db: Database, evidenceRoot: string, hashes: readonly string[]): number {
  if (!hashes.length) return 0;
  // Inside a transaction it would judge rows that may still roll back.
  if (db.inTransaction) throw new Error('collectUnreferenced runs on its own, outside any transaction');
  return writeTransaction(db, () => {
    const referenced = referencedHashes(db, hashes);
    let deleted = 0;
    for (const sha256 of hashes) {
      if (referenced.has(sha256)) continue;
      const file = storedPath(evidenceRoot, sha256);
      try {
        rmSync(file);
        deleted++;
      } catch (error) {
        if (!isSystemError(error) || error.code !== 'ENOENT') throw error;
      }
      // The prefix folder goes too when this was its last file.
      try {
        rmdirSync(path.dirname(file));
      } catch {
        // Not empty (or already gone): either way nothing to do.
      }
    }
    return deleted;
  });
}
