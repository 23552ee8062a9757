import { createHash } from 'node:crypto';
import { appendFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { setWorkersDir } from '../../../electron/core/jobs/workers-dir';
import { dispatch } from '../../../electron/core/ipc/dispatch';
import type { Ports } from '../../../electron/core/ports';
import { tempCore, tempDir } from '../../helpers/temp';

beforeAll(() => setWorkersDir(join(process.cwd(), 'dist/workers')));

async function project(core: ReturnType<typeof tempCore>) {
  const r = await dispatch(core, 'projects:create', { name: 'P', organization: 'O', creditCode: '91350100M000100Y43' });
  return (r as { value: { id: string } }).value.id;
}

function recordingPorts(): Ports & { events: { done: number; total: number; label: string }[] } {
  const events: { done: number; total: number; label: string }[] = [];
  return { events, emit: (_e, p) => events.push(p), pickFiles: async () => [], saveFile: async () => null };
}

describe('evidence in a project', () => {
  test('files are stored by SHA-256, de-duplicated, linked to many items, with progress', async () => {
    const core = tempCore();
    const projectId = await project(core);
    const dir = tempDir();
    const a = join(dir, '访问控制策略.txt');
    const b = join(dir, 'copy.txt');
    const content = 'policy\n'.repeat(100_000);
    writeFileSync(a, content);
    writeFileSync(b, content);
    const ports = recordingPorts();
    const r = await dispatch(core, 'evidence:addPaths', { projectId, paths: [a, b], itemId: 'adsg-2026:tp-06', jobId: 'j1' }, ports);
    expect(r.ok).toBe(true);
    const added = (r as { value: { id: string; sha256: string; fileName: string; itemIds: string[] }[] }).value;
    const sha = createHash('sha256').update(content).digest('hex');
    // Same bytes twice: one record, one stored file.
    expect(added.map((e) => e.id)).toEqual([added[0]!.id, added[0]!.id]);
    expect(added[0]).toMatchObject({ sha256: sha, fileName: '访问控制策略.txt', itemIds: ['adsg-2026:tp-06'] });
    expect(readdirSync(join(core.paths.evidence, sha.slice(0, 2)))).toEqual([sha]);
    expect(ports.events.at(-1)).toMatchObject({ done: content.length * 2, total: content.length * 2 });

    const linked = await dispatch(core, 'evidence:link', { id: added[0]!.id, itemId: 'adsg-2026:log-02', linked: true });
    expect(linked).toMatchObject({ ok: true, value: { itemIds: ['adsg-2026:log-02', 'adsg-2026:tp-06'] } });
    expect(await dispatch(core, 'evidence:preview', { id: added[0]!.id })).toMatchObject({ ok: true, value: { kind: 'text', truncated: true } });
  });

  test('a modified or missing file is reported by name', async () => {
    const core = tempCore();
    const projectId = await project(core);
    const dir = tempDir();
    for (const name of ['one.log', 'two.log', 'three.log']) writeFileSync(join(dir, name), `content of ${name}`);
    const r = await dispatch(core, 'evidence:addPaths', { projectId, paths: ['one.log', 'two.log', 'three.log'].map((n) => join(dir, n)), jobId: 'j' });
    const [one, two] = (r as { value: { sha256: string }[] }).value;
    expect(await dispatch(core, 'evidence:verify', { projectId })).toMatchObject({ ok: true, value: { ok: true, checked: 3 } });
    appendFileSync(join(core.paths.evidence, one!.sha256.slice(0, 2), one!.sha256), 'tampered');
    rmSync(join(core.paths.evidence, two!.sha256.slice(0, 2), two!.sha256));
    const check = await dispatch(core, 'evidence:verify', { projectId });
    expect(check).toMatchObject({
      ok: true,
      value: { ok: false, problems: [{ fileName: 'one.log', problem: 'modified' }, { fileName: 'two.log', problem: 'missing' }] },
    });
  });

  test('missing sources, relative paths and the data folder itself are refused without a record', async () => {
    const core = tempCore();
    const projectId = await project(core);
    for (const paths of [['/nonexistent/file.txt'], ['relative.txt'], [join(core.dataDir, 'workbench.sqlite')]]) {
      const r = await dispatch(core, 'evidence:addPaths', { projectId, paths, jobId: 'x' });
      expect(r.ok, paths[0]).toBe(false);
    }
    expect(await dispatch(core, 'workspace:get', { projectId })).toMatchObject({ ok: true, value: { evidence: [] } });
  });

  test('in the app, only paths the user chose (dialog or real drop) are read', async () => {
    const core = tempCore();
    const projectId = await project(core);
    const dir = tempDir();
    const chosen = join(dir, 'chosen.txt');
    const secret = join(dir, 'secret.txt');
    writeFileSync(chosen, 'chosen');
    writeFileSync(secret, 'not offered by the user');
    const ports = { ...recordingPorts(), isUserChosenPath: (p: string) => p === chosen };
    const refused = await dispatch(core, 'evidence:addPaths', { projectId, paths: [secret], jobId: 'x' }, ports);
    expect(refused).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await dispatch(core, 'evidence:addPaths', { projectId, paths: [chosen], jobId: 'y' }, ports)).toMatchObject({ ok: true });
  });

  test('re-verifying with a job id reports progress up to the total size', async () => {
    const core = tempCore();
    const projectId = await project(core);
    const dir = tempDir();
    const file = join(dir, 'log.txt');
    writeFileSync(file, 'x'.repeat(300_000));
    await dispatch(core, 'evidence:addPaths', { projectId, paths: [file], jobId: 'add' });
    const ports = recordingPorts();
    expect(await dispatch(core, 'evidence:verify', { projectId, jobId: 'verify-1' }, ports)).toMatchObject({ ok: true, value: { ok: true } });
    expect(ports.events.at(-1)).toMatchObject({ done: 300_000, total: 300_000 });
  });
});
