import { describe, expect, test } from 'vitest';
import { canonicalJson } from '../../../shared/canonical-json';
import { saveChecklistAnswer } from '../../../electron/core/answers/service';
import type { Core } from '../../../electron/core/core';
import { produceDossier } from '../../../electron/core/dossier/service';
import { AppError } from '../../../electron/core/errors';
import { errorPayload } from '../../../electron/core/ipc/dispatch';
import { checkDataFolder } from '../../../electron/core/integrity/doctor';
import { checkChainIntegrity } from '../../../electron/core/integrity/project-integrity';
import { headlessPorts } from '../../../electron/core/ports';
import { tempCore } from '../../helpers/temp';
import { acceptedDemo, dropTrailTriggers, editSnapshot, problemCodes, problemMessages, rehashChain, tamper } from './support';

const MS05 = 'adsg-2026:ms-05';

/** The signing attempt the attacker hopes for: it must be refused before any key is touched. */
async function signingRefusal(core: Core, projectId: string): Promise<{ en: string; zh: string }> {
  const error = await produceDossier(core, headlessPorts, { projectId, lang: 'en', identityId: '0'.repeat(64), passphrase: 'irrelevant', jobId: 'attack' }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('integrity');
  return { en: errorPayload(error, 'en').message, zh: errorPayload(error, 'zh-CN').message };
}

/** Closes the core, lets `attack` edit the file, and reopens the folder as the app would. */
async function attacked(attack: (db: Parameters<Parameters<typeof tamper>[1]>[0], projectId: string) => void): Promise<{ core: Core; projectId: string }> {
  const { core, projectId } = await acceptedDemo();
  core.close();
  tamper(core.dataDir, (db) => attack(db, projectId));
  return { core: tempCore({ dataDir: core.dataDir }), projectId };
}

describe('the project integrity check', () => {
  test('a genuine project passes: the demo after submit and accept, and after a further edit opens revision 2', async () => {
    const { core, projectId } = await acceptedDemo();
    const accepted = checkChainIntegrity(core, projectId);
    expect(accepted).toMatchObject({ ok: true, problems: [], snapshots: 1 });
    // Anchored at the accept itself, synchronously.
    expect(accepted.anchoredRows).toBe(accepted.rows);
    saveChecklistAnswer(core, { projectId, itemId: MS05, result: 'partially-conforming', notes: 'after the review', justification: '' });
    expect(checkChainIntegrity(core, projectId)).toMatchObject({ ok: true, snapshots: 1 });
    core.close();
    const again = tempCore({ dataDir: core.dataDir });
    const reopened = checkChainIntegrity(again, projectId);
    expect(reopened).toMatchObject({ ok: true });
    // close() anchored the edit made after the accept.
    expect(reopened.anchoredRows).toBe(reopened.rows);
    expect(again.anchors.notice).toBeNull();
    again.close();
  });

  test('the locked snapshot edited together with its hash column is named, and no dossier is signed', async () => {
    const { core, projectId } = await attacked((db, id) => editSnapshot(db, id, (ws) => void (ws.answers.find((a) => a.itemId === MS05)!.result = 'conforming')));
    expect(problemCodes(core, projectId)).toEqual(['snapshot-trail', 'snapshot-replay']);
    const [trail, replay] = problemMessages(core, projectId);
    expect(trail).toBe('The snapshot hash of revision 1 is not the one in the audit trail’s accept row: the snapshot was changed.');
    expect(replay).toBe(`The snapshot of revision 1 differs from what the audit trail says at its acceptance: Checklist answer ${MS05}: field result is "conforming" in the database but "nonconforming" in the audit trail.`);
    const refused = await signingRefusal(core, projectId);
    expect(refused.en).toContain('The integrity check before signing failed: The snapshot hash of revision 1');
    expect(refused.zh).toContain('签署前完整性校验未通过：修订版 1 的快照哈希与审计日志中“复核通过”记录的哈希不符');
    core.close();
  });

  test('an answer edited in its table is named by entity, id and field, in both languages', async () => {
    const { core, projectId } = await attacked((db, id) => db.prepare("UPDATE answers SET result = 'conforming' WHERE project_id = ? AND item_id = ?").run(id, MS05));
    expect(problemMessages(core, projectId)).toEqual([`Checklist answer ${MS05}: field result is "conforming" in the database but "nonconforming" in the audit trail.`]);
    expect(problemMessages(core, projectId, 'zh-CN')).toEqual([`检查项结论 ${MS05} 的字段 result 与审计日志不符：数据库中为 "conforming"，日志记录为 "nonconforming"。`]);
    expect((await signingRefusal(core, projectId)).en).toContain(`Checklist answer ${MS05}: field result`);
    core.close();
  });

  test('an answer edited with the triggers dropped and its trail row rewritten breaks the chain at that row', async () => {
    let seq = 0;
    const { core, projectId } = await attacked((db, id) => {
      dropTrailTriggers(db);
      db.prepare("UPDATE answers SET result = 'conforming' WHERE project_id = ? AND item_id = ?").run(id, MS05);
      seq = (db.prepare("SELECT max(seq) AS seq FROM audit_trail WHERE chain_key = ? AND entity = 'answer' AND entity_id = ?").get(id, MS05) as { seq: number }).seq;
      db.prepare(`UPDATE audit_trail SET after = replace(after, '"result":"nonconforming"', '"result":"conforming"') WHERE seq = ?`).run(seq);
    });
    expect(problemMessages(core, projectId)).toEqual([`The audit trail is broken at row ${seq} (its content was altered).`]);
    await signingRefusal(core, projectId);
    core.close();
  });

  test('a forgery consistent in every respect — answer, trail row, snapshot, accept row, rehashed chain, trail head — is caught by the anchor', async () => {
    const { core, projectId } = await attacked((db, id) => {
      dropTrailTriggers(db);
      db.prepare("UPDATE answers SET result = 'conforming' WHERE project_id = ? AND item_id = ?").run(id, MS05);
      const seq = (db.prepare("SELECT max(seq) AS seq FROM audit_trail WHERE chain_key = ? AND entity = 'answer' AND entity_id = ?").get(id, MS05) as { seq: number }).seq;
      db.prepare(`UPDATE audit_trail SET after = replace(after, '"result":"nonconforming"', '"result":"conforming"') WHERE seq = ?`).run(seq);
      const snapshotHash = editSnapshot(db, id, (ws) => void (ws.answers.find((a) => a.itemId === MS05)!.result = 'conforming'));
      const accept = db.prepare("SELECT seq, after FROM audit_trail WHERE chain_key = ? AND entity = 'review' AND action = 'accepted'").get(id) as { seq: number; after: string };
      db.prepare('UPDATE audit_trail SET after = ? WHERE seq = ?').run(canonicalJson({ ...JSON.parse(accept.after), snapshotHash }), accept.seq);
      rehashChain(db, id);
      const head = (db.prepare('SELECT hash FROM audit_trail WHERE seq = ?').get(accept.seq) as { hash: string }).hash;
      db.prepare('UPDATE revisions SET trail_head = ? WHERE project_id = ? AND number = 1').run(head, id);
    });
    const report = checkChainIntegrity(core, projectId);
    expect(report.problems.map((p) => p.code)).toEqual(['anchor-rewritten']);
    expect(problemMessages(core, projectId)[0]).toMatch(new RegExp(`^Row ${report.rows} of the audit trail is not the one the anchor recorded on `));
    await signingRefusal(core, projectId);
    core.close();
  });

  test('a finding edited in its table is named', async () => {
    let findingId = '';
    const { core, projectId } = await attacked((db, id) => {
      findingId = (db.prepare('SELECT id FROM findings WHERE project_id = ? AND number = 1').get(id) as { id: string }).id;
      db.prepare("UPDATE findings SET severity = 'observation' WHERE id = ?").run(findingId);
    });
    expect(problemMessages(core, projectId)).toEqual([`Finding ${findingId}: field severity is "observation" in the database but "major" in the audit trail.`]);
    await signingRefusal(core, projectId);
    core.close();
  });

  test('evidence, flows, questionnaire answers, overrides and the project row are compared too; rows added or removed are named', async () => {
    const { core, projectId } = await attacked((db, id) => {
      db.prepare("UPDATE projects SET organization = 'Someone Else' WHERE id = ?").run(id);
      db.prepare("UPDATE flows SET country = '中国 China' WHERE project_id = ? AND position = 1").run(id);
      db.prepare("UPDATE question_answers SET answer = CASE answer WHEN 'no' THEN 'yes' ELSE 'no' END WHERE rowid = (SELECT min(q.rowid) FROM question_answers q JOIN flows f ON f.id = q.flow_id WHERE f.project_id = ?)").run(id);
      db.prepare("DELETE FROM evidence_links WHERE rowid = (SELECT min(l.rowid) FROM evidence_links l JOIN evidence e ON e.id = l.evidence_id WHERE e.project_id = ?)").run(id);
      db.prepare("INSERT INTO answers (project_id, item_id, result, notes, justification, updated_at, actor) VALUES (?, 'adsg-2026:tp-04', 'conforming', '', '', '2026-01-01', 'x')").run(id);
      db.prepare("INSERT INTO determination_overrides (project_id, scope, outcome, exemption, justification, actor, at) VALUES (?, 'organization', 'exempt', NULL, 'trust me', 'x', '2026-01-01')").run(id);
    });
    const messages = problemMessages(core, projectId);
    expect(messages).toEqual([
      expect.stringMatching(/^Project \S+: field organization is "Someone Else" in the database but "示例汽车/),
      expect.stringMatching(/^Export flow \S+: field country is "中国 China" in the database but "德国 Germany"/),
      expect.stringMatching(/^Questionnaire answer \S+: field answer is "(no|yes)" in the database but "(yes|no|unsure)"/),
      'Checklist answer adsg-2026:tp-04 is in the database but not in the audit trail.',
      expect.stringMatching(/^Evidence \S+: field itemIds is \[.*\] in the database but \[.*\] in the audit trail\.$/),
      'Determination override organization is in the database but not in the audit trail.',
    ]);
    core.close();
  });

  test('the last trail rows cut off, the accept among them, with the revision set back: only the anchor can tell, and it does', async () => {
    const { core, projectId } = await attacked((db, id) => {
      dropTrailTriggers(db);
      db.prepare('DELETE FROM audit_trail WHERE seq IN (SELECT seq FROM audit_trail WHERE chain_key = ? ORDER BY seq DESC LIMIT 2)').run(id);
      db.prepare("UPDATE revisions SET state = 'draft', submitted_by = NULL, submitted_at = NULL, reviewed_by = NULL, reviewed_at = NULL, comments = '', snapshot = NULL, snapshot_hash = NULL, trail_head = NULL WHERE project_id = ?").run(id);
    });
    const report = checkChainIntegrity(core, projectId);
    expect(report.problems.map((p) => p.code)).toEqual(['anchor-truncated']);
    expect(problemMessages(core, projectId)[0]).toMatch(new RegExp(`^The audit trail has ${report.rows} row\\(s\\), but the anchor recorded ${report.rows + 2} on \\S+: rows were removed from its end, or an older database was restored\\.$`));
    // Truncated again after more edits: the anchor does not follow a chain whose anchored row is gone.
    saveChecklistAnswer(core, { projectId, itemId: MS05, result: 'conforming', notes: 'x', justification: '' });
    for (const n of [1, 2, 3]) saveChecklistAnswer(core, { projectId, itemId: MS05, result: 'conforming', notes: `x${n}`, justification: '' });
    core.anchors.anchorNow();
    expect(problemCodes(core, projectId)).toEqual(['anchor-rewritten']);
    core.close();
  });

  test('a whole project wiped from the database, chain and all, is still reported by the doctor: the anchor remembers it', async () => {
    const { core, projectId } = await attacked((db, id) => {
      dropTrailTriggers(db);
      db.prepare('DELETE FROM audit_trail WHERE chain_key = ?').run(id);
      db.prepare('DELETE FROM projects WHERE id = ?').run(id);
    });
    const report = checkDataFolder(core);
    expect(report.ok).toBe(false);
    expect(report.chains.find((c) => c.chain === projectId)?.problems.map((p) => p.code)).toEqual(['anchor-truncated']);
    core.close();
  });
});
