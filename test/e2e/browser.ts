import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_FLAGS } from './chromium-flags';

export const SCREENSHOT_DIR = join(process.cwd(), 'test-output', 'screenshots');

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Every request that tried to leave 127.0.0.1 (each was aborted). */
  offMachine: string[];
  /** Console errors and uncaught page errors. */
  pageErrors: string[];
  shot(name: string): Promise<void>;
  close(): Promise<void>;
}

/** A fresh Chromium with a fresh profile; any request off the loopback address is recorded and aborted. */
export async function openSession(): Promise<Session> {
  // A persistent context on a brand-new folder is how Playwright takes a fresh --user-data-dir.
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'adsg-chromium-')), {
    executablePath: '/usr/bin/chromium',
    args: CHROMIUM_FLAGS,
    viewport: { width: 1366, height: 860 },
    locale: 'zh-CN',
  });
  const offMachine: string[] = [];
  const pageErrors: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (/^(https?|wss?):\/\/127\.0\.0\.1[:/]/.test(url) || /^(data|blob):/.test(url)) return route.continue();
    offMachine.push(url);
    return route.abort();
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && pageErrors.push(m.text()));
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    context,
    page,
    offMachine,
    pageErrors,
    shot: async (name) => void (await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true })),
    close: () => context.close(),
  };
}
