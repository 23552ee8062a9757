import { execFileSync, spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

const tool = (cmd: string, args: string[]) => spawnSync(cmd, args, { encoding: 'utf8' });

/** One signed and countersigned dossier of the sample project, shared by the checks below. */
const dir = tempDir();
const data = join(dir, 'data');
const pass = join(dir, 'pass.txt');
const signed = join(dir, 'dossier.pdf');
const both = join(dir, 'dossier-both.pdf');
let auditorCert = '';
let reviewerCert = '';
let projectId = '';
let auditorId = '';

const cli = (args: string[]) => {
  const r = runCli(['--data-dir', data, ...args]);
  if (r.code !== 0) throw new Error(`adsg ${args.join(' ')} → ${r.code}\n${r.stderr}`);
  return r.stdout;
};
const json = <T>(args: string[]) => JSON.parse(cli(['--json', ...args])) as T;

beforeAll(() => {
  writeFileSync(pass, '审核 passphrase 2026\n');
  const project = json<{ id: string }>(['demo']);
  projectId = project.id;
  // A dossier is made only from an accepted revision.
  const early = runCli(['--data-dir', data, 'dossier', project.id, '--out', join(dir, 'x.pdf'), '--identity', '0'.repeat(64), '--passphrase-file', pass]);
  expect(early.code).not.toBe(0);
  cli(['review', 'submit', project.id]);
  cli(['review', 'accept', project.id, '--comment', '同意']);
  const auditor = json<{ id: string }>(['identity', 'create', '--name', '李伟 Li Wei', '--organization', 'Example Audit', '--passphrase-file', pass]);
  auditorId = auditor.id;
  const reviewer = json<{ id: string }>(['identity', 'create', '--name', '陈静 Chen Jing', '--organization', 'Example Audit', '--passphrase-file', pass]);
  auditorCert = join(dir, 'auditor.pem');
  reviewerCert = join(dir, 'reviewer.pem');
  cli(['identity', 'export', auditor.id, '--out', auditorCert]);
  cli(['identity', 'export', reviewer.id, '--out', reviewerCert]);
  cli(['dossier', project.id, '--out', signed, '--identity', auditor.id, '--passphrase-file', pass, '--lang', 'zh-CN']);
  cli(['dossier', project.id, '--out', both, '--identity', auditor.id, '--passphrase-file', pass, '--lang', 'both']);
  cli(['countersign', signed, '--identity', reviewer.id, '--passphrase-file', pass]);
}, 120_000);

describe('signed dossier of the sample project', () => {
  test('pdfsig: both signatures valid, the countersignature covers the whole document', () => {
    const out = tool('pdfsig', [signed]).stdout;
    expect(out.match(/Signature is Valid/g)).toHaveLength(2);
    const [first, second] = out.split('Signature #2');
    expect(first).toContain('Not total document signed');
    expect(second).toContain('Total document signed');
    expect(first).toContain('CN=李伟 Li Wei');
    expect(second).toContain('CN=陈静 Chen Jing');
  });

  test('qpdf finds no problem; the CJK font is embedded as a subset; the attachment is there', () => {
    const q = tool('qpdf', ['--check', signed]);
    expect(q.status).toBe(0);
    expect(q.stderr).toBe('');
    const fonts = tool('pdffonts', [signed]).stdout;
    expect(fonts).toMatch(/\+NotoSansHans-Regular\s+CID Type 0C\s+Identity-H\s+yes yes yes/);
    expect(tool('pdfdetach', ['-list', signed]).stdout).toContain('assessment.json');
  });

  test('pdftotext holds the section headings in the chosen language', () => {
    const zh = execFileSync('pdftotext', [signed, '-'], { encoding: 'utf8' });
    for (const heading of ['汽车数据出境安全评估报告', '目录', '执行摘要', '管理方式判定', '重要数据识别结果', '检查结果', '发现项与整改计划', '证据清单', '审计日志摘要', '规则包与来源说明', '签署']) expect(zh).toContain(heading);
    expect(zh).not.toContain('Executive summary');
    const bilingual = execFileSync('pdftotext', [both, '-'], { encoding: 'utf8' });
    expect(bilingual).toContain('执行摘要');
    expect(bilingual).toContain('Executive summary');
  });

  test('adsg verify: OK with the signers trusted, embedded assessment matches', () => {
    const r = runCli(['--data-dir', data, '--json', 'verify', signed, '--trust', auditorCert, reviewerCert]);
    expect(r.code).toBe(0);
    const check = JSON.parse(r.stdout) as { ok: boolean; signatures: { valid: boolean; trusted: boolean; coversWholeFile: boolean }[]; assessment: { matches: boolean } };
    expect(check.ok).toBe(true);
    expect(check.signatures.map((s) => [s.valid, s.trusted, s.coversWholeFile])).toEqual([
      [true, true, false],
      [true, true, true],
    ]);
    expect(check.assessment.matches).toBe(true);
    const untrusted = JSON.parse(runCli(['--data-dir', tempDir(), '--json', 'verify', signed]).stdout) as { signatures: { trusted: boolean }[] };
    expect(untrusted.signatures.map((s) => s.trusted)).toEqual([false, false]);
  });

  test('pdfsig reports the signer as trusted with its certificate in an NSS database', () => {
    const nss = join(dir, 'nss');
    execFileSync('mkdir', ['-p', nss]);
    execFileSync('certutil', ['-N', '--empty-password', '-d', `sql:${nss}`]);
    execFileSync('certutil', ['-A', '-n', 'auditor', '-t', 'CT,C,C', '-i', auditorCert, '-d', `sql:${nss}`]);
    execFileSync('certutil', ['-A', '-n', 'reviewer', '-t', 'CT,C,C', '-i', reviewerCert, '-d', `sql:${nss}`]);
    const out = tool('pdfsig', ['-nssdir', `sql:${nss}`, signed]).stdout;
    expect(out.match(/Certificate is Trusted/g)).toHaveLength(2);
  });

  test('a flipped byte anywhere in the signed ranges, or bytes appended, is reported by pdfsig and by adsg verify', () => {
    const pdf = readFileSync(signed);
    const text = pdf.toString('latin1');
    // The second signature's /Contents gap is not signed by it; skip both gaps.
    const gaps = [...text.matchAll(/\/Contents\s*<([0-9a-fA-F]+)>/g)].map((m) => [m.index!, m.index! + m[0].length]);
    const inGap = (i: number) => gaps.some(([a, b]) => i >= a! && i < b!);
    const positions = Array.from({ length: 12 }, (_, k) => Math.floor(((k + 0.5) * pdf.length) / 12)).filter((i) => !inGap(i));
    expect(positions.length).toBeGreaterThanOrEqual(10);
    for (const i of positions) {
      const bad = Buffer.from(pdf);
      bad[i] = bad[i]! ^ 0x01;
      const file = join(dir, `flip-${i}.pdf`);
      writeFileSync(file, bad);
      const ours = runCli(['--data-dir', data, '--json', 'verify', file]);
      expect(ours.code, `byte ${i}`).not.toBe(0);
      const theirs = tool('pdfsig', [file]).stdout;
      // At least one of the two signatures must no longer verify.
      expect((theirs.match(/Signature is Valid/g) ?? []).length, `byte ${i}`).toBeLessThan(2);
    }
    const appended = join(dir, 'appended.pdf');
    writeFileSync(appended, Buffer.concat([pdf, Buffer.from('\n% appended\n')]));
    const ours = JSON.parse(runCli(['--data-dir', data, '--json', 'verify', appended]).stdout) as { ok: boolean; bytesAfterLastSignature: number };
    expect(ours).toMatchObject({ ok: false, bytesAfterLastSignature: 12 });
    expect(tool('pdfsig', [appended]).stdout).not.toContain('Total document signed');
  });
});

describe('the dossier is signed only over sound data, and recorded only once written', () => {
  const dossierRows = (dataDir: string) => {
    const db = new Database(join(dataDir, 'workbench.sqlite'), { readonly: true });
    const rows = db.prepare("SELECT count(*) AS n FROM audit_trail WHERE chain_key = ? AND entity = 'dossier'").get(projectId) as { n: number };
    db.close();
    return rows.n;
  };
  const sign = (dataDir: string, out: string, lang = 'en') => runCli(['--data-dir', dataDir, '--lang', lang, 'dossier', projectId, '--out', out, '--identity', auditorId, '--passphrase-file', pass]);
  /** A copy of the data folder (its anchor and key come along), for an attack that must not spoil the others. */
  const copyOfData = () => {
    const copy = join(tempDir(), 'data');
    cpSync(data, copy, { recursive: true });
    return copy;
  };

  test('each dossier written left exactly one "dossier sign" row', () => {
    expect(dossierRows(data)).toBe(2);
  });

  test('a --out that cannot be written exits 2 with a message, no stack trace, and no trail row', () => {
    const before = dossierRows(data);
    for (const [lang, text] of [
      ['en', 'Cannot write --out /nonexistent/dir/x.pdf: its folder does not exist\n'],
      ['zh-CN', '无法写入 --out /nonexistent/dir/x.pdf：所在文件夹不存在\n'],
    ] as const) {
      const r = sign(data, '/nonexistent/dir/x.pdf', lang);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(text);
      expect(r.stdout).toBe('');
    }
    expect(existsSync('/nonexistent/dir')).toBe(false);
    expect(dossierRows(data)).toBe(before);
    expect(runCli(['--data-dir', data, 'trail', 'verify', projectId]).code).toBe(0);
  });

  test('the locked snapshot and its hash column edited in SQLite: the dossier is refused (exit 1) naming revision 1, in either language', () => {
    const attacked = copyOfData();
    const db = new Database(join(attacked, 'workbench.sqlite'));
    const { snapshot } = db.prepare('SELECT snapshot FROM revisions WHERE project_id = ? AND number = 1').get(projectId) as { snapshot: string };
    const forged = snapshot.replace('尚未形成重要数据目录', '已形成重要数据目录');
    expect(forged).not.toBe(snapshot);
    db.prepare('UPDATE revisions SET snapshot = ?, snapshot_hash = ? WHERE project_id = ? AND number = 1').run(forged, createHash('sha256').update(forged).digest('hex'), projectId);
    db.close();
    const out = join(tempDir(), 'forged.pdf');
    const en = sign(attacked, out);
    expect(en.code).toBe(1);
    expect(en.stderr).toContain('The integrity check before signing failed: The snapshot hash of revision 1 is not the one in the audit trail’s accept row');
    const zh = sign(attacked, out, 'zh-CN');
    expect(zh.code).toBe(1);
    expect(zh.stderr).toContain('签署前完整性校验未通过：修订版 1 的快照哈希与审计日志中“复核通过”记录的哈希不符');
    expect(existsSync(out)).toBe(false);
    expect(dossierRows(attacked)).toBe(2);
  });

  test('a finding edited with the triggers dropped: the dossier is refused naming it', () => {
    const attacked = copyOfData();
    const db = new Database(join(attacked, 'workbench.sqlite'));
    db.exec('DROP TRIGGER audit_trail_no_update');
    db.prepare("UPDATE findings SET severity = 'observation' WHERE project_id = ? AND number = 1").run(projectId);
    db.close();
    const r = sign(attacked, join(tempDir(), 'x.pdf'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/The integrity check before signing failed: Finding \S+: field severity is "observation" in the database but "major" in the audit trail\./);
  });
});
