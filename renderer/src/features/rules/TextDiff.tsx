import type { DiffPart } from '../../../../shared/rules/diff';

const STYLE = {
  added: { background: '#d9f7be', textDecoration: 'none' },
  removed: { background: '#ffccc7', textDecoration: 'line-through' },
} as const;

/** A word-level diff inline: removed words struck through in red, added ones in green. */
export function TextDiff({ parts }: { parts: readonly DiffPart[] }) {
  return (
    <span style={{ whiteSpace: 'pre-wrap' }}>
      {parts.map((p, i) =>
        p.kind === 'same' ? (
          <span key={i}>{p.text}</span>
        ) : p.kind === 'added' ? (
          <ins key={i} style={STYLE.added}>
            {p.text}
          </ins>
        ) : (
          <del key={i} style={STYLE.removed}>
            {p.text}
          </del>
        ),
      )}
    </span>
  );
}
