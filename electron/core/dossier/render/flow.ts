import { FRAME } from './theme';

/**
 * The vertical cursor of the body frame. Blocks ask it for room before drawing, so page breaks
 * happen between rows and blocks, never inside them.
 */
export class Flow {
  y: number = FRAME.top;

  constructor(readonly doc: PDFKit.PDFDocument) {}

  /** Zero-based index of the page being filled (pages are only ever appended while flowing). */
  get pageIndex(): number {
    const range = this.doc.bufferedPageRange();
    return range.start + range.count - 1;
  }

  /** Room left above the footer. */
  get remaining(): number {
    return FRAME.bottom - this.y;
  }

  get atTop(): boolean {
    return this.y <= FRAME.top;
  }

  newPage(): void {
    this.doc.addPage();
    this.y = FRAME.top;
  }

  /** Starts a new page unless `height` fits below the cursor (or the page is still empty); true when it broke. */
  ensure(height: number): boolean {
    if (height <= this.remaining || this.atTop) return false;
    this.newPage();
    return true;
  }

  /** Vertical space between blocks; swallowed at the top of a page so pages start flush. */
  space(height: number): void {
    if (!this.atTop) this.y = Math.min(this.y + height, FRAME.bottom);
  }
}
