// The bench's pure helpers and its synthetic audit on tiny sizes, so `npm run bench` cannot rot
// between runs. No timing assertions here: the bench itself measures.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { openCore } from '../../electron/core/core';
import { parseCompiledPack } from '../../electron/core/rules/compiled';
import { writePackFile } from '../../electron/core/rules/installed';
import { latestAccepted } from '../../electron/core/db/repos/revisions';
import { verifyTrail } from '../../electron/core/audit-trail/trail';
import { loadWorkspace } from '../../electron/core/workspace/service';
import { enterAudit, fillOtherAnswers } from '../../bench/fill';
import { fontTypes, lockedModel } from '../../bench/figures/dossier';
import { htmlReport, pageLabelContent } from '../../bench/html-report';
import { parseGnuTime, parsePerfTaskClock } from '../../bench/proc';
import { headline, markdownTable, targetRows } from '../../bench/results';
import { readRealPack, type BenchWorld } from '../../bench/setup';
import { quantile, summarise } from '../../bench/stats';
import {
  activeChecklistItems,
  evidenceContent,
  planAudit,
  prng,
  syntheticPack,
  type AuditSize,
} from '../../bench/synthetic';
import { RULES_DIR, tempDir } from '../helpers/temp';

const TINY: AuditSize = { items: 90, flows: 3, evidence: 12, findings: 4, storedAnswers: 200 };
const FONTS = join(process.cwd(), 'assets', 'fonts');

