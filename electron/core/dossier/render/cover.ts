import type { DossierModel } from '../model';
import { drawText, stackBilingual, textHeight, type TextStyle } from './text';
import { COLOR, FRAME, PAGE, SIZE } from './theme';

const TITLE: TextStyle = { size: SIZE.coverTitle, bold: true, color: COLOR.navy, lineGap: -4 };
const SUBTITLE: TextStyle = { size: 13, color: COLOR.muted };
const ROW_LABEL: TextStyle = { size: SIZE.small, color: COLOR.muted };
const ROW_VALUE: TextStyle = { size: 10.5, color: COLOR.ink };
const NOTICE: TextStyle = { size: SIZE.small, color: COLOR.muted, lineGap: -1 };
const TITLE_TOP = 196;
const LABEL_SHARE = 0.3;
const NOTICE_PAD = 12;

/** The cover (page 1, no running header): a coloured band, title, subtitle, the facts block and the provenance notice boxed at the foot. */
export function drawCover(doc: PDFKit.PDFDocument, cover: DossierModel['cover']): void {
  // The band: a full-width navy bar with a thin lighter stripe, echoed by a short rule under the title.
  doc.rect(0, 0, PAGE.width, 14).fill(COLOR.navy);
  doc.rect(0, 14, PAGE.width, 3).fill(COLOR.accent);

  let y = TITLE_TOP;
  const title = stackBilingual(doc, cover.title, FRAME.width, TITLE);
  drawText(doc, title, FRAME.left, y, FRAME.width, TITLE);
  y += textHeight(doc, title, FRAME.width, TITLE) + 14;
  drawText(doc, cover.subtitle, FRAME.left, y, FRAME.width, SUBTITLE);
  y += textHeight(doc, cover.subtitle, FRAME.width, SUBTITLE) + 22;
  doc.rect(FRAME.left, y, 46, 3).fill(COLOR.accent);
  y += 34;

  const labelWidth = FRAME.width * LABEL_SHARE - 12;
  const valueX = FRAME.left + FRAME.width * LABEL_SHARE;
  const valueWidth = FRAME.width * (1 - LABEL_SHARE);
  const rule = (): void => {
    doc.moveTo(FRAME.left, y).lineTo(FRAME.right, y).lineWidth(0.5).strokeColor(COLOR.rule).stroke();
  };
  rule();
  for (const row of cover.rows) {
    const label = stackBilingual(doc, row.label, labelWidth, ROW_LABEL);
    const height =
      Math.max(textHeight(doc, label, labelWidth, ROW_LABEL), textHeight(doc, row.value, valueWidth, ROW_VALUE)) + 16;
    drawText(doc, label, FRAME.left, y + 8 + 2, labelWidth, ROW_LABEL);
    drawText(doc, row.value, valueX, y + 8, valueWidth, ROW_VALUE);
    y += height;
    rule();
  }

  // The notice sits at the foot of the page, or right under the rows when they run long.
  const noticeWidth = FRAME.width - 2 * NOTICE_PAD - 3;
  const noticeHeight = textHeight(doc, cover.notice, noticeWidth, NOTICE) + 2 * NOTICE_PAD;
  const noticeTop = Math.max(y + 24, FRAME.bottom - noticeHeight);
  doc.rect(FRAME.left, noticeTop, FRAME.width, noticeHeight).fill(COLOR.panel);
  doc.rect(FRAME.left, noticeTop, 3, noticeHeight).fill(COLOR.faint);
  drawText(doc, cover.notice, FRAME.left + 3 + NOTICE_PAD, noticeTop + NOTICE_PAD, noticeWidth, NOTICE);
}
