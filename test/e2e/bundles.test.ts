import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { useWorkbench, visit } from './harness';

const workbench = useWorkbench();

test('export the sample project as a bundle (a download) and import it back as a copy (an upload), in the UI', async () => {
  const host = workbench.host();
  const s = workbench.session();
  const { page } = s;
  await visit(page, host);
  await page.getByRole('button', { name: /一键创建示例项目/ }).click();
  await page.getByRole('tab', { name: '项目信息' }).click();

  const download = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByRole('button', { name: /导出项目包/ }).click();
  const bundle = await download;
  expect(bundle.suggestedFilename()).toBe('Example Motors.adsg');
  const file = join(mkdtempSync(join(tmpdir(), 'adsg-e2e-bundle-')), bundle.suggestedFilename());
  await bundle.saveAs(file);
  // The message names the file as the user knows it, not a path on the server's side.
  await page.getByText(`项目包已保存：${bundle.suggestedFilename()}`).waitFor({ timeout: 60_000 });
  expect(statSync(file).size).toBeGreaterThan(1000);
  // Served once, then gone from the data folder's temp area; the ticket does not work twice.
  await expect.poll(() => host.transfers()).toEqual([]);
  expect((await fetch(bundle.url())).status).toBe(404);

  await page.getByRole('menuitem', { name: '评估项目' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '作为副本导入' }).click();
  await (await chooser).setFiles(file);
  await page.getByText(/已导入项目“Example Motors”/).waitFor({ timeout: 60_000 });
  await page.getByRole('tab', { name: '总览' }).waitFor();
  await s.shot('bundle-01-imported-copy-zh');
  expect(host.db.prepare('SELECT count(*) n FROM projects').get()).toEqual({ n: 2 });
  // The uploaded bundle was read once and removed.
  expect(host.transfers()).toEqual([]);
  expect(existsSync(file)).toBe(true);
  expect(s.offMachine).toEqual([]);
  expect(s.pageErrors).toEqual([]);
});
