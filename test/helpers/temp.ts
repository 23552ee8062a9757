import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCore, type Core } from '../../electron/core/core';

/** A new empty folder under the system temp dir. */
export const tempDir = (prefix = 'adsg-test-') => mkdtempSync(join(tmpdir(), prefix));

/** The compiled rules packs, built by test/global-setup.ts. */
export const RULES_DIR = join(process.cwd(), 'dist', 'rules');

/** A real core on a real SQLite file in a fresh data folder, with a fixed clock and an own anchor-key folder when given. */
export function tempCore(options: { now?: () => Date; dataDir?: string; keyDir?: string } = {}): Core {
  return openCore({ dataDir: options.dataDir ?? tempDir(), appVersion: '0.0.0-test', now: options.now, rulesDir: RULES_DIR, keyDir: options.keyDir });
}
