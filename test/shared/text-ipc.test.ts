import { describe, expect, test } from 'vitest';
import { dispatch } from '../../electron/core/ipc/dispatch';
import { tempCore } from '../helpers/temp';

const valid = { name: '年度评估', organization: '示例汽车有限公司', creditCode: '91350100M000100Y43' };
const hostile = 'Plant\nforged\x1b[31m\u202e';

const count = (core: ReturnType<typeof tempCore>, table: string) => (core.db.prepare(`SELECT count(*) n FROM ${table}`).get() as { n: number }).n;

describe('the text rule at the IPC door (dispatch)', () => {
  test('a name with a line break, an escape sequence or an override is refused naming the field, and nothing changes', async () => {
    const core = tempCore();
    const before = { projects: count(core, 'projects'), trail: count(core, 'audit_trail') };
    for (const name of ['A\nB', 'A\x1b[2JB', 'A\u202eB', 'A\u2066B']) {
      const r = await dispatch(core, 'projects:create', { ...valid, name });
      expect(r, JSON.stringify(name)).toMatchObject({ ok: false, error: { code: 'validation', details: { issues: [{ path: 'name' }] } } });
      expect(r.ok || r.error.message).toContain('项目名称 (name)');
    }
    const actor = await dispatch(core, 'settings:update', { actorName: 'Li\x1b]8;;https://evil.example/\x07Wei' });
    expect(actor).toMatchObject({ ok: false, error: { code: 'validation', details: { issues: [{ path: 'actorName' }] } } });
    expect({ projects: count(core, 'projects'), trail: count(core, 'audit_trail') }).toEqual(before);
  });

  test('a project an older version stored with such a name still opens, can be read whole and renamed', async () => {
    const core = tempCore();
    const created = await dispatch(core, 'projects:create', valid);
    const id = (created as { value: { id: string } }).value.id;
    core.db.prepare('UPDATE projects SET name = ?, site = ? WHERE id = ?').run(hostile, hostile, id);
    expect(await dispatch(core, 'projects:list', {})).toMatchObject({ ok: true, value: [{ id, name: hostile }] });
    expect(await dispatch(core, 'workspace:get', { projectId: id })).toMatchObject({ ok: true, value: { project: { name: hostile, site: hostile } } });
    expect(await dispatch(core, 'projects:update', { id, patch: { name: 'Plant A', site: 'Jiading' } })).toMatchObject({ ok: true, value: { name: 'Plant A' } });
  });
});
