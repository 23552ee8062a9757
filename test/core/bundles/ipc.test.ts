import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { JobProgress } from '../../../shared/ipc/events';
import { dispatch } from '../../../electron/core/ipc/dispatch';
import { headlessPorts, type Ports } from '../../../electron/core/ports';
import type { Core } from '../../../electron/core/core';
import { acceptedSample, FIXED_NOW } from '../../fixtures/bundles/sample';
import { tempCore, tempDir } from '../../helpers/temp';

let source: Core;
let projectId = '';

beforeAll(async () => {
  ({ core: source, projectId } = await acceptedSample());
}, 60_000);

/** Ports that save to and pick a fixed file, record progress, and can act on the first event. */
function portsFor(file: string, onFirst?: (e: JobProgress) => void) {
  const events: JobProgress[] = [];
  const ports: Ports = {
    emit: (_name, payload) => {
      if (!events.length) onFirst?.(payload);
      events.push(payload);
    },
    pickFiles: async () => [file],
    saveFile: async () => file,
  };
  return { ports, events };
}

describe('bundle:export and bundle:import over IPC', () => {
  test('export saves where the user chose, with progress as bundle jobs; import picks it and reports the project', async () => {
    const file = join(tempDir(), 'handover.adsg');
    const out = portsFor(file);
    const exported = await dispatch(source, 'bundle:export', { projectId, jobId: 'e1' }, out.ports);
    expect(exported).toMatchObject({ ok: true, value: { saved: true, path: file, signed: false, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    expect(out.events.length).toBeGreaterThan(0);
    expect(out.events.every((e) => e.kind === 'bundle' && e.jobId === 'e1')).toBe(true);

    const target = tempCore({ now: FIXED_NOW });
    const back = portsFor(file);
    const imported = await dispatch(target, 'bundle:import', { asCopy: false, jobId: 'i1' }, back.ports);
    expect(imported).toMatchObject({ ok: true, value: { imported: true, result: { projectId, asCopy: false, evidence: 5, signer: null } } });
    expect(back.events.some((e) => e.kind === 'bundle')).toBe(true);
  });

  test('cancelled dialogs change nothing; a refusal is a localised Result naming its reason', async () => {
    expect(await dispatch(source, 'bundle:export', { projectId, jobId: 'e2' }, headlessPorts)).toEqual({ ok: true, value: { saved: false, path: null, sha256: null, bytes: null, signed: false } });
    expect(await dispatch(source, 'bundle:import', { jobId: 'i2' }, headlessPorts)).toEqual({ ok: true, value: { imported: false, result: null } });
    const file = join(tempDir(), 'mine.adsg');
    await dispatch(source, 'bundle:export', { projectId, jobId: 'e3' }, portsFor(file).ports);
    const again = await dispatch(source, 'bundle:import', { asCopy: false, jobId: 'i3' }, portsFor(file).ports);
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('作为副本导入'), details: { reason: 'project-exists' } } });
  });

  test('a signed export needs both the identity and its passphrase; a wrong passphrase fails before the dialog', async () => {
    let asked = false;
    const ports: Ports = { ...headlessPorts, saveFile: async () => ((asked = true), null) };
    expect(await dispatch(source, 'bundle:export', { projectId, jobId: 'e4', identityId: 'a'.repeat(64) }, ports)).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await dispatch(source, 'bundle:export', { projectId, jobId: 'e4', identityId: 'a'.repeat(64), passphrase: 'x' }, ports)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(asked).toBe(false);
  });

  test('jobs:cancel stops an export or an import under way, leaving nothing behind', async () => {
    const dir = tempDir();
    const file = join(dir, 'cancelled.adsg');
    const exporting = portsFor(file, (e) => void dispatch(source, 'jobs:cancel', { jobId: e.jobId }));
    expect(await dispatch(source, 'bundle:export', { projectId, jobId: 'e5' }, exporting.ports)).toMatchObject({ ok: false, error: { details: { reason: 'cancelled' } } });
    expect(readdirSync(dir)).toEqual([]);

    const good = join(tempDir(), 'good.adsg');
    await dispatch(source, 'bundle:export', { projectId, jobId: 'e6' }, portsFor(good).ports);
    const target = tempCore();
    const importing = portsFor(good, (e) => void dispatch(target, 'jobs:cancel', { jobId: e.jobId }));
    expect(await dispatch(target, 'bundle:import', { asCopy: true, jobId: 'i6' }, importing.ports)).toMatchObject({ ok: false, error: { details: { reason: 'cancelled' } } });
    expect(target.db.prepare('SELECT count(*) AS n FROM projects').get()).toEqual({ n: 0 });
  });
});