describe('synthetic pack', () => {
  test('adds generated items to the real pack until it has enough, and still validates and seals', async () => {
    const real = await readRealPack(RULES_DIR);
    const pack = syntheticPack(real, 320);
    expect(activeChecklistItems(pack).length).toBeGreaterThanOrEqual(320);
    expect(pack.version).not.toBe(real.version);
    // What loading an installed pack checks: schema, cross-file rules, and the seal.
    expect(parseCompiledPack(JSON.parse(JSON.stringify(pack)), 'synthetic').contentHash).toBe(pack.contentHash);
    const ids = pack.checklists.flatMap((c) => c.items.map((i) => i.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('asking for fewer items than the real pack has changes nothing but the version', async () => {
    const real = await readRealPack(RULES_DIR);
    expect(activeChecklistItems(syntheticPack(real, 1)).length).toBe(activeChecklistItems(real).length);
  });
});

describe('audit plan', () => {
  test('answers every item, justifies what needs it, and is the same for the same seed', async () => {
    const pack = syntheticPack(await readRealPack(RULES_DIR), TINY.items);
    const plan = planAudit(pack, TINY, 42);
    expect(plan.answers).toHaveLength(TINY.items);
    expect(plan.flows).toHaveLength(TINY.flows);
    expect(plan.evidence).toHaveLength(TINY.evidence);
    expect(plan.findings).toHaveLength(TINY.findings);
    for (const a of plan.answers)
      if (a.result === 'nonconforming' || a.result === 'not-applicable') expect(a.justification).not.toBe('');
    for (const f of plan.findings) for (const i of f.evidence) expect(i).toBeLessThan(TINY.evidence);
    expect(planAudit(pack, TINY, 42)).toEqual(plan);
    expect(planAudit(pack, TINY, 43)).not.toEqual(plan);
  });

  test('evidence files are distinct and at least their planned size', async () => {
    const pack = syntheticPack(await readRealPack(RULES_DIR), TINY.items);
    const plan = planAudit(pack, TINY);
    const contents = plan.evidence.map((e, i) => evidenceContent(e, i));
    expect(new Set(contents.map((c) => c.toString('hex'))).size).toBe(contents.length);
    contents.forEach((c, i) => expect(c.length).toBeGreaterThanOrEqual(plan.evidence[i]!.size));
  });

  test('prng is deterministic and stays in range', () => {
    const a = prng(1);
    const b = prng(1);
    const xs = Array.from({ length: 100 }, () => a.next());
    expect(Array.from({ length: 100 }, () => b.next())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(prng(2).int(5)).toBeLessThan(5);
  });
});

describe('entering the audit through the services', () => {
  test('the project holds the plan, the trail verifies, the revision is accepted; other answers fill the table', async () => {
    const dir = tempDir('adsg-bench-test-');
    const pack = syntheticPack(await readRealPack(RULES_DIR), TINY.items);
    await writePackFile(join(dir, 'rules'), pack);
    const core = openCore({ dataDir: join(dir, 'data'), appVersion: '0.0.0-test', rulesDir: join(dir, 'rules') });
    try {
      const plan = planAudit(pack, TINY);
      const project = await enterAudit(core, pack, plan);
      const ws = loadWorkspace(core, project.id);
      expect(ws.answers).toHaveLength(TINY.items);
      expect(ws.flows).toHaveLength(TINY.flows);
      expect(ws.evidence).toHaveLength(TINY.evidence);
      expect(ws.findings).toHaveLength(TINY.findings);
      expect(ws.evidence.flatMap((e) => e.itemIds).length).toBe(
        plan.evidence.reduce((n, e) => n + e.itemIds.length, 0),
      );
      expect(verifyTrail(core.db, project.id).ok).toBe(true);
      expect(latestAccepted(core.db, project.id)).toBeDefined();

      fillOtherAnswers(core, pack, TINY.storedAnswers);
      expect((core.db.prepare('SELECT count(*) AS n FROM answers').get() as { n: number }).n).toBe(TINY.storedAnswers);

      // The Chromium reference is made from the same model the handler builds.
      const model = await lockedModel({ core, project } as unknown as BenchWorld, 'zh-CN');
      const html = htmlReport(model, { fontsDir: FONTS, charts: false });
      for (const section of model.sections) expect(html).toContain(`${section.title}</h2>`);
      const evidence = model.sections.find((s) => s.id === 'evidence')!;
      const table = evidence.blocks.find((b) => b.kind === 'table');
      expect(table?.kind === 'table' && table.rows).toHaveLength(TINY.evidence);
      for (const e of ws.evidence) expect(html).toContain(e.sha256);
      expect(html.match(/<tr>/g)!.length).toBeGreaterThan(TINY.items + TINY.evidence);
    } finally {
      core.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('HTML report', () => {
  const model = {
    lang: 'zh-CN',
    info: { title: 'T & <T>', author: 'A', subject: 'S', keywords: 'K', createdAt: new Date('2026-11-23T00:00:00Z') },
    header: 'Header "quoted"',
    pageLabel: '第 {page} / {pages} 页',
    cover: { title: '报告', subtitle: 'Sub', rows: [{ label: 'L', value: 'V' }], notice: 'N' },
    contentsTitle: '目录',
    sections: [
      {
        id: 'one',
        title: '第一节',
        blocks: [
          { kind: 'heading', text: 'H' },
          { kind: 'paragraph', text: 'a < b', tone: 'warn' },
          {
            kind: 'table',
            columns: [
              { header: 'c1', width: 1 },
              { header: 'c2', width: 3, align: 'right' },
            ],
            rows: [[{ text: 'x' }, { text: 'abc123', mono: true }]],
          },
          { kind: 'bars', title: 'Bars', categories: ['a'], series: [{ name: 's', color: '#000', values: [1] }] },
        ],
      },
    ],
    signature: { title: '签署', intro: 'I', slots: [{ role: 'auditor', label: '审核员', name: '李伟', note: 'n' }] },
    attachments: [],
  } as const;

  test('escapes text, keeps the font and page furniture, draws every block', () => {
    const html = htmlReport(model as never, { fontsDir: '/fonts dir', charts: true });
    expect(html).toContain('file:///fonts%20dir/NotoSansHans-Regular.otf');
    expect(html).toContain('a &lt; b');
    expect(html).toContain('T &amp; &lt;T&gt;');
    expect(html).toContain('content:"Header \\"quoted\\""');
    expect(html).toContain('"第 " counter(page) " / " counter(pages) " 页"');
    expect(html).toContain('<td class="mono" style="text-align:right">abc123</td>');
    expect(html).toContain('<svg');
    expect(html.match(/<section/g)).toHaveLength(3); // contents, one section, signature
  });

  test('pageLabelContent', () => {
    expect(pageLabelContent('Page {page} of {pages}')).toBe('"Page " counter(page) " of " counter(pages)');
  });
});

describe('parsers and statistics', () => {
  test('GNU time, perf stat and pdffonts output', () => {
    expect(
      parseGnuTime(
        '\tUser time (seconds): 1.25\n\tSystem time (seconds): 0.25\n\tMaximum resident set size (kbytes): 2048\n',
      ),
    ).toEqual({ cpuMs: 1500, maxRssMiB: 2 });
    expect(
      parsePerfTaskClock('# started on x\n\n12281.59,msec,task-clock,12281590264,100.00,0.468,CPUs utilized\n'),
    ).toBeCloseTo(12281.59);
    const pdffonts = [
      'name                                 type              encoding         emb sub uni object ID',
      '------------------------------------ ----------------- ---------------- --- --- --- ---------',
      'DZZZZZ+NotoSansHans-Bold             CID Type 0C       Identity-H       yes yes yes      9  0',
      '[none]                               Type 3            Custom           yes no  yes      4  0',
      '[none]                               Type 3            Custom           yes no  yes      5  0',
    ].join('\n');
    expect(fontTypes(pdffonts)).toEqual({ 'CID Type 0C': 1, 'Type 3': 2 });
  });

  test('quantiles and summaries', () => {
    expect(quantile([3, 1, 2], 0.5)).toBe(2);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(Number.isNaN(quantile([], 0.5))).toBe(true);
    const s = summarise(Array.from({ length: 101 }, (_, i) => i));
    expect([s.min, s.p50, s.p99, s.max]).toEqual([0, 50, 99, 100]);
  });

  test('no figures: every target is "not run", headline fields are null', () => {
    const rows = targetRows({});
    expect(rows.every((r) => r.pass === null)).toBe(true);
    expect(markdownTable(rows).split('\n')).toHaveLength(rows.length + 2);
    expect(Object.values(headline({})).every((v) => v === null)).toBe(true);
  });
});
