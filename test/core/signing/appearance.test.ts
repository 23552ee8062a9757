import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { signPdf } from '../../../electron/core/signing/sign-pdf';
import type { UnlockedSigner } from '../../../electron/core/signing/unlocked-signer';
import { verifyPdf } from '../../../electron/core/signing/verify-pdf';
import { makeDossierPdf, makeSigner, pdfsigSummary, run, tempDir, writeTemp } from './support';

const FONT = readFileSync(join(process.cwd(), 'assets/fonts/NotoSansHans-Regular.otf'));
const TIME = new Date('2026-11-24T10:30:00Z');
const RECT = [300, 400, 540, 500] as const;
/** pdfkit's default page, US Letter: 612 × 792 points. */
const PAGE_HEIGHT = 792;

let dir: string;
let plain: Buffer;
let reviewer: UnlockedSigner;
let visible: Buffer;

const textIn = (pdf: Buffer, name: string, rect: readonly number[] = RECT, page = 3): string =>
  run('pdftotext', ['-f', String(page), '-l', String(page), '-x', String(rect[0]), '-y', String(Math.round(PAGE_HEIGHT - rect[3]!)), '-W', String(rect[2]! - rect[0]!), '-H', String(rect[3]! - rect[1]!), writeTemp(dir, name, pdf), '-']).stdout;

beforeAll(async () => {
  dir = tempDir();
  plain = await makeDossierPdf();
  reviewer = makeSigner('陈静 Chen Jing', '示例审核有限公司', 2048);
  visible = await signPdf(plain, { signer: reviewer, signingTime: TIME, widget: { page: 2, rect: RECT }, appearanceFont: FONT });
}, 60_000);

describe('a visible signature draws signer, time and fingerprint in its widget', () => {
  test('the text is in the widget’s rectangle on the page, extractable, in the embedded subset', () => {
    const text = textIn(visible, 'visible.pdf');
    const fingerprint = verifyPdf(visible, { trusted: [] }).then((r) => r.signatures[0]!.signer!.fingerprint);
    expect(text).toContain('陈静 Chen Jing');
    expect(text).toContain('示例审核有限公司');
    expect(text).toContain('2026-11-24 10:30:00 UTC');
    return fingerprint.then((fp) => {
      expect(text.replace(/\s/g, '')).toContain(`SHA-256${fp}`);
      expect(textIn(plain, 'plain.pdf')).not.toContain('陈静');
    });
  });

  test('the font is an embedded subset; qpdf has nothing to say; pdfsig calls it valid; our verifier ok', async () => {
    const fonts = run('pdffonts', [writeTemp(dir, 'fonts.pdf', visible)]).stdout;
    expect(fonts.match(/[A-Z]{6}\+NotoSansHans-Regular\s+CID Type 0C\s+Identity-H\s+yes yes yes/g)?.length).toBeGreaterThanOrEqual(2);
    const q = run('qpdf', ['--check', writeTemp(dir, 'q.pdf', visible)]);
    expect(q.stderr).toBe('');
    expect(q.status).toBe(0);
    expect(pdfsigSummary(run('pdfsig', [writeTemp(dir, 's.pdf', visible)]).stdout)).toMatchObject({ total: 1, valid: 1, lastCoversAll: true });
    expect(await verifyPdf(visible, { trusted: [reviewer.certificate] })).toMatchObject({ ok: true, changes: [] });
  });

  test('a countersignature drawn by its own incremental update leaves the first one valid and its drawing in place', async () => {
    const auditor = makeSigner('李伟 Li Wei', 'Example Audit', 2048);
    const first = await signPdf(plain, { signer: auditor, signingTime: TIME, widget: { page: 2, rect: [60, 400, 290, 500] }, appearanceFont: FONT });
    const both = await signPdf(first, { signer: reviewer, signingTime: TIME, widget: { page: 2, rect: RECT }, appearanceFont: FONT });
    expect(textIn(both, 'both-a.pdf', [60, 400, 290, 500])).toContain('李伟 Li Wei');
    expect(textIn(both, 'both-r.pdf')).toContain('陈静 Chen Jing');
    expect(pdfsigSummary(run('pdfsig', [writeTemp(dir, 'both.pdf', both)]).stdout)).toMatchObject({ total: 2, valid: 2 });
    expect(await verifyPdf(both, { trusted: [auditor.certificate, reviewer.certificate] })).toMatchObject({ ok: true, changes: [] });
  });

  test('characters the font lacks are drawn as "?"; the same inputs give the same bytes', async () => {
    const odd = makeSigner('Ünïcødé 😀 名', 'X', 2048);
    const pdf = await signPdf(plain, { signer: odd, signingTime: TIME, widget: { page: 2, rect: RECT }, appearanceFont: FONT });
    expect(textIn(pdf, 'odd.pdf')).toContain('Ünïcødé ? 名');
    const again = await signPdf(plain, { signer: odd, signingTime: TIME, widget: { page: 2, rect: RECT }, appearanceFont: FONT });
    expect(again.equals(pdf)).toBe(true);
  });
});
