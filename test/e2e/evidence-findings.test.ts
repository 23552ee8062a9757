import {
  appendFileSync,
  closeSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, onTestFailed, test } from 'vitest';
import { storedPath } from '../../electron/core/evidence/paths';
import { dataPaths } from '../../electron/core/paths';
import { startUi, type UiProcess } from '../web/ui-process';
import { openSession, type Session } from './browser';
import { visit } from './harness';

let host: UiProcess;
let s: Session;
let projectId: string;
let files: string;
let out: string;
let dataDir: string;
const MB = 1024 * 1024;

/** antd puts a space between two CJK characters of a button ("删 除"): match with or without it. */
const label = (text: string) =>
  new RegExp(`(^|\\s)${[...text].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s?')}\\s*$`);
const button = (scope: Page | Locator, text: string) => scope.getByRole('button', { name: label(text) });

/** A file of `size` bytes whose content differs by `seed`, written in 8 MB chunks. */
function bigFile(path: string, size: number, seed: number) {
  const chunk = Buffer.alloc(8 * MB, seed);
  const fd = openSync(path, 'w');
  for (let done = 0; done < size; done += chunk.length) {
    chunk.writeUInt32BE(done / chunk.length, 0);
    writeSync(fd, chunk, 0, Math.min(chunk.length, size - done));
  }
  closeSync(fd);
}

const evidenceRow = (fileName: string) =>
  host.db
    .prepare('SELECT id, sha256, description FROM evidence WHERE project_id = ? AND file_name = ?')
    .get(projectId, fileName) as { id: string; sha256: string; description: string } | undefined;
const evidenceCount = () =>
  (host.db.prepare('SELECT count(*) n FROM evidence WHERE project_id = ?').get(projectId) as { n: number }).n;

/** Plays a drag of one file onto the evidence page (a File made in the page, as a drop hands it over). */
async function dropFile(page: Page, name: string, phases: string[]) {
  await page.evaluate(
    ({ name, phases }) => {
      const dt = new DataTransfer();
      dt.items.add(new File(['dropped'], name, { type: 'text/plain' }));
      const target = document.querySelector('[data-testid="evidence-page"]')!;
      for (const type of phases)
        target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
    },
    { name, phases },
  );
}

/** Chooses `paths` in the file chooser that clicking `trigger` opens (the page's file input). */
async function chooseFiles(page: Page, trigger: Locator, paths: string[]) {
  const chooser = page.waitForEvent('filechooser');
  await trigger.click();
  await (await chooser).setFiles(paths);
}

/** Saves the download that clicking `trigger` starts at `path`; resolves with the name it was offered under. */
async function download(page: Page, trigger: Locator, dir: string): Promise<{ name: string; path: string }> {
  const started = page.waitForEvent('download');
  await trigger.click();
  const file = await started;
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  return { name: file.suggestedFilename(), path };
}

/** The files in the data folder's temp area: uploads waiting and downloads not yet fetched. */
const transfers = () => host.transfers();

/** Lets open/close animations finish before a screenshot. */
const settle = (page: Page) => page.waitForTimeout(400);

