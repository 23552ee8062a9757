import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { listTrail } from '../../electron/core/audit-trail/trail';
import { listProjects } from '../../electron/core/db/repos/projects';
import { SCREENSHOT_DIR } from './browser';
import { useWorkbench, visit } from './harness';

const workbench = useWorkbench();
const EXAMPLE = 'adsg-2026@1.1.0-example';

/** A screenshot of one part of the page, whole: the page scrolls inside its content area, so the window is made tall for it. */
async function wholeShot(page: Page, part: ReturnType<Page['getByTestId']>, name: string) {
  const height = Math.ceil((await part.boundingBox())?.height ?? 0) + 400;
  await page.setViewportSize({ width: 1366, height: Math.max(860, height) });
  await part.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
  await page.setViewportSize({ width: 1366, height: 860 });
}

/** The header's language switch. */
async function switchTo(page: Page, language: '简体中文' | 'English') {
  await page.locator('.ant-segmented').getByText(language, { exact: true }).click();
}

test('compare the sample pack versions, then upgrade the sample project and re-confirm a carried answer, in the UI', async () => {
  const host = workbench.host();
  const s = workbench.session();
  const { page } = s;
  await visit(page, host);
  await page.getByRole('button', { name: /一键创建示例项目/ }).click();
  await page.getByRole('tab', { name: '规则包' }).waitFor();

  // The diff of the two shipped versions, threshold change first.
  await page.getByRole('menuitem', { name: '规则包' }).click();
  await page.getByRole('cell', { name: EXAMPLE }).waitFor();
  await page.getByRole('button', { name: '比 较' }).or(page.getByRole('button', { name: '比较' })).click();
  const determining = page.getByTestId('determining-changes');
  await determining.waitFor();
  await expect.poll(() => determining.locator('[data-item-change]').first().getAttribute('data-item-change')).toBe('adsg-2026:threshold-pi-contract-floor');
  await page.getByText(/是示例版本，只用于演示版本比较和项目升级/).first().waitFor();
  await page.locator('[data-item-change="adsg-2026:log-05"] ins', { hasText: '12' }).first().waitFor();
  await s.shot('rules-01-diff-zh');
  await switchTo(page, 'English');
  await page.getByText('Changes that can move a determination').waitFor();
  await s.shot('rules-02-diff-en');
  await wholeShot(page, page.getByTestId('pack-diff'), 'rules-02b-diff-whole-en');
  await switchTo(page, '简体中文');

  // The sample project: preview the upgrade, with the determination that moves shown before confirming.
  await page.getByRole('menuitem', { name: '评估项目' }).click();
  await page.getByRole('link', { name: 'Example Motors' }).click();
  await page.getByRole('tab', { name: '规则包' }).click();
  await page.getByTestId('project-pack').filter({ hasText: 'adsg-2026@1.0.0' }).waitFor();
  await page.getByLabel('改用版本').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option-content', { hasText: EXAMPLE }).click();
  await page.getByRole('button', { name: '预览升级' }).click();
  const preview = page.getByTestId('upgrade-preview');
  await preview.waitFor();
  const tsp = preview.getByRole('row', { name: /TSP 车辆运行数据同步至欧洲总部/ });
  await tsp.getByText('订立标准合同或通过个人信息出境认证').waitFor();
  await tsp.getByText('豁免', { exact: true }).waitFor();
  await tsp.getByText('改变').waitFor();
  await preview.getByText(/LM-05/).first().waitFor();
  await s.shot('rules-03-upgrade-preview-zh');
  await wholeShot(page, preview, 'rules-03b-upgrade-preview-whole-zh');
  await switchTo(page, 'English');
  await preview.getByText('Determinations').waitFor();
  await s.shot('rules-04-upgrade-preview-en');
  await switchTo(page, '简体中文');

  // Nothing changed yet; then confirm.
  const projectId = listProjects(host.db, false)[0]!.id;
  expect(listProjects(host.db, false)[0]!.rulesPack.version).toBe('1.0.0');
  await preview.getByRole('button', { name: '确认升级' }).click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '确认升级' }).click();
  await page.getByText(`项目已改用 ${EXAMPLE}`).waitFor();
  await page.getByTestId('project-pack').filter({ hasText: EXAMPLE }).waitFor();
  expect(listProjects(host.db, false)[0]!.rulesPack.version).toBe('1.1.0-example');
  const actions = listTrail(host.db, projectId).map((r) => r.action);
  expect(actions).toContain('upgrade-pack');
  expect(actions.filter((a) => a === 'carry-reconfirm').length).toBeGreaterThanOrEqual(2);

  // The carried answers: LM-05 and the annotation-scenes question wait; MS-10 is archived.
  const list = page.getByTestId('reconfirm-list');
  await list.locator('[data-reconfirm="adsg-2026:log-05"]').waitFor();
  await list.locator('[data-reconfirm$="/adsg-2026:idata-rd-annotation-scenes"]').waitFor();
  await page.getByTestId('archived-answers').getByText(/MS-10/).waitFor();
  await s.shot('rules-05-reconfirm-zh');
  await wholeShot(page, list, 'rules-05b-reconfirm-list-zh');

  // In the checklist, LM-05 shows the change beside the answer; confirming there clears it.
  await page.getByRole('tab', { name: '检查清单' }).click();
  await page.getByPlaceholder('搜索要求或编号').fill('LM-05');
  const notice = page.locator('[data-reconfirm="adsg-2026:log-05"]');
  await notice.waitFor();
  await notice.locator('ins', { hasText: '12' }).first().waitFor();
  await s.shot('rules-06-checklist-notice-zh');
  await notice.getByRole('button', { name: /确认仍然成立/ }).click();
  await notice.waitFor({ state: 'detached' });
  expect(listTrail(host.db, projectId, 'adsg-2026:log-05')[0]!.action).toBe('confirm-carried');

  await page.getByRole('tab', { name: '规则包' }).click();
  await list.locator('[data-reconfirm$="/adsg-2026:idata-rd-annotation-scenes"]').waitFor();
  expect(await list.locator('[data-reconfirm="adsg-2026:log-05"]').count()).toBe(0);
  expect(s.offMachine).toEqual([]);
  expect(s.pageErrors).toEqual([]);
});
