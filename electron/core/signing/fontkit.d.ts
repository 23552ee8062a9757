// fontkit (pdfkit's font engine) ships no types; this covers what the signature appearance uses.
declare module 'fontkit' {
  export interface Glyph {
    readonly id: number;
    readonly advanceWidth: number;
    readonly codePoints: readonly number[];
  }
  export interface GlyphRun {
    readonly glyphs: readonly Glyph[];
    readonly advanceWidth: number;
  }
  export interface Subset {
    /** The glyph's id in the subset (0 is always .notdef). */
    includeGlyph(glyph: number | Glyph): number;
    encode(): Uint8Array;
    /** Present when the subset is CFF (an OpenType font with PostScript outlines). */
    readonly cff?: unknown;
  }
  export interface Font {
    readonly unitsPerEm: number;
    readonly ascent: number;
    readonly descent: number;
    readonly capHeight: number;
    readonly xHeight: number;
    readonly italicAngle: number;
    readonly postscriptName: string;
    readonly bbox: { readonly minX: number; readonly minY: number; readonly maxX: number; readonly maxY: number };
    layout(text: string): GlyphRun;
    hasGlyphForCodePoint(codePoint: number): boolean;
    createSubset(): Subset;
  }
  export function create(buffer: Buffer): Font | { readonly fonts: Font[] };
}
