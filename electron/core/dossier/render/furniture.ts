import { drawLine, lineWidth, type TextStyle } from './text';
import { COLOR, FRAME, PAGE, SIZE } from './theme';

const STYLE: TextStyle = { size: SIZE.furniture, color: COLOR.muted };
const HEADER_TEXT_Y = 44;
const HEADER_RULE_Y = 58;
const FOOTER_RULE_Y = PAGE.height - 54;
const FOOTER_TEXT_Y = PAGE.height - 46;

/** Fills `{page}` and `{pages}` in the model's page label pattern. */
export function pageLabel(pattern: string, page: number, pages: number): string {
  return pattern.replaceAll('{page}', String(page)).replaceAll('{pages}', String(pages));
}

/**
 * Running header (the model's header text, left) and footer (document title left, "page x of y"
 * right) with hairlines, drawn on the page pdfkit is switched to. Drawn outside the body frame with
 * unwrapped lines, so pdfkit never starts a new page for them.
 */
export function drawFurniture(doc: PDFKit.PDFDocument, texts: { header: string; footer: string; page: string }): void {
  doc.rect(FRAME.left, HEADER_TEXT_Y + 1.5, 3, SIZE.furniture - 2).fill(COLOR.navy);
  drawLine(doc, texts.header, FRAME.left + 8, HEADER_TEXT_Y, STYLE, FRAME.width - 8);
  doc
    .moveTo(FRAME.left, HEADER_RULE_Y)
    .lineTo(FRAME.right, HEADER_RULE_Y)
    .lineWidth(0.5)
    .strokeColor(COLOR.rule)
    .stroke();
  doc
    .moveTo(FRAME.left, FOOTER_RULE_Y)
    .lineTo(FRAME.right, FOOTER_RULE_Y)
    .lineWidth(0.5)
    .strokeColor(COLOR.rule)
    .stroke();
  const pageWidth = lineWidth(doc, texts.page, STYLE);
  drawLine(doc, texts.page, FRAME.right - pageWidth, FOOTER_TEXT_Y, STYLE, pageWidth);
  drawLine(doc, texts.footer, FRAME.left, FOOTER_TEXT_Y, STYLE, FRAME.width - pageWidth - 24);
}
