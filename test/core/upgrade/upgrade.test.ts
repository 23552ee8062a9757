import { describe, expect, it } from 'vitest';
import { saveChecklistAnswer } from '../../../electron/core/answers/service';
import { listTrail, verifyTrail } from '../../../electron/core/audit-trail/trail';
import type { Core } from '../../../electron/core/core';
import { latestAccepted, listRevisions } from '../../../electron/core/db/repos/revisions';
import { AppError } from '../../../electron/core/errors';
import { dispatch } from '../../../electron/core/ipc/dispatch';
import { getProject } from '../../../electron/core/projects/service';
import { acceptRevision, submitForReview } from '../../../electron/core/review/service';
import { sealPack } from '../../../electron/core/rules/hash';
import { type RulesPackError } from '../../../electron/core/rules/errors';
import { loadInstalledPack, writePackFile } from '../../../electron/core/rules/installed';
import { upgradeProjectPack } from '../../../electron/core/upgrade/apply';
import { carriedState, confirmCarried } from '../../../electron/core/upgrade/carried';
import { prepareUpgrade } from '../../../electron/core/upgrade/plan';
import { loadWorkspace } from '../../../electron/core/workspace/service';
import { tempCore } from '../../helpers/temp';
import { auditedProject, EXAMPLE } from './fixture';

async function refused(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: unknown) => e,
  );
}

const trailActions = (core: Core, projectId: string) => listTrail(core.db, projectId).map((r) => `${r.entity}:${r.action}:${r.entityId}`);

