import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { readSignatureBoxes, signingArea } from '../../electron/core/dossier/signature-boxes';
import { PdfDocument } from '../../electron/core/signing/pdf/document';
import { signPdf } from '../../electron/core/signing/sign-pdf';
import { unlockIdentity } from '../../electron/core/signing/identities';
import { overlayPage, swapAssessment } from '../core/signing/hostile-pdfs';
import { makeDossierPdf, makeSigner } from '../core/signing/support';
import { runCli, type CliRun } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

/** The sample project accepted, signed by the auditor; identities for the auditor and the reviewer. */
const dir = tempDir();
const data = join(dir, 'data');
const pass = join(dir, 'pass.txt');
const signed = join(dir, 'signed.pdf');
const countersigned = join(dir, 'countersigned.pdf');
let countersignRun: CliRun;
const PASSPHRASE = '审核 passphrase 2026';
let auditor = { id: '', cert: '' };
let reviewer = { id: '', cert: '' };
let projectId = '';

const adsg = (args: string[], lang = 'en') => runCli(['--data-dir', data, '--lang', lang, ...args]);
const ok = (args: string[]) => {
  const r = adsg(args);
  if (r.code !== 0) throw new Error(`adsg ${args.join(' ')} → ${r.code}\n${r.stderr}`);
  return r.stdout;
};
const json = <T>(args: string[]) => JSON.parse(ok(['--json', ...args])) as T;
const file = (name: string, bytes: Buffer): string => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};
const trustBoth = () => ['--trust', auditor.cert, reviewer.cert];

beforeAll(() => {
  writeFileSync(pass, `${PASSPHRASE}\n`);
  projectId = json<{ id: string }>(['demo']).id;
  ok(['review', 'submit', projectId]);
  ok(['review', 'accept', projectId, '--comment', '同意']);
  for (const [who, name] of [
    ['auditor', '李伟 Li Wei'],
    ['reviewer', '陈静 Chen Jing'],
  ] as const) {
    const { id } = json<{ id: string }>(['identity', 'create', '--name', name, '--organization', 'Example Audit', '--passphrase-file', pass]);
    const cert = join(dir, `${who}.pem`);
    ok(['identity', 'export', id, '--out', cert]);
    if (who === 'auditor') auditor = { id, cert };
    else reviewer = { id, cert };
  }
  ok(['dossier', projectId, '--out', signed, '--identity', auditor.id, '--passphrase-file', pass, '--lang', 'zh-CN']);
  countersignRun = adsg(['countersign', signed, '--identity', reviewer.id, '--passphrase-file', pass, '--out', countersigned]);
}, 120_000);

