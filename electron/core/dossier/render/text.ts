import { FONT, MONO_ADVANCE, MONO_FEATURES } from './fonts';
import { COLOR } from './theme';

export type Align = 'left' | 'right' | 'center';

export interface TextStyle {
  size: number;
  bold?: boolean;
  color?: string;
  /** Added to (or, negative, taken from) the font's own 1.5 em line spacing. */
  lineGap?: number;
  /** Half-width forms of the CJK font: a monospace look for hashes and ids. */
  mono?: boolean;
  align?: Align;
}

// NotoSansHans: ascender 880, descender -120, line gap 500 (units per em 1000). pdfkit puts the
// whole gap below each line, so the ink of one line is its top em and the rest is leading.
const FONT_LINE_GAP_EM = 0.5;

/** Sets font and size: all measuring needs. (A colour is an operator written into the page, so measuring never sets one.) */
function setFont(doc: PDFKit.PDFDocument, style: TextStyle): void {
  doc.font(style.bold ? FONT.bold : FONT.regular).fontSize(style.size);
}

/** Sets font, size and colour for the following drawing calls. */
function applyStyle(doc: PDFKit.PDFDocument, style: TextStyle): void {
  setFont(doc, style);
  doc.fillColor(style.color ?? COLOR.text);
}

/** Distance from one line's top to the next line's top. */
export function lineAdvance(style: TextStyle): number {
  return style.size * (1 + FONT_LINE_GAP_EM) + (style.lineGap ?? 0);
}

/** Height of `text` wrapped to `width`, from the first line's top to the last line's em box bottom (no trailing leading). */
export function textHeight(doc: PDFKit.PDFDocument, text: string, width: number, style: TextStyle): number {
  const trailing = lineAdvance(style) - style.size;
  if (style.mono) return monoLines(text, width, style.size).length * lineAdvance(style) - trailing;
  setFont(doc, style);
  const typeset = latinQuotes(text);
  if (fitsOneLine(doc, typeset, width)) return style.size;
  return doc.heightOfString(typeset, { width, lineGap: style.lineGap ?? 0 }) - trailing;
}

// Most table cells are one short line. Measuring and placing those directly skips pdfkit's line
// breaker (a Unicode line-break pass per call), which otherwise dominates long manifests.
function fitsOneLine(doc: PDFKit.PDFDocument, text: string, width: number): boolean {
  return !text.includes('\n') && doc.widthOfString(text) <= width;
}

/**
 * Draws `text` wrapped to `width` with its first line's top at `y`. Never adds a page: callers
 * measure first and break pages themselves (set `flow` to let a long paragraph run onto new pages).
 */
export function drawText(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  width: number,
  style: TextStyle,
  options: { flow?: boolean } = {},
): void {
  applyStyle(doc, style);
  if (style.mono) {
    drawMono(doc, text, x, y, width, style);
    return;
  }
  const typeset = latinQuotes(text);
  if (!options.flow && fitsOneLine(doc, typeset, width)) {
    const slack = width - doc.widthOfString(typeset);
    const left = style.align === 'right' ? x + slack : style.align === 'center' ? x + slack / 2 : x;
    doc.text(typeset, left, y, { lineBreak: false });
    return;
  }
  doc.text(typeset, x, y, {
    width,
    lineGap: style.lineGap ?? 0,
    align: style.align ?? 'left',
    ...(options.flow ? {} : { height: Number.POSITIVE_INFINITY }),
  });
}

/**
 * A bilingual label ("中文 / English") that does not fit on one line breaks at the slash into
 * two lines, rather than wherever the width happens to run out.
 */
export function stackBilingual(doc: PDFKit.PDFDocument, text: string, width: number, style: TextStyle): string {
  if (!text.includes(' / ') || lineWidth(doc, text, style) <= width) return text;
  return text.replaceAll(' / ', '\n');
}

