import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const REGULAR_FILE = 'NotoSansHans-Regular.otf';
const BOLD_FILE = 'NotoSansHans-Bold.otf';

/** Names the fonts are registered under in every dossier document. */
export const FONT = { regular: 'adsg-regular', bold: 'adsg-bold' } as const;

/**
 * Half-width forms of the CJK font: every ASCII glyph is exactly half an em, so hashes and ids line
 * up like a monospace face while staying in the embedded font (PDF/A forbids the unembedded Courier).
 */
export const MONO_FEATURES: PDFKit.Mixins.OpenTypeFeatures[] = ['hwid'];
/** Advance of one half-width glyph, in ems. */
export const MONO_ADVANCE = 0.5;

/**
 * The folder holding the dossier fonts. Tried in order: `$ADSG_ASSETS_DIR/fonts`; the repository or
 * app root seen from a bundle (dist/main, dist/cli, dist/workers → ../../assets/fonts; the build
 * defines `import.meta.dirname` as the bundle's `__dirname`); the root seen from this source file
 * (tests and tsx).
 * @throws Error naming every folder tried when none holds the fonts.
 */
export function fontsDir(env: NodeJS.ProcessEnv = process.env): string {
  const candidates = [
    ...(env.ADSG_ASSETS_DIR ? [path.join(env.ADSG_ASSETS_DIR, 'fonts')] : []),
    path.resolve(import.meta.dirname, '..', '..', 'assets', 'fonts'),
    path.resolve(import.meta.dirname, '..', '..', '..', '..', 'assets', 'fonts'),
  ];
  const found = candidates.find(
    (dir) => existsSync(path.join(dir, REGULAR_FILE)) && existsSync(path.join(dir, BOLD_FILE)),
  );
  if (found === undefined)
    throw new Error(`The dossier fonts (${REGULAR_FILE}, ${BOLD_FILE}) are in none of: ${candidates.join(', ')}`);
  return found;
}

let cached: { regular: Buffer; bold: Buffer } | undefined;

/** Reads the two OTF files once per process (16 MB together); every render (and signature appearance) reuses the bytes. */
export function fontFiles(): { regular: Buffer; bold: Buffer } {
  if (cached === undefined) {
    const dir = fontsDir();
    cached = { regular: readFileSync(path.join(dir, REGULAR_FILE)), bold: readFileSync(path.join(dir, BOLD_FILE)) };
  }
  return cached;
}

/** The part of pdfkit's embedded font object that shapes text. */
interface LayoutFont {
  layout(text: string, features?: unknown, onlyWidth?: boolean): unknown;
}

/**
 * pdfkit caches shaping per word but never when OpenType features are asked for, and it shapes
 * each featured line several times per draw (measure, then encode). Hash and id lines use the
 * half-width feature, so without this they are a quarter of the render's CPU. Remembering the last
 * featured line is enough: the repeats come back to back. The result is never mutated by pdfkit.
 */
function rememberLastFeaturedLayout(font: LayoutFont): void {
  const shape = font.layout.bind(font);
  let lastKey: string | undefined;
  let last: unknown;
  font.layout = (text, features, onlyWidth) => {
    if (!features) return shape(text, features, onlyWidth);
    const key = `${onlyWidth ? 1 : 0}\u0000${JSON.stringify(features)}\u0000${text}`;
    if (key !== lastKey) {
      last = shape(text, features, onlyWidth);
      lastKey = key;
    }
    return last;
  };
}

/** Registers the regular and bold CJK fonts on a document (pdfkit embeds only the glyphs used). */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  const files = fontFiles();
  doc.registerFont(FONT.regular, files.regular);
  doc.registerFont(FONT.bold, files.bold);
  for (const name of [FONT.bold, FONT.regular]) {
    doc.font(name);
    // pdfkit keeps the font object it just opened in `_font` (not in its typings).
    rememberLastFeaturedLayout((doc as unknown as { _font: LayoutFont })._font);
  }
}
