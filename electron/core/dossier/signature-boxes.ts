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

/**
 * How a signature box is laid out (render/signature.ts draws it): the signer's details on the
 * left `infoShare` of the width, the signing area on the right above a "signature / date" line
 * `lineAboveBottom` points above the box's bottom, `pad` points from its edges.
 */
export const BOX_LAYOUT = { infoShare: 0.4, pad: 14, lineAboveBottom: 30 } as const;

/**
 * The signing area of a box, in PDF user space: where a signature's widget goes, so its
 * appearance (signer, time, fingerprint) prints in the box, right of the printed details and
 * above the line.
 */
export function signingArea(box: SignatureBox): [number, number, number, number] {
  const [x1, y1, x2, y2] = box.rect;
  const { infoShare, pad, lineAboveBottom } = BOX_LAYOUT;
  return [x1 + (x2 - x1) * infoShare + pad * 1.5, y1 + lineAboveBottom + 4, x2 - pad * 1.5, y2 - pad];
}

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