describe('adsg countersign verifies first', () => {
  test('a genuine dossier: it says what it countersigned; then verify says OK in either language', () => {
    const out = countersigned;
    const r = countersignRun;
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(''); // the reviewer is the one the project names: no warning
    expect(r.stdout).toContain('Countersigning: project “Example Motors” revision 1, signed by the auditor 李伟 Li Wei · Example Audit');

    const en = adsg(['verify', out, ...trustBoth()]);
    expect(en.code).toBe(0);
    expect(en.stdout).toMatch(/Signs: revision 2 of 3[\s\S]*Signs: revision 3 of 3/);
    expect(en.stdout).toContain('Certificate: valid at the signing time and allowed for signing');
    expect(en.stdout).toContain('Changed after it: nothing (later revisions only add signatures)');
    expect(en.stdout).toContain('Embedded assessment: intact (project “Example Motors”, revision 1)');
    expect(en.stdout).toMatch(/Result: OK$/m);
    const zh = adsg(['verify', out, ...trustBoth()], 'zh-CN');
    expect(zh.stdout).toContain('签署范围：第 2 版（共 3 版）');
    expect(zh.stdout).toContain('结论：验证通过');
    expect(zh.stdout).toContain('签名 1（签名域 Signature1）');
    // The catalogue's words are all Chinese; English appears only in names and in the signers' own reasons.
    for (const english of ['Signs', 'Signer', 'Trusted', 'Certificate:', 'Result', 'revision 2', 'valid']) expect(zh.stdout).not.toContain(english);
  });

  test('untrusted signers: exit 1 naming each, and how to proceed; --allow-untrusted relaxes trust alone', () => {
    const r = adsg(['verify', signed]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Trusted: no: the certificate is not in this machine’s trust store');
    expect(r.stdout).toContain('Signature 1 (李伟 Li Wei · Example Audit): the signer is not trusted');
    expect(r.stdout).toContain('--allow-untrusted');
    const relaxed = adsg(['--json', 'verify', signed, '--allow-untrusted']);
    expect(relaxed.code).toBe(0);
    expect(JSON.parse(relaxed.stdout)).toMatchObject({ ok: true, allowUntrusted: true, signatures: [{ trusted: false, ok: true }] });
  });

  test('(1b) page 3 overlaid after the auditor signed: countersign refuses and writes nothing; forced anyway, verify says NOT OK', async () => {
    const tampered = file('overlaid.pdf', overlayPage(readFileSync(signed), 2));
    const before = readFileSync(tampered);
    const refused = adsg(['countersign', tampered, '--identity', reviewer.id, '--passphrase-file', pass]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Countersigning refused: the dossier does not verify');
    expect(refused.stderr).toContain('revision 3: page content changed');
    expect(readFileSync(tampered).equals(before)).toBe(true);
    const zh = adsg(['countersign', tampered, '--identity', reviewer.id, '--passphrase-file', pass], 'zh-CN');
    expect(zh.stderr).toContain('拒绝会签：该报告未通过验证');
    expect(zh.stderr).toContain('第 3 版：页面内容被改动');

    // The reviewer's real key, used by hand at the byte level, around every check.
    const key = await unlockIdentity(join(data, 'identities'), reviewer.id, PASSPHRASE);
    const forced = file('forced.pdf', await signPdf(before, { signer: key, signingTime: new Date() }));
    const check = adsg(['verify', forced, ...trustBoth()]);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('Changed after it: revision 3: page content changed');
    expect(check.stdout).toMatch(/Result: NOT OK\n {2}- Signature 1 \(李伟 Li Wei · Example Audit\): revision 3: page content changed/);
  }, 30_000);

  test('(1a) overlaid and signed by a look-alike "陈静 Chen Jing": NOT OK, the overlay and the untrusted look-alike both named', () => {
    return (async () => {
      const pdf = file('look-alike.pdf', await signPdf(overlayPage(readFileSync(signed), 2), { signer: makeSigner('陈静 Chen Jing', 'Example Audit', 2048), signingTime: new Date() }));
      const r = adsg(['--json', 'verify', pdf, ...trustBoth()]);
      expect(r.code).toBe(1);
      const check = JSON.parse(r.stdout) as { ok: boolean; changes: unknown[]; signatures: { trusted: boolean; changesAfter: unknown[] }[] };
      expect(check.changes).toEqual([{ revision: 3, kind: 'page-content', objects: [expect.any(Number)] }]);
      expect(check.signatures.map((s) => s.trusted)).toEqual([true, false]);
      expect(adsg(['verify', pdf, ...trustBoth()]).stdout).toContain('Signature 2 (陈静 Chen Jing · Example Audit): the signer is not trusted');
    })();
  }, 30_000);

  test('(1a′) the embedded assessment swapped: NOT OK, attachments named', () => {
    const pdf = file('swapped.pdf', swapAssessment(readFileSync(signed), Buffer.from('{"format":"adsg-assessment/1"}')));
    const r = adsg(['verify', pdf, ...trustBoth()]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('revision 3: attachments (such as assessment.json) added, replaced or removed');
  });
});

/** The signing area of a role's box on the dossier, as pdftotext/pdftoppm want it: page (1-based), x, y from the top, width, height. */
function area(pdf: Buffer, role: 'auditor' | 'reviewer'): { page: string; args: string[] } {
  const box = readSignatureBoxes(pdf).find((b) => b.role === role)!;
  const [x1, y1, x2, y2] = signingArea(box);
  const doc = PdfDocument.parse(pdf);
  const mediaBox = doc.resolveDict(doc.pageRefs()[box.page], 'page').entries.get('MediaBox') as { items: number[] };
  const height = mediaBox.items[3]!;
  const page = String(box.page + 1);
  return { page, args: ['-f', page, '-l', page, '-x', String(Math.floor(x1)), '-y', String(Math.floor(height - y2)), '-W', String(Math.ceil(x2 - x1)), '-H', String(Math.ceil(y2 - y1))] };
}
const textIn = (path: string, role: 'auditor' | 'reviewer') => execFileSync('pdftotext', [...area(readFileSync(path), role).args, path, '-'], { encoding: 'utf8' });
/** Dark pixels in the box's signing area of the page as pdftoppm renders it (8-bit grey PGM at 72 dpi). */
function inkIn(path: string, role: 'auditor' | 'reviewer'): number {
  const prefix = join(dir, `ink-${role}`);
  execFileSync('pdftoppm', ['-gray', '-r', '72', '-singlefile', ...area(readFileSync(path), role).args, path, prefix]);
  const pgm = readFileSync(`${prefix}.pgm`);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.toString('latin1', 0, 40))!;
  return [...pgm.subarray(header[0].length)].filter((v) => v < 160).length;
}

describe('visible signatures, and who may countersign', () => {
  test('the countersignature is drawn in the reviewer’s box by its own update: rendered, extractable, both still valid', () => {
    expect(textIn(signed, 'reviewer')).not.toContain('陈静');
    expect(inkIn(signed, 'reviewer')).toBe(0);
    expect(inkIn(countersigned, 'reviewer')).toBeGreaterThan(300);
    const reviewerText = textIn(countersigned, 'reviewer');
    expect(reviewerText).toContain('陈静 Chen Jing');
    expect(reviewerText.replace(/\s/g, '')).toContain(`SHA-256${reviewer.id}`);
    expect(textIn(countersigned, 'auditor')).toContain('李伟 Li Wei');
    const pdfsig = execFileSync('pdfsig', [countersigned], { encoding: 'utf8' });
    expect(pdfsig.match(/Signature is Valid/g)).toHaveLength(2);
  });

  test('the auditor countersigning her own dossier is refused; so is the same reviewer twice', () => {
    const own = adsg(['countersign', signed, '--identity', auditor.id, '--passphrase-file', pass, '--out', join(dir, 'own.pdf')]);
    expect(own.code).toBe(1);
    expect(own.stderr).toContain('the chosen certificate is the one the auditor signed with');
    const twice = adsg(['countersign', countersigned, '--identity', reviewer.id, '--passphrase-file', pass, '--out', join(dir, 'twice.pdf')]);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain('already countersigned this dossier (signature 2)');
    expect(adsg(['countersign', signed, '--identity', auditor.id, '--passphrase-file', pass], 'zh-CN').stderr).toContain('会签必须使用另一张证书');
  });

  test('a countersigner whose name is not the project’s reviewer: warned, and the verifier reports both names', () => {
    const other = json<{ id: string }>(['identity', 'create', '--name', '王芳 Wang Fang', '--organization', 'Example Audit', '--passphrase-file', pass]);
    const out = join(dir, 'other.pdf');
    const r = adsg(['countersign', signed, '--identity', other.id, '--passphrase-file', pass, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('Note: the certificate’s name “王芳 Wang Fang” is not the project’s reviewer “陈静 Chen Jing”.\n');
    const check = adsg(['--json', 'verify', out, '--allow-untrusted']);
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout)).toMatchObject({
      assessment: { auditor: '李伟 Li Wei', reviewer: '陈静 Chen Jing' },
      notes: [{ code: 'reviewer-name-differs', signature: 2, certificateName: '王芳 Wang Fang', projectReviewer: '陈静 Chen Jing' }],
    });
    expect(adsg(['verify', out, '--allow-untrusted']).stdout).toContain('Signature 2 is by “王芳 Wang Fang”, but the project names “陈静 Chen Jing” as its reviewer.');
    expect(textIn(out, 'reviewer')).toContain('王芳 Wang Fang');
  }, 60_000);
});

describe('files that are not signed dossiers say what they are', () => {
  test('not a PDF', () => {
    const r = adsg(['verify', file('notes.txt', Buffer.from('hello'))]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('notes.txt: The file is not a PDF.\nResult: NOT OK\n');
    expect(adsg(['verify', join(dir, 'notes.txt')], 'zh-CN').stdout).toContain('该文件不是 PDF。');
  });

  test('a PDF without signatures, and nothing about bytes or the assessment', async () => {
    const r = adsg(['verify', file('plain.pdf', await makeDossierPdf())]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('plain.pdf: This is a PDF without signatures.\nResult: NOT OK\n');
  });

  test('countersigning a file that is not a PDF is refused the same way', () => {
    const r = adsg(['countersign', join(dir, 'notes.txt'), '--identity', reviewer.id, '--passphrase-file', pass]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Countersigning refused: the dossier does not verify (The file is not a PDF.)');
  });
});
