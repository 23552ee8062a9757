/** Receives byte counts as a long file operation advances. */
export type ByteProgress = (bytesDone: number, bytesTotal: number) => void;

/** Report when this much time has passed since the last report… */
const MIN_INTERVAL_MS = 100;
/** …or when this share of the total has been done since the last report. */
const MIN_FRACTION = 0.01;

/**
 * Thins per-chunk progress out to what a progress bar needs: a report when 100 ms have passed or
 * another 1 % is done (so at most ~100 reports plus ten a second), and always a final one.
 */
export function throttleProgress(
  bytesTotal: number,
  onProgress: ByteProgress | undefined,
  now: () => number = Date.now,
): { update(bytesDone: number): void; finish(bytesDone: number): void } {
  let lastTime = now();
  let lastDone = 0;
  const step = Math.max(1, bytesTotal * MIN_FRACTION);
  return {
    update(bytesDone) {
      if (!onProgress || bytesDone === lastDone) return;
      const time = now();
      if (time - lastTime < MIN_INTERVAL_MS && bytesDone - lastDone < step) return;
      lastTime = time;
      lastDone = bytesDone;
      onProgress(bytesDone, Math.max(bytesTotal, bytesDone));
    },
    finish(bytesDone) {
      // The file may have changed size while read; the last report is always "all of it".
      onProgress?.(bytesDone, bytesDone);
    },
  };
}
