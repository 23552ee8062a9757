import { spawn } from 'node:child_process';
import { build } from 'esbuild';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { openCore } from '../../../electron/core/core';
import { dispatch } from '../../../electron/core/ipc/dispatch';
import { tempDir } from '../../helpers/temp';

test('SIGKILL in the middle of a burst of autosaves loses no answer that was reported saved', async () => {
  const dataDir = tempDir();
  const setup = openCore({ dataDir, appVersion: 'test' });
  const created = await dispatch(setup, 'projects:create', { name: 'Crash', organization: 'Org', creditCode: '91350100M000100Y43' });
  const projectId = (created as { value: { id: string } }).value.id;
  setup.close();

  // Inside the repository so the bundle resolves better-sqlite3 from node_modules.
  const script = join(process.cwd(), 'test-output', `autosave-burst-${process.pid}.cjs`);
  await build({ entryPoints: ['test/fixtures/autosave-burst.ts'], bundle: true, platform: 'node', format: 'cjs', outfile: script, external: ['better-sqlite3', 'exceljs'], define: { 'import.meta.dirname': '__dirname' }, logLevel: 'silent' });

  const child = spawn(process.execPath, [script, dataDir, projectId], { stdio: ['ignore', 'pipe', 'inherit'] });
  // The last edit reported saved, per item: the database must hold at least that edit after the kill.
  const reported = new Map<string, number>();
  let lines = 0;
  let buffer = '';
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the child exited by itself (${code})`)));
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const parts = buffer.split('\n');
      buffer = parts.pop()!;
      for (const line of parts) {
        const [, item, n] = line.split(' ');
        reported.set(`adsg-2026:item-${item}`, Number(n));
        if (++lines === 400) {
          child.kill('SIGKILL');
          resolve();
        }
      }
    });
  });
  if (child.exitCode === null && child.signalCode === null) await new Promise((r) => child.once('exit', r));
  expect(child.signalCode).toBe('SIGKILL');

  const core = openCore({ dataDir, appVersion: 'test' });
  const rows = core.db.prepare('SELECT item_id, notes FROM answers WHERE project_id = ?').all(projectId) as { item_id: string; notes: string }[];
  const stored = new Map(rows.map((r) => [r.item_id, Number(r.notes.replace('edit ', ''))]));
  expect(reported.size).toBe(50);
  for (const [item, n] of reported) expect(stored.get(item), item).toBeGreaterThanOrEqual(n);
  expect(core.db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect((await dispatch(core, 'trail:verify', { projectId })) as unknown).toMatchObject({ ok: true, value: { ok: true } });
  core.close();
});
