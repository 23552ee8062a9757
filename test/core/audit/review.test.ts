import { describe, expect, test } from 'vitest';
import { dispatch } from '../../../electron/core/ipc/dispatch';
import { latestAccepted } from '../../../electron/core/db/repos/revisions';
import { tempCore } from '../../helpers/temp';

const value = <T>(r: unknown) => {
  expect(r).toMatchObject({ ok: true });
  return (r as { value: T }).value;
};

describe('review and sign-off', () => {
  test('submit locks edits, return reopens them, accept locks a snapshot, a later edit opens revision 2', async () => {
    const core = tempCore();
    const { id: projectId } = value<{ id: string }>(await dispatch(core, 'projects:create', { name: 'P', organization: 'O', creditCode: '91350100M000100Y43' }));
    const save = (notes: string) => dispatch(core, 'answers:save', { projectId, itemId: 'adsg-2026:ms-01', result: 'conforming', notes });
    value(await save('first'));
    expect(value<{ current: { number: number; state: string } }>(await dispatch(core, 'review:status', { projectId })).current).toMatchObject({ number: 1, state: 'draft' });

    value(await dispatch(core, 'review:submit', { projectId }));
    expect(await save('during review')).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(await dispatch(core, 'review:accept', { projectId: projectId })).toMatchObject({ ok: true });
    // Accepting twice is refused: the revision is no longer "submitted".
    expect(await dispatch(core, 'review:accept', { projectId })).toMatchObject({ ok: false, error: { code: 'conflict' } });

    const locked = latestAccepted(core.db, projectId)!;
    expect(locked.revision).toMatchObject({ number: 1, state: 'accepted', snapshotHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(JSON.parse(locked.snapshot).answers).toMatchObject([{ notes: 'first' }]);

    value(await save('after acceptance'));
    const status = value<{ current: { number: number; state: string }; history: unknown[] }>(await dispatch(core, 'review:status', { projectId }));
    expect(status.current).toMatchObject({ number: 2, state: 'draft' });
    expect(status.history).toHaveLength(2);
    // Revision 1 is untouched by the later edit.
    expect(JSON.parse(latestAccepted(core.db, projectId)!.snapshot).answers).toMatchObject([{ notes: 'first' }]);
    expect(value<{ ok: boolean }>(await dispatch(core, 'trail:verify', { projectId })).ok).toBe(true);
  });

  test('returning needs comments; a returned revision can be edited and submitted again', async () => {
    const core = tempCore();
    const { id: projectId } = value<{ id: string }>(await dispatch(core, 'projects:create', { name: 'P', organization: 'O', creditCode: '91350100M000100Y43' }));
    value(await dispatch(core, 'review:submit', { projectId }));
    expect(await dispatch(core, 'review:return', { projectId, comments: ' ' })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(value<{ state: string; comments: string }>(await dispatch(core, 'review:return', { projectId, comments: 'Add evidence for TP-06' }))).toMatchObject({ state: 'returned', comments: 'Add evidence for TP-06' });
    value(await dispatch(core, 'answers:save', { projectId, itemId: 'adsg-2026:tp-06', result: 'conforming' }));
    expect(value<{ state: string }>(await dispatch(core, 'review:submit', { projectId })).state).toBe('submitted');
  });
});
