import type { Database } from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdirSync, rmdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { isSystemError } from './errors';
import { currentOwner, type ProcessOwner } from './owner';
import { tempDir } from './paths';
import { collectUnreferenced } from './references';
import { assertSha256 } from './sha256';

/** What a work folder is for; part of its name, so a leftover says what was interrupted. */
export type WorkKind = 'ingest' | 'import' | 'demo' | 'remove' | 'web';

/** Inside a work folder: the hashes the operation may leave in the store with no row (one a line). */
export const TRACKED_FILE = 'tracked-hashes';

/** `<kind>-<pid>-<start ticks or x>-<random>`: the owner is in the name, so it exists from the folder's first instant. */
const NAME = /^(ingest|import|demo|remove|web)-(\d+)-(\d+|x)-[0-9a-f]{16}$/;

/** The folder of one operation that writes to the store, in `<evidence>/.tmp/`. */
export interface WorkFolder {
  readonly path: string;
  /**
   * Notes hashes whose stored file this operation may leave unreferenced: files it will place in
   * the store (if it dies before its transaction commits) or whose last row it will delete. Call
   * before that transaction; whoever closes or sweeps the folder takes back those nobody references.
   */
  track(hashes: readonly string[]): void;
  /**
   * Ends the operation: removes from the store the tracked files no row refers to (what a failed
   * transaction placed, what a removal freed), then the folder. Never throws: what it cannot do
   * now, the sweep at the next start does.
   */
  close(): void;
}

/**
 * Creates a work folder on the store's file system (so a rename into the store is atomic), named
 * after this process so that other processes' start-up sweeps leave it alone while it runs.
 */
export function openWorkFolder(db: Database, evidenceRoot: string, kind: WorkKind): WorkFolder {
  const owner = currentOwner();
  const dir = path.join(tempDir(evidenceRoot), `${kind}-${owner.pid}-${owner.start || 'x'}-${randomBytes(8).toString('hex')}`);
  makeFolder(dir);
  const tracked = new Set<string>();
  return {
    path: dir,
    track(hashes) {
      hashes.forEach((h) => assertSha256(h));
      const fresh = hashes.filter((h) => !tracked.has(h));
      if (!fresh.length) return;
      appendFileSync(path.join(dir, TRACKED_FILE), fresh.map((h) => `${h}\n`).join(''));
      fresh.forEach((h) => tracked.add(h));
    },
    close() {
      try {
        collectUnreferenced(db, evidenceRoot, [...tracked]);
        rmSync(dir, { recursive: true, force: true });
        removeEmptyTemp(evidenceRoot);
      } catch {
        // Left for the next start's sweep, which retries once this process has ended.
      }
    },
  };
}

/** `mkdir -p`, again if another process's {@link removeEmptyTemp} took a parent away between two of its steps. */
function makeFolder(dir: string): void {
  for (let attempt = 1; ; attempt++) {
    try {
      mkdirSync(dir, { recursive: true });
      return;
    } catch (error) {
      if (attempt === 5 || !isSystemError(error) || error.code !== 'ENOENT') throw error;
    }
  }
}

/**
 * Removes `<evidence>/.tmp`, then the store folder itself, where nothing is left in them, so an
 * operation that stored nothing leaves the data folder as it found it. Writers create both with
 * `mkdir -p` each time, so one removed under their feet is simply made again.
 */
export function removeEmptyTemp(evidenceRoot: string): void {
  for (const dir of [tempDir(evidenceRoot), path.resolve(evidenceRoot)]) {
    try {
      rmdirSync(dir);
    } catch {
      return; // Not empty, or not there: both fine.
    }
  }
}

/** The owner a work folder's name records; undefined for anything that is not a work folder's name. */
export function ownerOf(name: string): ProcessOwner | undefined {
  const m = NAME.exec(name);
  return m ? { pid: Number(m[2]), start: m[3] === 'x' ? '' : m[3]! } : undefined;
}
