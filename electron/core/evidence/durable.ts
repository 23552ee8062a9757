import { lstat, mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { isSystemError } from './errors';
import { storedPath } from './paths';

/**
 * Makes a rename or a new entry in `dir` survive a power cut by fsyncing the directory itself.
 * Windows cannot open a directory for fsync (NTFS journals the rename), and some file systems
 * refuse the call; both are accepted, as the data itself was already synced.
 */
export async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } catch (error) {
    if (!isSystemError(error) || !['EINVAL', 'ENOTSUP', 'EISDIR'].includes(error.code)) throw error;
  } finally {
    await handle.close();
  }
}

/**
 * Moves a fully written and fsynced temp file to its content address. If that name already exists
 * the content is identical by construction, so the temp file is dropped instead.
 * @returns whether the content was already stored (deduplicated).
 */
export async function commitTempFile(tmpPath: string, evidenceRoot: string, sha256: string): Promise<boolean> {
  const target = storedPath(evidenceRoot, sha256);
  const prefixDir = path.dirname(target);
  const createdPrefix = (await mkdir(prefixDir, { recursive: true })) !== undefined;
  if (await exists(target)) {
    await rm(tmpPath, { force: true });
    return true;
  }
  try {
    // Two ingests of the same content may race past the check. POSIX rename replaces the file
    // atomically with identical bytes; where the platform refuses to replace, the other one won.
    await rename(tmpPath, target);
  } catch (error) {
    if (!(await exists(target))) throw error;
    await rm(tmpPath, { force: true });
    return true;
  }
  await syncDir(prefixDir);
  if (createdPrefix) await syncDir(path.dirname(prefixDir));
  return false;
}

async function exists(file: string): Promise<boolean> {
  try {
    await lstat(file);
    return true;
  } catch (error) {
    if (isSystemError(error) && error.code === 'ENOENT') return false;
    throw error;
  }
}
