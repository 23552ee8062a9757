import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { DossierModel } from '../../../electron/core/dossier/model';
import { renderDossier, signatureWidget, type RenderedDossier } from '../../../electron/core/dossier/render';
import { fontsDir } from '../../../electron/core/dossier/render/fonts';
import { monoLines } from '../../../electron/core/dossier/render/text';
import { BOXES_INFO_KEY } from '../../../electron/core/dossier/signature-boxes';
import { PdfDocument } from '../../../electron/core/signing/pdf/document';
import { isString } from '../../../electron/core/signing/pdf/objects';
import { signPdf } from '../../../electron/core/signing/sign-pdf';
import { ASSESSMENT_JSON, BIG, dossierModel } from '../../fixtures/dossier-model';
import { tempDir } from '../../helpers/temp';
import { makeSigner, pdfsigSummary } from '../signing/support';

const PAGES_DIR = path.join(process.cwd(), 'test-output', 'dossier-pages');
const A4 = { width: 595.28, height: 841.89 };

/** Runs an outside tool and returns its output; fails the test on a non-zero exit. */
function tool(command: string, args: string[]): { stdout: string; stderr: string } {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return { stdout: result.stdout, stderr: result.stderr };
}

// Wrapped lines (wrapped Chinese has no spaces; a long bilingual title is stacked at its " / ")
// compare equal once whitespace and slashes are gone.
const compact = (text: string): string => text.replace(/[\s/]+/g, '');
/** Each page's text in drawing order (so a table cell's lines stay together), whitespace removed; index 0 is page 1. */
const pageTexts = (pdf: string): string[] => tool('pdftotext', ['-raw', pdf, '-']).stdout.split('\f').map(compact);

let model: DossierModel;
let rendered: RenderedDossier;
let file: string;
let dir: string;
let pages: number;
let texts: string[];
const progress: [number, number][] = [];

beforeAll(async () => {
  model = dossierModel();
  rendered = await renderDossier(model, { onProgress: (done, total) => progress.push([done, total]) });
  dir = tempDir('adsg-dossier-');
  file = path.join(dir, 'dossier.pdf');
  writeFileSync(file, rendered.pdf);
  pages = Number(/^Pages:\s+(\d+)/m.exec(tool('pdfinfo', [file]).stdout)?.[1]);
  texts = pageTexts(file);
}, 60_000);

