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

  // Verified on this machine before anyone trusts the auditor: intact, but the signer is not trusted.
  await page.getByRole('menuitem', { name: '验证报告' }).click();
  bridge.nextPick = [pdf];
  await page.getByRole('button', { name: /打开 PDF/ }).click();
  await page.getByText(/签名完好、文件未被改动，但有签名人不在本机信任列表中/).waitFor();
  await s.shot('dossier-03-verify-untrusted-zh');

  // The auditor's certificate exported and trusted, in Settings: now it verifies.
  const cert = join(out, 'auditor.pem');
  await page.getByRole('menuitem', { name: '设置' }).click();
  bridge.nextSave = cert;
  await page.getByRole('button', { name: /导出证书（PEM）/ }).click();
  await page.getByText(/证书已保存/).waitFor();
  bridge.nextPick = [cert];
  await page.getByRole('button', { name: /导入证书/ }).click();
  await page.getByRole('menuitem', { name: '验证报告' }).click();
  bridge.nextPick = [pdf];
  await page.getByRole('button', { name: /打开 PDF/ }).click();
  await page.getByText(/所有签名有效且受信任/).waitFor();
  await s.shot('dossier-04-verify-zh');

  // The reviewer countersigns: the dossier is checked and shown before the passphrase is asked for.
  await page.getByRole('menuitem', { name: '设置' }).click();
  await page.getByRole('button', { name: /创建自签名身份/ }).click();
  const reviewerDialog = page.getByRole('dialog');
  await reviewerDialog.getByLabel('姓名').fill('陈静 Chen Jing');
  await reviewerDialog.getByLabel('机构').fill('示例审计有限公司');
  await reviewerDialog.getByLabel('口令（至少 8 个字符）').fill('reviewer horse 2026');
  await reviewerDialog.getByLabel('再次输入口令').fill('reviewer horse 2026');
  await reviewerDialog.getByRole('button', { name: /新\s*建/ }).click();
  await page.getByText('陈静 Chen Jing', { exact: true }).waitFor({ timeout: 60_000 });
  await page.getByRole('menuitem', { name: '评估项目' }).click();
  await page.getByText('Example Motors').first().click();
  await page.getByRole('tab', { name: '复核与报告' }).click();
  bridge.nextPick = [pdf];
  await page.getByRole('button', { name: /选择 PDF 并检查/ }).click();
  const preview = page.getByTestId('countersign-preview');
  await preview.getByText('李伟 Li Wei · 示例审计有限公司').waitFor();
  await expect.poll(() => preview.textContent()).toContain('Example Motors');
  // The auditor's own certificate is refused before any passphrase is typed.
  await page.getByLabel('签名身份（复核人）').click();
  await page.locator('.ant-select-dropdown:visible').getByTitle(/李伟 Li Wei/).click();
  await page.getByText(/会签必须使用另一张证书/).waitFor();
  await page.getByLabel('签名身份（复核人）').click();
  await page.locator('.ant-select-dropdown:visible').getByTitle(/陈静 Chen Jing/).click();
  await expect.poll(() => page.getByText(/会签必须使用另一张证书/).count()).toBe(0);
  await page.getByLabel('复核人口令').fill('reviewer horse 2026');
  await s.shot('dossier-05-countersign-preview-zh');
  const countersigned = join(out, 'dossier-countersigned.pdf');
  bridge.nextSave = countersigned;
  await page.getByRole('button', { name: /会\s*签/ }).click();
  await page.getByText(/会签后的报告已保存/).waitFor({ timeout: 60_000 });
  expect(existsSync(countersigned)).toBe(true);

  expect(s.offMachine).toEqual([]);
  expect(s.pageErrors).toEqual([]);
});
