import type { Database } from 'better-sqlite3';
import { lstatSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { uptime } from 'node:os';
import path from 'node:path';
import { isSystemError } from './errors';
import { isRunning } from './owner';
import { tempDir } from './paths';
import { collectUnreferenced } from './references';
import { isSha256 } from './sha256';
import { ownerOf, removeEmptyTemp, TRACKED_FILE } from './work-folder';

/** What {@link sweepStaleWork} did. */
export interface SweepReport {
  /** Leftovers removed from `<evidence>/.tmp`: work folders of ended processes and stray files. */
  removed: number;
  /** Stored files taken back because only a dead operation had placed or freed them. */
  collected: number;
  /** Work folders left alone because their process is still running. */
  kept: number;
}

/**
 * Removes what interrupted operations left in `<evidence>/.tmp`: every work folder whose owning
 * process has ended (where its start time is unknown, also one made before the last boot), after
 * taking back the stored files it tracked that no row refers to; and anything else there, which
 * no current writer makes. Folders of running processes, this one included, are left alone.
 * Every host runs this when it opens the data folder (openCore); what cannot be removed now is
 * retried at the next start.
 */
export function sweepStaleWork(db: Database, evidenceRoot: string): SweepReport {
  const dir = tempDir(evidenceRoot);
  const report: SweepReport = { removed: 0, collected: 0, kept: 0 };
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    // No temp folder yet (or not a readable one: then nothing can have been written in it either).
    return report;
  }
  const bootedAt = Date.now() - uptime() * 1000;
  for (const name of names) {
    const entry = path.join(dir, name);
    try {
      const owner = ownerOf(name);
      // Without a start time (not Linux) a reused pid looks alive; a folder older than the boot cannot be its.
      if (owner && isRunning(owner) && (owner.start !== '' || lstatSync(entry).mtimeMs >= bootedAt)) {
        report.kept++;
        continue;
      }
      if (owner) report.collected += collectUnreferenced(db, evidenceRoot, trackedHashes(entry));
      rmSync(entry, { recursive: true, force: true });
      report.removed++;
    } catch {
      // Busy or unreadable now: the next start tries again.
    }
  }
  if (report.removed) removeEmptyTemp(evidenceRoot);
  return report;
}

function trackedHashes(folder: string): string[] {
  try {
    return readFileSync(path.join(folder, TRACKED_FILE), 'utf8').split('\n').filter(isSha256);
  } catch (error) {
    if (isSystemError(error) && error.code === 'ENOENT') return [];
    throw error;
  }
}
