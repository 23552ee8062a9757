import type { Block, Cell, Tone } from '../model';
import { chartHeight, drawBars, drawDonut } from './charts';
import type { Flow } from './flow';
import { drawTable, tableMinHeight } from './table';
import { drawLine, drawText, lineAdvance, stackBilingual, textHeight, type TextStyle } from './text';
import { COLOR, FRAME, SIZE, TONE_COLOR } from './theme';

const GAP_AFTER = 12;
const HEADING: TextStyle = { size: SIZE.heading, bold: true, color: COLOR.navy };
const HEADING_SPACE_BEFORE = 8;
const HEADING_SPACE_AFTER = 7;
const FACT_LABEL_SHARE = 0.32;
const FACT_PAD_Y = 5;
const FIGURES_PER_ROW = 4;
const TILE_GAP = 10;
const TILE_PAD = 11;
const TILE_EDGE = 3;
const FIGURE_SIZE = 21;
const FIGURE_LABEL_GAP = 8;

const paragraphStyle = (tone: Tone | undefined): TextStyle => ({
  size: SIZE.body,
  color: TONE_COLOR[tone ?? 'normal'],
});
const factLabelStyle: TextStyle = { size: SIZE.small, color: COLOR.muted };
const factValueStyle = (value: Cell): TextStyle => ({
  size: SIZE.body - 0.5,
  color: value.tone && value.tone !== 'normal' ? TONE_COLOR[value.tone] : COLOR.ink,
  mono: value.mono,
});

/** Draws one block at the cursor; `following` are the blocks after it, so a heading is never left alone at a page bottom. */
export function drawBlock(flow: Flow, block: Block, following: Block[]): void {
  switch (block.kind) {
    case 'heading':
      drawHeading(flow, block.text, following);
      return;
    case 'paragraph':
      drawParagraph(flow, block.text, block.tone);
      break;
    case 'facts':
      drawFacts(flow, block.rows);
      break;
    case 'figures':
      drawFigures(flow, block.items);
      break;
    case 'table':
      drawTable(flow, block);
      break;
    case 'bars':
      drawBars(flow, block);
      break;
    case 'donut':
      drawDonut(flow, block);
      break;
  }
  flow.y += GAP_AFTER;
}

/** The least room a block needs on a page to start there without looking stranded. */
function blockMinHeight(doc: PDFKit.PDFDocument, block: Block): number {
  switch (block.kind) {
    case 'heading':
      return textHeight(doc, block.text, FRAME.width, HEADING) + HEADING_SPACE_AFTER;
    case 'paragraph':
      return Math.min(
        textHeight(doc, block.text, FRAME.width, paragraphStyle(block.tone)),
        3 * lineAdvance(paragraphStyle(block.tone)),
      );
    case 'facts':
      return block.rows[0] ? factRowHeight(doc, block.rows[0]) : 0;
    case 'figures':
      return figureRowHeight(doc, block.items.slice(0, FIGURES_PER_ROW));
    case 'table':
      return tableMinHeight(doc, block);
    case 'bars':
    case 'donut':
      return chartHeight(doc, block);
  }
}

/**
 * Room a heading must find for what it introduces: small lead-in blocks (a few facts, a short
 * paragraph) whole, then the start of the first substantial block.
 */
function keepWithHeading(doc: PDFKit.PDFDocument, following: Block[]): number {
  let total = 0;
  for (const block of following) {
    if (block.kind === 'heading') break;
    const leadIn =
      (block.kind === 'facts' && block.rows.length <= 3) ||
      (block.kind === 'paragraph' &&
        textHeight(doc, block.text, FRAME.width, paragraphStyle(block.tone)) <=
          3 * lineAdvance(paragraphStyle(block.tone)));
    if (!leadIn) return total + blockMinHeight(doc, block);
    total +=
      (block.kind === 'facts'
        ? block.rows.reduce((sum, row) => sum + factRowHeight(doc, row), 0)
        : blockMinHeight(doc, block)) + GAP_AFTER;
  }
  // Nothing substantial follows: the last lead-in's gap is not needed on this page.
  return Math.max(0, total - GAP_AFTER);
}

function drawHeading(flow: Flow, text: string, following: Block[]): void {
  const { doc } = flow;
  flow.space(HEADING_SPACE_BEFORE);
  const height = textHeight(doc, text, FRAME.width, HEADING);
  flow.ensure(height + HEADING_SPACE_AFTER + keepWithHeading(doc, following));
  drawText(doc, text, FRAME.left, flow.y, FRAME.width, HEADING);
  flow.y += height + HEADING_SPACE_AFTER;
}

