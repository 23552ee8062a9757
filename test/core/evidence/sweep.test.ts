import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { listEvidence } from '../../../electron/core/db/repos/evidence';
import { createDemoProject } from '../../../electron/core/demo/example-motors';
import { currentOwner, isRunning } from '../../../electron/core/evidence/owner';
import { storedPath, tempDir as storeTempDir } from '../../../electron/core/evidence/paths';
import { sweepStaleWork } from '../../../electron/core/evidence/sweep';
import { openWorkFolder, ownerOf, TRACKED_FILE } from '../../../electron/core/evidence/work-folder';
import { tempCore, tempDir } from '../../helpers/temp';

/** The pid of a process that has ended (its number is not reused within a test's span). */
function endedPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

/** A work folder name as a process with this pid and start time would have made it. */
const folderName = (kind: string, pid: number, start: string) => `${kind}-${pid}-${start || 'x'}-0123456789abcdef`;

describe('work folder owners', () => {
  test('a folder name carries its owner; anything else has none', () => {
    const me = currentOwner();
    expect(ownerOf(folderName('import', me.pid, me.start))).toEqual(me);
    expect(ownerOf(folderName('ingest', 42, ''))).toEqual({ pid: 42, start: '' });
    for (const name of ['e0c1d2.part', 'import-12', 'stray', 'import-1-2-XYZ', '../import-1-2-0123456789abcdef']) expect(ownerOf(name)).toBeUndefined();
  });

  test('this process runs; an ended one does not; on Linux a reused pid (other start time) is not the owner', () => {
    const me = currentOwner();
    expect(isRunning(me)).toBe(true);
    expect(isRunning({ pid: endedPid(), start: '' })).toBe(false);
    if (process.platform === 'linux') {
      expect(me.start).toMatch(/^\d+$/);
      expect(isRunning({ pid: me.pid, start: String(Number(me.start) + 1) })).toBe(false);
    }
  });
});

describe('sweepStaleWork', () => {
  test('removes the folders of ended processes and stray files, and keeps those of running processes', async () => {
    const core = tempCore();
    const tmp = storeTempDir(core.paths.evidence);
    const mine = openWorkFolder(core.db, core.paths.evidence, 'ingest');
    writeFileSync(join(mine.path, 'a.part'), 'in flight');
    // Another process still running (a child that sleeps), and one that has ended.
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    const live = folderName('import', sleeper.pid!, startTicks(sleeper.pid!));
    const dead = folderName('import', endedPid(), '');
    for (const name of [live, dead]) {
      mkdirSync(join(tmp, name));
      writeFileSync(join(tmp, name, '0'), 'unpacked');
    }
    writeFileSync(join(tmp, '3f2a.part'), 'left by an older version');
    const reused = process.platform === 'linux' ? folderName('ingest', process.pid, String(Number(currentOwner().start) + 1)) : undefined;
    if (reused) mkdirSync(join(tmp, reused));

    const report = sweepStaleWork(core.db, core.paths.evidence);

    expect(readdirSync(tmp).sort()).toEqual([live, mine.path.split(/[\\/]/).at(-1)!].sort());
    expect(report).toEqual({ removed: reused ? 3 : 2, collected: 0, kept: 2 });
    expect(readFileSync(join(mine.path, 'a.part'), 'utf8')).toBe('in flight');

    sleeper.kill('SIGKILL');
    await new Promise((resolve) => sleeper.once('exit', resolve));
    expect(sweepStaleWork(core.db, core.paths.evidence)).toEqual({ removed: 1, collected: 0, kept: 1 });
    mine.close();
    expect(existsSync(tmp)).toBe(false);
    core.close();
  });

  test('at start (openCore), takes back the stored files a dead operation tracked that no row refers to', async () => {
    const dataDir = tempDir();
    const core = tempCore({ dataDir });
    const project = await createDemoProject(core);
    const referenced = listEvidence(core.db, project.id)[0]!.sha256;
    // What an import killed after renaming a file into the store, before its transaction committed, leaves.
    const orphan = 'ab'.repeat(32);
    mkdirSync(join(core.paths.evidence, 'ab'), { recursive: true });
    writeFileSync(storedPath(core.paths.evidence, orphan), 'placed, never recorded');
    const folder = join(storeTempDir(core.paths.evidence), folderName('import', endedPid(), ''));
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, TRACKED_FILE), `${orphan}\n${referenced}\nnot-a-hash\n`);
    core.close();

    tempCore({ dataDir }).close();

    expect(existsSync(folder)).toBe(false);
    expect(existsSync(storedPath(core.paths.evidence, orphan))).toBe(false);
    expect(existsSync(join(core.paths.evidence, 'ab'))).toBe(false);
    expect(existsSync(storedPath(core.paths.evidence, referenced))).toBe(true);
  });
});

/** Field 22 of /proc/<pid>/stat on Linux (what currentOwner records), '' elsewhere. */
function startTicks(pid: number): string {
  if (process.platform !== 'linux') return '';
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]!;
}
