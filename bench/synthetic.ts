/**
 * The synthetic large audit, as pure data: a rules pack with enough checklist items (the real pack
 * plus generated ones) and a plan of what to enter (flows, questionnaire, answers, evidence,
 * findings). `fill.ts` enters a plan through the services; the test runs these on tiny sizes.
 */
import { createHash } from 'node:crypto';
import type { ChecklistItem, PackContent, RulesPack } from '../shared/rules/schema';
import type { ChecklistResult } from '../shared/domain/answer';
import type { FindingFields } from '../shared/domain/finding';
import type { FlowFields } from '../shared/domain/flow';
import type { ProjectFields } from '../shared/domain/project';
import { importantDataItemsFor } from '../shared/domain/important-data';
import { sealPack } from '../electron/core/rules/hash';

/** How big the audit is. */
export interface AuditSize {
  /** Active checklist items in the pack, all of them answered. */
  items: number;
  flows: number;
  evidence: number;
  findings: number;
  /** Answers stored in the whole database (the other projects make up the rest). */
  storedAnswers: number;
}

/** The issue's figure: 300 answered items, 40 flows, 2,000 evidence rows, 100k answers stored. */
export const FULL_SIZE: AuditSize = { items: 300, flows: 40, evidence: 2000, findings: 60, storedAnswers: 100_000 };

/** A few seconds' worth, to smoke-test the bench itself (`--quick`). */
export const QUICK_SIZE: AuditSize = { items: 300, flows: 8, evidence: 200, findings: 12, storedAnswers: 3_000 };

/** A deterministic pseudo-random generator (mulberry32): the same seed gives the same audit. */
export function prng(seed: number): { next(): number; int(below: number): number; pick<T>(list: readonly T[]): T } {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (below: number) => Math.floor(next() * below);
  return { next, int, pick: (list) => list[int(list.length)]! };
}

/** The compiled pack without its seal, ready to be extended and sealed again. */
function unsealed(pack: RulesPack | PackContent): PackContent {
  const { itemHashes: _h, contentHash: _c, ...content } = pack as RulesPack;
  return structuredClone(content);
}

/** Active checklist items of a pack. */
export function activeChecklistItems(pack: PackContent): ChecklistItem[] {
  return pack.checklists.flatMap((c) => c.items.filter((i) => i.status === 'active'));
}

/**
 * The real pack plus generated checklist items, spread over its checklists (first section of each),
 * so it has at least `items` active checklist items; sealed with the real `sealPack`. Generated items
 * reuse the wording of real ones (so text lengths and glyphs are realistic) with their own id and ref.
 * `version` keeps it apart from the real pack if both sit in one rules folder.
 */
export function syntheticPack(base: RulesPack | PackContent, items: number, version = '9.0.0'): RulesPack {
  const content = unsealed(base);
  content.version = version;
  const real = activeChecklistItems(content);
  if (real.length === 0) throw new Error('The base pack has no active checklist items to model generated ones on');
  const missing = Math.max(0, items - real.length);
  for (let n = 0; n < missing; n++) {
    const checklist = content.checklists[n % content.checklists.length]!;
    const model = real[n % real.length]!;
    const ref = `B-${String(n + 1).padStart(4, '0')}`;
    checklist.items.push({
      ...structuredClone(model),
      id: `${content.id}:bench-${String(n + 1).padStart(4, '0')}`,
      ref,
      section: checklist.sections[0]!.id,
      requirement: {
        'zh-CN': `${model.requirement['zh-CN']}（补充要求 ${ref}）`,
        en: `${model.requirement.en} (supplementary requirement ${ref})`,
      },
      related: [],
    });
  }
  return sealPack(content);
}

/** One evidence file of the plan: its name, the items it backs, and its bytes (made on demand). */
export interface PlannedEvidence {
  fileName: string;
  size: number;
  itemIds: string[];
}

export interface PlannedAnswer {
  itemId: string;
  result: ChecklistResult;
  notes: string;
  justification: string;
}