/** Chooses the first option matching `search` in an antd Select, then closes its list. */
async function choose(page: Page, select: Locator, search: string) {
  await select.click();
  await select.pressSequentially(search);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().waitFor();
  await select.press('Enter');
  await select.press('Escape');
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'adsg-e2e-'));
  host = await startUi({ dataDir });
  const created = await host.call<{ id: string }>('projects:create', {
    name: '嘉定总装厂 2026 出境评估',
    organization: '示例汽车（上海）有限公司',
    creditCode: '91350100M000100Y43',
    auditor: '王审核',
  });
  if (!created.ok) throw new Error(created.error.message);
  projectId = created.value.id;
  await host.call('settings:update', { actorName: '王审核' });

  files = mkdtempSync(join(tmpdir(), 'adsg-e2e-files-'));
  out = mkdtempSync(join(tmpdir(), 'adsg-e2e-out-'));
  bigFile(join(files, '车辆轨迹数据导出包.bin'), 400 * MB, 1);
  bigFile(join(files, '整车日志归档.bin'), 600 * MB, 2);
  writeFileSync(
    join(files, '日志留存配置.txt'),
    [
      '# 出境链路日志留存配置（2026-10-12 导出）',
      'log.retention.days = 180',
      'log.export.targets = [ "eu-frankfurt-01", "sg-02" ]',
      'alert.cross-border.enabled = true',
      '2026-10-11T08:14:03+08:00 ALERT 出境流量超过阈值 link=eu-frankfurt-01 bytes=8.2GB',
      ...Array.from(
        { length: 40 },
        (_, i) =>
          `2026-10-11T09:${String(i).padStart(2, '0')}:00+08:00 INFO 车辆数据批次 ${1000 + i} 已加密传输 (AES-256-GCM)`,
      ),
    ].join('\n'),
  );
  writeFileSync(
    join(files, '数据出境安全管理制度.pdf'),
    '%PDF-1.4\n% 示例制度文件\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n',
  );
  writeFileSync(join(files, '拖放的导出审批单.txt'), '出境审批单 2026-031：批准向德国研发中心传输测试场景数据。\n');
  writeFileSync(join(files, '补充访谈记录.txt'), '访谈对象：数据安全负责人。确认境外接收方已签署标准合同。\n');

  s = await openSession();
  // A "photo" taken on site: rendered locally (setContent fetches nothing) and screenshotted as PNG.
  const photo = await s.context.newPage();
  await photo.setViewportSize({ width: 480, height: 300 });
  await photo.setContent(
    `<body style="margin:0;background:#20303f;color:#e8eef5;font:16px 'Noto Sans Hans',sans-serif;display:flex;align-items:center;justify-content:center;height:300px">
       <div style="border:2px solid #7fb3e6;padding:24px 32px;border-radius:8px"><b>机房 B2 门禁记录</b><br>2026-11-20 09:41 刷卡进入：运维 张工<br>摄像头 CAM-07 正常</div></body>`,
  );
  await photo.screenshot({ path: join(files, '机房门禁照片.png') });
  await photo.close();
}, 120_000);

