import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import * as fontkit from 'fontkit';
import { SigningError } from './errors';
import type { UpdatedObject } from './pdf/incremental';
import { formatNumber } from './pdf/serialize';

/** One line of a visible signature: its text, its largest size in points and its colour (RGB 0–1). */
export interface AppearanceLine {
  readonly text: string;
  readonly size: number;
  readonly color: readonly [number, number, number];
}

/** Smaller than this is not legible in print; a longer line is cut instead. */
const MIN_SIZE = 5;
const LINE_GAP = 0.35;

const fonts = new WeakMap<Buffer, fontkit.Font>();

function openFont(file: Buffer): fontkit.Font {
  let font = fonts.get(file);
  if (font === undefined) {
    try {
      const opened = fontkit.create(file);
      font = 'fonts' in opened ? opened.fonts[0]! : opened;
    } catch (error) {
      throw new SigningError('bad-input', 'The signature font cannot be read.', { cause: error });
    }
    fonts.set(file, font);
  }
  return font;
}

const hex4 = (value: number): string => value.toString(16).padStart(4, '0');

/**
 * The objects of a visible signature's appearance (§12.5.5), numbered from `first`: a form
 * XObject of `width` × `height` points (the widget's size) drawing `lines` top to bottom, left
 * aligned, each shrunk to fit the width, and the font it uses — a subset of `fontFile` (OpenType
 * CFF or TrueType) holding exactly the glyphs drawn, embedded as a Type 0 font with widths and a
 * ToUnicode map, so the text renders in any reader, prints, and can be extracted. Characters the
 * font lacks are drawn as "?". The same inputs give the same bytes.
 * @returns the objects to write; the first is the XObject.
 */
export function appearanceObjects(fontFile: Buffer, lines: readonly AppearanceLine[], width: number, height: number, first: number): UpdatedObject[] {
  const font = openFont(fontFile);
  const scale = 1000 / font.unitsPerEm;
  const subset = font.createSubset();
  const widths = new Map<number, number>();
  const unicode = new Map<number, readonly number[]>();

  let y = height;
  let content = 'q\nBT\n';
  for (const line of lines) {
    const text = Array.from(line.text, (c) => (font.hasGlyphForCodePoint(c.codePointAt(0)!) ? c : '?')).join('');
    const run = font.layout(text);
    const natural = (run.advanceWidth * scale * line.size) / 1000;
    const size = natural > width ? Math.max(MIN_SIZE, (line.size * width) / natural) : line.size;
    y -= size;
    if (y < 0) break; // no room left in the widget
    let codes = '';
    for (const glyph of run.glyphs) {
      const id = subset.includeGlyph(glyph);
      widths.set(id, glyph.advanceWidth * scale);
      if (!unicode.has(id)) unicode.set(id, glyph.codePoints);
      codes += hex4(id);
    }
    const [r, g, b] = line.color.map(formatNumber);
    content += `${r} ${g} ${b} rg\n/F1 ${formatNumber(size)} Tf\n1 0 0 1 0 ${formatNumber(y)} Tm\n<${codes}> Tj\n`;
    y -= size * LINE_GAP;
  }
  content += 'ET\nQ\n';

  const fontData = Buffer.from(subset.encode());
  const isCff = subset.cff !== undefined;
  // The subset tag (six capitals, §9.6.4) from what is drawn, so the output is reproducible.
  const tag = Array.from(createHash('sha256').update(content).digest().subarray(0, 6), (byte) => String.fromCharCode(65 + (byte % 26))).join('');
  const name = `/${tag}+${font.postscriptName.replace(/[^\x21-\x7e]|[()<>[\]{}/%#]/g, '_')}`;
  const ref = (offset: number): string => `${first + offset} 0 R`;
  const stream = (dict: string, data: Buffer): Buffer => {
    const packed = deflateSync(data);
    return Buffer.concat([Buffer.from(`<<${dict} /Filter /FlateDecode /Length ${packed.length}>>\nstream\n`, 'latin1'), packed, Buffer.from('\nendstream', 'latin1')]);
  };
  const maxId = Math.max(0, ...widths.keys());
  const w = Array.from({ length: maxId + 1 }, (_, id) => formatNumber(widths.get(id) ?? 0)).join(' ');
  const bbox = [font.bbox.minX, font.bbox.minY, font.bbox.maxX, font.bbox.maxY].map((v) => formatNumber(v * scale)).join(' ');
  const body = (text: string): Buffer => Buffer.from(text, 'latin1');
  return [
    {
      num: first,
      gen: 0,
      body: stream(`/Type /XObject /Subtype /Form /BBox [0 0 ${formatNumber(width)} ${formatNumber(height)}] /Resources <</Font <</F1 ${ref(1)}>>>>`, Buffer.from(content, 'latin1')),
    },
    { num: first + 1, gen: 0, body: body(`<</Type /Font /Subtype /Type0 /BaseFont ${name} /Encoding /Identity-H /DescendantFonts [${ref(2)}] /ToUnicode ${ref(5)}>>`) },
    {
      num: first + 2,
      gen: 0,
      body: body(
        `<</Type /Font /Subtype /${isCff ? 'CIDFontType0' : 'CIDFontType2'} /BaseFont ${name} /CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>> /FontDescriptor ${ref(3)} /W [0 [${w}]]${isCff ? '' : ' /CIDToGIDMap /Identity'}>>`,
      ),
    },
    {
      num: first + 3,
      gen: 0,
      body: body(
        `<</Type /FontDescriptor /FontName ${name} /Flags 4 /FontBBox [${bbox}] /ItalicAngle ${formatNumber(font.italicAngle)} /Ascent ${formatNumber(font.ascent * scale)} /Descent ${formatNumber(font.descent * scale)} /CapHeight ${formatNumber((font.capHeight || font.ascent) * scale)} /XHeight ${formatNumber((font.xHeight || 0) * scale)} /StemV 0 /${isCff ? 'FontFile3' : 'FontFile2'} ${ref(4)}>>`,
      ),
    },
    { num: first + 4, gen: 0, body: stream(isCff ? '/Subtype /CIDFontType0C' : '', fontData) },
    { num: first + 5, gen: 0, body: stream('', Buffer.from(toUnicodeCmap(unicode, maxId), 'latin1')) },
  ];
}

/** The ToUnicode CMap (§9.10.3) mapping each subset glyph id back to the characters it draws. */
function toUnicodeCmap(unicode: ReadonlyMap<number, readonly number[]>, maxId: number): string {
  const entries: string[] = [];
  for (let id = 1; id <= maxId; id++) {
    const codePoints = unicode.get(id);
    if (!codePoints?.length) continue;
    const utf16 = Buffer.from(String.fromCodePoint(...codePoints), 'utf16le').swap16().toString('hex');
    entries.push(`<${hex4(id)}> <${utf16}>`);
  }
  const chunks: string[] = [];
  for (let i = 0; i < entries.length; i += 100) chunks.push(`${Math.min(100, entries.length - i)} beginbfchar\n${entries.slice(i, i + 100).join('\n')}\nendbfchar`);
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <ffff>',
    'endcodespacerange',
    ...chunks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}