/** Everything the large audit holds, before it is entered. */
export interface AuditPlan {
  project: ProjectFields;
  flows: FlowFields[];
  /** Per flow (by index): the important-data questionnaire answers. */
  questions: { flow: number; itemId: string; answer: 'yes' | 'no' | 'unsure'; note: string }[];
  answers: PlannedAnswer[];
  evidence: PlannedEvidence[];
  /** `evidence` holds indices into the plan's evidence list (ids exist only once entered). */
  findings: (Omit<FindingFields, 'evidenceIds'> & { evidence: number[] })[];
}

const ORGS = [
  '示例汽车（上海）有限公司 Example Motors (Shanghai) Co., Ltd.',
  '华东智能网联汽车有限公司 East China Connected Vehicles Co.',
];
const FLOW_TOPICS = [
  '车辆运行数据',
  '远程诊断日志',
  '智驾标注场景',
  '用户账户信息',
  '售后维修记录',
  '电池健康数据',
  'OTA 升级包',
  '座舱语音样本',
  '员工人事数据',
  '供应商质量数据',
];
const RECIPIENTS: [string, string][] = [
  ['Example Motors GmbH', '德国 Germany'],
  ['Example Motors R&D Center', '美国 USA'],
  ['Kansai Electronics Co.', '日本 Japan'],
  ['Nordic Battery AB', '瑞典 Sweden'],
  ['Example Motors Asia Pte. Ltd.', '新加坡 Singapore'],
];
const NOTE_PARTS = [
  '现场查看了相关制度文件及审批记录，',
  '抽查 20 条出境日志，与审批单号一一对应，',
  '访谈信息安全部负责人，确认流程已运行一年以上，',
  '配置截图显示已启用双向 TLS 和证书固定，',
  '年度培训签到表覆盖全部相关岗位，',
  '境外接收方的数据处理协议包含约定条款，',
  '日志平台保留期配置为 180 天，',
  '应急预案已发布并完成桌面推演，',
];
const NOTE_ENDS = ['结论与要求一致。', '未发现偏差。', '存在部分缺口，见发现项。', '需在下次复核时再次确认。'];
const EVIDENCE_KINDS = [
  '出境审批单',
  '数据处理协议',
  '日志导出',
  '配置截图',
  '培训签到表',
  '应急演练记录',
  '风险自评估报告',
  '访谈纪要',
];
const EXTENSIONS = ['pdf', 'png', 'txt', 'csv', 'docx', 'xlsx'];

/** Result mix of an assessed plant: mostly conforming, a tail of gaps. */
function result(r: ReturnType<typeof prng>): ChecklistResult {
  const x = r.next();
  return x < 0.6
    ? 'conforming'
    : x < 0.75
      ? 'partially-conforming'
      : x < 0.85
        ? 'nonconforming'
        : x < 0.95
          ? 'not-applicable'
          : 'not-assessed';
}

