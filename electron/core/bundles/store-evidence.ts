import type { Database } from 'better-sqlite3';
import { lstat, rm, rmdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { isHashReferenced } from '../db/repos/evidence';
import { commitTempFile } from '../evidence/durable';
import { isSystemError } from '../evidence/errors';
import { storedPath } from '../evidence/paths';
import { ingestFile } from '../evidence/store';
import { BundleError } from './errors';

/** An evidence file unpacked, fsynced and verified in the work folder. */
export interface VerifiedFile {
  path: string;
  sha256: string;
  size: number;
}

/**
 * Moves verified evidence into the content-addressed store: a rename when the work folder is on
 * the same file system (the file was fsynced when unpacked), else a copy through ingestFile, which
 * hashes again. Content already stored is left as it is (same hash, same bytes).
 * @returns the hashes that were not stored before, so a failed import can take them back out.
 */
export async function storeEvidence(files: readonly VerifiedFile[], evidenceRoot: string, dataDir: string, onFile?: (file: VerifiedFile) => void): Promise<string[]> {
  const added: string[] = [];
  try {
    for (const file of files) {
      if (!(await isStored(evidenceRoot, file.sha256))) {
        const fresh = (await sameDevice(file.path, dataDir)) ? !(await commitTempFile(file.path, evidenceRoot, file.sha256)) : await copyIn(file, evidenceRoot);
        if (fresh) added.push(file.sha256);
      }
      onFile?.(file);
    }
  } catch (e) {
    await unstoreEvidence(evidenceRoot, added);
    if (e instanceof BundleError) throw e;
    throw new BundleError('io', { detail: (e as Error).message }, { cause: e });
  }
  return added;
}

/** Takes back files an import stored, unless something else has come to refer to them meanwhile. */
export async function unstoreEvidence(evidenceRoot: string, hashes: readonly string[], db?: Database): Promise<void> {
  for (const sha256 of hashes) {
    if (db && isHashReferenced(db, sha256)) continue;
    const file = storedPath(evidenceRoot, sha256);
    await rm(file, { force: true });
    // The prefix folder may have been made for this file; leave it only if something else is in it.
    await rmdir(dirname(file)).catch(() => undefined);
  }
}

async function copyIn(file: VerifiedFile, evidenceRoot: string): Promise<boolean> {
  const stored = await ingestFile(file.path, evidenceRoot);
  if (stored.sha256 !== file.sha256) throw new BundleError('io', { detail: `${file.sha256} changed in the work folder` });
  return !stored.deduplicated;
}

async function isStored(evidenceRoot: string, sha256: string): Promise<boolean> {
  try {
    await lstat(storedPath(evidenceRoot, sha256));
    return true;
  } catch (e) {
    if (isSystemError(e) && e.code === 'ENOENT') return false;
    throw e;
  }
}

async function sameDevice(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([stat(a), stat(b)]);
  return x.dev === y.dev;
}
