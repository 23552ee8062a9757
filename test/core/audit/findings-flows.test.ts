import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { dispatch } from '../../../electron/core/ipc/dispatch';
import { headlessPorts } from '../../../electron/core/ports';
import { tempCore, tempDir } from '../../helpers/temp';

async function setup() {
  const core = tempCore();
  const r = await dispatch(core, 'projects:create', { name: 'P', organization: 'O', creditCode: '91350100M000100Y43' });
  return { core, projectId: (r as { value: { id: string } }).value.id };
}
const value = <T>(r: unknown) => (r as { value: T }).value;

describe('flows and the questionnaire', () => {
  test('a flow is created, edited and answered; counts must be whole non-negative numbers', async () => {
    const { core, projectId } = await setup();
    const flow = value<{ id: string; position: number }>(
      await dispatch(core, 'flows:create', { projectId, flow: { name: 'TSP telematics to Munich', scenario: 'connected-operation', behaviour: 'transfer-abroad', individuals: 150_000, sensitiveIndividuals: 0, country: 'DE' } }),
    );
    expect(flow.position).toBe(1);
    const bad = await dispatch(core, 'flows:update', { id: flow.id, patch: { individuals: -5 } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation', details: { issues: [{ path: 'patch.individuals' }] } } });
    expect(await dispatch(core, 'flows:update', { id: flow.id, patch: { exemptionClaims: [{ id: 'hr-management', conditionsMet: true }] } })).toMatchObject({ ok: true });
    expect(await dispatch(core, 'questions:answer', { flowId: flow.id, itemId: 'adsg-2026:id-co-a', answer: 'yes' })).toMatchObject({ ok: true });
    const ws = value<{ flows: unknown[]; questions: unknown[] }>(await dispatch(core, 'workspace:get', { projectId }));
    expect(ws.flows).toMatchObject([{ exemptionClaims: [{ id: 'hr-management' }], individuals: 150_000 }]);
    expect(ws.questions).toMatchObject([{ itemId: 'adsg-2026:id-co-a', answer: 'yes' }]);
  });

  test('“nonconforming” and “not applicable” need a justification', async () => {
    const { core, projectId } = await setup();
    for (const result of ['nonconforming', 'not-applicable'] as const) {
      const r = await dispatch(core, 'answers:save', { projectId, itemId: 'adsg-2026:ms-01', result });
      expect(r).toMatchObject({ ok: false, error: { details: { issues: [{ path: 'justification' }] } } });
    }
    expect(await dispatch(core, 'answers:save', { projectId, itemId: 'adsg-2026:ms-01', result: 'not-applicable', justification: 'No exports of this kind' })).toMatchObject({ ok: true });
  });

  test('an override needs a written justification and is logged', async () => {
    const { core, projectId } = await setup();
    expect(await dispatch(core, 'overrides:set', { projectId, scope: 'organization', outcome: 'exempt', justification: ' ' })).toMatchObject({ ok: false });
    expect(await dispatch(core, 'overrides:set', { projectId, scope: 'organization', outcome: 'exempt', exemption: 'hr-management', justification: 'HR transfers only, verified contracts' })).toMatchObject({ ok: true });
    const trail = value<{ entity: string; action: string }[]>(await dispatch(core, 'trail:list', { projectId, entityId: 'organization' }));
    expect(trail).toMatchObject([{ entity: 'determination', action: 'override' }]);
  });
});

describe('findings and the action plan', () => {
  test('numbered findings export as CSV and XLSX in the user’s language, formulas neutralised', async () => {
    const { core, projectId } = await setup();
    await dispatch(core, 'findings:create', { projectId, finding: { severity: 'major', title: '未对境外接收方进行身份核验', recommendation: '启用双向 TLS', dueDate: '2026-12-31', itemIds: ['adsg-2026:tp-01'] } });
    await dispatch(core, 'findings:create', { projectId, finding: { severity: 'observation', title: '=HYPERLINK("http://x")', description: 'line one, "quoted"\nline two' } });
    const dir = tempDir();
    const csvPath = join(dir, 'plan.csv');
    const csv = await dispatch(core, 'findings:export', { projectId, format: 'csv' }, { ...headlessPorts, saveFile: async () => csvPath });
    expect(csv).toEqual({ ok: true, value: { saved: true, path: csvPath } });
    const text = readFileSync(csvPath, 'utf8');
    expect(text.startsWith('\uFEFF编号,严重程度,标题')).toBe(true);
    expect(text).toContain('F-1,严重,未对境外接收方进行身份核验');
    expect(text).toContain(`F-2,观察项,"'=HYPERLINK(""http://x"")","line one, ""quoted""\nline two"`);

    const xlsxPath = join(dir, 'plan.xlsx');
    await dispatch(core, 'findings:export', { projectId, format: 'xlsx' }, { ...headlessPorts, saveFile: async () => xlsxPath });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsxPath);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('整改计划');
    expect(ws.getRow(2).getCell(3).value).toBe('未对境外接收方进行身份核验');
    expect(ws.getRow(2).getCell(9).value).toBe('TP-01');
    expect(await dispatch(core, 'findings:export', { projectId, format: 'csv' })).toEqual({ ok: true, value: { saved: false, path: null } });
  });
});
