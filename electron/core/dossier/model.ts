/**
 * The dossier as data: everything the PDF shows, already in the chosen language(s), with no layout.
 * `build-model.ts` makes it from a locked revision; `render.ts` lays it out with pdfkit. Keeping the
 * two apart lets tests check content without parsing PDFs, and keeps the renderer free of domain rules.
 */

/** Text with an optional tone; the renderer chooses colours from the tone. */
export type Tone = 'normal' | 'muted' | 'good' | 'warn' | 'bad' | 'info';

export interface Cell {
  text: string;
  tone?: Tone;
  /** Monospace (hashes, ids). */
  mono?: boolean;
}

export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; tone?: Tone }
  /** Label/value rows (project facts, pack metadata). */
  | { kind: 'facts'; rows: { label: string; value: Cell }[] }
  /** A table; `width` values are relative shares of the text width. Long tables break across pages, repeating the header. */
  | { kind: 'table'; columns: { header: string; width: number; align?: 'left' | 'right' | 'center' }[]; rows: Cell[][] }
  /** Horizontal stacked bars (conformity by area). */
  | { kind: 'bars'; title: string; categories: string[]; series: { name: string; color: string; values: number[] }[] }
  /** A donut chart (open findings by severity). */
  | { kind: 'donut'; title: string; slices: { name: string; value: number; color: string }[] }
  /** Big numbers side by side (progress, flows, findings, evidence). */
  | { kind: 'figures'; items: { label: string; value: string; tone?: Tone }[] };

export interface Section {
  /** Stable id (used for the outline and tests). */
  id: string;
  /** Shown in the contents with its page number and as the PDF outline entry. */
  title: string;
  blocks: Block[];
}

/** One signature box on the signature page; the PDF signature widget of that role is placed over it. */
export interface SignatureSlot {
  role: 'auditor' | 'reviewer';
  label: string;
  name: string;
  note: string;
}

export interface DossierModel {
  /** Language(s) of the text: 'both' puts Chinese first, English after. */
  lang: 'zh-CN' | 'en' | 'both';
  /** PDF metadata: title, author, subject, keywords; dates are fixed for byte-identical output. */
  info: { title: string; author: string; subject: string; keywords: string; createdAt: Date };
  /** Running header text (project · revision) and the "page x of y" pattern, e.g. "第 {page} / {pages} 页". */
  header: string;
  pageLabel: string;
  cover: {
    title: string;
    subtitle: string;
    rows: { label: string; value: string }[];
    /** The provenance notice: rule content reconstructed from public material. */
    notice: string;
  };
  contentsTitle: string;
  sections: Section[];
  signature: {
    title: string;
    intro: string;
    slots: SignatureSlot[];
    /** Caption under each signing line; the renderer falls back to "签名 / 日期" / "Signature / date" by `lang`. */
    lineLabel?: string;
  };
  /** Files embedded in the PDF (PDF/A-3 style associated files). */
  attachments: { name: string; description: string; mediaType: string; content: Buffer }[];
}
