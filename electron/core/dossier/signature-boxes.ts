import { z } from 'zod';
import { PdfDocument } from '../signing/pdf/document';
import { isString } from '../signing/pdf/objects';

/** Where each signature box of the dossier is: page index (0-based) and rectangle in PDF user space. */
export const SignatureBox = z.strictObject({
  role: z.enum(['auditor', 'reviewer']),
  page: z.number().int().nonnegative(),
  rect: z.tuple([z.number(), z.number(), z.number(), z.number()]),
});
export type SignatureBox = z.infer<typeof SignatureBox>;

/** The document-information key under which the dossier records its signature boxes (ASCII JSON). */
export const BOXES_INFO_KEY = 'ADSGSignatureBoxes';

/**
 * The boxes a dossier recorded in its information dictionary, so a countersignature made later (by
 * another person, from the file alone) lands its widget in the reviewer box. Read with the signing
 * core's PDF parser (the value is an indirect object); anything missing or malformed gives no
 * boxes, and the signature is then simply invisible.
 */
export function readSignatureBoxes(pdf: Buffer): SignatureBox[] {
  try {
    const doc = PdfDocument.parse(pdf);
    const info = doc.resolveDict(doc.trailer.entries.get('Info'), 'the document information');
    const value = doc.resolve(info.entries.get(BOXES_INFO_KEY));
    if (!isString(value)) return [];
    const parsed = z.array(SignatureBox).max(4).safeParse(JSON.parse(value.bytes.toString('utf8')));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}
