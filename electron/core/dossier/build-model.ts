import { canonicalJson } from '../../../shared/canonical-json';
import { RESULTS, type ChecklistResult } from '../../../shared/domain/answer';
import { importantDataItemsFor, importantDataResult } from '../../../shared/domain/important-data';
import { inAreaOrder, openFindingsBySeverity, summariseAreas } from '../../../shared/domain/progress';
import type { Revision } from '../../../shared/domain/revision';
import { workspaceFacts } from '../../../shared/domain/workspace-facts';
import { formatText, type TextParams } from '../../../shared/i18n/format';
import type { Bilingual } from '../../../shared/i18n/locale';
import type { Workspace } from '../../../shared/ipc/channels/audit';
import { determine, type Determination } from '../../../shared/rules/engine';
import { OUTCOME_LABELS } from '../../../shared/rules/messages';
import type { RulesPack } from '../../../shared/rules/schema';
import type { Outcome } from '../../../shared/rules/vocabulary';
import type { Block, Cell, DossierModel, Section, Tone } from './model';
import { DOSSIER_TEXTS, type DossierTextKey } from './texts';

export type DossierLang = DossierModel['lang'];

/** What a dossier is made from: a locked revision and what was checked just before signing. */
export interface DossierInput {
  workspace: Workspace;
  revision: Revision;
  pack: RulesPack;
  trail: { rows: number; head: string; first: string | null; last: string | null; byKind: Record<string, number> };
  lang: DossierLang;
  generatedAt: Date;
}

const RESULT_LABELS: Record<ChecklistResult | 'none', Bilingual> = {
  conforming: { 'zh-CN': '符合', en: 'Conforming' },
  'partially-conforming': { 'zh-CN': '部分符合', en: 'Partially conforming' },
  nonconforming: { 'zh-CN': '不符合', en: 'Nonconforming' },
  'not-applicable': { 'zh-CN': '不适用', en: 'Not applicable' },
  'not-assessed': { 'zh-CN': '未评估', en: 'Not assessed' },
  none: { 'zh-CN': '未作答', en: 'Unanswered' },
};
const RESULT_TONES: Record<ChecklistResult | 'none', Tone> = {
  conforming: 'good',
  'partially-conforming': 'warn',
  nonconforming: 'bad',
  'not-applicable': 'muted',
  'not-assessed': 'info',
  none: 'muted',
};
const RESULT_COLORS: Record<ChecklistResult | 'none', string> = {
  conforming: '#52c41a',
  'partially-conforming': '#faad14',
  nonconforming: '#f5222d',
  'not-applicable': '#bfbfbf',
  'not-assessed': '#69b1ff',
  none: '#e8e8e8',
};
const SEVERITY: Record<string, Bilingual> = {
  major: { 'zh-CN': '严重', en: 'Major' },
  minor: { 'zh-CN': '一般', en: 'Minor' },
  observation: { 'zh-CN': '观察项', en: 'Observation' },
};
const SEVERITY_TONE: Record<string, Tone> = { major: 'bad', minor: 'warn', observation: 'info' };
const STATUS: Record<string, Bilingual> = {
  open: { 'zh-CN': '未整改', en: 'Open' },
  'in-progress': { 'zh-CN': '整改中', en: 'In progress' },
  closed: { 'zh-CN': '已关闭', en: 'Closed' },
};
const OUTCOME_TONE: Record<Outcome, Tone> = {
  'security-assessment': 'bad',
  'standard-contract-or-certification': 'warn',
  exempt: 'good',
  'not-an-export': 'muted',
  'needs-information': 'info',
};
const AREA_TITLES: Record<string, Bilingual> = {
  'management-system': { 'zh-CN': '管理制度', en: 'Management system' },
  'technical-protection': { 'zh-CN': '技术防护', en: 'Technical protection' },
  'log-management': { 'zh-CN': '日志管理', en: 'Log management' },
  'emergency-response': { 'zh-CN': '应急处置', en: 'Emergency response' },
  'export-process': { 'zh-CN': '出境流程', en: 'Export process' },
};