describe('the rendered dossier, checked with outside tools', () => {
  test('qpdf --check passes without warnings', () => {
    const { stdout, stderr } = tool('qpdf', ['--check', file]);
    expect(stdout).toContain('No syntax or stream encoding errors found');
    expect(`${stdout}${stderr}`).not.toMatch(/warning/i);
    expect(tool('pdfinfo', [file]).stdout).toMatch(/^Page size:\s+595\.28 x 841\.89 pts \(A4\)/m);
  });

  test('pdffonts lists only the CJK fonts, embedded as subsets', () => {
    const rows = tool('pdffonts', [file]).stdout.trim().split('\n').slice(2);
    expect(rows.length).toBe(2);
    for (const row of rows)
      expect(row).toMatch(/^[A-Z]{6}\+NotoSansHans-(Regular|Bold)\s+CID Type 0C\s+Identity-H\s+yes\s+yes\s+yes\s/);
    expect(rows.some((row) => row.includes('Regular')) && rows.some((row) => row.includes('Bold'))).toBe(true);
  });

  test('pdftotext finds the section titles, the Chinese text and the hashes', () => {
    const text = texts.join('');
    for (const section of model.sections) expect(text).toContain(compact(section.title));
    expect(text).toContain(compact(model.signature.title));
    expect(text).toContain('座舱摄像头视频片段随诊断日志回传至境外服务器');
    expect(text).toContain('示例汽车（上海）有限公司');
    // Hashes are cut into two lines in their column; in drawing order the halves join up again.
    expect(text).toContain(createHash('sha256').update('evidence-0').digest('hex'));
  });

  test('the contents list every section with the page its title is on, and bookmarks agree', () => {
    const contents = tool('pdftotext', ['-f', '2', '-l', '2', '-layout', file, '-']).stdout;
    const titles = [...model.sections.map((section) => section.title), model.signature.title];
    const listed = titles.map((title, index) => {
      const number = String(index + 1).padStart(2, '0');
      const line = contents.split('\n').find((candidate) => candidate.trimStart().startsWith(`${number} `));
      expect(line, `contents line ${number}`).toBeDefined();
      expect(compact(line ?? '')).toContain(compact(title));
      return Number(/(\d+)\s*$/.exec(line ?? '')?.[1]);
    });
    // Each title is on its listed page (pdftotext -f N -l N) and on no body page before it.
    listed.forEach((page, index) => {
      const title = compact(titles[index] ?? '');
      expect(
        compact(tool('pdftotext', ['-f', String(page), '-l', String(page), file, '-']).stdout),
        `"${title}" on page ${page}`,
      ).toContain(title);
      expect(texts.slice(2, page - 1).some((text) => text.includes(title))).toBe(false);
    });
    expect(listed).toEqual([...listed].sort((a, b) => a - b));
    expect(listed.at(-1)).toBe(pages);

    const outline = JSON.parse(tool('qpdf', ['--json', '--json-key=outlines', file]).stdout) as {
      outlines: { title: string; destpageposfrom1: number }[];
    };
    expect(outline.outlines.map((entry) => entry.title)).toEqual([model.contentsTitle, ...titles]);
    expect(outline.outlines.slice(1).map((entry) => entry.destpageposfrom1)).toEqual(listed);
  });

  test('every page but the cover carries the running header and "page x of y"', () => {
    const [cover, ...rest] = texts.slice(0, pages);
    expect(cover).not.toContain(compact(model.header));
    rest.forEach((text, index) => {
      expect(text).toContain(compact(model.header));
      expect(text).toContain(compact(`第 ${index + 2} 页 / 共 ${pages} 页 · Page ${index + 2} of ${pages}`));
    });
  });

  test('pdfdetach lists the assessment and gives back the same bytes', () => {
    expect(tool('pdfdetach', ['-list', file]).stdout).toMatch(/^1: assessment\.json$/m);
    const saved = path.join(dir, 'saved.json');
    tool('pdfdetach', ['-save', '1', '-o', saved, file]);
    expect(readFileSync(saved).equals(ASSESSMENT_JSON)).toBe(true);
  });

  test('pdfinfo shows the model metadata with its fixed dates', () => {
    const info = tool('pdfinfo', ['-isodates', file]).stdout;
    expect(info).toContain(`Title:           ${model.info.title}`);
    expect(info).toContain('CreationDate:    2026-11-23T08:00:00Z');
    expect(info).toContain('ModDate:         2026-11-23T08:00:00Z');
  });
});

describe('signature boxes', () => {
  test('lie on the last page, inside it, one per slot, and are recorded in the Info dictionary', () => {
    expect(rendered.signatureBoxes.map((box) => box.role)).toEqual(model.signature.slots.map((slot) => slot.role));
    for (const box of rendered.signatureBoxes) {
      const [x1, y1, x2, y2] = box.rect;
      expect(box.page).toBe(pages - 1);
      expect(0 < x1 && x1 < x2 && x2 < A4.width && 0 < y1 && y1 < y2 && y2 < A4.height).toBe(true);
    }
    const [first, second] = rendered.signatureBoxes;
    expect(second && first && second.rect[3] < first.rect[1]).toBe(true);
    expect(texts[pages - 1]).toContain(compact(model.signature.title));

    const pdf = PdfDocument.parse(rendered.pdf);
    const recorded = pdf.resolve(
      pdf.resolveDict(pdf.trailer.entries.get('Info'), 'the Info dictionary').entries.get(BOXES_INFO_KEY),
    );
    expect(isString(recorded) && JSON.parse(recorded.bytes.toString('latin1'))).toEqual(rendered.signatureBoxes);
  });

  test('frame the drawing of their slot (pdftotext -bbox puts each name inside its box)', () => {
    const words = tool('pdftotext', ['-f', String(pages), '-l', String(pages), '-bbox', file, '-']).stdout;
    model.signature.slots.forEach((slot, index) => {
      const rect = rendered.signatureBoxes[index]?.rect ?? [0, 0, 0, 0];
      const name = slot.name.split(' ')[0] ?? '';
      const match = new RegExp(`xMin="([\\d.]+)" yMin="([\\d.]+)" xMax="([\\d.]+)" yMax="([\\d.]+)">${name}<`).exec(
        words,
      );
      expect(match, slot.name).not.toBeNull();
      const [xMin, yMin, xMax, yMax] = (match ?? []).slice(1).map(Number) as [number, number, number, number];
      // pdftotext measures from the top; the boxes are in PDF user space (from the bottom).
      expect(xMin > rect[0] && xMax < rect[2] && A4.height - yMax > rect[1] && A4.height - yMin < rect[3]).toBe(true);
    });
  });

  test('take the auditor signature and the reviewer countersignature: qpdf clean, pdfsig valid', async () => {
    const signed = await signPdf(rendered.pdf, {
      signer: makeSigner('王芳 Wang Fang', '示例审核有限公司', 2048),
      signingTime: new Date('2026-11-23T09:00:00Z'),
      widget: signatureWidget(rendered, 'auditor'),
    });
    const countersigned = await signPdf(signed, {
      signer: makeSigner('陈静 Chen Jing', '示例审核有限公司', 2048),
      signingTime: new Date('2026-11-24T09:00:00Z'),
      widget: signatureWidget(rendered, 'reviewer'),
    });
    const signedFile = path.join(dir, 'countersigned.pdf');
    writeFileSync(signedFile, countersigned);
    const check = tool('qpdf', ['--check', signedFile]);
    expect(`${check.stdout}${check.stderr}`).not.toMatch(/warning/i);
    const result = spawnSync('pdfsig', [signedFile], { encoding: 'utf8' });
    expect(pdfsigSummary(result.stdout)).toMatchObject({ total: 2, valid: 2, lastCoversAll: true });
  });
});

