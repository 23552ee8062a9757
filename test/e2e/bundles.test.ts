import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { useWorkbench } from './harness';

const workbench = useWorkbench();

test('export the sample project as a bundle and import it back as a copy, in the UI', async () => {
  const bridge = workbench.bridge();
  const s = workbench.session();
  const { page } = s;
  await page.goto(bridge.url);
  await page.getByRole('button', { name: /一键创建示例项目/ }).click();
  await page.getByRole('tab', { name: '项目信息' }).click();
  const file = join(mkdtempSync(join(tmpdir(), 'adsg-e2e-bundle-')), 'example-motors.adsg');
  bridge.nextSave = file;
  await page.getByRole('button', { name: /导出项目包/ }).click();
  await page.getByText(/项目包已保存/).waitFor({ timeout: 60_000 });
  expect(existsSync(file)).toBe(true);

  await page.getByRole('menuitem', { name: '评估项目' }).click();
  bridge.nextPick = [file];
  await page.getByRole('button', { name: '作为副本导入' }).click();
  await page.getByText(/已导入项目“Example Motors”/).waitFor({ timeout: 60_000 });
  await page.getByRole('tab', { name: '总览' }).waitFor();
  await s.shot('bundle-01-imported-copy-zh');
  const projects = bridge.core.db.prepare('SELECT count(*) n FROM projects').get() as { n: number };
  expect(projects.n).toBe(2);
  expect(s.offMachine).toEqual([]);
  expect(s.pageErrors).toEqual([]);
});
