import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Synchronous on purpose: anchors are written while the SQLite write lock is held (a better-sqlite3
 * transaction cannot await), so no other process can commit between reading the chains and writing
 * their heads. The async twins in evidence/durable.ts and signing/atomic-file.ts cannot be used there.
 */

/** fsyncs a folder so a rename in it survives a power cut (Windows and some file systems cannot: accepted). */
export function syncFolder(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } catch (e) {
    if (!['EINVAL', 'ENOTSUP', 'EISDIR', 'EPERM'].includes((e as NodeJS.ErrnoException).code ?? '')) throw e;
  } finally {
    closeSync(fd);
  }
}

/** Temp files of `file` left by a writer that died between writing and renaming. */
const isTempOf = (file: string) => {
  const prefix = `${basename(file)}.`;
  return (name: string) => name.startsWith(prefix) && name.endsWith('.tmp');
};

/**
 * Replaces `file` so a crash leaves the old or the complete new content, never half: a temp file
 * beside it (0600), fsync, rename, fsync of the folder. Call only while holding the lock that
 * serialises writers of `file`: it also removes temp files earlier writers left behind.
 */
export function replaceFileDurably(file: string, data: string): void {
  const dir = dirname(file);
  for (const name of readdirSync(dir).filter(isTempOf(file))) rmSync(join(dir, name), { force: true });
  const tmp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    writeSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  syncFolder(dir);
}
