import { z } from 'zod';

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
 * another person, from the file alone) lands its widget in the reviewer box. Anything missing or
 * malformed gives no boxes: the signature is then simply invisible.
 */
export function readSignatureBoxes(pdf: Buffer): SignatureBox[] {
  const text = pdf.toString('latin1');
  const at = text.lastIndexOf(`/${BOXES_INFO_KEY}`);
  if (at === -1) return [];
  const match = /^\s*\(([^()\\]{1,2000})\)/.exec(text.slice(at + BOXES_INFO_KEY.length + 1, at + BOXES_INFO_KEY.length + 2100));
  if (!match) return [];
  try {
    const parsed = z.array(SignatureBox).max(4).safeParse(JSON.parse(match[1]!));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}
