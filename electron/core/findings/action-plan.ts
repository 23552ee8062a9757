import type { Finding } from '../../../shared/domain/finding';
import type { Locale } from '../../../shared/i18n/locale';

const HEADERS: Record<Locale, string[]> = {
  'zh-CN': ['编号', '严重程度', '标题', '描述', '整改建议', '责任人', '整改期限', '状态', '关联检查项', '关联证据'],
  en: ['No.', 'Severity', 'Title', 'Description', 'Recommendation', 'Owner', 'Due date', 'Status', 'Checklist items', 'Evidence'],
};
const SEVERITY: Record<Locale, Record<Finding['severity'], string>> = {
  'zh-CN': { major: '严重', minor: '一般', observation: '观察项' },
  en: { major: 'Major', minor: 'Minor', observation: 'Observation' },
};
const STATUS: Record<Locale, Record<Finding['status'], string>> = {
  'zh-CN': { open: '未整改', 'in-progress': '整改中', closed: '已关闭' },
  en: { open: 'Open', 'in-progress': 'In progress', closed: 'Closed' },
};

/** The remediation plan as rows of text, in the user's language. */
export function actionPlanRows(
  findings: readonly Finding[],
  locale: Locale,
  evidenceNames: ReadonlyMap<string, string>,
  itemRefs: ReadonlyMap<string, string>,
): string[][] {
  return [
    HEADERS[locale],
    ...findings.map((f) => [
      `F-${f.number}`,
      SEVERITY[locale][f.severity],
      f.title,
      f.description,
      f.recommendation,
      f.owner,
      f.dueDate ?? '',
      STATUS[locale][f.status],
      f.itemIds.map((id) => itemRefs.get(id) ?? id).join('; '),
      f.evidenceIds.map((id) => evidenceNames.get(id) ?? id).join('; '),
    ]),
  ];
}

/** RFC 4180 CSV with a BOM, so Excel opens the Chinese text correctly. A leading = + - @ is
 * neutralised: a spreadsheet must never run a formula that came from typed text. */
export function toCsv(rows: readonly string[][]): Buffer {
  const cell = (v: string) => {
    const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return Buffer.from(`\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`, 'utf8');
}

/** The same rows as an .xlsx workbook with a frozen, bold header row. */
export async function toXlsx(rows: readonly string[][], sheetName: string): Promise<Buffer> {
  // Loaded on demand: exceljs is large and most commands never write a workbook.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(0);
  wb.modified = new Date(0);
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  rows.forEach((r) => ws.addRow(r));
  ws.getRow(1).font = { bold: true };
  ws.columns.forEach((c, i) => (c.width = [8, 10, 30, 50, 50, 16, 12, 10, 30, 30][i] ?? 20));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