describe('upgrading a project to another version of its pack', () => {
  it('previews what carries over, what must be re-confirmed, what is archived, what is new, and the determinations that move', async () => {
    const core = tempCore();
    const { projectId, telematics, rnd, plant } = await auditedProject(core);
    expect(getProject(core, projectId).rulesPack.version).toBe('1.0.0');
    const { plan } = await prepareUpgrade(core, projectId, EXAMPLE);

    expect(plan.diff.to).toMatchObject({ version: '1.1.0-example', example: true });
    expect(plan.answers.carried).toBe(2); // ms-01 (confidence only) and tp-01 (unchanged)
    expect(plan.answers.reconfirm.map((a) => a.itemId)).toEqual(['adsg-2026:log-05']);
    expect(plan.answers.archived.map((a) => a.itemId)).toEqual(['adsg-2026:ms-10']);
    expect(plan.answers.unanswered.map((a) => a.itemId)).toEqual(['adsg-2026:log-07']);

    expect(plan.questions.reconfirm).toEqual([expect.objectContaining({ entityId: `${rnd.id}/adsg-2026:idata-rd-annotation-scenes`, flowName: 'R&D lake', result: 'yes' })]);
    expect(plan.questions.archived).toEqual([expect.objectContaining({ entityId: `${telematics.id}/adsg-2026:idata-co-card-identifiers`, result: 'no' })]);
    expect(plan.questions.unanswered).toEqual([expect.objectContaining({ itemId: 'adsg-2026:idata-pm-line-video', flowId: plant.id })]);

    expect(plan.determinations).toEqual([
      { scope: 'organization', name: null, before: 'security-assessment', after: 'security-assessment', changed: false },
      { scope: telematics.id, name: 'Telematics', before: 'standard-contract-or-certification', after: 'exempt', changed: true },
      { scope: rnd.id, name: 'R&D lake', before: 'security-assessment', after: 'security-assessment', changed: false },
      { scope: plant.id, name: 'Plant video', before: 'not-an-export', after: 'needs-information', changed: true },
    ]);
    expect(plan.revision).toEqual({ number: 1, state: 'draft', opensRevision: null });
    // A preview changes nothing.
    expect(getProject(core, projectId).rulesPack.version).toBe('1.0.0');
  });

  it('moves the pin and marks, in the trail, each re-confirmed and archived answer; answers themselves stay as they were', async () => {
    const core = tempCore();
    const { projectId, telematics, rnd } = await auditedProject(core);
    const before = loadWorkspace(core, projectId);
    const rows = listTrail(core.db, projectId).length;
    const example = await loadInstalledPack(core.rulesDir, 'adsg-2026', '1.1.0-example');

    const result = await upgradeProjectPack(core, projectId, EXAMPLE, before.project.rulesPack.contentHash!);
    expect(result.project.rulesPack).toEqual({ id: 'adsg-2026', version: '1.1.0-example', contentHash: example.contentHash });
    expect(result.revision).toMatchObject({ number: 1, state: 'draft' });

    const after = loadWorkspace(core, projectId);
    expect(after.answers).toEqual(before.answers);
    expect(after.questions).toEqual(before.questions);
    expect(trailActions(core, projectId).slice(0, listTrail(core.db, projectId).length - rows).reverse()).toEqual([
      `project:upgrade-pack:${projectId}`,
      'answer:carry-reconfirm:adsg-2026:log-05',
      `question:carry-reconfirm:${rnd.id}/adsg-2026:idata-rd-annotation-scenes`,
      'answer:archive:adsg-2026:ms-10',
      `question:archive:${telematics.id}/adsg-2026:idata-co-card-identifiers`,
    ]);
    const upgradeRow = listTrail(core.db, projectId).find((r) => r.action === 'upgrade-pack')!;
    expect(upgradeRow.after).toMatchObject({
      rulesPack: { version: '1.1.0-example' },
      upgrade: { from: 'adsg-2026@1.0.0', to: EXAMPLE, answers: { carried: 2, reconfirm: 1, archived: 1, unanswered: 1 }, determinations: [{ scope: telematics.id, after: 'exempt' }, expect.anything()] },
    });
    expect(verifyTrail(core.db, projectId).ok).toBe(true);

    const state = await carriedState(core, projectId);
    expect(state.reconfirm.map((r) => r.entityId)).toEqual(['adsg-2026:log-05', `${rnd.id}/adsg-2026:idata-rd-annotation-scenes`]);
    const log = state.reconfirm[0]!;
    expect(log).toMatchObject({ from: 'adsg-2026@1.0.0', result: 'nonconforming', change: { change: 'changed', contentChanged: true } });
    const requirement = log.change!.fields.find((f) => f.field === 'requirement')!;
    expect(requirement.text!.en.filter((p) => p.kind === 'added').map((p) => p.text).join('')).toContain('12');
    expect(state.archived.map((a) => a.entityId).sort()).toEqual(['adsg-2026:ms-10', `${telematics.id}/adsg-2026:idata-co-card-identifiers`].sort());
  });

  it('clears a mark when the answer is edited or confirmed, and records the confirmation', async () => {
    const core = tempCore();
    const { projectId, rnd } = await auditedProject(core);
    await upgradeProjectPack(core, projectId, EXAMPLE);
    const question = `${rnd.id}/adsg-2026:idata-rd-annotation-scenes`;

    // Saving the same content again is not a confirmation (autosave no-op): the mark stays.
    saveChecklistAnswer(core, { projectId, itemId: 'adsg-2026:log-05', result: 'nonconforming', notes: 'log-05 notes', justification: 'Logs kept 90 days.' });
    expect((await carriedState(core, projectId)).reconfirm).toHaveLength(2);
    saveChecklistAnswer(core, { projectId, itemId: 'adsg-2026:log-05', result: 'nonconforming', notes: 'Now 12 months are required; still 90 days.', justification: 'Logs kept 90 days.' });
    expect((await carriedState(core, projectId)).reconfirm.map((r) => r.entityId)).toEqual([question]);

    expect(confirmCarried(core, projectId, 'question', question)).toEqual({ confirmed: true });
    expect((await carriedState(core, projectId)).reconfirm).toEqual([]);
    expect(listTrail(core.db, projectId, question)[0]).toMatchObject({ action: 'confirm-carried', after: { answer: 'yes' } });
    // Nothing left to confirm.
    expect(() => confirmCarried(core, projectId, 'question', question)).toThrow(AppError);
  });

  it('is refused while the project is under review, changing nothing', async () => {
    const core = tempCore();
    const { projectId } = await auditedProject(core);
    submitForReview(core, projectId);
    const rows = listTrail(core.db, projectId).length;
    const plan = (await prepareUpgrade(core, projectId, EXAMPLE)).plan;
    expect(plan.revision).toMatchObject({ state: 'submitted', opensRevision: null });
    const error = await refused(upgradeProjectPack(core, projectId, EXAMPLE));
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).key).toBe('error.under-review');
    expect(getProject(core, projectId).rulesPack.version).toBe('1.0.0');
    expect(listTrail(core.db, projectId)).toHaveLength(rows);
  });

  it('opens a new revision on an accepted project and leaves the accepted one as it was', async () => {
    const core = tempCore();
    const { projectId } = await auditedProject(core);
    submitForReview(core, projectId);
    acceptRevision(core, projectId);
    const accepted = latestAccepted(core.db, projectId)!;
    expect((await prepareUpgrade(core, projectId, EXAMPLE)).plan.revision).toEqual({ number: 1, state: 'accepted', opensRevision: 2 });

    const result = await upgradeProjectPack(core, projectId, EXAMPLE);
    expect(result.revision).toMatchObject({ number: 2, state: 'draft' });
    expect(listRevisions(core.db, projectId).map((r) => `${r.number}:${r.state}`).sort()).toEqual(['1:accepted', '2:draft']);
    const still = latestAccepted(core.db, projectId)!;
    expect(still.snapshot).toBe(accepted.snapshot);
    expect(JSON.parse(still.snapshot).project.rulesPack.version).toBe('1.0.0');
    const [upgrade, reopen] = listTrail(core.db, projectId).filter((r) => r.action === 'upgrade-pack' || r.action === 'reopen');
    expect(upgrade!.seq).toBeGreaterThan(reopen!.seq);
  });

  it('refuses another pack, the same version, a missing version and a stale preview, with clear messages', async () => {
    const core = tempCore();
    const { projectId } = await auditedProject(core);
    const code = async (target: string, expect?: string) => ((await refused(upgradeProjectPack(core, projectId, target, expect))) as RulesPackError).code;
    expect(await code('other-pack@1.0.0')).toBe('upgrade-other-pack');
    expect(await code('adsg-2026@1.0.0')).toBe('upgrade-same-version');
    expect(await code('adsg-2026@7.7.7')).toBe('not-found');
    expect(await code(EXAMPLE, 'f'.repeat(64))).toBe('upgrade-stale');
    const error = (await refused(upgradeProjectPack(core, projectId, 'other-pack@1.0.0'))) as RulesPackError;
    expect(error.describe('zh-CN')).toContain('只能改用同一规则包的其他版本');
    expect(error.describe('en')).toContain('it can move only to another version of the same pack');
    expect(getProject(core, projectId).rulesPack.version).toBe('1.0.0');
  });

  it('keeps, for an answer still waiting from an earlier upgrade, the item it was first answered under', async () => {
    const core = tempCore();
    const { projectId } = await auditedProject(core);
    await upgradeProjectPack(core, projectId, EXAMPLE);
    // A third version, installed in the data folder, rewords log-05 once more.
    const example = await loadInstalledPack(core.rulesDir, 'adsg-2026', '1.1.0-example');
    const { itemHashes: _h, contentHash: _c, ...content } = structuredClone(example);
    content.version = '1.2.0';
    delete content.example;
    const log = content.checklists.flatMap((c) => c.items).find((i) => i.id === 'adsg-2026:log-05')!;
    log.requirement = { 'zh-CN': `${log.requirement['zh-CN']}再次改写。`, en: `${log.requirement.en} Reworded again.` };
    await writePackFile(core.paths.rules, sealPack(content));

    const result = await upgradeProjectPack(core, projectId, 'adsg-2026@1.2.0');
    expect(result.plan.answers.reconfirm.map((a) => a.itemId)).toEqual(['adsg-2026:log-05']);
    const pending = (await carriedState(core, projectId)).reconfirm.find((r) => r.entityId === 'adsg-2026:log-05');
    expect(pending).toMatchObject({ from: 'adsg-2026@1.0.0' });
    const en = pending!.change!.fields.find((f) => f.field === 'requirement')!.text!.en;
    expect(en.filter((p) => p.kind === 'removed').map((p) => p.text).join('')).toContain('6');
    expect(en.filter((p) => p.kind === 'added').map((p) => p.text).join('')).toContain('Reworded again');
  });

  it('answers the preview, the upgrade and the carried answers over IPC, in the contract’s shapes', async () => {
    const core = tempCore();
    const { projectId } = await auditedProject(core);
    const preview = await dispatch(core, 'upgrade:preview', { projectId, to: EXAMPLE });
    expect(preview).toMatchObject({ ok: true, value: { diff: { to: { version: '1.1.0-example' } } } });
    const from = getProject(core, projectId).rulesPack.contentHash;
    expect(await dispatch(core, 'upgrade:apply', { projectId, to: EXAMPLE, expectFrom: from })).toMatchObject({ ok: true, value: { project: { rulesPack: { version: '1.1.0-example' } }, revision: { number: 1 } } });
    expect(await dispatch(core, 'upgrade:apply', { projectId, to: EXAMPLE, expectFrom: from })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await dispatch(core, 'carried:list', { projectId })).toMatchObject({ ok: true, value: { reconfirm: [{ itemId: 'adsg-2026:log-05' }, expect.anything()] } });
    expect(await dispatch(core, 'carried:confirm', { projectId, entity: 'answer', entityId: 'adsg-2026:log-05' })).toEqual({ ok: true, value: { confirmed: true } });
    expect(await dispatch(core, 'rules:diff', { from: 'adsg-2026@1.0.0', to: 'adsg-2026@9.9.9' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await dispatch(core, 'rules:list', {})).toMatchObject({ ok: true, value: [{ version: '1.0.0', origin: 'shipped', example: false }, { version: '1.1.0-example', example: true }] });
  });
});
