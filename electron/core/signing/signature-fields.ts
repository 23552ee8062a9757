import type { PdfDocument } from './pdf/document';
import { isArray, isDict, isName, isRef, isString, type PdfName, type PdfObject, type PdfRef } from './pdf/objects';
import { decodeTextString } from './pdf/text';

/** A signature field found through the form's field tree, with the signature dictionary it holds. */
export interface SignatureField {
  /** The fully qualified field name (`parent.child`). */
  readonly name: string;
  /** The field's /V: the signature dictionary. */
  readonly value: PdfRef;
}

/** Field trees deeper or larger than this are hostile. */
const MAX_DEPTH = 16;
const MAX_FIELDS = 10_000;

/**
 * The signed signature fields of a document, reached the way a reader reaches them (§12.7.3):
 * catalog → /AcroForm → /Fields → /Kids, with /FT inherited down the tree. A signature
 * dictionary that no field's /V points at is not a signature, wherever its bytes sit.
 * @throws SigningError `invalid-pdf` when the tree cannot be read.
 */
export function signatureFields(doc: PdfDocument): SignatureField[] {
  const form = doc.resolve(doc.catalog().entries.get('AcroForm'));
  const fields = isDict(form) ? doc.resolve(form.entries.get('Fields')) : null;
  const found: SignatureField[] = [];
  const visited = new Set<number>();
  const visit = (items: readonly PdfObject[], prefix: string, inheritedType: PdfName | undefined, depth: number): void => {
    for (const item of items) {
      // Fields are indirect objects (§12.7.3.1); each is visited once, so a loop ends here.
      if (!isRef(item) || visited.has(item.num) || visited.size >= MAX_FIELDS) continue;
      visited.add(item.num);
      const field = doc.resolve(item);
      if (!isDict(field)) continue;
      const title = field.entries.get('T');
      const name = isString(title) ? prefix + decodeTextString(title.bytes) : prefix.replace(/\.$/, '');
      const ownType = field.entries.get('FT');
      const type = isName(ownType) ? ownType : inheritedType;
      const value = field.entries.get('V');
      if (isName(type, 'Sig') && isRef(value)) found.push({ name, value });
      const kids = doc.resolve(field.entries.get('Kids'));
      if (isArray(kids) && depth < MAX_DEPTH) visit(kids.items, name ? `${name}.` : '', type, depth + 1);
    }
  };
  if (isArray(fields)) visit(fields.items, '', undefined, 0);
  return found;
}
