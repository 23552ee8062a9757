import type { Flow } from './flow';
import { drawSectionTitle, sectionTitleHeight } from './section-title';
import { drawText, lineWidth, textHeight, type TextStyle } from './text';
import { COLOR, FRAME } from './theme';

/** One line of the contents: a section (or the signature page) and where it starts. */
export interface ContentsEntry {
  number: string;
  title: string;
  /** Zero-based page index; printed one-based, as viewers and the footers count. */
  pageIndex: number;
  /** Named destination the line links to. */
  destination: string;
}

const NUMBER: TextStyle = { size: 10, bold: true, color: COLOR.accent };
const TITLE: TextStyle = { size: 10.5, color: COLOR.ink };
const PAGE_NUMBER: TextStyle = { size: 10.5, bold: true, color: COLOR.navy, align: 'right' };
const NUMBER_WIDTH = 30;
const PAGE_WIDTH = 36;
const TITLE_WIDTH = FRAME.width - NUMBER_WIDTH - PAGE_WIDTH - 24;
const ROW_PAD = 7;

function rowHeight(doc: PDFKit.PDFDocument, title: string): number {
  return textHeight(doc, title, TITLE_WIDTH, TITLE) + 2 * ROW_PAD;
}

/** How many pages the contents will take, so they can be reserved before the sections are laid out. */
export function contentsPageCount(doc: PDFKit.PDFDocument, heading: string, titles: string[]): number {
  let pages = 1;
  let y = FRAME.top + sectionTitleHeight(doc, undefined, heading);
  for (const title of titles) {
    const height = rowHeight(doc, title);
    if (y + height > FRAME.bottom) {
      pages += 1;
      y = FRAME.top;
    }
    y += height;
  }
  return pages;
}

/**
 * Writes the contents onto the reserved pages (`firstPage` onwards), each line linked to its
 * section: number, title, dotted leader, page number.
 */
export function drawContents(flow: Flow, firstPage: number, heading: string, entries: ContentsEntry[]): void {
  const { doc } = flow;
  let page = firstPage;
  doc.switchToPage(page);
  flow.y = FRAME.top;
  drawSectionTitle(flow, undefined, heading);
  for (const entry of entries) {
    const height = rowHeight(doc, entry.title);
    if (height > flow.remaining) {
      page += 1;
      doc.switchToPage(page);
      flow.y = FRAME.top;
    }
    const top = flow.y + ROW_PAD;
    const titleX = FRAME.left + NUMBER_WIDTH;
    drawText(doc, entry.number, FRAME.left, top + 0.5, NUMBER_WIDTH, NUMBER);
    drawText(doc, entry.title, titleX, top, TITLE_WIDTH, TITLE);
    const pageText = String(entry.pageIndex + 1);
    drawText(doc, pageText, FRAME.right - PAGE_WIDTH, top, PAGE_WIDTH, PAGE_NUMBER);
    // The leader runs from the title's end to the page number, on a single-line title's baseline.
    const titleWidth = lineWidth(doc, entry.title, TITLE);
    if (titleWidth <= TITLE_WIDTH) {
      const from = titleX + titleWidth + 6;
      const to = FRAME.right - lineWidth(doc, pageText, PAGE_NUMBER) - 6;
      const baseline = top + TITLE.size * 0.86;
      doc
        .save()
        .moveTo(from, baseline)
        .lineTo(to, baseline)
        .lineWidth(0.8)
        .dash(0.8, { space: 2.6 })
        .strokeColor(COLOR.faint)
        .stroke()
        .restore();
    }
    doc.goTo(FRAME.left, flow.y, FRAME.width, height, entry.destination);
    flow.y += height;
  }
}
