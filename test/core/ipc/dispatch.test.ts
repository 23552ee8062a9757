import { describe, expect, test } from 'vitest';
import { CHANNELS } from '../../../shared/ipc/contract';
import { dispatch } from '../../../electron/core/ipc/dispatch';
import { tempCore } from '../../helpers/temp';

const valid = { name: '年度评估', organization: '示例汽车有限公司', creditCode: '91350100M000100Y43' };

/** Row counts of every table: "changes nothing" means these stay equal. */
function counts(core: ReturnType<typeof tempCore>) {
  const n = (t: string) => (core.db.prepare(`SELECT count(*) n FROM ${t}`).get() as { n: number }).n;
  return { projects: n('projects'), trail: n('audit_trail'), settings: n('settings') };
}

describe('dispatch: the one path every request takes', () => {
  test('creates, reads, renames, archives and deletes a project, each recorded in the trail', async () => {
    const core = tempCore();
    const created = await dispatch(core, 'projects:create', { ...valid, ciio: true });
    expect(created.ok).toBe(true);
    const id = (created as { value: { id: string } }).value.id;
    expect(await dispatch(core, 'projects:update', { id, patch: { name: '改名后' } })).toMatchObject({ ok: true, value: { name: '改名后', ciio: true } });
    expect(await dispatch(core, 'projects:setArchived', { id, archived: true })).toMatchObject({ ok: true, value: { status: 'archived' } });
    expect(await dispatch(core, 'projects:list', {})).toMatchObject({ ok: true, value: [] });
    expect(await dispatch(core, 'projects:list', { includeArchived: true })).toMatchObject({ ok: true, value: [{ id }] });
    expect(await dispatch(core, 'projects:delete', { id, confirm: true })).toEqual({ ok: true, value: { id } });
    expect(await dispatch(core, 'projects:get', { id })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const trail = await dispatch(core, 'trail:verify', { projectId: id });
    expect(trail).toMatchObject({ ok: true, value: { ok: true, rows: 4 } });
  });

  test('a wrong credit code is refused in the user’s language, naming the field, and nothing changes', async () => {
    const core = tempCore();
    const before = counts(core);
    const zh = await dispatch(core, 'projects:create', { ...valid, creditCode: '91350100M000100Y44' });
    expect(zh).toMatchObject({ ok: false, error: { code: 'validation', details: { issues: [{ path: 'creditCode', message: '校验位错误，请核对' }] } } });
    expect(zh.ok || zh.error.message).toContain('统一社会信用代码');
    await dispatch(core, 'settings:update', { locale: 'en' });
    const en = await dispatch(core, 'projects:create', { ...valid, creditCode: '91350100M000100Y44' });
    expect(en.ok || en.error.message).toContain('Unified social credit code (creditCode): has a wrong check character');
    expect(counts(core)).toEqual({ ...before, settings: 1, trail: before.trail + 1 });
  });

  test('an empty name, unknown fields and garbage are refused, and nothing changes', async () => {
    const core = tempCore();
    const before = counts(core);
    const empty = await dispatch(core, 'projects:create', { ...valid, name: '   ' });
    expect(empty).toMatchObject({ ok: false, error: { code: 'validation', details: { issues: [{ path: 'name', message: '必填' }] } } });
    const extra = await dispatch(core, 'projects:create', { ...valid, isAdmin: true });
    expect(extra).toMatchObject({ ok: false, error: { code: 'validation', details: { issues: [{ message: '不允许的字段：isAdmin' }] } } });
    for (const garbage of [null, undefined, 42, 'text', [], { __proto__: { name: 'x' } }, { name: { $gt: '' } }]) {
      const r = await dispatch(core, 'projects:create', garbage);
      expect(r.ok).toBe(false);
      expect(r.ok || r.error.code).toBe('validation');
    }
    expect(counts(core)).toEqual(before);
  });

  test('every channel survives garbage input with a typed error', async () => {
    const core = tempCore();
    for (const channel of CHANNELS) {
      for (const garbage of [null, 'x', 7, [1, 2], { unexpected: true }]) {
        const r = await dispatch(core, channel, garbage);
        expect(r.ok, channel).toBe(false);
        expect(['validation', 'not-found'], channel).toContain(r.ok || r.error.code);
      }
    }
  });

  test('an unknown channel is refused', async () => {
    const core = tempCore();
    expect(await dispatch(core, 'fs:readFile', { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await dispatch(core, '__proto__', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  test('deleting needs explicit confirmation', async () => {
    const core = tempCore();
    const created = await dispatch(core, 'projects:create', valid);
    const id = (created as { value: { id: string } }).value.id;
    expect(await dispatch(core, 'projects:delete', { id })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await dispatch(core, 'projects:delete', { id, confirm: false })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await dispatch(core, 'projects:get', { id })).toMatchObject({ ok: true });
  });
});
