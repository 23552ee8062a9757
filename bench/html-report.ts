/**
 * The Chromium reference: the same dossier model as an HTML report, printed by headless Chromium with
 * `--print-to-pdf`. Same sections, blocks and rows, the same A4 frame, type sizes and palette as the
 * pdfkit renderer (render/theme.ts), the same CJK font (assets/fonts via @font-face, so Chromium
 * subsets the same glyphs), the charts drawn by the same library (ECharts SVG), running header and
 * "page x of y" footer through CSS @page margin boxes. What Chromium cannot do is left out and said:
 * page numbers in the contents (no target-counter), the embedded assessment JSON, the signature.
 */
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import * as echarts from 'echarts';
import type { Block, Cell, DossierModel, Tone } from '../electron/core/dossier/model';
import { COLOR, FRAME, PAGE, SIZE, TONE_COLOR } from '../electron/core/dossier/render/theme';

export interface HtmlReportOptions {
  /** Folder holding NotoSansHans-Regular.otf and NotoSansHans-Bold.otf (assets/fonts). */
  fontsDir: string;
  /** Draw the two charts with ECharts (default true; tests turn it off to stay tiny). */
  charts?: boolean;
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A CSS string literal (for `content:`). */
const cssString = (text: string): string => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, ' ')}"`;

const toneClass = (tone: Tone | undefined): string => (tone && tone !== 'normal' ? ` class="t-${tone}"` : '');

function cellHtml(cell: Cell, tag: 'td' | 'span' = 'td', align?: string): string {
  const classes = [cell.tone && cell.tone !== 'normal' ? `t-${cell.tone}` : '', cell.mono ? 'mono' : '']
    .filter(Boolean)
    .join(' ');
  const style = align && align !== 'left' ? ` style="text-align:${align}"` : '';
  return `<${tag}${classes ? ` class="${classes}"` : ''}${style}>${escapeHtml(cell.text)}</${tag}>`;
}

/** The "page x of y" pattern of the model as CSS `content` (counter(page), counter(pages)). */
export function pageLabelContent(pattern: string): string {
  const parts = pattern.split(/(\{page\}|\{pages\})/).filter((p) => p !== '');
  return parts
    .map((p) => (p === '{page}' ? 'counter(page)' : p === '{pages}' ? 'counter(pages)' : cssString(p)))
    .join(' ');
}