/** The plan of an audit of `size` against `pack`; every active checklist item is answered. Pure. */
export function planAudit(pack: PackContent, size: AuditSize, seed = 2026): AuditPlan {
  const r = prng(seed);
  const sentence = () => `${r.pick(NOTE_PARTS)}${r.pick(NOTE_PARTS)}${r.pick(NOTE_ENDS)}`;
  const project: ProjectFields = {
    name: `大型审计 Large audit ${size.items}×${size.flows}×${size.evidence}`,
    organization: ORGS[0]!,
    creditCode: '91310114MA1GT8XK2E',
    role: 'vehicle-manufacturer',
    ciio: true,
    site: '上海嘉定总装厂 Jiading assembly plant',
    auditStart: '2026-11-02',
    auditEnd: '2026-11-20',
    auditor: '李伟 Li Wei',
    reviewer: '陈静 Chen Jing',
  } as ProjectFields;

  const scenarios = pack.scenarios.map((s) => s.key);
  const behaviours = pack.behaviours.map((b) => b.key);
  const flows: FlowFields[] = Array.from({ length: size.flows }, (_, i) => {
    const [recipient, country] = r.pick(RECIPIENTS);
    const behaviour = behaviours[i % behaviours.length]!;
    return {
      name: `${FLOW_TOPICS[i % FLOW_TOPICS.length]}出境 #${i + 1}`,
      scenario: scenarios[i % scenarios.length],
      behaviour,
      dataCategories: ['车辆识别码 VIN', '车辆状态', '位置轨迹', '用户联系方式'].slice(0, 1 + r.int(4)),
      recipient: behaviour === 'domestic-only' ? '境内经销商' : recipient,
      country: behaviour === 'domestic-only' ? '中国 China' : country,
      purpose: '全球质量分析与远程诊断',
      channel: r.pick(['HTTPS（双向 TLS）', 'SFTP', 'VPN + 堡垒机', 'SaaS']),
      frequency: r.pick(['实时', '每日', '每月', '按需']),
      individuals: r.int(4) === 0 ? null : r.int(1_500_000),
      sensitiveIndividuals: r.int(3) === 0 ? 0 : r.int(20_000),
      exemptionClaims: [],
    } as FlowFields;
  });

  const questions: AuditPlan['questions'] = flows.flatMap((flow, index) =>
    importantDataItemsFor(pack, flow.scenario).map((item) => {
      const x = r.next();
      const answer = x < 0.08 ? 'yes' : x < 0.15 ? 'unsure' : 'no';
      return {
        flow: index,
        itemId: item.id,
        answer,
        note: answer === 'no' ? '' : '含带地理坐标的数据，待进一步确认',
      } as const;
    }),
  );

  const items = activeChecklistItems(pack).slice(0, size.items);
  const answers: PlannedAnswer[] = items.map((item) => {
    const res = result(r);
    const needsWhy = res === 'nonconforming' || res === 'not-applicable';
    return { itemId: item.id, result: res, notes: sentence(), justification: needsWhy ? sentence() : '' };
  });

  const evidence: PlannedEvidence[] = Array.from({ length: size.evidence }, (_, i) => {
    const links = 1 + r.int(2);
    return {
      fileName: `EV-${String(i + 1).padStart(4, '0')} ${r.pick(EVIDENCE_KINDS)}-2026-${String(1 + (i % 12)).padStart(2, '0')}.${r.pick(EXTENSIONS)}`,
      size: 256 + r.int(3840),
      itemIds: [...new Set(Array.from({ length: links }, () => r.pick(items).id))],
    };
  });

  const gaps = answers.filter((a) => a.result === 'nonconforming' || a.result === 'partially-conforming');
  const findings: AuditPlan['findings'] = Array.from({ length: size.findings }, (_, i) => ({
    severity: r.pick(['major', 'minor', 'minor', 'observation'] as const),
    title: `${r.pick(EVIDENCE_KINDS)}不完整（第 ${i + 1} 项）`,
    description: sentence(),
    recommendation: `${sentence()}请于下一季度内完成整改并提交证明材料。`,
    owner: r.pick(['信息安全部 王敏', '运维部 刘洋', '首席数据官办公室', '法务部 赵琳']),
    dueDate: `2027-0${1 + (i % 9)}-15`,
    status: r.pick(['open', 'in-progress', 'closed'] as const),
    itemIds: gaps.length ? [r.pick(gaps).itemId] : [],
    evidence: size.evidence ? [r.int(size.evidence)] : [],
  }));

  return { project, flows, questions, answers, evidence, findings };
}

/** The bytes of planned evidence file `index`: readable text of the planned size, unique per file. */
export function evidenceContent(plan: PlannedEvidence, index: number): Buffer {
  const head = `${plan.fileName}\n证据文件 ${index + 1}：仅用于性能基准测试。\n`;
  const line = `${createHash('sha256').update(`${index}`).digest('hex')}\n`;
  const body = Buffer.from(head + line.repeat(Math.ceil(plan.size / line.length)), 'utf8');
  return body.subarray(0, Math.max(plan.size, Buffer.byteLength(head)));
}
