import type { Block, Cell } from '../model';
import type { Flow } from './flow';
import { isLabel, layoutColumns, type Column } from './columns';
import { drawText, stackBilingual, textHeight, type TextStyle } from './text';
import { COLOR, FRAME, LINE_GAP, SIZE, TONE_COLOR } from './theme';

type TableBlock = Extract<Block, { kind: 'table' }>;

const PAD_X = 5;
const PAD_Y = 4.5;
const HEADER_PAD_Y = 5.5;
const KEEP_TOGETHER_ROWS = 6;
const HEADER_STYLE: TextStyle = { size: SIZE.table, bold: true, color: COLOR.white, lineGap: LINE_GAP.table };

/**
 * A table across as many pages as it needs: a shaded header that repeats on every page, zebra rows,
 * wrapped cells, and rows that move whole to the next page when they do not fit.
 */
export function drawTable(flow: Flow, block: TableBlock): void {
  const { doc } = flow;
  const columns = layoutColumns(doc, block.columns, block.rows, HEADER_STYLE, PAD_X);
  const headerHeight = headerRowHeight(doc, columns);
  const rows = block.rows.length > 0 ? block.rows : [[{ text: '—', tone: 'muted' as const }]];
  const heights = rows.map((row) => rowHeight(doc, row, columns));

  flow.ensure(startHeight(headerHeight, heights));
  drawHeader(flow, columns, headerHeight);
  // A row taller than a whole page is cut at the page bottom rather than running into the footer.
  const fitted = heights.map((height) => Math.min(height, FRAME.height - headerHeight));
  let rowsOnPage = 0;
  rows.forEach((row, index) => {
    const height = fitted[index] ?? 0;
    // The last row is not left alone under a repeated header: the one before it goes along.
    const widow = index === rows.length - 2 && rowsOnPage > 1 && height + (fitted[index + 1] ?? 0) > flow.remaining;
    if (height > flow.remaining || widow) {
      flow.newPage();
      drawHeader(flow, columns, headerHeight);
      rowsOnPage = 0;
    }
    drawRow(flow, row, columns, height, index, height < (heights[index] ?? 0));
    rowsOnPage += 1;
  });
}

/** The least room a table needs where it starts (see {@link startHeight}). */
export function tableMinHeight(doc: PDFKit.PDFDocument, block: TableBlock): number {
  const columns = layoutColumns(doc, block.columns, block.rows, HEADER_STYLE, PAD_X);
  return startHeight(
    headerRowHeight(doc, columns),
    block.rows.slice(0, KEEP_TOGETHER_ROWS + 1).map((row) => rowHeight(doc, row, columns)),
  );
}

/**
 * A short table (a few rows, well under a page) is kept whole, so a page break never strands its
 * last row under a repeated header; a long one needs its header and first two rows, so it never
 * starts with a lone row at a page bottom.
 */
function startHeight(headerHeight: number, heights: number[]): number {
  const whole = headerHeight + heights.reduce((sum, height) => sum + height, 0);
  const short = heights.length <= KEEP_TOGETHER_ROWS && whole <= FRAME.height / 3;
  return short ? whole : headerHeight + (heights[0] ?? 0) + (heights[1] ?? 0);
}

/** What a cell shows and how: labels stack at a bilingual slash when they do not fit on one line. */
function cellContent(doc: PDFKit.PDFDocument, cell: Cell, column: Column): { text: string; style: TextStyle } {
  const label = isLabel(cell);
  const style: TextStyle = {
    size: SIZE.table,
    color: TONE_COLOR[cell.tone ?? 'normal'],
    bold: label && cell.tone !== 'muted',
    mono: cell.mono,
    lineGap: LINE_GAP.table,
    align: column.align,
  };
  return { text: label ? stackBilingual(doc, cell.text, column.width - 2 * PAD_X, style) : cell.text, style };
}

function headerRowHeight(doc: PDFKit.PDFDocument, columns: Column[]): number {
  return (
    Math.max(...columns.map((column) => textHeight(doc, column.header, column.width - 2 * PAD_X, HEADER_STYLE))) +
    2 * HEADER_PAD_Y
  );
}

function rowHeight(doc: PDFKit.PDFDocument, row: Cell[], columns: Column[]): number {
  let tallest = 0;
  row.forEach((cell, index) => {
    const column = columns[index];
    if (column === undefined || cell.text === '') return;
    const { text, style } = cellContent(doc, cell, column);
    tallest = Math.max(tallest, textHeight(doc, text, column.width - 2 * PAD_X, style));
  });
  return Math.max(tallest, SIZE.table) + 2 * PAD_Y;
}

function drawHeader(flow: Flow, columns: Column[], height: number): void {
  const { doc } = flow;
  doc.rect(FRAME.left, flow.y, FRAME.width, height).fill(COLOR.navy);
  for (const column of columns) {
    drawText(doc, column.header, column.x + PAD_X, flow.y + HEADER_PAD_Y, column.width - 2 * PAD_X, {
      ...HEADER_STYLE,
      align: column.align,
    });
  }
  flow.y += height;
}

function drawRow(flow: Flow, row: Cell[], columns: Column[], height: number, index: number, clipped: boolean): void {
  const { doc } = flow;
  if (index % 2 === 1) doc.rect(FRAME.left, flow.y, FRAME.width, height).fill(COLOR.zebra);
  if (clipped) doc.save().rect(FRAME.left, flow.y, FRAME.width, height).clip();
  row.forEach((cell, cellIndex) => {
    const column = columns[cellIndex];
    if (column === undefined || cell.text === '') return;
    const { text, style } = cellContent(doc, cell, column);
    drawText(doc, text, column.x + PAD_X, flow.y + PAD_Y, column.width - 2 * PAD_X, style);
  });
  if (clipped) doc.restore();
  flow.y += height;
  doc.moveTo(FRAME.left, flow.y).lineTo(FRAME.right, flow.y).lineWidth(0.5).strokeColor(COLOR.hairline).stroke();
}
