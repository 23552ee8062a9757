import * as asn1js from 'asn1js';
import { SigningError, type SigningErrorCode } from './errors';

/**
 * Careful navigation of untrusted BER (PKCS#12, CMS): each helper checks the node is what the
 * structure says, and throws a `SigningError` with the caller's code and message otherwise.
 */
export class Asn1Reader {
  constructor(
    private readonly code: SigningErrorCode,
    private readonly what: string,
  ) {}

  fail(detail: string): never {
    throw new SigningError(this.code, `${this.what}: ${detail}.`);
  }

  /** Parses a whole buffer; trailing bytes are refused. */
  parse(bytes: Uint8Array): asn1js.AsnType {
    const parsed = asn1js.fromBER(bytes);
    if (parsed.offset === -1 || parsed.offset !== bytes.byteLength) this.fail('not valid ASN.1');
    return parsed.result;
  }

  sequence(node: asn1js.AsnType | undefined, minItems = 0): asn1js.AsnType[] {
    if (!(node instanceof asn1js.Sequence) || node.valueBlock.value.length < minItems) this.fail('expected a SEQUENCE');
    return node.valueBlock.value;
  }

  set(node: asn1js.AsnType | undefined): asn1js.AsnType[] {
    if (!(node instanceof asn1js.Set)) this.fail('expected a SET');
    return node.valueBlock.value;
  }

  oid(node: asn1js.AsnType | undefined): string {
    if (!(node instanceof asn1js.ObjectIdentifier)) this.fail('expected an OBJECT IDENTIFIER');
    return node.getValue();
  }

  integer(node: asn1js.AsnType | undefined): number {
    if (!(node instanceof asn1js.Integer)) this.fail('expected an INTEGER');
    const value = node.valueBlock.valueDec;
    if (!Number.isSafeInteger(value)) this.fail('INTEGER out of range');
    return value;
  }

  /** The content of an OCTET STRING, joining the pieces of a constructed (BER) one. */
  octets(node: asn1js.AsnType | undefined): Buffer {
    if (!(node instanceof asn1js.OctetString)) this.fail('expected an OCTET STRING');
    return this.content(node);
  }

  /** The value inside an explicit context tag `[tag]`. */
  explicit(node: asn1js.AsnType | undefined, tag: number): asn1js.AsnType {
    const inner = node instanceof asn1js.Constructed && isContext(node, tag) ? node.valueBlock.value[0] : undefined;
    if (inner === undefined) this.fail(`expected [${tag}]`);
    return inner;
  }

  /** The bytes of an implicitly tagged OCTET STRING `[tag] IMPLICIT`, primitive or constructed. */
  implicitOctets(node: asn1js.AsnType | undefined, tag: number): Buffer {
    if (node === undefined || !isContext(node, tag)) this.fail(`expected [${tag}]`);
    return this.content(node);
  }

  private content(node: asn1js.AsnType): Buffer {
    if (node.idBlock.isConstructed) {
      const pieces = (node as asn1js.Constructed).valueBlock.value;
      return Buffer.concat(pieces.map((piece) => this.octets(piece)));
    }
    return Buffer.from((node as asn1js.Primitive).valueBlock.valueHexView);
  }
}

const isContext = (node: asn1js.AsnType, tag: number): boolean =>
  node.idBlock.tagClass === 3 && node.idBlock.tagNumber === tag;

/** `[tag] EXPLICIT value` for writing. */
export function contextTag(tag: number, value: asn1js.AsnType): asn1js.Constructed {
  return new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: tag }, value: [value] });
}

/** DER bytes of a node we built. */
export function toDer(node: asn1js.AsnType): Buffer {
  return Buffer.from(node.toBER(false));
}
