import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { startUi, type UiProcess } from '../web/ui-process';
import { openSession, type Session } from './browser';

/**
 * The usual e2e set-up for a test file: the product's web host over a fresh data folder, started
 * as `adsg ui --no-open` starts it (a child process of the built CLI), and a fresh Chromium; both
 * stopped after the file's tests, the host by Ctrl-C, which must end it cleanly (exit 0).
 */
export function useWorkbench(): { host: () => UiProcess; session: () => Session } {
  let host: UiProcess | undefined;
  let session: Session | undefined;
  beforeAll(async () => {
    host = await startUi();
    session = await openSession();
  });
  afterAll(async () => {
    await session?.close();
    if (host) expect(await host.stop(), host.stderr()).toBe(0);
  });
  return { host: () => host!, session: () => session! };
}

/**
 * Opens a route of the app (`/projects/…`). A page's first visit goes through the address the
 * host printed, as a user's would: the page takes the token from it and clears it from the address.
 */
export async function visit(page: Page, host: UiProcess, route = '/'): Promise<void> {
  if (!page.url().startsWith(host.origin)) {
    await page.goto(host.url);
    await page.waitForURL(`${host.origin}/#/`);
  }
  if (route !== '/') await page.goto(`${host.origin}/#${route}`);
}
