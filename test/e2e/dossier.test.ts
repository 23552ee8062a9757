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

  // Verified on this machine before anyone trusts the auditor: intact, but the signer is not trusted.
  await page.getByRole('menuitem', { name: '验证报告' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /打开 PDF/ }).click();
  await (await chooser).setFiles(pdf);
  await page.getByText(/签名完好、文件未被改动，但有签名人不在本机信任列表中/).waitFor();
  await s.shot('dossier-03-verify-untrusted-zh');

  // The auditor's certificate exported and trusted, in Settings: now it verifies.
  await page.getByRole('menuitem', { name: '设置' }).click();
  const certDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: /导出证书（PEM）/ }).click();
  const cert = join(out, 'auditor.pem');
  await (await certDownload).saveAs(cert);
  await page.getByText(/证书已保存/).waitFor();
  const certChooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /导入证书/ }).click();
  await (await certChooser).setFiles(cert);
  await page.getByRole('menuitem', { name: '验证报告' }).click();
  const again = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /打开 PDF/ }).click();
  await (await again).setFiles(pdf);
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
  const toCountersign = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /选择 PDF 并检查/ }).click();
  await (await toCountersign).setFiles(pdf);
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
  const countersignedDownload = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByRole('button', { name: /会\s*签/ }).click();
  const countersigned = join(out, 'dossier-countersigned.pdf');
  await (await countersignedDownload).saveAs(countersigned);
  await page.getByText(/会签后的报告已保存/).waitFor({ timeout: 60_000 });
  const both = execFileSync('pdfsig', [countersigned], { encoding: 'utf8' });
  expect(both.match(/Signature is Valid\./g)).toHaveLength(2);

  expect(s.offMachine).toEqual([]);
  expect(s.pageErrors).toEqual([]);
});
