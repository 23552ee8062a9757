import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startBridge, type Bridge } from './bridge/server';
import { openSession, type Session } from './browser';

/**
 * The usual e2e set-up for a test file: a bridge over a fresh data folder serving the built
 * renderer, and a fresh Chromium; both closed after the file's tests.
 */
export function useWorkbench(): { bridge: () => Bridge; session: () => Session } {
  let bridge: Bridge | undefined;
  let session: Session | undefined;
  beforeAll(async () => {
    bridge = await startBridge({
      dataDir: mkdtempSync(join(tmpdir(), 'adsg-e2e-')),
      rendererDir: join(process.cwd(), 'dist/renderer'),
    });
    session = await openSession();
  });
  afterAll(async () => {
    await session?.close();
    await bridge?.close();
  });
  return { bridge: () => bridge!, session: () => session! };
}
