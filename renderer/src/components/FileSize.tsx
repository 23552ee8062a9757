const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/** "1.4 MB" style size (binary units, as file managers show them); bytes below 1 KB stay exact. */
export function formatFileSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${UNITS[unit]}`;
}

/** A human-readable size; the exact byte count is in the tooltip. */
export function FileSize({ bytes }: { bytes: number }) {
  return (
    <span title={`${bytes.toLocaleString()} B`} style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
      {formatFileSize(bytes)}
    </span>
  );
}
