import { describe, expect, test } from 'vitest';
import { appendTrail, listTrail, trailHead, verifyTrail } from '../../../electron/core/audit-trail/trail';
import { tempCore } from '../../helpers/temp';

const P = '7d3c2a5e-0d1b-4a8e-9f6a-2b1c3d4e5f60';
const event = (n: number) => ({ projectId: P, entity: 'answer', entityId: `item-${n}`, action: 'update', actor: 'auditor', before: { result: null }, after: { result: `r${n}` } });

describe('audit trail', () => {
  test('rows chain by hash; the head is the newest row; other chains do not interfere', () => {
    const core = tempCore();
    const hashes = [1, 2, 3].map((n) => appendTrail(core.db, event(n), `2026-01-0${n}T00:00:00Z`));
    appendTrail(core.db, { ...event(9), projectId: null });
    expect(trailHead(core.db, P)).toBe(hashes[2]);
    expect(verifyTrail(core.db, P)).toEqual({ ok: true, rows: 3, head: hashes[2], firstBroken: null });
    expect(listTrail(core.db, P, 'item-2')).toMatchObject([{ entityId: 'item-2', after: { result: 'r2' } }]);
  });

  test('the table refuses updates and deletes', () => {
    const core = tempCore();
    appendTrail(core.db, event(1));
    expect(() => core.db.prepare("UPDATE audit_trail SET actor = 'mallory'").run()).toThrow(/append-only/);
    expect(() => core.db.prepare('DELETE FROM audit_trail').run()).toThrow(/append-only/);
  });

  test('a row edited behind the app’s back is named by its number', () => {
    const core = tempCore();
    for (const n of [1, 2, 3, 4]) appendTrail(core.db, event(n));
    const seq2 = (core.db.prepare("SELECT seq FROM audit_trail WHERE entity_id = 'item-2'").get() as { seq: number }).seq;
    core.db.exec('DROP TRIGGER audit_trail_no_update');
    core.db.prepare(`UPDATE audit_trail SET after = '{"result":"forged"}' WHERE seq = ?`).run(seq2);
    expect(verifyTrail(core.db, P)).toMatchObject({ ok: false, firstBroken: { seq: seq2, reason: 'hash' } });
  });

  test('a row removed from the middle breaks the next link', () => {
    const core = tempCore();
    for (const n of [1, 2, 3]) appendTrail(core.db, event(n));
    const [, second, third] = core.db.prepare('SELECT seq FROM audit_trail ORDER BY seq').all() as { seq: number }[];
    core.db.exec('DROP TRIGGER audit_trail_no_delete');
    core.db.prepare('DELETE FROM audit_trail WHERE seq = ?').run(second!.seq);
    expect(verifyTrail(core.db, P)).toMatchObject({ ok: false, firstBroken: { seq: third!.seq, reason: 'link' } });
  });
});
