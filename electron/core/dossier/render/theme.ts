import type { Tone } from '../model';

/** A4 in points, and the frame the body text flows in (the running header and footer sit outside it). */
export const PAGE = { width: 595.28, height: 841.89 } as const;

export const FRAME = (() => {
  const left = 62;
  const right = PAGE.width - 62;
  const top = 86;
  const bottom = PAGE.height - 74;
  return { left, right, top, bottom, width: right - left, height: bottom - top };
})();

/** A restrained palette: one deep blue for structure, greys for text, tone colours only where they carry meaning. */
export const COLOR = {
  ink: '#1d2733',
  text: '#2f3a47',
  muted: '#6b7686',
  faint: '#9aa3af',
  navy: '#163a63',
  accent: '#2f7bbf',
  rule: '#d6dce4',
  hairline: '#e6eaef',
  zebra: '#f5f7fa',
  panel: '#f2f5f9',
  white: '#ffffff',
} as const;

export const TONE_COLOR: Record<Tone, string> = {
  normal: COLOR.text,
  muted: COLOR.muted,
  good: '#1e7a46',
  warn: '#a86400',
  bad: '#b42318',
  info: '#1f5fa8',
};

/** Type sizes in points. */
export const SIZE = {
  body: 9.5,
  small: 8,
  table: 8,
  furniture: 7.5,
  heading: 11.5,
  sectionTitle: 19,
  coverTitle: 27,
} as const;

/**
 * Added to the font's own 1.5 em line spacing, in points: body text keeps the generous CJK leading,
 * tables tighten to about 1.4 em so long manifests stay compact.
 */
export const LINE_GAP = { table: -0.8 } as const;
