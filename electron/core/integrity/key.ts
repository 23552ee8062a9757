import { createHmac, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { syncFolder } from './durable-file';

/** The secret that MACs anchor files, and a public id derived from it (recorded in each anchor). */
export interface AnchorKey {
  bytes: Buffer;
  id: string;
}

const KEY_FILE = 'anchor.key';

/**
 * Where this OS account keeps its anchor key: deliberately NOT inside any data folder, so a copy
 * of a data folder (a backup, a synced or shared folder, a file handed to someone) never carries
 * the key that could re-MAC an edited anchor. Overridden by ADSG_KEY_DIR (tests, portable setups).
 * Windows uses the non-roaming LOCALAPPDATA, so the key does not travel with a roaming profile.
 */
export function defaultKeyDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.ADSG_KEY_DIR) return env.ADSG_KEY_DIR;
  const name = 'ADSG Workbench Keys';
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), name);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', name);
  return join(env.XDG_STATE_HOME ?? join(homedir(), '.local', 'state'), name);
}

/** Thrown when the key file exists but is not a key (never silently replaced: that would hide tampering). */
export class DamagedKeyError extends Error {}

const keyOf = (bytes: Buffer): AnchorKey => ({ bytes, id: createHmac('sha256', bytes).update('adsg-anchor-key-id/1').digest('hex') });

/**
 * The key in `dir`, or null when there is none.
 * @throws DamagedKeyError when the file is there but is not 64 hex digits.
 */
export function readAnchorKey(dir: string): AnchorKey | null {
  let text: string;
  try {
    text = readFileSync(join(dir, KEY_FILE), { encoding: 'latin1' }).slice(0, 200);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new DamagedKeyError((e as Error).message);
  }
  const hex = text.trim();
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new DamagedKeyError('not a key');
  return keyOf(Buffer.from(hex, 'hex'));
}

/**
 * The key in `dir`, created first when there is none. Two processes creating it at once agree on
 * one: each writes its own temp file and hard-links it into place, which fails if a key is already
 * there (then that one is read).
 */
export function ensureAnchorKey(dir: string): AnchorKey {
  const existing = readAnchorKey(dir);
  if (existing) return existing;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const tmp = join(dir, `${KEY_FILE}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    writeSync(fd, `${randomBytes(32).toString('hex')}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(tmp, join(dir, KEY_FILE));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    unlinkSync(tmp);
  }
  syncFolder(dir);
  return readAnchorKey(dir)!;
}
