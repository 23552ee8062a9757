import { expect, test } from 'vitest';
import { WEB_MESSAGES } from '../../shared/i18n/web-messages';
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
