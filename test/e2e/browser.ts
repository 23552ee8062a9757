import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_FLAGS } from './chromium-flags';

export const SCREENSHOT_DIR = join(process.cwd(), 'test-output', 'screenshots');

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Every request that tried to leave 127.0.0.1 (each failed without leaving). */
  offMachine: string[];
  /** Console errors and uncaught page errors. */
  pageErrors: string[];
  shot(name: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Everything not addressed to this machine goes to a proxy that is not there (the discard port),
 * so it fails without leaving; Chromium never sends loopback requests through a proxy. Blocking
 * in the network stack rather than by Playwright's request interception matters: interception
 * copies every request body through the driver, which cannot carry a 400 MB upload.
 */
const OFF_MACHINE_BLOCK = ['--proxy-server=http://127.0.0.1:9'];

const isLocal = (url: string) => /^(https?|wss?):\/\/127\.0\.0\.1[:/]/.test(url) || /^(data|blob):/.test(url);

/** A fresh Chromium with a fresh profile; any request off the loopback address is recorded, and fails. */
export async function openSession(): Promise<Session> {
  // A persistent context on a brand-new folder is how Playwright takes a fresh --user-data-dir.
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'adsg-chromium-')), {
    executablePath: '/usr/bin/chromium',
    args: [...CHROMIUM_FLAGS, ...OFF_MACHINE_BLOCK],
    viewport: { width: 1366, height: 860 },
    locale: 'zh-CN',
  });
  const offMachine: string[] = [];
  const pageErrors: string[] = [];
  context.on('request', (request) => {
    if (!isLocal(request.url())) offMachine.push(request.url());
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