// The Simplified Chinese font draws curly quotes full-width, which opens a gap inside English words
// ("owner’ s"). Between Latin characters they become straight quotes; next to Chinese they stay.
const LATIN_QUOTE = /(?<=^|[\x20-\x7e])[‘’“”](?=$|[\x20-\x7e])/g;
const STRAIGHT: Record<string, string> = { '‘': "'", '’': "'", '“': '"', '”': '"' };
function latinQuotes(text: string): string {
  return text.replace(LATIN_QUOTE, (quote) => STRAIGHT[quote] ?? quote);
}

/** One unwrapped line at (`x`, `y`); shortened with an ellipsis to fit `maxWidth`. Never adds a page. */
export function drawLine(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  style: TextStyle,
  maxWidth: number,
): void {
  applyStyle(doc, style);
  const fitted = fitToWidth(doc, latinQuotes(text), maxWidth);
  const width = doc.widthOfString(fitted);
  const left =
    style.align === 'right' ? x + maxWidth - width : style.align === 'center' ? x + (maxWidth - width) / 2 : x;
  doc.text(fitted, left, y, { lineBreak: false });
}

/** Width of one unwrapped line in `style`. */
export function lineWidth(doc: PDFKit.PDFDocument, text: string, style: TextStyle): number {
  setFont(doc, style);
  return style.mono ? monoEms(text) * style.size : doc.widthOfString(text);
}

function fitToWidth(doc: PDFKit.PDFDocument, text: string, maxWidth: number): string {
  if (doc.widthOfString(text) <= maxWidth) return text;
  let kept = text;
  while (kept.length > 0 && doc.widthOfString(`${kept}…`) > maxWidth) kept = kept.slice(0, -1);
  return `${kept}…`;
}

// Mono text is laid out by counting ems (half-width ASCII is exactly half an em, anything else is
// taken as a full em), which avoids shaping each hash twice: only the final draw shapes it.
function drawMono(doc: PDFKit.PDFDocument, text: string, x: number, y: number, width: number, style: TextStyle): void {
  monoLines(text, width, style.size).forEach((line, index) => {
    const lineWidthPt = monoEms(line) * style.size;
    const left =
      style.align === 'right' ? x + width - lineWidthPt : style.align === 'center' ? x + (width - lineWidthPt) / 2 : x;
    doc.text(line, left, y + index * lineAdvance(style), { lineBreak: false, features: MONO_FEATURES });
  });
}

const charEms = (char: string): number => (char >= ' ' && char <= '~' ? MONO_ADVANCE : 1);
const monoEms = (text: string): number => [...text].reduce((sum, char) => sum + charEms(char), 0);

/**
 * Greedy wrap of mono text to `width`. A word longer than a line (a hash) is cut into equal pieces,
 * so a SHA-256 reads as two halves rather than a line and a stub.
 */
export function monoLines(text: string, width: number, size: number): string[] {
  const maxEms = width / size;
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (monoEms(candidate) <= maxEms) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      const pieces = cutEvenly(word, maxEms);
      line = pieces.pop() ?? '';
      lines.push(...pieces);
    }
    lines.push(line);
  }
  return lines;
}

function cutEvenly(word: string, maxEms: number): string[] {
  const chars = [...word];
  if (monoEms(word) <= maxEms) return [word];
  const count = Math.ceil(monoEms(word) / maxEms);
  const perPiece = Math.ceil(chars.length / count);
  const pieces: string[] = [];
  for (let start = 0; start < chars.length; start += perPiece)
    pieces.push(chars.slice(start, start + perPiece).join(''));
  // Full-width characters can make an even cut overflow; fall back to filling lines greedily.
  return pieces.every((piece) => monoEms(piece) <= maxEms) ? pieces : fillGreedily(chars, maxEms);
}

function fillGreedily(chars: string[], maxEms: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  let ems = 0;
  for (const char of chars) {
    if (piece !== '' && ems + charEms(char) > maxEms) {
      pieces.push(piece);
      piece = '';
      ems = 0;
    }
    piece += char;
    ems += charEms(char);
  }
  pieces.push(piece);
  return pieces;
}
