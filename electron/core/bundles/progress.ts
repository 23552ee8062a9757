import { throttleProgress } from '../evidence/progress';

/** Where a bundle job stands: pushed to the UI as `job:progress` events of kind `bundle`. */
export interface BundleProgress {
  /** export: writing the bundle; verify: unpacking and checking every byte; store: moving evidence in. */
  phase: 'export' | 'verify' | 'store';
  /** The entry or file being worked on. */
  label: string;
  done: number;
  total: number;
}

/**
 * Counts bytes of one phase and reports them at most every 100 ms or 1 % (the evidence store's
 * throttle), so a multi-GB bundle does not flood the UI with events; the last report is always sent.
 */
export function progressOf(phase: BundleProgress['phase'], total: number, onProgress?: (p: BundleProgress) => void) {
  let label = '';
  let done = 0;
  const throttle = throttleProgress(total, onProgress && ((d, t) => onProgress({ phase, label, done: d, total: t })));
  return {
    advance(current: string, bytes: number): void {
      label = current;
      done += bytes;
      throttle.update(done);
    },
    finish(): void {
      throttle.finish(done);
    },
  };
}
