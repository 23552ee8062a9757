import { expect, test } from 'vitest';
import { useWorkbench, visit } from './harness';

const workbench = useWorkbench();

test('create a project in zh-CN, switch to English, reload: it is still there', async () => {
  const host = workbench.host();
  const s = workbench.session();
  const { page } = s;
  await visit(page, host);
  await page.getByRole('heading', { name: '评估项目' }).waitFor();
  await s.shot('01-projects-empty-zh');

  await page.getByRole('button', { name: '新建项目' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('项目名称').fill('上海工厂 2026 年度出境评估');
  await dialog.getByLabel('被评估组织').fill('示例汽车（上海）有限公司');
  // A wrong check character is refused with a clear message, and nothing is created.
  await dialog.getByLabel('统一社会信用代码').fill('91350100M000100Y44');
  await dialog
    .getByRole('button', { name: '新 建' })
    .or(dialog.getByRole('button', { name: '新建' }))
    .click();
  await expect.poll(() => dialog.getByText('校验位错误，请核对').isVisible()).toBe(true);
  await s.shot('02-project-form-bad-credit-code-zh');
  expect(await host.db.prepare('SELECT count(*) n FROM projects').get()).toEqual({ n: 0 });

  await dialog.getByLabel('统一社会信用代码').fill('91350100M000100Y43');
  await dialog.getByLabel('现场').fill('上海嘉定总装厂');
  await dialog
    .getByRole('button', { name: '新 建' })
    .or(dialog.getByRole('button', { name: '新建' }))
    .click();
  await page.getByRole('link', { name: '上海工厂 2026 年度出境评估' }).waitFor();
  await s.shot('03-projects-list-zh');

  await page.getByText('English', { exact: true }).click();
  await page.getByRole('heading', { name: 'Projects' }).waitFor();
  await page.reload();
  await page.getByRole('heading', { name: 'Projects' }).waitFor();
  await page.getByRole('link', { name: '上海工厂 2026 年度出境评估' }).click();
  await page.getByRole('tab', { name: 'Project' }).click();
  await page.getByText('Overview').waitFor();
  await expect.poll(() => page.getByText('91350100M000100Y43').first().isVisible()).toBe(true);
  await page.getByText(/Audit trail hash chain intact/).waitFor();
  await s.shot('04-project-detail-en');

  expect(s.offMachine).toEqual([]);
  expect(s.pageErrors).toEqual([]);
});
