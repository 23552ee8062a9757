import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { mkdir, mkdtemp, open, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { TEMP_DIR_NAME } from '../../../electron/core/evidence/paths';
import { Placement } from '../../../electron/core/evidence/place';
import { stageFile } from '../../../electron/core/evidence/stage';

export const MiB = 1024 * 1024;

const created: string[] = [];
afterEach(async () => {
  await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A fresh temp folder, removed after the test. */
export async function tempFolder(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'adsg-evidence-'));
  created.push(dir);
  return dir;
}

/** Writes `size` random bytes in 1 MiB pieces. */
export async function writeRandomFile(file: string, size: number): Promise<void> {
  const handle = await open(file, 'w');
  try {
    for (let written = 0; written < size; written += MiB)
      await handle.write(randomBytes(Math.min(MiB, size - written)));
  } finally {
    await handle.close();
  }
}

/** A file of `size` zero bytes that takes no disk space and no time to create. */
export async function writeSparseFile(file: string, size: number): Promise<void> {
  await writeFile(file, '');
  await truncate(file, size);
}

/** The SHA-256 the system's own `sha256sum` computes. */
export function sha256sum(file: string): string {
  return execFileSync('sha256sum', [file], { encoding: 'utf8' }).split(' ')[0] ?? '';
}

/**
 * Every file in the store under a real name (`xx/<sha>`), and every entry in the temp folder.
 * Synchronous so a progress callback can look at the store while an ingest is paused in it.
 */
export function storeContents(root: string): { stored: string[]; temp: string[] } {
  const all = readdirSync(root, { recursive: true, withFileTypes: true }).map((entry) => ({
    relative: path.relative(root, path.join(entry.parentPath, entry.name)),
    isFile: entry.isFile(),
  }));
  const inTemp = (relative: string): boolean => relative.split(path.sep)[0] === TEMP_DIR_NAME;
  return {
    stored: all
      .filter((e) => e.isFile && !inTemp(e.relative))
      .map((e) => e.relative)
      .sort(),
    temp: all.filter((e) => inTemp(e.relative) && e.relative !== TEMP_DIR_NAME).map((e) => e.relative),
  };
}

/** A work folder for staging in tests: `<root>/.tmp/test`, on the store's file system like the real ones. */
export async function stagingFolder(root: string): Promise<string> {
  const folder = path.join(root, TEMP_DIR_NAME, 'test');
  await mkdir(folder, { recursive: true });
  return folder;
}

/** Puts a file in the store as the services do (stage, then place) and returns what was stored. */
export async function storeFile(src: string, root: string): Promise<{ sha256: string; size: number; fresh: boolean }> {
  const staged = await stageFile(src, await stagingFolder(root));
  const placement = new Placement(root);
  const fresh = placement.place(staged);
  placement.flush();
  await rm(path.join(root, TEMP_DIR_NAME), { recursive: true, force: true });
  return { sha256: staged.sha256, size: staged.size, fresh };
}
