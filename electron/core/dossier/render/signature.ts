import type { DossierModel, SignatureSlot } from '../model';
import { BOX_LAYOUT, type SignatureBox } from '../signature-boxes';
import type { Flow } from './flow';
import { drawText, stackBilingual, textHeight, type TextStyle } from './text';
import { COLOR, FRAME, PAGE, SIZE } from './theme';

const INTRO: TextStyle = { size: SIZE.body, color: COLOR.text };
const LABEL: TextStyle = { size: 11, bold: true, color: COLOR.navy };
const NAME: TextStyle = { size: 10.5, color: COLOR.ink };
const NOTE: TextStyle = { size: SIZE.small, color: COLOR.muted, lineGap: -1 };
const CAPTION: TextStyle = { size: SIZE.furniture, color: COLOR.muted };
const BOX_HEIGHT = 138;
const BOX_GAP = 22;
const { pad: PAD, infoShare: INFO_SHARE, lineAboveBottom: LINE_ABOVE_BOTTOM } = BOX_LAYOUT;

// Hundredths of a point: short numbers in the recorded JSON, far below what a viewer can show.
const round = (value: number): number => Math.round(value * 100) / 100;

const DEFAULT_LINE_LABEL: Record<DossierModel['lang'], string> = {
  'zh-CN': '签名 / 日期',
  en: 'Signature / date',
  both: '签名 / 日期  Signature / date',
};

/**
 * The intro and one framed box per slot: who signs (label, name, note) on the left, an empty
 * signing area with a "signature / date" line on the right, where each signature's widget later
 * draws signer, time and fingerprint. Returns where each box landed, for the signature widgets.
 */
export function drawSignatureBlocks(
  flow: Flow,
  signature: DossierModel['signature'],
  lang: DossierModel['lang'],
): SignatureBox[] {
  const { doc } = flow;
  drawText(doc, signature.intro, FRAME.left, flow.y, FRAME.width, INTRO);
  flow.y += textHeight(doc, signature.intro, FRAME.width, INTRO) + 24;
  const lineLabel = signature.lineLabel ?? DEFAULT_LINE_LABEL[lang];
  return signature.slots.map((slot, index) => {
    if (index > 0) flow.y += BOX_GAP;
    flow.ensure(BOX_HEIGHT);
    const top = flow.y;
    drawBox(doc, slot, top, lineLabel);
    flow.y += BOX_HEIGHT;
    return {
      role: slot.role,
      page: flow.pageIndex,
      rect: [round(FRAME.left), round(PAGE.height - top - BOX_HEIGHT), round(FRAME.right), round(PAGE.height - top)],
    };
  });
}

function drawBox(doc: PDFKit.PDFDocument, slot: SignatureSlot, top: number, lineLabel: string): void {
  const infoWidth = FRAME.width * INFO_SHARE;
  const textWidth = infoWidth - 2 * PAD;
  doc.rect(FRAME.left, top, infoWidth, BOX_HEIGHT).fill(COLOR.panel);
  doc.rect(FRAME.left, top, 3, BOX_HEIGHT).fill(COLOR.navy);
  doc.rect(FRAME.left, top, FRAME.width, BOX_HEIGHT).lineWidth(0.75).strokeColor(COLOR.rule).stroke();

  let y = top + PAD;
  const label = stackBilingual(doc, slot.label, textWidth, LABEL);
  drawText(doc, label, FRAME.left + PAD, y, textWidth, LABEL);
  y += textHeight(doc, label, textWidth, LABEL) + 9;
  drawText(doc, slot.name, FRAME.left + PAD, y, textWidth, NAME);
  y += textHeight(doc, slot.name, textWidth, NAME) + 7;
  // The note is the only free text here; it is cut at the box bottom rather than overflowing it.
  doc
    .save()
    .rect(FRAME.left, top, infoWidth, BOX_HEIGHT - PAD / 2)
    .clip();
  drawText(doc, slot.note, FRAME.left + PAD, y, textWidth, NOTE);
  doc.restore();

  const signX = FRAME.left + infoWidth + PAD * 1.5;
  const lineY = top + BOX_HEIGHT - LINE_ABOVE_BOTTOM;
  doc
    .moveTo(signX, lineY)
    .lineTo(FRAME.right - PAD * 1.5, lineY)
    .lineWidth(0.75)
    .strokeColor(COLOR.muted)
    .stroke();
  drawText(doc, lineLabel, signX, lineY + 6, FRAME.right - PAD * 1.5 - signX, CAPTION);
}
