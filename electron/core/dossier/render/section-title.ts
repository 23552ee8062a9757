import type { Flow } from './flow';
import { drawText, stackBilingual, textHeight, type TextStyle } from './text';
import { COLOR, FRAME, SIZE } from './theme';

const NUMBER: TextStyle = { size: 10, bold: true, color: COLOR.accent };
const TITLE: TextStyle = { size: SIZE.sectionTitle, bold: true, color: COLOR.navy, lineGap: -3 };
const SPACE_AFTER = 20;

/** Two-digit section number, as on the contents page. */
export const sectionNumber = (index: number): string => String(index + 1).padStart(2, '0');

/** Height of a section opening, for planning pages before drawing. */
export function sectionTitleHeight(doc: PDFKit.PDFDocument, number: string | undefined, title: string): number {
  return (
    (number === undefined ? 0 : NUMBER.size + 7) +
    textHeight(doc, stackBilingual(doc, title, FRAME.width, TITLE), FRAME.width, TITLE) +
    12 +
    1.2 +
    SPACE_AFTER
  );
}

/** A section's opening at the top of a page: its number, the title large, and a navy rule. */
export function drawSectionTitle(flow: Flow, number: string | undefined, title: string): void {
  const { doc } = flow;
  if (number !== undefined) {
    drawText(doc, number, FRAME.left, flow.y, FRAME.width, NUMBER);
    flow.y += NUMBER.size + 7;
  }
  // A bilingual title too long for one line puts each language on its own line.
  const lines = stackBilingual(doc, title, FRAME.width, TITLE);
  drawText(doc, lines, FRAME.left, flow.y, FRAME.width, TITLE);
  flow.y += textHeight(doc, lines, FRAME.width, TITLE) + 12;
  doc.rect(FRAME.left, flow.y, FRAME.width, 1.2).fill(COLOR.navy);
  flow.y += 1.2 + SPACE_AFTER;
}