function drawParagraph(flow: Flow, text: string, tone: Tone | undefined): void {
  const { doc } = flow;
  const style = paragraphStyle(tone);
  const height = textHeight(doc, text, FRAME.width, style);
  if (height <= flow.remaining) {
    drawText(doc, text, FRAME.left, flow.y, FRAME.width, style);
    flow.y += height;
    return;
  }
  // Too long for what is left: a short paragraph moves whole; a long one starts here and pdfkit
  // carries its lines over to new pages (its margins are the body frame).
  if (height <= FRAME.height / 4 || flow.remaining < 3 * lineAdvance(style)) flow.newPage();
  drawText(doc, text, FRAME.left, flow.y, FRAME.width, style, { flow: true });
  flow.y = doc.y - (lineAdvance(style) - style.size);
}

const FACT_LABEL_WIDTH = FRAME.width * FACT_LABEL_SHARE - 12;
const FACT_VALUE_WIDTH = FRAME.width * (1 - FACT_LABEL_SHARE);
const factLabel = (doc: PDFKit.PDFDocument, label: string): string =>
  stackBilingual(doc, label, FACT_LABEL_WIDTH, factLabelStyle);

function factRowHeight(doc: PDFKit.PDFDocument, row: { label: string; value: Cell }): number {
  const label = textHeight(doc, factLabel(doc, row.label), FACT_LABEL_WIDTH, factLabelStyle);
  return Math.max(label, textHeight(doc, row.value.text, FACT_VALUE_WIDTH, factValueStyle(row.value))) + 2 * FACT_PAD_Y;
}

/** Label/value pairs in two columns with hairlines between rows; rows never split across pages. */
function drawFacts(flow: Flow, rows: { label: string; value: Cell }[]): void {
  const { doc } = flow;
  const valueX = FRAME.left + FRAME.width * FACT_LABEL_SHARE;
  const rule = (): void => {
    doc.moveTo(FRAME.left, flow.y).lineTo(FRAME.right, flow.y).lineWidth(0.5).strokeColor(COLOR.rule).stroke();
  };
  rows.forEach((row, index) => {
    const height = factRowHeight(doc, row);
    if (flow.ensure(height) || index === 0) rule();
    // The label's smaller size sits on the value's first baseline.
    const labelOffset = (SIZE.body - 0.5 - SIZE.small) * 0.8;
    drawText(
      doc,
      factLabel(doc, row.label),
      FRAME.left,
      flow.y + FACT_PAD_Y + labelOffset,
      FACT_LABEL_WIDTH,
      factLabelStyle,
    );
    drawText(doc, row.value.text, valueX, flow.y + FACT_PAD_Y, FACT_VALUE_WIDTH, factValueStyle(row.value));
    flow.y += height;
    rule();
  });
}

function tileWidth(count: number): number {
  return (FRAME.width - TILE_GAP * (count - 1)) / count;
}

const figureValueStyle = (tone: Tone | undefined): TextStyle => ({
  size: FIGURE_SIZE,
  bold: true,
  color: tone && tone !== 'normal' ? TONE_COLOR[tone] : COLOR.navy,
});
const figureLabelStyle: TextStyle = { size: SIZE.small, color: COLOR.muted };

function figureRowHeight(doc: PDFKit.PDFDocument, items: { label: string; value: string; tone?: Tone }[]): number {
  const width = tileWidth(Math.max(items.length, 1)) - 2 * TILE_PAD;
  const labels = Math.max(
    0,
    ...items.map((item) =>
      textHeight(doc, stackBilingual(doc, item.label, width, figureLabelStyle), width, figureLabelStyle),
    ),
  );
  return TILE_PAD + TILE_EDGE + FIGURE_SIZE + FIGURE_LABEL_GAP + labels + TILE_PAD;
}

/** Big numbers as tiles, up to four a row, each with a coloured top edge for its tone. */
function drawFigures(flow: Flow, items: { label: string; value: string; tone?: Tone }[]): void {
  const { doc } = flow;
  for (let start = 0; start < items.length; start += FIGURES_PER_ROW) {
    const row = items.slice(start, start + FIGURES_PER_ROW);
    const width = tileWidth(row.length);
    const height = figureRowHeight(doc, row);
    if (start > 0) flow.y += TILE_GAP;
    flow.ensure(height);
    row.forEach((item, index) => {
      const x = FRAME.left + index * (width + TILE_GAP);
      doc.rect(x, flow.y, width, height).fill(COLOR.panel);
      doc
        .rect(x, flow.y, width, TILE_EDGE)
        .fill(item.tone && item.tone !== 'normal' ? TONE_COLOR[item.tone] : COLOR.navy);
      const top = flow.y + TILE_PAD + TILE_EDGE;
      const innerWidth = width - 2 * TILE_PAD;
      drawLine(doc, item.value, x + TILE_PAD, top, figureValueStyle(item.tone), innerWidth);
      drawText(
        doc,
        stackBilingual(doc, item.label, innerWidth, figureLabelStyle),
        x + TILE_PAD,
        top + FIGURE_SIZE + FIGURE_LABEL_GAP,
        innerWidth,
        figureLabelStyle,
      );
    });
    flow.y += height;
  }
}
