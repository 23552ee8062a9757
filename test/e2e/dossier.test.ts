import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { useWorkbench } from './harness';

const out = mkdtempSync(join(tmpdir(), 'adsg-e2e-dossier-'));

const workbench = useWorkbench();

test('review, lock, sign a dossier and verify it, in the UI', async () => {
  const bridge = workbench.bridge();
  const s = workbench.session();
  const { page } = s;
  await page.goto(bridge.url);
  await page.getByRole('button', { name: /一键创建示例项目/ }).click();
  await page.getByRole('tab', { name: '复核与报告' }).click();
  await page.getByRole('button', { name: '提交复核' }).click();
  await expect.poll(() => page.getByTestId('revision-state').textContent()).toBe('待复核');
  await page.getByRole('button', { name: '复核通过并锁定' }).click();
  await expect.poll(() => page.getByTestId('revision-state').textContent()).toBe('已通过（已锁定）');

  // A signing identity, created in Settings.
  await page.getByRole('menuitem', { name: '设置' }).click();
  await page.getByRole('button', { name: /创建自签名身份/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('姓名').fill('李伟 Li Wei');
  await dialog.getByLabel('机构').fill('示例审计有限公司');
  await dialog.getByLabel('口令（至少 8 个字符）').fill('correct horse 2026');
  await dialog.getByLabel('再次输入口令').fill('correct horse 2026');
  await dialog.getByRole('button', { name: /新\s*建/ }).click();
  await page.getByText('李伟 Li Wei', { exact: true }).waitFor({ timeout: 60_000 });
  await s.shot('dossier-01-settings-identity-zh');

  await page.goBack();
  await page.getByRole('tab', { name: '复核与报告' }).click();
  await page.getByLabel('签名身份（审核员）').click();
  await page.getByTitle(/李伟 Li Wei/).click();
  await page.getByLabel('身份口令').fill('correct horse 2026');
  const pdf = join(out, 'dossier.pdf');
  bridge.nextSave = pdf;
  await s.shot('dossier-02-review-zh');
  await page.getByRole('button', { name: /生成并签署/ }).click();
  await page.getByText(/报告已保存/).waitFor({ timeout: 60_000 });
  expect(existsSync(pdf)).toBe(true);

  await page.getByRole('menuitem', { name: '验证报告' }).click();
  bridge.nextPick = [pdf];
  await page.getByRole('button', { name: /打开 PDF/ }).click();
  await page.getByText(/验证通过/).waitFor();
  await s.shot('dossier-03-verify-zh');

  expect(s.offMachine).toEqual([]);
  expect(s.pageErrors).toEqual([]);
});
