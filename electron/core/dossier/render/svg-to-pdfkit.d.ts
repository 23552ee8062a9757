// svg-to-pdfkit ships no types; this covers the one call the dossier makes.
declare module 'svg-to-pdfkit' {
  interface SVGtoPDFOptions {
    width?: number;
    height?: number;
    /** Take SVG user units as points (otherwise 1px = 0.75pt). */
    assumePt?: boolean;
    preserveAspectRatio?: string;
    /** Returns a font name registered on the document for a CSS family. */
    fontCallback?: (
      family: string,
      bold: boolean,
      italic: boolean,
      options: { fauxBold: boolean; fauxItalic: boolean },
    ) => string;
    warningCallback?: (message: string) => void;
  }
  function SVGtoPDF(doc: PDFKit.PDFDocument, svg: string, x: number, y: number, options?: SVGtoPDFOptions): void;
  export = SVGtoPDF;
}
