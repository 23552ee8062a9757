import type { DossierModel } from '../model';

/**
 * Embeds each attachment as a PDF/A-3 associated file (listed in the catalogue's /AF and the
 * EmbeddedFiles name tree) with the model's date, so the bytes do not depend on when they were made.
 */
export function embedAttachments(doc: PDFKit.PDFDocument, attachments: DossierModel['attachments'], date: Date): void {
  for (const attachment of attachments) {
    // pdfkit 0.20 reads `relationship` (/AFRelationship); @types/pdfkit does not know it yet.
    const options: PDFKit.Mixins.PDFAttachmentOptions & { relationship: string } = {
      name: attachment.name,
      type: attachment.mediaType,
      description: attachment.description,
      creationDate: date,
      modifiedDate: date,
      relationship: 'Data',
    };
    doc.file(attachment.content, options);
  }
}