test('the same model renders to the same bytes (a second render runs with warm caches)', async () => {
  const again = await renderDossier(dossierModel());
  expect(again.pdf.equals(rendered.pdf)).toBe(true);
  expect(again.signatureBoxes).toEqual(rendered.signatureBoxes);
});

test('progress is reported once per section and once for the signature page', () => {
  const total = model.sections.length + 1;
  expect(progress).toEqual(Array.from({ length: total }, (_, index) => [index + 1, total]));
});

test('pages are rendered to PNG for a person to look at', () => {
  rmSync(PAGES_DIR, { recursive: true, force: true });
  mkdirSync(PAGES_DIR, { recursive: true });
  tool('pdftoppm', ['-r', '60', '-png', file, path.join(PAGES_DIR, 'page')]);
  expect(readdirSync(PAGES_DIR).filter((name) => name.endsWith('.png')).length).toBe(pages);
});

test('a large dossier (300 checklist rows, 40 flows, 2,000 evidence rows) renders in a few seconds', async () => {
  const big = dossierModel(BIG);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const { pdf } = await renderDossier(big);
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const bigFile = path.join(dir, 'big.pdf');
  writeFileSync(bigFile, pdf);
  const bigPages = Number(/^Pages:\s+(\d+)/m.exec(tool('pdfinfo', [bigFile]).stdout)?.[1]);
  console.log(
    `big dossier: ${bigPages} pages, ${pdf.length} bytes, ${seconds.toFixed(2)} s wall, ${((used.user + used.system) / 1e6).toFixed(2)} s CPU`,
  );
  expect(bigPages).toBeGreaterThan(100);
  // CPU time rather than wall time: the test machine runs other suites at the same time.
  expect((used.user + used.system) / 1e6).toBeLessThan(12);
}, 60_000);

describe('text helpers', () => {
  test('a hash too wide for its column is cut into even halves', () => {
    expect(monoLines('a'.repeat(64), 200, 8).map((line) => line.length)).toEqual([32, 32]);
    // A word that fits a line of its own moves down whole rather than being cut.
    expect(monoLines(`id ${'b'.repeat(40)}`, 160, 8)).toEqual(['id', 'b'.repeat(40)]);
  });

  test('the fonts are found from ADSG_ASSETS_DIR, or else next to the sources', () => {
    const repoFonts = path.join(process.cwd(), 'assets', 'fonts');
    expect(fontsDir({ ADSG_ASSETS_DIR: path.join(process.cwd(), 'assets') })).toBe(repoFonts);
    expect(fontsDir({ ADSG_ASSETS_DIR: dir })).toBe(repoFonts);
  });
});