afterAll(async () => {
  await s?.close();
  if (host) expect(await host.stop(), host.stderr()).toBe(0);
  // The big test files and their stored copies are ~1.4 GB: never leave them behind.
  for (const dir of [files, out, dataDir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

test('evidence vault and findings in zh-CN: upload with progress, cancel, preview, verify, tamper, link, findings, CSV download', async () => {
  const { page } = s;
  onTestFailed(() => s.shot('evidence-findings-failed-zh'));
  await visit(page, host, `/projects/${projectId}/evidence`);
  await page.getByRole('heading', { name: '证据' }).waitFor();
  await page.getByText('还没有证据').waitFor();
  await s.shot('evidence-01-empty-zh');

  // Dragging files over the page shows the drop overlay; leaving takes it away (a real drop is in the English test).
  await dropFile(page, '现场照片.jpg', ['dragenter', 'dragover']);
  await page.getByText('松开鼠标，将文件添加为证据').waitFor();
  await s.shot('evidence-02-drop-overlay-zh');
  await dropFile(page, '现场照片.jpg', ['dragleave']);
  await expect.poll(() => page.getByText('松开鼠标，将文件添加为证据').count()).toBe(0);

  // Adding through the file input: each file uploaded (progress by bytes received), then stored.
  await chooseFiles(
    page,
    button(page, '添加文件'),
    ['车辆轨迹数据导出包.bin', '日志留存配置.txt', '机房门禁照片.png', '数据出境安全管理制度.pdf'].map((f) => join(files, f)),
  );
  const progress = page.getByTestId('job-progress');
  await progress.getByText(/正在计算哈希并保存：车辆轨迹数据导出包\.bin/).waitFor({ timeout: 20_000 });
  await expect.poll(() => progress.getByText(/MB \/ 400 MB/).isVisible()).toBe(true);
  await s.shot('evidence-03-progress-zh');
  await page.getByText('已添加 4 个文件').waitFor({ timeout: 60_000 });
  await expect.poll(() => progress.count()).toBe(0);
  expect(evidenceCount()).toBe(4);
  await page.getByText('共 4 个文件').waitFor();

  expect(transfers()).toEqual([]);

  // Cancel a long add while it uploads: the upload is aborted, nothing is recorded, no temp file stays.
  // DevTools' throttle keeps this upload slow (16 MB/s), so the click surely lands while it is under way.
  const devtools = await s.context.newCDPSession(page);
  await devtools.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 16 * MB });
  const aborted: string[] = [];
  page.on('requestfailed', (r) => r.url().includes('/api/upload') && aborted.push(r.failure()?.errorText ?? ''));
  await chooseFiles(page, button(page, '添加文件'), [join(files, '整车日志归档.bin')]);
  await progress.getByText(/整车日志归档\.bin/).waitFor({ timeout: 20_000 });
  await expect.poll(() => progress.getByText(/MB \/ 600 MB/).isVisible()).toBe(true);
  await button(progress, '取消').click();
  await page.getByText('已取消添加。取消前已完成的文件仍保留在证据库中。').waitFor({ timeout: 20_000 });
  expect(aborted).toEqual(['net::ERR_ABORTED']);
  await devtools.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  await devtools.detach();
  expect(evidenceCount()).toBe(4);
  expect(evidenceRow('整车日志归档.bin')).toBeUndefined();
  await expect.poll(transfers).toEqual([]);
  // Nothing else in the temp area either: only the web host's own (now empty) work folder.
  expect(readdirSync(join(dataPaths(dataDir).evidence, '.tmp'))).toEqual([expect.stringMatching(/^web-\d+-/)]);

  // Describe (autosave on leaving the field) and link a checklist item.
  const txtRow = page.getByRole('row', { name: /日志留存配置\.txt/ });
  await txtRow.getByRole('textbox', { name: '说明' }).fill('出境链路日志留存配置及 10 月告警样本，由网络安全部提供');
  await txtRow.getByRole('textbox', { name: '说明' }).press('Tab');
  await page.getByText('说明已保存').first().waitFor();
  expect(evidenceRow('日志留存配置.txt')?.description).toBe('出境链路日志留存配置及 10 月告警样本，由网络安全部提供');
  await choose(page, txtRow.getByRole('combobox', { name: '关联检查项' }), 'LM-03');
  await txtRow.getByText('LM-03', { exact: true }).waitFor();
  await expect
    .poll(() =>
      host.db
        .prepare('SELECT item_id FROM evidence_links WHERE evidence_id = ?')
        .all(evidenceRow('日志留存配置.txt')!.id),
    )
    .toEqual([{ item_id: 'adsg-2026:log-03' }]);
  await page.getByRole('heading', { name: '证据' }).click();
  await s.shot('evidence-04-list-zh');

  // Previews: text (pre), image, and a type with none; Escape closes each.
  await txtRow.getByRole('button', { name: '预览：日志留存配置.txt' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('预览：日志留存配置.txt').waitFor();
  await dialog
    .locator('pre')
    .getByText(/出境流量超过阈值/)
    .waitFor();
  await settle(page);
  await s.shot('evidence-05-preview-text-zh');
  await page.keyboard.press('Escape');
  await expect.poll(() => dialog.count()).toBe(0);

  await page.getByRole('button', { name: '预览 机房门禁照片.png' }).click();
  await dialog.getByRole('img', { name: '机房门禁照片.png' }).waitFor();
  await settle(page);
  await s.shot('evidence-06-preview-image-zh');
  await page.keyboard.press('Escape');
  await expect.poll(() => dialog.count()).toBe(0);

  await page.getByRole('button', { name: '预览：数据出境安全管理制度.pdf' }).click();
  await dialog.getByText(/此类文件（application\/pdf）无法在工作台内预览/).waitFor();
  await page.keyboard.press('Escape');
  await expect.poll(() => dialog.count()).toBe(0);

  // Integrity: intact, then a stored file altered and another removed behind the app's back.
  await button(page, '校验完整性').click();
  await page.getByText('完整性校验通过：4 个文件均与记录的 SHA-256 一致').waitFor();
  await page.getByText('完整性校验通过', { exact: true }).waitFor();
  await s.shot('evidence-07-verified-zh');
  appendFileSync(storedPath(dataPaths(dataDir).evidence, evidenceRow('机房门禁照片.png')!.sha256), Buffer.from([0]));
  rmSync(storedPath(dataPaths(dataDir).evidence, evidenceRow('数据出境安全管理制度.pdf')!.sha256));
  await button(page, '校验完整性').click();
  const alert = page.getByRole('alert').filter({ hasText: '完整性校验未通过' });
  await alert.getByText('完整性校验未通过：2 个文件有问题（共 4 个）').waitFor();
  await expect
    .poll(() => alert.getByRole('listitem').allInnerTexts())
    .toEqual([
      '机房门禁照片.png：已被改动：内容与采集时记录的 SHA-256 不一致',
      '数据出境安全管理制度.pdf：文件缺失：证据库中找不到该文件',
    ]);
  await page
    .getByRole('row', { name: /机房门禁照片\.png/ })
    .getByText('已被改动', { exact: true })
    .waitFor();
  await s.shot('evidence-08-tampered-zh');

  // Delete (confirmed) the evidence whose file is gone.
  await page
    .getByRole('row', { name: /数据出境安全管理制度\.pdf/ })
    .getByRole('button', { name: /删除 数据出境安全管理制度\.pdf/ })
    .click();
  const confirm = page.getByRole('dialog').filter({ hasText: '删除证据“数据出境安全管理制度.pdf”？' });
  await confirm.waitFor();
  await button(confirm, '删除').click();
  await page.getByText('证据“数据出境安全管理制度.pdf”已删除').waitFor();
  expect(evidenceCount()).toBe(3);

  // Findings.
  await page.getByRole('tab', { name: '发现项' }).click();
  await page.getByRole('heading', { name: '发现项' }).waitFor();
  await page.getByText('还没有发现项').waitFor();
  await s.shot('findings-01-empty-zh');

  await button(page, '新建发现项').click();
  const drawer = page.getByRole('dialog').filter({ hasText: '新建发现项' });
  await drawer.getByLabel('标题').waitFor();
  await page.keyboard.press('Escape'); // Escape closes the drawer
  await expect.poll(() => drawer.count()).toBe(0);

  await button(page, '新建发现项').click();
  await drawer.getByLabel('标题').waitFor();
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.getAttribute('placeholder') ?? ''))
    .toMatch(/一句话概括问题/);
  await drawer.getByLabel('标题').press('Enter'); // Enter submits: an empty title is refused on the field
  await drawer.getByText('必填').waitFor();
  expect((host.db.prepare('SELECT count(*) n FROM findings').get() as { n: number }).n).toBe(0);

  await drawer.getByText('严重', { exact: true }).click();
  await drawer.getByLabel('标题').fill('出境链路安全告警日志未按要求留存 6 个月');
  await drawer
    .getByLabel('问题描述')
    .fill('抽查 2026 年 10 月出境链路告警日志，仅留存 30 天，早于 9 月的告警记录已被覆盖，无法追溯出境异常。');
  await drawer.getByLabel('整改建议').fill('调整日志平台留存策略至不少于 6 个月，并对留存配置变更实行审批。');
  await drawer.getByLabel('责任人').fill('网络安全部 李工');
  await choose(page, drawer.getByRole('combobox', { name: '关联检查项' }), 'LM-03');
  await choose(page, drawer.getByRole('combobox', { name: '关联证据' }), '日志留存');
  await drawer.getByText(/^LM-03 监测网络流量日志/).waitFor();
  await drawer.locator('.ant-select-selection-item-content', { hasText: '日志留存配置.txt' }).waitFor();
  await drawer.getByLabel('整改期限').click();
  await drawer.getByLabel('整改期限').fill('2026-01-15');
  await page.locator('.ant-picker-dropdown:visible .ant-picker-cell-selected').click();
  await expect.poll(() => page.locator('.ant-picker-dropdown:visible').count()).toBe(0);
  await settle(page);
  await s.shot('findings-02-form-zh');
  // Enter in a field submits the form.
  await drawer.getByLabel('责任人').press('Enter');
  await page.getByText('已新建发现项 F-1').waitFor();
  await drawer.waitFor({ state: 'hidden' });
  const f1 = host.db.prepare('SELECT * FROM findings WHERE number = 1').get() as Record<string, string>;
  expect(f1).toMatchObject({
    severity: 'major',
    due_date: '2026-01-15',
    status: 'open',
    item_ids: '["adsg-2026:log-03"]',
    owner: '网络安全部 李工',
  });
  expect(JSON.parse(f1.evidence_ids!)).toEqual([evidenceRow('日志留存配置.txt')!.id]);

  await button(page, '新建发现项').click();
  await drawer.getByLabel('标题').waitFor();
  await drawer.getByText('观察项', { exact: true }).click();
  await drawer.getByText('整改中', { exact: true }).click();
  await drawer.getByLabel('标题').fill('门禁记录与摄像头覆盖范围未做定期核对');
  await drawer.getByLabel('责任人').fill('行政部');
  await drawer.getByLabel('标题').press('Enter');
  await page.getByText('已新建发现项 F-2').waitFor();
  await drawer.waitFor({ state: 'hidden' });
  expect(
    host.db.prepare('SELECT due_date, item_ids, evidence_ids, status FROM findings WHERE number = 2').get(),
  ).toEqual({
    due_date: null,
    item_ids: '[]',
    evidence_ids: '[]',
    status: 'in-progress',
  });

  const f1Row = page.getByRole('row', { name: /F-1/ });
  await f1Row.getByText('严重', { exact: true }).waitFor();
  await f1Row.getByText('已逾期').waitFor();
  await f1Row.getByText('检查项 1 · 证据 1').waitFor();
  await page.getByText('共 2 项，未关闭 2 项').waitFor();
  await s.shot('findings-03-list-zh');

  // Filters.
  await page.getByRole('combobox', { name: '严重程度' }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '观察项' }).click();
  await expect.poll(() => page.getByRole('row', { name: /F-1/ }).count()).toBe(0);
  await page.getByRole('row', { name: /F-2/ }).waitFor();
  await page.getByRole('combobox', { name: '状态' }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '已关闭' }).click();
  await page.getByText('没有符合筛选条件的发现项').waitFor();
  await s.shot('findings-04-filtered-empty-zh');
  for (const name of ['严重程度', '状态']) {
    const select = page.locator('.ant-select', { has: page.getByRole('combobox', { name }) });
    await select.hover();
    await select.locator('.ant-select-clear').click();
  }
  await page.getByRole('row', { name: /F-1/ }).waitFor();

  // Edit F-2 to closed, then delete it (confirmed).
  await page.getByRole('row', { name: /F-2/ }).getByRole('button', { name: '编辑 F-2' }).click();
  const edit = page.getByRole('dialog').filter({ hasText: '编辑发现项 F-2' });
  await edit.getByLabel('标题').waitFor();
  expect(await edit.getByLabel('标题').inputValue()).toBe('门禁记录与摄像头覆盖范围未做定期核对');
  await edit.getByText('已关闭', { exact: true }).click();
  await button(edit, '保存').click();
  await page.getByText('发现项 F-2 已保存').waitFor();
  await edit.waitFor({ state: 'hidden' });
  await page.getByRole('row', { name: /F-2/ }).getByText('已关闭').waitFor();
  await page.getByRole('row', { name: /F-2/ }).getByRole('button', { name: '删除 F-2' }).click();
  const confirmF = page.getByRole('dialog').filter({ hasText: '删除发现项 F-2？' });
  await button(confirmF, '删除').click();
  await page.getByText('发现项 F-2 已删除').waitFor();

  // Export the action plan: a download under the plan's own name.
  const csv = await download(page, button(page, '导出 CSV'), out);
  expect(csv.name).toBe('嘉定总装厂 2026 出境评估-整改计划.csv');
  await page.getByText(`整改计划已导出：${csv.name}`).waitFor();
  const text = readFileSync(csv.path, 'utf8');
  expect(text.startsWith('\uFEFF编号,严重程度,标题,描述,整改建议,责任人,整改期限,状态,关联检查项,关联证据')).toBe(true);
  expect(text).toContain('F-1,严重,出境链路安全告警日志未按要求留存 6 个月,');
  expect(text).toContain('网络安全部 李工,2026-01-15,未整改');
  expect(text).toContain('日志留存配置.txt');
  expect(text).not.toContain('F-2');
  await s.shot('findings-05-exported-zh');
  const xlsx = await download(page, button(page, '导出 XLSX'), out);
  expect(xlsx.name).toBe('嘉定总装厂 2026 出境评估-整改计划.xlsx');
  await page.getByText(`整改计划已导出：${xlsx.name}`).waitFor();
  expect(readFileSync(xlsx.path).subarray(0, 2).toString()).toBe('PK');
  // Each download was served once and removed from the data folder.
  await expect.poll(transfers).toEqual([]);

  // The checklist pane: the item's evidence, attach a file to it, a finding pre-linked to it.
  await page.getByRole('tab', { name: '检查清单' }).click();
  await page.getByPlaceholder('搜索要求或编号').fill('LM-03');
  const pane = page.getByTestId('evidence-for-item');
  await pane.getByText('日志留存配置.txt', { exact: true }).waitFor();
  await chooseFiles(page, button(pane, '附加文件'), [join(files, '补充访谈记录.txt')]);
  await page.getByText('已添加 1 个文件').waitFor();
  await pane.getByText('补充访谈记录.txt', { exact: true }).waitFor();
  expect(
    host.db
      .prepare('SELECT item_id FROM evidence_links WHERE evidence_id = ?')
      .all(evidenceRow('补充访谈记录.txt')!.id),
  ).toEqual([{ item_id: 'adsg-2026:log-03' }]);
  await pane.scrollIntoViewIfNeeded();
  await s.shot('evidence-09-item-pane-zh');
  await button(page, '新建发现项').click();
  await drawer.getByText(/^LM-03 监测网络流量日志/).waitFor();
  await settle(page);
  await s.shot('findings-06-from-item-zh');
  // The checklist's digit shortcuts (1–5 record a result) do not reach through the drawer.
  await drawer.getByText('观察项', { exact: true }).click();
  await page.keyboard.press('1');
  await page.keyboard.press('Escape');
  await expect.poll(() => drawer.count()).toBe(0);
  expect(host.db.prepare('SELECT count(*) n FROM answers WHERE project_id = ?').get(projectId)).toEqual({
    n: 0,
  });

  expect(s.offMachine).toEqual([]);
  expect(s.pageErrors).toEqual([]);
});

