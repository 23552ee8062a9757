import { pdfString, type PdfString } from './objects';

// PDFDocEncoding (ISO 32000-1 Annex D) differs from Latin-1 only in these code points.
const PDF_DOC_DIFFERENCES: Record<number, number> = {
  0x18: 0x02d8, 0x19: 0x02c7, 0x1a: 0x02c6, 0x1b: 0x02d9, 0x1c: 0x02dd, 0x1d: 0x02db, 0x1e: 0x02da, 0x1f: 0x02dc,
  0x80: 0x2022, 0x81: 0x2020, 0x82: 0x2021, 0x83: 0x2026, 0x84: 0x2014, 0x85: 0x2013, 0x86: 0x0192, 0x87: 0x2044,
  0x88: 0x2039, 0x89: 0x203a, 0x8a: 0x2212, 0x8b: 0x2030, 0x8c: 0x201e, 0x8d: 0x201c, 0x8e: 0x201d, 0x8f: 0x2018,
  0x90: 0x2019, 0x91: 0x201a, 0x92: 0x2122, 0x93: 0xfb01, 0x94: 0xfb02, 0x95: 0x0141, 0x96: 0x0152, 0x97: 0x0160,
  0x98: 0x0178, 0x99: 0x017d, 0x9a: 0x0131, 0x9b: 0x0142, 0x9c: 0x0153, 0x9d: 0x0161, 0x9e: 0x017e, 0xa0: 0x20ac,
};

/** Decodes a PDF text string (§7.9.2.2): UTF-16BE or UTF-8 when marked by a BOM, else PDFDocEncoding. */
export function decodeTextString(bytes: Buffer): string {
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const body = Buffer.from(bytes.subarray(2, bytes.length - (bytes.length % 2)));
    return body.swap16().toString('utf16le');
  }
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return bytes.subarray(3).toString('utf8');
  }
  let out = '';
  for (const byte of bytes) out += String.fromCharCode(PDF_DOC_DIFFERENCES[byte] ?? byte);
  return out;
}

/**
 * Encodes a text string the way every reader understands: printable ASCII as a literal string,
 * anything else (Chinese names, accents) as UTF-16BE with a byte-order mark.
 */
export function encodeTextString(text: string): PdfString {
  if (/^[\x20-\x7e]*$/.test(text)) return pdfString(Buffer.from(text, 'latin1'), false);
  const utf16 = Buffer.from(text, 'utf16le').swap16();
  return pdfString(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16]), true);
}

/** A date string (§7.9.4) in UTC, e.g. `D:20261123093000Z`. */
export function formatPdfDate(date: Date): string {
  const iso = date.toISOString(); // 2026-11-23T09:30:00.000Z
  return `D:${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}

const PDF_DATE = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([Zz])|([+-])(\d{2})'?(\d{2})?'?)?$/;

/** Reads a date string (§7.9.4), e.g. `D:20261123093000+08'00'`; `undefined` when it is not one. */
export function parsePdfDate(text: string): Date | undefined {
  const match = PDF_DATE.exec(text.trim());
  if (!match) return undefined;
  const [, year, month = '01', day = '01', hour = '00', minute = '00', second = '00', , sign, offsetHours = '00', offsetMinutes = '00'] = match;
  const utc = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second));
  const offset = sign ? (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes)) * 60_000 : 0;
  const date = new Date(utc - offset);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
