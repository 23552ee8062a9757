import * as echarts from 'echarts';
import SVGtoPDF from 'svg-to-pdfkit';
import type { Block } from '../model';
import { FONT } from './fonts';
import type { Flow } from './flow';
import { drawLine, drawText, lineWidth, textHeight } from './text';
import { COLOR, FRAME, SIZE } from './theme';

type BarsBlock = Extract<Block, { kind: 'bars' }>;
type DonutBlock = Extract<Block, { kind: 'donut' }>;

const CAPTION = { size: SIZE.body, bold: true, color: COLOR.ink } as const;
const CAPTION_GAP = 6;
const AXIS_TEXT = { color: COLOR.text, fontSize: 8 } as const;
const BAR_ROW = 24;
const DONUT_HEIGHT = 170;
// Legend geometry, as ECharts lays it out: icon, 5 units to the text, `itemGap` between items and rows.
const LEGEND = { icon: 10, textGap: 5, itemGap: 12, rowHeight: 12, fontSize: 8 } as const;

/** Height a chart block takes (caption included), for keep-with-next decisions. */
export function chartHeight(doc: PDFKit.PDFDocument, block: BarsBlock | DonutBlock): number {
  const caption = textHeight(doc, block.title, FRAME.width, CAPTION) + CAPTION_GAP;
  return caption + (block.kind === 'bars' ? barsHeight(doc, block) : DONUT_HEIGHT);
}

/** Horizontal stacked bars (one row per category) with a legend on top, values printed inside the segments. */
export function drawBars(flow: Flow, block: BarsBlock): void {
  const height = barsHeight(flow.doc, block);
  const longest = Math.max(
    1,
    ...block.categories.map((_, index) => block.series.reduce((sum, series) => sum + (series.values[index] ?? 0), 0)),
  );
  // A value is printed only where its segment has room for it (the plot is roughly 60% of the
  // frame once the category labels are placed); a thin segment keeps its colour without a number.
  const fits = (value: number): boolean => (value / longest) * FRAME.width * 0.6 >= String(value).length * 4.2 + 4;
  const option: echarts.EChartsOption = {
    ...baseOption(),
    legend: { ...legend(), top: 0, left: 0 },
    grid: {
      left: 0,
      right: 8,
      top:
        legendHeight(
          flow.doc,
          block.series.map((series) => series.name),
        ) + 14,
      bottom: 0,
      containLabel: true,
    },
    xAxis: {
      type: 'value',
      axisLabel: AXIS_TEXT,
      splitLine: { lineStyle: { color: COLOR.hairline } },
      minInterval: 1,
    },
    yAxis: {
      type: 'category',
      data: block.categories,
      inverse: true,
      axisTick: { show: false },
      axisLine: { lineStyle: { color: COLOR.rule } },
      axisLabel: { ...AXIS_TEXT, margin: 10 },
    },
    series: block.series.map((series) => ({
      type: 'bar' as const,
      name: series.name,
      stack: 'total',
      data: series.values,
      barWidth: 13,
      itemStyle: { color: series.color },
      label: {
        show: true,
        color: isLight(series.color) ? COLOR.ink : COLOR.white,
        fontSize: 7,
        formatter: (params: { value: unknown }) =>
          Number(params.value) > 0 && fits(Number(params.value)) ? String(params.value) : '',
      },
    })),
  };
  drawChart(flow, block.title, option, height);
}

/** A donut with the total in its hole and a legend (name and value) to its right. */
export function drawDonut(flow: Flow, block: DonutBlock): void {
  const total = block.slices.reduce((sum, slice) => sum + slice.value, 0);
  const centre = { x: FRAME.width * 0.24, y: DONUT_HEIGHT / 2 };
  const option: echarts.EChartsOption = {
    ...baseOption(),
    legend: {
      ...legend(),
      orient: 'vertical',
      left: FRAME.width * 0.52,
      top: 'middle',
      formatter: (name: string) => `${name}   ${block.slices.find((slice) => slice.name === name)?.value ?? ''}`,
    },
    series: [
      {
        type: 'pie',
        radius: [DONUT_HEIGHT * 0.3, DONUT_HEIGHT * 0.42],
        center: [centre.x, centre.y],
        label: { show: false },
        itemStyle: { borderColor: COLOR.white, borderWidth: 1.5 },
        emptyCircleStyle: { color: COLOR.hairline },
        data: block.slices.map((slice) => ({
          name: slice.name,
          value: slice.value,
          itemStyle: { color: slice.color },
        })),
      },
    ],
  };
  const top = drawChart(flow, block.title, option, DONUT_HEIGHT);
  // The total is drawn by pdfkit rather than ECharts so it sits exactly in the hole in our own type.
  const totalStyle = { size: 20, bold: true, color: COLOR.navy, align: 'center' } as const;
  drawLine(
    flow.doc,
    String(total),
    FRAME.left + centre.x - 40,
    top + centre.y - totalStyle.size * 0.62,
    totalStyle,
    80,
  );
}