function chartSvg(block: Extract<Block, { kind: 'bars' | 'donut' }>, width: number): string {
  const height = block.kind === 'bars' ? 60 + 24 * block.categories.length : 170;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    const text = { fontFamily: 'adsg', color: COLOR.text, fontSize: 8 };
    chart.setOption(
      block.kind === 'bars'
        ? {
            animation: false,
            textStyle: text,
            legend: { top: 0, left: 0, itemWidth: 10, itemHeight: 10, textStyle: text },
            grid: { left: 0, right: 8, top: 40, bottom: 0, containLabel: true },
            xAxis: {
              type: 'value',
              minInterval: 1,
              axisLabel: text,
              splitLine: { lineStyle: { color: COLOR.hairline } },
            },
            yAxis: {
              type: 'category',
              inverse: true,
              data: block.categories,
              axisTick: { show: false },
              axisLabel: text,
            },
            series: block.series.map((s) => ({
              type: 'bar',
              name: s.name,
              stack: 'total',
              data: s.values,
              barWidth: 13,
              itemStyle: { color: s.color },
              label: { show: true, fontSize: 7 },
            })),
          }
        : {
            animation: false,
            textStyle: text,
            legend: { orient: 'vertical', right: 0, top: 'middle', textStyle: text },
            series: [
              {
                type: 'pie',
                radius: ['45%', '70%'],
                center: ['35%', '50%'],
                label: { show: true, formatter: '{c}', fontSize: 8 },
                data: block.slices.map((s) => ({ name: s.name, value: s.value, itemStyle: { color: s.color } })),
              },
            ],
          },
    );
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

function blockHtml(block: Block, charts: boolean): string {
  switch (block.kind) {
    case 'heading':
      return `<h3>${escapeHtml(block.text)}</h3>`;
    case 'paragraph':
      return `<p${toneClass(block.tone)}>${escapeHtml(block.text)}</p>`;
    case 'facts':
      return `<table class="facts">${block.rows.map((r) => `<tr><th>${escapeHtml(r.label)}</th>${cellHtml(r.value)}</tr>`).join('')}</table>`;
    case 'figures':
      return `<div class="figures">${block.items.map((f) => `<div class="tile"><div class="label">${escapeHtml(f.label)}</div><div class="value${f.tone && f.tone !== 'normal' ? ` t-${f.tone}` : ''}">${escapeHtml(f.value)}</div></div>`).join('')}</div>`;
    case 'table': {
      const total = block.columns.reduce((n, c) => n + c.width, 0);
      const cols = block.columns.map((c) => `<col style="width:${((100 * c.width) / total).toFixed(2)}%">`).join('');
      const head = block.columns
        .map(
          (c) =>
            `<th${c.align && c.align !== 'left' ? ` style="text-align:${c.align}"` : ''}>${escapeHtml(c.header)}</th>`,
        )
        .join('');
      const rows = block.rows
        .map((row) => `<tr>${row.map((cell, i) => cellHtml(cell, 'td', block.columns[i]?.align)).join('')}</tr>`)
        .join('\n');
      return `<table class="grid"><colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>`;
    }
    case 'bars':
    case 'donut':
      return `<figure><figcaption>${escapeHtml(block.title)}</figcaption>${charts ? chartSvg(block, Math.round(FRAME.width * (4 / 3))) : ''}</figure>`;
  }
}

/** The dossier model as one self-contained HTML page (fonts by file URL). Pure apart from ECharts. */
export function htmlReport(model: DossierModel, options: HtmlReportOptions): string {
  const charts = options.charts ?? true;
  const font = (file: string) => pathToFileURL(join(options.fontsDir, file)).href;
  const margin = `${FRAME.top}pt ${PAGE.width - FRAME.right}pt ${PAGE.height - FRAME.bottom}pt ${FRAME.left}pt`;
  const tones = (Object.entries(TONE_COLOR) as [Tone, string][]).map(([t, c]) => `.t-${t}{color:${c}}`).join('');
  const css = `
@font-face{font-family:adsg;src:url("${font('NotoSansHans-Regular.otf')}");font-weight:400}
@font-face{font-family:adsg;src:url("${font('NotoSansHans-Bold.otf')}");font-weight:700}
@page{size:A4;margin:${margin};
  @top-left{content:${cssString(model.header)};font:${SIZE.furniture}pt adsg;color:${COLOR.muted}}
  @bottom-left{content:${cssString(model.info.title)};font:${SIZE.furniture}pt adsg;color:${COLOR.muted}}
  @bottom-right{content:${pageLabelContent(model.pageLabel)};font:${SIZE.furniture}pt adsg;color:${COLOR.muted}}}
@page:first{@top-left{content:none}@bottom-left{content:none}@bottom-right{content:none}}
html{font:${SIZE.body}pt/1.45 adsg;color:${COLOR.text};-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{margin:0}
section{break-before:page}
.cover .band{height:14pt;background:${COLOR.navy};border-bottom:3pt solid ${COLOR.accent};margin:-${FRAME.top}pt -${FRAME.left}pt 0}
.cover h1{font-size:${SIZE.coverTitle}pt;color:${COLOR.navy};margin:110pt 0 14pt;line-height:1.1;white-space:pre-line}
.cover .subtitle{font-size:13pt;color:${COLOR.muted};white-space:pre-line}
.notice{background:${COLOR.panel};border-left:3pt solid ${COLOR.faint};padding:12pt;font-size:${SIZE.small}pt;color:${COLOR.muted};white-space:pre-line;margin-top:24pt}
h2{font-size:${SIZE.sectionTitle}pt;color:${COLOR.navy};margin:0 0 14pt;border-bottom:1pt solid ${COLOR.rule};padding-bottom:6pt}
h3{font-size:${SIZE.heading}pt;color:${COLOR.navy};margin:8pt 0 7pt;break-after:avoid}
p{white-space:pre-line;margin:0 0 12pt}
table{border-collapse:collapse;width:100%;margin:0 0 12pt}
table.grid{table-layout:fixed;font-size:${SIZE.table}pt;line-height:1.35}
table.grid th{background:${COLOR.navy};color:${COLOR.white};text-align:left;font-weight:700;padding:4pt 5pt}
table.grid td{padding:3.5pt 5pt;border-bottom:0.5pt solid ${COLOR.hairline};vertical-align:top;white-space:pre-line;overflow-wrap:anywhere}
table.grid tbody tr:nth-child(even) td{background:${COLOR.zebra}}
table.grid tr{break-inside:avoid}
table.facts th{width:32%;font-weight:400;font-size:${SIZE.small}pt;color:${COLOR.muted};text-align:left;padding:5pt 0;vertical-align:top}
table.facts td{color:${COLOR.ink};padding:5pt 0;border-bottom:0.5pt solid ${COLOR.hairline};white-space:pre-line}
.mono{font-feature-settings:"hwid";overflow-wrap:anywhere}
.figures{display:grid;grid-template-columns:repeat(4,1fr);gap:10pt;margin:0 0 12pt}
.tile{background:${COLOR.panel};padding:11pt}.tile .label{font-size:${SIZE.small}pt;color:${COLOR.muted}}.tile .value{font-size:18pt;font-weight:700;color:${COLOR.ink}}
figure{margin:0 0 12pt;break-inside:avoid}figcaption{font-weight:700;color:${COLOR.ink};margin-bottom:6pt}
.contents a{color:${COLOR.text};text-decoration:none}.contents li{padding:4pt 0;border-bottom:0.5pt dotted ${COLOR.rule}}
.slot{border:1pt solid ${COLOR.rule};height:120pt;margin:0 0 16pt;padding:10pt}
${tones}`;

  const cover = `<div class="cover"><div class="band"></div><h1>${escapeHtml(model.cover.title)}</h1><div class="subtitle">${escapeHtml(model.cover.subtitle)}</div>
<table class="facts">${model.cover.rows.map((r) => `<tr><th>${escapeHtml(r.label)}</th><td>${escapeHtml(r.value)}</td></tr>`).join('')}</table>
<div class="notice">${escapeHtml(model.cover.notice)}</div></div>`;
  const titles = [
    ...model.sections.map((s, i) => ({ id: s.id, title: `${i + 1}. ${s.title}` })),
    { id: 'signature', title: `${model.sections.length + 1}. ${model.signature.title}` },
  ];
  const contents = `<section class="contents"><h2>${escapeHtml(model.contentsTitle)}</h2><ol style="list-style:none;padding:0">${titles.map((t) => `<li><a href="#${t.id}">${escapeHtml(t.title)}</a></li>`).join('')}</ol></section>`;
  const sections = model.sections
    .map(
      (s, i) =>
        `<section id="${escapeHtml(s.id)}"><h2>${i + 1}. ${escapeHtml(s.title)}</h2>\n${s.blocks.map((b) => blockHtml(b, charts)).join('\n')}\n</section>`,
    )
    .join('\n');
  const signature = `<section id="signature"><h2>${model.sections.length + 1}. ${escapeHtml(model.signature.title)}</h2><p>${escapeHtml(model.signature.intro)}</p>
${model.signature.slots.map((s) => `<div class="slot"><strong>${escapeHtml(s.label)}</strong><br>${escapeHtml(s.name)}<br><span class="t-muted">${escapeHtml(s.note)}</span></div>`).join('')}</section>`;

  return `<!doctype html>
<html lang="${model.lang === 'en' ? 'en' : 'zh-CN'}"><head><meta charset="utf-8"><title>${escapeHtml(model.info.title)}</title>
<style>${css}</style></head>
<body>
${cover}
${contents}
${sections}
${signature}
</body></html>
`;
}