test('the same pages in English; a file dropped on the page is uploaded and added', async () => {
  const { page } = s;
  onTestFailed(() => s.shot('evidence-findings-failed-en'));
  await page.getByText('English', { exact: true }).click();
  await visit(page, host, `/projects/${projectId}/evidence`);
  await page.getByRole('heading', { name: 'Evidence' }).waitFor();
  await page.getByText('4 file(s)').waitFor();

  await dropFile(page, '拖放的导出审批单.txt', ['dragenter', 'dragover', 'drop']);
  await page.getByText('Added 1 file(s)').waitFor({ timeout: 20_000 });
  expect(evidenceRow('拖放的导出审批单.txt')).toMatchObject({ description: '' });
  expect(transfers()).toEqual([]);

  await button(page, 'Verify integrity').click();
  const alert = page.getByRole('alert').filter({ hasText: 'Integrity check failed' });
  await alert.getByText('Integrity check failed: 1 of 5 file(s) have problems').waitFor();
  await expect
    .poll(() => alert.getByRole('listitem').allInnerTexts())
    .toEqual(['机房门禁照片.png — modified: the content no longer matches the SHA-256 recorded at capture']);
  await s.shot('evidence-10-list-tampered-en');

  await page.getByRole('button', { name: 'Preview: 日志留存配置.txt' }).click();
  await page.getByRole('dialog').getByText('Preview: 日志留存配置.txt').waitFor();
  await settle(page);
  await s.shot('evidence-11-preview-en');
  await page.keyboard.press('Escape');

  await page.getByRole('tab', { name: 'Findings' }).click();
  await page.getByRole('heading', { name: 'Findings' }).waitFor();
  await page.getByRole('row', { name: /F-1/ }).getByText('Overdue').waitFor();
  await s.shot('findings-07-list-en');
  await page.getByRole('row', { name: /F-1/ }).getByRole('button', { name: 'Edit F-1' }).click();
  const edit = page.getByRole('dialog').filter({ hasText: 'Edit finding F-1' });
  await edit.getByText(/^LM-03 Monitor network traffic logs/).waitFor();
  await settle(page);
  await s.shot('findings-08-form-en');
  await page.keyboard.press('Escape');
  await expect.poll(() => edit.count()).toBe(0);

  const csv = await download(page, button(page, 'Export CSV'), out);
  expect(csv.name).toBe('嘉定总装厂 2026 出境评估-action-plan.csv');
  await page.getByText(`Action plan exported: ${csv.name}`).waitFor();
  const text = readFileSync(csv.path, 'utf8');
  expect(
    text.startsWith(
      '\uFEFFNo.,Severity,Title,Description,Recommendation,Owner,Due date,Status,Checklist items,Evidence',
    ),
  ).toBe(true);
  expect(text).toContain('F-1,Major,');

  expect(s.offMachine).toEqual([]);
  expect(s.pageErrors).toEqual([]);
});
