import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { useWorkbench, visit } from './harness';

const files = mkdtempSync(join(tmpdir(), 'adsg-e2e-files-'));

const workbench = useWorkbench();

/** Fills and saves one export flow in the inventory drawer. */
async function addFlow(
  page: Page,
  f: { name: string; scenario: string; behaviour: string; individuals: string; sensitive: string },
) {
  await page.getByRole('button', { name: /新增出境活动/ }).click();
  const drawer = page.locator('.ant-drawer-open');
  await drawer.getByLabel('活动名称').fill(f.name);
  await drawer.getByLabel('业务场景').click();
  await page.locator('.ant-select-dropdown:visible').getByTitle(f.scenario, { exact: true }).click();
  await drawer.getByLabel('出境行为').click();
  await page.locator('.ant-select-dropdown:visible').getByTitle(f.behaviour, { exact: true }).click();
  await drawer.getByLabel('境外接收方').fill('Example Motors GmbH');
  await drawer.getByLabel('国家或地区').fill('德国');
  await drawer.getByLabel(/个人信息涉及人数（非敏感/).fill(f.individuals);
  await drawer.getByLabel(/敏感个人信息涉及人数（自/).fill(f.sensitive);
  await drawer.getByRole('button', { name: /保\s*存/ }).click();
  await page.getByRole('cell', { name: f.name }).waitFor();
}

const savedBadge = (page: Page) => page.locator('[data-save-state]');

test('an auditor’s day: project → flows → questionnaire → determination → checklist by keyboard → evidence → finding → dashboard → reload', async () => {
  const host = workbench.host();
  const s = workbench.session();
  const { page } = s;
  await visit(page, host);
  await page.getByRole('button', { name: '新建项目' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('项目名称').fill('华东工厂数据出境年度评估');
  await dialog.getByLabel('被评估组织').fill('华东汽车制造有限公司');
  await dialog.getByLabel('统一社会信用代码').fill('91310114MA1GT8XK2E');
  await dialog.getByRole('button', { name: /新\s*建/ }).click();
  await page.getByRole('link', { name: '华东工厂数据出境年度评估' }).click();

  // Two flows; together they cross the 1,000,000 threshold that neither crosses alone.
  await page.getByRole('tab', { name: '出境清单' }).click();
  await addFlow(page, {
    name: 'TSP 车辆数据同步至德国',
    scenario: '联网运行',
    behaviour: '向境外传输',
    individuals: '600000',
    sensitive: '0',
  });
  await addFlow(page, {
    name: '售后客户数据共享至集团',
    scenario: '销售与售后',
    behaviour: '向境外传输',
    individuals: '450000',
    sensitive: '0',
  });

  // The questionnaire of the first flow: answer every item "no".
  await page
    .getByRole('row', { name: /TSP 车辆数据同步至德国/ })
    .getByRole('button', { name: '重要数据识别' })
    .click();
  const drawer = page.locator('.ant-drawer-open');
  const groups = drawer.getByRole('radiogroup');
  const n = await groups.count();
  expect(n).toBeGreaterThan(3);
  for (let i = 0; i < n; i++) await groups.nth(i).getByText('否', { exact: true }).click();
  await drawer
    .getByText('识别结果: 未发现重要数据')
    .or(drawer.getByText(/未发现重要数据/))
    .first()
    .waitFor();
  await s.shot('day-01-questionnaire-zh');
  await drawer.getByRole('button', { name: 'Close' }).or(drawer.locator('.ant-drawer-close')).first().click();

  // The determination explains itself: aggregation across flows triggers the security assessment.
  await page.getByRole('tab', { name: '管理方式判定' }).click();
  const org = page.locator('.ant-card').filter({ hasText: '组织整体' }).first();
  await org.getByText('申报数据出境安全评估').first().waitFor();
  await org.getByText('推理过程').click();
  await org
    .getByText(/1,050,000|1050000/)
    .first()
    .waitFor();
  await s.shot('day-02-determination-zh');

  // Ten checklist items answered from the keyboard only.
  await page.getByRole('tab', { name: '检查清单' }).click();
  await page.getByRole('listbox').focus();
  const keys = ['1', '2', '1', '1', '5', '2', '1', '1', '2', '1'];
  for (const [i, key] of keys.entries()) {
    await page.keyboard.press(key);
    await expect.poll(() => savedBadge(page).getAttribute('data-save-state')).toBe('saved');
    if (i < keys.length - 1) await page.keyboard.press('j');
  }
  // A nonconforming result asks for a justification first, then saves.
  await page.keyboard.press('j');
  await page.keyboard.press('3');
  await expect.poll(() => savedBadge(page).getAttribute('data-save-state')).toBe('needs-justification');
  await page.keyboard.type('出境网关未启用双向认证');
  await page.keyboard.press('Escape');
  await expect.poll(() => savedBadge(page).getAttribute('data-save-state')).toBe('saved');
  await page.keyboard.press('n');
  await page.keyboard.type('现场查看网关配置，确认仅单向 TLS。');
  await page.keyboard.press('Escape');
  await expect.poll(() => savedBadge(page).getAttribute('data-save-state')).toBe('saved');
  // "Not assessed" does not count as done: 11 answered, 10 done.
  await page.getByText('已完成 10 / ').waitFor();

  // Evidence attached to the current item through the file input (64 MiB uploaded), with a progress bar.
  const big = join(files, '网关配置导出.bin');
  writeFileSync(big, Buffer.alloc(64 * 1024 * 1024, 7));
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /附加文件/ }).click();
  await (await chooser).setFiles(big);
  await page.getByTestId('job-progress').waitFor({ timeout: 20_000 });
  await s.shot('day-03-evidence-progress-zh');
  await page.getByText('网关配置导出.bin').first().waitFor({ timeout: 60_000 });

  // A finding on the same item.
  await page.getByRole('button', { name: /新建发现项/ }).click();
  const form = page.locator('.ant-drawer-open, .ant-modal-wrap').last();
  await form.getByLabel('标题').fill('出境网关未对境外接收方进行身份核验');
  await form
    .getByRole('button', { name: /保\s*存|新\s*建|创\s*建/ })
    .last()
    .click();
  await page.getByText(/已新建发现项 F-1/).waitFor();
  await s.shot('day-04-checklist-zh');

  // The dashboard reflects it all; then a reload keeps everything.
  await page.getByRole('tab', { name: '总览' }).click();
  await page.getByText('已评估 10 / ').waitFor();
  await s.shot('day-05-dashboard-zh');
  await page.reload();
  await page.getByText('已评估 10 / ').waitFor();
  await page.getByText('English', { exact: true }).click();
  await page.getByText('10 of').first().waitFor();
  await s.shot('day-06-dashboard-en');
  await page.getByRole('tab', { name: 'Checklists' }).click();
  await page.getByText('10 of').first().waitFor();
  await s.shot('day-07-checklist-en');
  await page.getByRole('tab', { name: 'Determination' }).click();
  await page.getByText('security assessment').first().waitFor();
  await s.shot('day-08-determination-en');

  expect(s.offMachine).toEqual([]);
  expect(s.pageErrors).toEqual([]);
});
