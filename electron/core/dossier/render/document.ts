import PDFDocument from 'pdfkit';
import type { DossierModel } from '../model';
import { registerFonts } from './fonts';
import { FRAME, PAGE } from './theme';

// pdfkit writes Title, Author, Subject and Keywords into the XMP packet without escaping them, so an
// `&` or `<` would make the metadata invalid XML. Full-width look-alikes keep the text readable and
// keep the Info dictionary and the XMP packet identical, as PDF/A requires.
const xmlSafe = (text: string): string => text.replace(/&/g, '＆').replace(/</g, '＜').replace(/>/g, '＞');

/**
 * A fresh A4 document for the dossier: PDF/A-3b (so the embedded assessment is an associated file),
 * pages buffered (the contents and the "page x of y" footers are written last), fixed dates (the
 * file /ID is an MD5 of the Info dictionary, so fixed dates make it, and the whole file, reproducible)
 * and the CJK fonts registered. The body frame is the page margin, so text pdfkit carries over to a
 * new page starts where the renderer's own page breaks do.
 */
export function createDocument(model: DossierModel): PDFKit.PDFDocument {
  const createdAt = model.info.createdAt;
  const doc = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    margins: { top: FRAME.top, bottom: PAGE.height - FRAME.bottom, left: FRAME.left, right: PAGE.width - FRAME.right },
    bufferPages: true,
    pdfVersion: '1.7',
    subset: 'PDF/A-3b',
    lang: model.lang === 'en' ? 'en' : 'zh-CN',
    displayTitle: true,
    info: {
      Title: xmlSafe(model.info.title),
      Author: xmlSafe(model.info.author),
      Subject: xmlSafe(model.info.subject),
      Keywords: xmlSafe(model.info.keywords),
      Creator: 'ADSG Workbench',
      Producer: 'ADSG Workbench (PDFKit)',
      CreationDate: createdAt,
      ModDate: createdAt,
    },
  });
  // pdfkit's XMP packet carries the creation date but not the modification date; PDF/A wants both
  // to match the Info dictionary.
  const stamp = `${createdAt.toISOString().split('.')[0]}Z`;
  doc.appendXML(`
        <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
            <xmp:ModifyDate>${stamp}</xmp:ModifyDate>
            <xmp:MetadataDate>${stamp}</xmp:MetadataDate>
        </rdf:Description>`);
  registerFonts(doc);
  return doc;
}

/** Collects the document's bytes; resolves once pdfkit has written the trailer. */
export function finish(doc: PDFKit.PDFDocument): Promise<Buffer<ArrayBuffer>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
