import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { useWorkbench, visit } from './harness';

const out = mkdtempSync(join(tmpdir(), 'adsg-e2e-dossier-'));

const workbench = useWorkbench();

test('review, lock, sign a dossier (downloaded, checked by pdfsig) and verify it (uploaded), in the UI', async () => {
  const host = workbench.host();
  const s = workbench.session();
  const { page } = s;
  await visit(page, host);
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
  await s.shot('dossier-02-review-zh');
  const download = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByRole('button', { name: /生成并签署/ }).click();
  const dossier = await download;
  expect(dossier.suggestedFilename()).toBe('Example Motors-r1-zh-CN.pdf');
  const pdf = join(out, dossier.suggestedFilename());
  await dossier.saveAs(pdf);
  await page.getByText(`报告已保存：${dossier.suggestedFilename()}`).waitFor({ timeout: 60_000 });
  const pdfsig = execFileSync('pdfsig', [pdf], { encoding: 'utf8' });
  expect(pdfsig).toContain('Signature is Valid.');
  expect(pdfsig).toContain('Total document signed');

  await page.getByRole('menuitem', { name: '验证报告' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /打开 PDF/ }).click();
  await (await chooser).setFiles(pdf);
  await page.getByText(`${dossier.suggestedFilename()}: 验证通过`, { exact: false }).waitFor();
  await s.shot('dossier-03-verify-zh');

  expect(s.offMachine).toEqual([]);
  expect(s.pageErrors).toEqual([]);
});