/** The assessment as machine-readable JSON, embedded in the PDF: the locked snapshot and the decision. */
export function assessmentJson(input: DossierInput, determination: Determination): Buffer {
  return Buffer.from(
    canonicalJson({
      format: 'adsg-assessment/1',
      generatedAt: input.generatedAt.toISOString(),
      projectId: input.workspace.project.id,
      revision: input.revision.number,
      acceptedAt: input.revision.reviewedAt,
      snapshotHash: input.revision.snapshotHash,
      trailHead: input.revision.trailHead,
      rulesPack: determination.pack,
      determination: { organization: { outcome: determination.organization.outcome, exemption: determination.organization.exemption ?? null }, flows: determination.flows.map((f) => ({ id: f.id, outcome: f.outcome, exemption: f.exemption ?? null })) },
      overrides: input.workspace.overrides,
      snapshot: input.workspace,
    }),
    'utf8',
  );
}

/** The dossier's content for a locked revision, in the chosen language(s). Pure. */
export function buildDossierModel(input: DossierInput): DossierModel {
  const { workspace: ws, pack, revision, lang } = input;
  // Short texts in both languages sit side by side; long ones go on two lines.
  const pick = (b: Bilingual, sep = ' / ') => (lang === 'both' ? (b['zh-CN'] === b.en ? b.en : `${b['zh-CN']}${sep}${b.en}`) : b[lang]);
  const long = (b: Bilingual) => pick(b, '\n');
  const tx = (k: DossierTextKey) => pick(DOSSIER_TEXTS[k]);
  const fill = (k: DossierTextKey, params: TextParams) =>
    pick({ 'zh-CN': formatText(DOSSIER_TEXTS[k], 'zh-CN', params), en: formatText(DOSSIER_TEXTS[k], 'en', params) });
  const cell = (text: string, extra: Partial<Cell> = {}): Cell => ({ text, ...extra });
  const p = ws.project;
  const determination = determine(pack, workspaceFacts(pack, ws));
  const override = (scope: string) => ws.overrides.find((o) => o.scope === scope);
  const effective = (scope: string, outcome: Outcome) => (override(scope)?.outcome as Outcome | undefined) ?? outcome;
  const exemptionTitle = (key: string | null | undefined) => (key ? pick(pack.exemptions.find((e) => e.key === key)?.title ?? { 'zh-CN': key, en: key }) : '');
  const scenarioTitle = (key: string) => pick(pack.scenarios.find((s) => s.key === key)?.title ?? { 'zh-CN': key, en: key });
  const behaviourTitle = (key: string) => pick(pack.behaviours.find((b) => b.key === key)?.title ?? { 'zh-CN': key, en: key });
  const count = (n: number | null) => (n === null ? tx('unknown') : n.toLocaleString('en-US'));
  const evidenceName = new Map(ws.evidence.map((e) => [e.id, e.fileName]));
  const evidenceByItem = new Map<string, string[]>();
  for (const e of ws.evidence) for (const item of e.itemIds) evidenceByItem.set(item, [...(evidenceByItem.get(item) ?? []), e.fileName]);
  const itemRef = (id: string) => {
    for (const c of pack.checklists) {
      const item = c.items.find((i) => i.id === id);
      if (item) return item.ref ?? id.split(':')[1]!;
    }
    return id;
  };

  const areas = summariseAreas(pack.checklists, ws.answers);
  const totalItems = areas.reduce((n, a) => n + a.total, 0);
  const assessed = areas.reduce((n, a) => n + a.total - a.counts.none - a.counts['not-assessed'], 0);
  const open = openFindingsBySeverity(ws.findings);
  const orgOutcome = effective('organization', determination.organization.outcome);

  const summary: Block[] = [
    {
      kind: 'figures',
      items: [
        { label: tx('progress'), value: `${assessed} / ${totalItems}` },
        { label: tx('flows'), value: String(ws.flows.length) },
        { label: tx('openFindings'), value: String(open.major + open.minor + open.observation), tone: open.major ? 'bad' : 'normal' },
        { label: tx('evidenceFiles'), value: String(ws.evidence.length) },
      ],
    },
    { kind: 'facts', rows: [{ label: tx('orgOutcome'), value: cell(pick(OUTCOME_LABELS[orgOutcome]), { tone: OUTCOME_TONE[orgOutcome] }) }] },
    {
      kind: 'bars',
      title: tx('conformity'),
      categories: areas.map((a) => pick(AREA_TITLES[a.area] ?? { 'zh-CN': a.area, en: a.area })),
      series: [...RESULTS, 'none' as const].map((r) => ({ name: pick(RESULT_LABELS[r]), color: RESULT_COLORS[r], values: areas.map((a) => a.counts[r]) })),
    },
    {
      kind: 'donut',
      title: tx('findingsBySeverity'),
      slices: (['major', 'minor', 'observation'] as const).map((s) => ({ name: pick(SEVERITY[s]!), value: open[s], color: { major: '#f5222d', minor: '#fa8c16', observation: '#1677ff' }[s] })),
    },
  ];

  const scope: Block[] = [
    {
      kind: 'facts',
      rows: [
        { label: tx('organization'), value: cell(p.organization) },
        { label: tx('creditCode'), value: cell(p.creditCode, { mono: true }) },
        { label: tx('role'), value: cell(pick(pack.roles.find((r) => r.key === p.role)?.title ?? { 'zh-CN': p.role, en: p.role })) },
        { label: tx('ciio'), value: cell(p.ciio ? tx('yes') : tx('no')) },
        { label: tx('site'), value: cell(p.site || '—') },
        { label: tx('period'), value: cell(`${p.auditStart ?? '—'} ~ ${p.auditEnd ?? '—'}`) },
        { label: tx('auditor'), value: cell(p.auditor || '—') },
        { label: tx('reviewer'), value: cell(p.reviewer || '—') },
      ],
    },
    {
      kind: 'table',
      columns: [
        { header: tx('no_'), width: 0.5, align: 'center' },
        { header: tx('activity'), width: 3 },
        { header: tx('scenario'), width: 1.6 },
        { header: tx('behaviour'), width: 1.8 },
        { header: tx('recipient'), width: 2.4 },
        { header: tx('individuals'), width: 1.3, align: 'right' },
        { header: tx('sensitive'), width: 1.3, align: 'right' },
      ],
      rows: ws.flows.map((f) => [cell(String(f.position)), cell(f.name), cell(scenarioTitle(f.scenario)), cell(behaviourTitle(f.behaviour)), cell([f.recipient, f.country].filter(Boolean).join(' · ') || '—'), cell(count(f.individuals)), cell(count(f.sensitiveIndividuals))]),
    },
  ];

  const decisionRows = (steps: Determination['flows'][number]['trace']): Cell[][] =>
    steps.map((s) => [cell(s.rule.replace(/^[a-z0-9-]+:/, ''), { mono: true }), cell(long(s.text), { tone: s.result === 'met' ? 'good' : s.result === 'unknown' ? 'warn' : 'normal' })]);
  const traceTable = (steps: Determination['flows'][number]['trace']): Block => ({ kind: 'table', columns: [{ header: tx('rule'), width: 1.4 }, { header: tx('reasoning'), width: 5 }], rows: decisionRows(steps) });
  const overrideBlock = (scopeId: string, engine: Outcome): Block[] => {
    const o = override(scopeId);
    return o ? [{ kind: 'paragraph', tone: 'warn', text: fill('overrideText', { outcome: OUTCOME_LABELS[o.outcome as Outcome], engine: OUTCOME_LABELS[engine], justification: o.justification, actor: o.actor, at: o.at.slice(0, 10) }) }] : [];
  };
  const decision: Block[] = [
    { kind: 'heading', text: tx('orgOutcome') },
    { kind: 'facts', rows: [{ label: tx('outcome'), value: cell(pick(OUTCOME_LABELS[orgOutcome]), { tone: OUTCOME_TONE[orgOutcome] }) }] },
    ...overrideBlock('organization', determination.organization.outcome),
    traceTable(determination.organization.trace),
    ...determination.flows.flatMap((d): Block[] => {
      const f = ws.flows.find((x) => x.id === d.id)!;
      const out = effective(d.id, d.outcome);
      return [
        { kind: 'heading', text: `${f.position}. ${f.name}` },
        {
          kind: 'facts',
          rows: [
            { label: tx('outcome'), value: cell(pick(OUTCOME_LABELS[out]), { tone: OUTCOME_TONE[out] }) },
            ...(d.exemption || override(d.id)?.exemption ? [{ label: tx('exemption'), value: cell(exemptionTitle(override(d.id)?.exemption ?? d.exemption)) }] : []),
          ],
        },
        ...overrideBlock(d.id, d.outcome),
        traceTable(d.trace),
      ];
    }),
  ];

  const importantData: Block[] = ws.flows.flatMap((f): Block[] => {
    const items = importantDataItemsFor(pack, f.scenario);
    const answers = ws.questions.filter((q) => q.flowId === f.id);
    const result = importantDataResult(items.map((i) => i.id), answers);
    const head: Block = { kind: 'heading', text: `${f.position}. ${f.name}` };
    const verdict: Block =
      result.importantData === false
        ? { kind: 'paragraph', tone: 'good', text: tx('noImportantData') }
        : result.importantData
          ? { kind: 'paragraph', tone: 'bad', text: tx('importantDataFound') }
          : { kind: 'paragraph', tone: 'warn', text: fill('importantDataPending', { n: result.pending }) };
    const found = items.filter((i) => result.found.includes(i.id));
    const rows = found.map((i) => [cell(i.ref ?? i.id.split(':')[1]!, { mono: true }), cell(long(i.title)), cell(long(i.criterion)), cell(answers.find((a) => a.itemId === i.id)?.note || '—')]);
    return [head, verdict, ...(rows.length ? [{ kind: 'table' as const, columns: [{ header: tx('item'), width: 1.2 }, { header: tx('title_'), width: 2.2 }, { header: tx('criterion'), width: 3.6 }, { header: tx('note'), width: 2 }], rows }] : [])];
  });

  const answers = new Map(ws.answers.map((a) => [a.itemId, a]));
  const checklists: Block[] = inAreaOrder(pack.checklists).flatMap((c): Block[] => [
    { kind: 'heading', text: pick(c.title) },
    {
      kind: 'table',
      columns: [
        { header: tx('item'), width: 1 },
        { header: tx('requirement'), width: 3.6 },
        { header: tx('result'), width: 1.3 },
        { header: tx('notes'), width: 3 },
        { header: tx('evidenceRefs'), width: 1.8 },
      ],
      rows: c.items
        .filter((i) => i.status === 'active')
        .map((i) => {
          const a = answers.get(i.id);
          const result = a?.result ?? 'none';
          const notes = [a?.justification, a?.notes].filter(Boolean).join('\n');
          return [cell(i.ref ?? i.id.split(':')[1]!, { mono: true }), cell(long(i.requirement)), cell(pick(RESULT_LABELS[result]), { tone: RESULT_TONES[result] }), cell(notes || '—'), cell((evidenceByItem.get(i.id) ?? []).join('\n') || '—')];
        }),
    },
  ]);

  const findings: Block[] = ws.findings.length
    ? [
        {
          kind: 'table',
          columns: [
            { header: tx('no_'), width: 0.7 },
            { header: tx('severity'), width: 1 },
            { header: tx('title_'), width: 3.2 },
            { header: tx('recommendation'), width: 3.2 },
            { header: tx('owner'), width: 1.4 },
            { header: tx('due'), width: 1.2 },
            { header: tx('status'), width: 1 },
          ],
          rows: ws.findings.map((f) => [
            cell(`F-${f.number}`),
            cell(pick(SEVERITY[f.severity]!), { tone: SEVERITY_TONE[f.severity] }),
            cell([f.title, f.description, f.itemIds.length ? `→ ${f.itemIds.map(itemRef).join(', ')}` : '', f.evidenceIds.length ? `⎘ ${f.evidenceIds.map((id) => evidenceName.get(id) ?? id).join(', ')}` : ''].filter(Boolean).join('\n')),
            cell(f.recommendation || '—'),
            cell(f.owner || '—'),
            cell(f.dueDate ?? '—'),
            cell(pick(STATUS[f.status]!)),
          ]),
        },
      ]
    : [{ kind: 'paragraph', text: tx('noFindings') }];

  const evidence: Block[] = [
    { kind: 'paragraph', tone: 'good', text: fill('evidenceIntegrity', { n: ws.evidence.length }) },
    ws.evidence.length
      ? {
          kind: 'table',
          columns: [
            { header: tx('file'), width: 2.4 },
            { header: tx('size'), width: 1.1, align: 'right' },
            { header: 'SHA-256', width: 4.2 },
            { header: tx('linkedItems'), width: 1.6 },
          ],
          rows: ws.evidence.map((e) => [cell(e.fileName), cell(e.size.toLocaleString('en-US')), cell(e.sha256, { mono: true }), cell(e.itemIds.map(itemRef).join(', ') || '—')]),
        }
      : { kind: 'paragraph', text: tx('noEvidence') },
  ];

  const trail: Block[] = [
    { kind: 'paragraph', tone: 'good', text: tx('trailVerified') },
    {
      kind: 'facts',
      rows: [
        { label: tx('trailRows'), value: cell(String(input.trail.rows)) },
        { label: tx('trailHead'), value: cell(revision.trailHead ?? input.trail.head, { mono: true }) },
        { label: tx('snapshotHash'), value: cell(revision.snapshotHash ?? '—', { mono: true }) },
        { label: tx('trailFirst'), value: cell(input.trail.first ?? '—') },
        { label: tx('trailLast'), value: cell(input.trail.last ?? '—') },
        { label: tx('trailByKind'), value: cell(Object.entries(input.trail.byKind).map(([k, n]) => `${k}: ${n}`).join(' · ')) },
      ],
    },
  ];

  const packBlocks: Block[] = [
    {
      kind: 'facts',
      rows: [
        { label: tx('packId'), value: cell(pack.id, { mono: true }) },
        { label: tx('packVersion'), value: cell(pack.version) },
        { label: tx('packHash'), value: cell(pack.contentHash, { mono: true }) },
        { label: tx('packGuideline'), value: cell(`${pick(pack.guideline.title)} (${pack.guideline.published})`) },
      ],
    },
    { kind: 'paragraph', tone: 'warn', text: long(pack.reconstruction) },
    {
      kind: 'table',
      columns: [{ header: tx('provenanceTags'), width: 1.2 }, { header: '', width: 5 }],
      rows: pack.provenanceTags.map((t) => [cell(t.tag, { mono: true }), cell(long(t.meaning))]),
    },
  ];

  const sections: Section[] = [
    { id: 'summary', title: tx('summary'), blocks: summary },
    { id: 'scope', title: tx('scope'), blocks: scope },
    { id: 'determination', title: tx('determination'), blocks: decision },
    { id: 'important-data', title: tx('importantData'), blocks: importantData },
    { id: 'checklists', title: tx('checklists'), blocks: checklists },
    { id: 'findings', title: tx('findings'), blocks: findings },
    { id: 'evidence', title: tx('evidence'), blocks: evidence },
    { id: 'trail', title: tx('trail'), blocks: trail },
    { id: 'pack', title: tx('pack'), blocks: packBlocks },
  ];

  const revisionLabel = `${tx('revision')} ${revision.number}`;
  return {
    lang,
    info: {
      title: `${tx('title')} — ${p.name}`,
      author: p.auditor || 'ADSG Workbench',
      subject: `${p.organization} · ${revisionLabel}`,
      keywords: `ADSG; ${pack.id}@${pack.version}; ${p.creditCode}`,
      createdAt: input.generatedAt,
    },
    header: `${p.name} · ${revisionLabel}`,
    pageLabel: pick(DOSSIER_TEXTS.page, ' · '),
    cover: {
      title: tx('title'),
      subtitle: long(DOSSIER_TEXTS.subtitle),
      rows: [
        { label: tx('organization'), value: p.organization },
        { label: tx('creditCode'), value: p.creditCode },
        { label: tx('site'), value: p.site || '—' },
        { label: tx('period'), value: `${p.auditStart ?? '—'} ~ ${p.auditEnd ?? '—'}` },
        { label: tx('auditor'), value: p.auditor || '—' },
        { label: tx('reviewer'), value: p.reviewer || '—' },
        { label: tx('revision'), value: `${revision.number} · ${tx('accepted')} ${revision.reviewedAt?.slice(0, 10) ?? ''}` },
        { label: tx('rulesPack'), value: `${pack.id}@${pack.version}` },
        { label: tx('generated'), value: input.generatedAt.toISOString().replace('T', ' ').slice(0, 16) + ' UTC' },
      ],
      notice: long(DOSSIER_TEXTS.notice),
    },
    contentsTitle: tx('contents'),
    sections,
    signature: {
      title: tx('signatures'),
      intro: long(DOSSIER_TEXTS.signatureIntro),
      slots: [
        { role: 'auditor', label: tx('auditorSlot'), name: p.auditor || '—', note: tx('signNote') },
        { role: 'reviewer', label: tx('reviewerSlot'), name: p.reviewer || '—', note: tx('signNote') },
      ],
    },
    attachments: [{ name: 'assessment.json', description: tx('attachmentDescription'), mediaType: 'application/json', content: assessmentJson(input, determination) }],
  };
}
