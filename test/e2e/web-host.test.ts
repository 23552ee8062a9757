import { expect, test } from 'vitest';
import { WEB_MESSAGES } from '../../shared/i18n/web-messages';
import { startUi } from '../web/ui-process';
import { useWorkbench, visit } from './harness';

const workbench = useWorkbench();

test('the token moves from the address into the tab’s sessionStorage; a tab without it is refused in both languages', async () => {
  const host = workbench.host();
  const s = workbench.session();
  const { page } = s;
  await visit(page, host);
  await page.getByRole('heading', { name: '评估项目' }).waitFor();
  // Out of the address bar (and so out of the history entry), into this tab only.
  expect(page.url()).toBe(`${host.origin}/#/`);
  expect(await page.evaluate(() => Object.values(sessionStorage))).toEqual([host.token]);
  expect(await page.evaluate(() => localStorage.length)).toBe(0);
  await page.reload();
  await page.getByRole('heading', { name: '评估项目' }).waitFor();
  await s.shot('web-01-projects-zh');
  await page.getByText('English', { exact: true }).click();
  await page.getByRole('heading', { name: 'Projects' }).waitFor();
  await s.shot('web-02-projects-en');

  // Another tab has no token (sessionStorage is per tab): the page says what to open, in both languages.
  const other = await s.context.newPage();
  await other.goto(`${host.origin}/`);
  const refusal = other.getByRole('alert');
  await refusal.getByText(WEB_MESSAGES.token['zh-CN'], { exact: false }).waitFor();
  await refusal.getByText(WEB_MESSAGES.token.en, { exact: false }).waitFor();
  await other.screenshot({ path: 'test-output/screenshots/web-03-no-token.png' });
  await other.close();

  expect(s.offMachine).toEqual([]);
  expect(s.pageErrors.filter((e) => !e.includes('401'))).toEqual([]);
});

test('the suite’s guard catches a request that tries to leave the machine (and it does not leave)', async () => {
  const s = workbench.session();
  const probe = await s.context.newPage();
  const failed = await probe.evaluate(() => fetch('http://192.0.2.10/probe').then(() => 'answered', () => 'failed'));
  await probe.close();
  expect(failed).toBe('failed');
  expect(s.offMachine.splice(0)).toEqual(['http://192.0.2.10/probe']);
});

test('after a restart on the same port, pasting the new address into the old tab starts over with the new token', async () => {
  const s = workbench.session();
  const page = await s.context.newPage();
  const first = await startUi();
  await visit(page, first);
  await page.getByRole('heading', { name: '评估项目' }).waitFor();
  expect(await first.stop()).toBe(0);
  const second = await startUi({ dataDir: first.dataDir, args: ['--port', String(first.port)] });
  try {
    expect(second.origin).toBe(first.origin);
    // Same origin: only the fragment changes, so the page reloads itself to take the new token.
    await page.goto(second.url);
    await page.waitForURL(`${second.origin}/#/`);
    await page.getByRole('button', { name: /一键创建示例项目/ }).click();
    await page.getByRole('tab', { name: '总览' }).waitFor({ timeout: 60_000 });
    expect(await page.evaluate(() => Object.values(sessionStorage))).toEqual([second.token]);
  } finally {
    await page.close();
    expect(await second.stop()).toBe(0);
  }
  expect(s.offMachine).toEqual([]);
});
