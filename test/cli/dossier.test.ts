import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
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

const cli = (args: string[]) => {
  const r = runCli(['--data-dir', data, ...args]);
  if (r.code !== 0) throw new Error(`adsg ${args.join(' ')} → ${r.code}\n${r.stderr}`);
  return r.stdout;
};
const json = <T>(args: string[]) => JSON.parse(cli(['--json', ...args])) as T;

beforeAll(() => {
  writeFileSync(pass, '审核 passphrase 2026\n');
  const project = json<{ id: string }>(['demo']);
  // A dossier is made only from an accepted revision.
  const early = runCli(['--data-dir', data, 'dossier', project.id, '--out', join(dir, 'x.pdf'), '--identity', '0'.repeat(64), '--passphrase-file', pass]);
  expect(early.code).not.toBe(0);
  cli(['review', 'submit', project.id]);
  cli(['review', 'accept', project.id, '--comment', '同意']);
  const auditor = json<{ id: string }>(['identity', 'create', '--name', '李伟 Li Wei', '--organization', 'Example Audit', '--passphrase-file', pass]);
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
