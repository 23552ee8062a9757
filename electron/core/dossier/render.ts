/**
 * The dossier PDF: a {@link DossierModel} laid out with pdfkit. Plain Node (never Electron), so it
 * runs in the CLI, the tests and a worker thread alike.
 *
 * API
 * - `renderDossier(model, { onProgress }) → Promise<{ pdf, signatureBoxes }>`
 *   - `pdf`: the finished, unsigned PDF (PDF/A-3b, a standard trailer and xref table, so the signing
 *     code can append its incremental updates). The same model gives the same bytes.
 *   - `signatureBoxes`: one `{ role, page, rect }` per signature slot, in slot order: `page` is the
 *     0-based page index and `rect` is `[x1, y1, x2, y2]` in PDF user space (points, origin bottom
 *     left) of the framed box drawn for that slot. Pass it as the signature's widget
 *     (`signPdf(pdf, { …, widget: signatureWidget(rendered, 'auditor') })`) so the PDF signature
 *     field sits over the box the person signs in.
 *   The boxes are also recorded as ASCII JSON under `/ADSGSignatureBoxes` in the document
 *   information dictionary (see signature-boxes.ts).
 *   - `onProgress(done, total)`: called after each section and the signature page
 *     (`total` = sections + 1); the loop yields to the event loop between sections.
 * - `signatureWidget(rendered, role)`: the `{ page, rect }` of one role's box.
 *
 * Pages: 1 cover (no header or footer); 2… contents (pages reserved first, written last with the real
 * page numbers, each line a link); each section from a new page (an outline entry and a named
 * destination each); the signature page last. Page numbers are physical (the cover is page 1), as
 * viewers count. Fonts are subsets of NotoSansHans Regular and Bold; hashes use its half-width forms.
 */
import type { DossierModel, Section } from './model';
import { embedAttachments } from './render/attachments';
import { drawBlock } from './render/blocks';
import { contentsPageCount, drawContents, type ContentsEntry } from './render/contents';
import { drawCover } from './render/cover';
import { createDocument, finish } from './render/document';
import { Flow } from './render/flow';
import { drawFurniture, pageLabel } from './render/furniture';
import { drawSectionTitle, sectionNumber } from './render/section-title';
import { drawSignatureBlocks } from './render/signature';
import { BOXES_INFO_KEY, type SignatureBox } from './signature-boxes';

export type { SignatureBox } from './signature-boxes';

/** The rendered dossier and where its signature boxes are. */
export interface RenderedDossier {
  pdf: Buffer<ArrayBuffer>;
  signatureBoxes: SignatureBox[];
}

export interface RenderOptions {
  /** Called after each section and after the signature page. */
  onProgress?(done: number, total: number): void;
}

const CONTENTS_DESTINATION = 'contents';
const SIGNATURE_DESTINATION = 'signature';

/** Lays out the dossier model as a PDF; see the top of this file for the layout and the returned boxes. */
export async function renderDossier(model: DossierModel, options: RenderOptions = {}): Promise<RenderedDossier> {
  const doc = createDocument(model);
  const flow = new Flow(doc);
  drawCover(doc, model.cover);

  const contentsPages = contentsPageCount(doc, model.contentsTitle, [
    ...model.sections.map((section) => section.title),
    model.signature.title,
  ]);
  flow.newPage();
  const contentsFirstPage = flow.pageIndex;
  mark(doc, model.contentsTitle, CONTENTS_DESTINATION);
  for (let page = 1; page < contentsPages; page += 1) flow.newPage();

  const total = model.sections.length + 1;
  const entries: ContentsEntry[] = [];
  for (const [index, section] of model.sections.entries()) {
    entries.push(drawSection(flow, section, sectionNumber(index)));
    options.onProgress?.(index + 1, total);
    // Lets a worker's or the main process's pending messages through between sections.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }

  const signatureNumber = sectionNumber(model.sections.length);
  entries.push(openSection(flow, signatureNumber, model.signature.title, SIGNATURE_DESTINATION));
  const signatureBoxes = drawSignatureBlocks(flow, model.signature, model.lang);
  options.onProgress?.(total, total);

  drawContents(flow, contentsFirstPage, model.contentsTitle, entries);
  const { count } = doc.bufferedPageRange();
  for (let page = 1; page < count; page += 1) {
    doc.switchToPage(page);
    drawFurniture(doc, {
      header: model.header,
      footer: model.info.title,
      page: pageLabel(model.pageLabel, page + 1, count),
    });
  }
  embedAttachments(doc, model.attachments, model.info.createdAt);
  // Recorded in the file too, so a countersignature made later from the file alone finds its box.
  Object.assign(doc.info, { [BOXES_INFO_KEY]: JSON.stringify(signatureBoxes) });
  return { pdf: await finish(doc), signatureBoxes };
}

/** The widget placement for one role's signature box, in the shape the signing code takes. */
export function signatureWidget(
  rendered: RenderedDossier,
  role: SignatureBox['role'],
): { page: number; rect: SignatureBox['rect'] } | undefined {
  const box = rendered.signatureBoxes.find((candidate) => candidate.role === role);
  return box && { page: box.page, rect: box.rect };
}

function drawSection(flow: Flow, section: Section, number: string): ContentsEntry {
  const entry = openSection(flow, number, section.title, `section:${section.id}`);
  section.blocks.forEach((block, index) => drawBlock(flow, block, section.blocks.slice(index + 1)));
  return entry;
}

/** New page, outline entry, named destination and the section's title. */
function openSection(flow: Flow, number: string, title: string, destination: string): ContentsEntry {
  flow.newPage();
  mark(flow.doc, title, destination);
  drawSectionTitle(flow, number, title);
  return { number, title, pageIndex: flow.pageIndex, destination };
}

/** Bookmarks the current page: an outline entry (fit page) and a named destination at its top for contents links. */
function mark(doc: PDFKit.PDFDocument, title: string, destination: string): void {
  doc.outline.addItem(title);
  doc.addNamedDestination(destination, 'XYZ', 0, 0, 0);
}