function barsHeight(doc: PDFKit.PDFDocument, block: BarsBlock): number {
  return (
    legendHeight(
      doc,
      block.series.map((series) => series.name),
    ) +
    14 +
    block.categories.length * BAR_ROW +
    22
  );
}

/** Height of a horizontal legend across the frame, wrapping as ECharts wraps it. */
function legendHeight(doc: PDFKit.PDFDocument, names: string[]): number {
  let rows = 1;
  let x = 0;
  for (const name of names) {
    const width = LEGEND.icon + LEGEND.textGap + lineWidth(doc, name, { size: LEGEND.fontSize });
    if (x > 0 && x + width > FRAME.width) {
      rows += 1;
      x = 0;
    }
    x += width + LEGEND.itemGap;
  }
  return rows * LEGEND.rowHeight + (rows - 1) * LEGEND.itemGap;
}

/** Whether white text on `color` would be hard to read (relative luminance above about 0.5). */
function isLight(color: string): boolean {
  const hex = color.replace('#', '');
  const full = hex.length === 3 ? [...hex].map((digit) => digit + digit).join('') : hex;
  const [r, g, b] = [0, 2, 4].map((at) => parseInt(full.slice(at, at + 2), 16) / 255);
  if (r === undefined || g === undefined || b === undefined || [r, g, b].some(Number.isNaN)) return false;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.5;
}

function baseOption(): echarts.EChartsOption {
  return {
    animation: false,
    // The family is a label only: every font maps to the embedded CJK font when drawn.
    textStyle: { fontFamily: 'NotoSansHans', color: COLOR.text, fontSize: 8 },
  };
}

function legend(): echarts.LegendComponentOption {
  return {
    icon: 'roundRect',
    itemWidth: LEGEND.icon,
    itemHeight: LEGEND.icon,
    itemGap: LEGEND.itemGap,
    selectedMode: false,
    textStyle: { color: COLOR.text, fontSize: LEGEND.fontSize },
  };
}

/** Caption, then the chart as vectors; returns the chart's top. Keeps caption and chart on one page. */
function drawChart(flow: Flow, title: string, option: echarts.EChartsOption, height: number): number {
  const { doc } = flow;
  const captionHeight = textHeight(doc, title, FRAME.width, CAPTION);
  flow.ensure(captionHeight + CAPTION_GAP + height);
  drawText(doc, title, FRAME.left, flow.y, FRAME.width, CAPTION);
  const top = flow.y + captionHeight + CAPTION_GAP;
  const svg = renderSvg(doc, option, FRAME.width, height);
  SVGtoPDF(doc, svg, FRAME.left, top, {
    width: FRAME.width,
    height,
    assumePt: true,
    fontCallback: (_family, bold) => (bold ? FONT.bold : FONT.regular),
    warningCallback: (message) => {
      throw new Error(`Chart "${title}" could not be drawn: ${message}`);
    },
  });
  flow.y = top + height;
  return top;
}

let measuring: PDFKit.PDFDocument | undefined;

// ECharts lays out labels and legends by measuring text. Its Node fallback guesses widths from a
// Latin table (every CJK character counts as one em); measuring with the font we embed keeps
// legends and axis labels from overlapping or being cut.
echarts.setPlatformAPI({
  measureText(text: string, font?: string) {
    const size = Number(/(\d+(?:\.\d+)?)px/.exec(font ?? '')?.[1] ?? 12);
    if (measuring === undefined) return { width: text.length * size };
    // Font and size only: a colour change here would write into the page and make the bytes
    // depend on whether ECharts' width cache was warm.
    measuring.font(/\bbold\b|\b[6-9]00\b/.test(font ?? '') ? FONT.bold : FONT.regular).fontSize(size);
    return { width: measuring.widthOfString(text) };
  },
});

/** Server-side SVG of one chart, measured with the document's fonts; the instance is always disposed. */
function renderSvg(doc: PDFKit.PDFDocument, option: echarts.EChartsOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  measuring = doc;
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    measuring = undefined;
    chart.dispose();
  }
}
