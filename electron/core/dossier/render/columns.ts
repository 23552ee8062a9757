import type { Block, Cell } from '../model';
import { lineWidth, stackBilingual, type TextStyle } from './text';
import { FRAME, SIZE } from './theme';

type TableColumns = Extract<Block, { kind: 'table' }>['columns'];

/** A table column placed on the page, with its header text as drawn (stacked at a bilingual slash when needed). */
export interface Column {
  x: number;
  width: number;
  align: 'left' | 'right' | 'center';
  header: string;
}

// Toned short texts are verdict labels ("符合 / Conforming"): stacked at the slash when they do not
// fit, and (unless muted) drawn bold. Longer toned text (reasoning) stays a plain coloured paragraph.
const SHORT_LABEL = 40;
/** Whether a cell is a short verdict label rather than prose. */
export const isLabel = (cell: Cell): boolean =>
  cell.tone !== undefined && cell.tone !== 'normal' && cell.text.length <= SHORT_LABEL && !cell.text.includes('\n');

// A column's claim to be widened for its words is capped so it cannot squeeze the others.
const MAX_NEED = FRAME.width * 0.18;
// Enough rows to see what a column holds; a 2,000-row manifest need not be read twice.
const SAMPLE_ROWS = 300;
// Latin words: runs between spaces and CJK characters (a line may break at any CJK character).
const LATIN_WORDS = /[\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+/;

/**
 * Column widths from the model's shares, except that a column too narrow for its longest
 * unbreakable word is widened, up to a cap, at the expense of columns with room to spare. Words are
 * the header's (where a Chinese run counts as one word, so "序号" never breaks into "序 / 号"), the
 * verdict labels' and the Latin words of the body ("2027-06-15", "Observation"). Mono cells are
 * left out: hashes are cut on purpose.
 */
export function layoutColumns(
  doc: PDFKit.PDFDocument,
  columns: TableColumns,
  rows: Cell[][],
  header: TextStyle,
  padX: number,
): Column[] {
  const total = columns.reduce((sum, column) => sum + column.width, 0) || 1;
  const widths = columns.map((column) => (column.width / total) * FRAME.width);
  const sample = rows.slice(0, SAMPLE_ROWS);
  const needs = columns.map((column, index) => {
    // Header words and verdict labels are drawn bold; body words regular.
    const bold = new Set<string>(column.header.split(/ \/ | /));
    const regular = new Set<string>();
    for (const row of sample) {
      const cell = row[index];
      if (cell === undefined || cell.mono) continue;
      if (isLabel(cell)) for (const word of cell.text.split(/ \/ | /)) bold.add(word);
      else for (const word of cell.text.split(LATIN_WORDS)) regular.add(word);
    }
    const longest = Math.max(
      0,
      ...[...bold].map((word) => lineWidth(doc, word, { ...header, bold: true })),
      ...[...regular].map((word) => lineWidth(doc, word, { ...header, bold: false })),
    );
    // pdfkit counts the break character after a word (space or newline, a quarter em) in its width.
    return Math.min(longest + 2 * padX + SIZE.table * 0.3, MAX_NEED);
  });
  const deficit = widths.reduce((sum, width, index) => sum + Math.max(0, (needs[index] ?? 0) - width), 0);
  const surplus = widths.reduce((sum, width, index) => sum + Math.max(0, width - (needs[index] ?? 0)), 0);
  if (deficit > 0 && surplus > deficit) {
    widths.forEach((width, index) => {
      const need = needs[index] ?? 0;
      widths[index] = width < need ? need : width - ((width - need) / surplus) * deficit;
    });
  }
  let x = FRAME.left;
  return columns.map((column, index) => {
    const width = widths[index] ?? 0;
    const laidOut = {
      x,
      width,
      align: column.align ?? 'left',
      header: stackBilingual(doc, column.header, width - 2 * padX, header),
    };
    x += width;
    return laidOut;
  });
}
