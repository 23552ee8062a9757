import type { Bilingual } from '../i18n/locale';
import { formatText, type TextParams } from '../i18n/format';

export { formatText, type TextParams };
import type { ItemArea } from './items';
import type { FactName, Outcome } from './vocabulary';

/** Names of the outcomes, as an auditor reads them. */
export const OUTCOME_LABELS: Record<Outcome, Bilingual> = {
  'security-assessment': { 'zh-CN': '申报数据出境安全评估', en: 'security assessment' },
  'standard-contract-or-certification': {
    'zh-CN': '订立标准合同或通过个人信息出境认证',
    en: 'standard contract or certification',
  },
  exempt: { 'zh-CN': '豁免', en: 'exempt' },
  'not-an-export': { 'zh-CN': '不属于汽车数据出境', en: 'not an export of automotive data' },
  'needs-information': { 'zh-CN': '需补充信息', en: 'needs information' },
};

/** Names of the facts a condition reads. */
export const FACT_LABELS: Record<FactName, Bilingual> = {
  'organization.ciio': { 'zh-CN': '组织是关键信息基础设施运营者', en: 'organisation is a CIIO' },
  'organization.individuals': {
    'zh-CN': '组织自1月1日起累计出境个人信息人数（不含敏感）',
    en: 'organisation total since 1 January, individuals (non-sensitive PI)',
  },
  'organization.sensitiveIndividuals': {
    'zh-CN': '组织自1月1日起累计出境敏感个人信息人数',
    en: 'organisation total since 1 January, individuals (sensitive PI)',
  },
  'flow.behaviour': { 'zh-CN': '出境行为', en: 'export behaviour' },
  'flow.scenario': { 'zh-CN': '业务场景', en: 'business scenario' },
  'flow.individuals': {
    'zh-CN': '本数据流个人信息人数（不含敏感）',
    en: 'individuals in this flow (non-sensitive PI)',
  },
  'flow.sensitiveIndividuals': { 'zh-CN': '本数据流敏感个人信息人数', en: 'individuals in this flow (sensitive PI)' },
  'flow.importantData': { 'zh-CN': '本数据流含重要数据', en: 'this flow holds important data' },
  'flow.assessmentRequiredByOtherRule': {
    'zh-CN': '其他规定要求申报安全评估',
    en: 'another rule requires a security assessment',
  },
};

/** Names of the areas a pack's items fall into. */
export const AREA_LABELS: Record<ItemArea, Bilingual> = {
  notes: { 'zh-CN': '规则包说明', en: 'pack notes' },
  roles: { 'zh-CN': '处理者角色', en: 'processor roles' },
  behaviours: { 'zh-CN': '出境行为', en: 'export behaviours' },
  scenarios: { 'zh-CN': '业务场景', en: 'business scenarios' },
  thresholds: { 'zh-CN': '阈值', en: 'thresholds' },
  rules: { 'zh-CN': '判定规则', en: 'determination rules' },
  decision: { 'zh-CN': '判定顺序', en: 'decision order' },
  methods: { 'zh-CN': '管理方式', en: 'management methods' },
  exemptions: { 'zh-CN': '豁免情形', en: 'exemptions' },
  'important-data': { 'zh-CN': '重要数据目录', en: 'important-data catalogue' },
  'management-system': { 'zh-CN': '管理制度', en: 'management system' },
  'technical-protection': { 'zh-CN': '技术防护', en: 'technical protection' },
  'log-management': { 'zh-CN': '日志管理', en: 'log management' },
  'emergency-response': { 'zh-CN': '应急处置', en: 'emergency response' },
  'export-process': { 'zh-CN': '数据出境流程', en: 'export process' },
};

/** Every other text the rules code shows; `{name}` placeholders are filled by `formatText`. */
export const RULES_MESSAGES = {
  'result.met': { 'zh-CN': '满足', en: 'met' },
  'result.not-met': { 'zh-CN': '不满足', en: 'not met' },
  'result.unknown': { 'zh-CN': '无法判断', en: 'unknown' },
  'result.applied': { 'zh-CN': '适用', en: 'applied' },
  'value.true': { 'zh-CN': '是', en: 'yes' },
  'value.false': { 'zh-CN': '否', en: 'no' },
  'value.unknown': { 'zh-CN': '未知', en: 'unknown' },
  'value.at-least': { 'zh-CN': '至少 {value}', en: 'at least {value}' },
  'label.threshold': { 'zh-CN': '阈值（{unit}）', en: 'threshold, {unit}' },
  'label.missing': { 'zh-CN': '缺少：{facts}', en: 'missing: {facts}' },
  'trace.decided': { 'zh-CN': '结论：{outcome}', en: 'outcome: {outcome}' },
  'trace.undecided': {
    'zh-CN': '判定顺序中没有任何步骤作出结论；规则包未覆盖此情形。',
    en: 'No step of the decision order decided; the pack does not cover this case.',
  },
  'trace.no-flows': { 'zh-CN': '没有数据流，组织没有出境活动。', en: 'No flows: the organisation exports nothing.' },
  'trace.flow-outcome': { 'zh-CN': '数据流 {flow}：{outcome}', en: 'flow {flow}: {outcome}' },
  'trace.strictest': {
    'zh-CN': '组织结论取各数据流中最严格者：{outcome}',
    en: 'The organisation takes the strictest flow outcome: {outcome}',
  },
  'trace.assessment-wins': {
    'zh-CN': '已有数据流须申报安全评估，其他数据流缺少的信息不影响组织结论。',
    en: 'A flow already needs a security assessment; the information other flows lack cannot change the organisation outcome.',
  },
  'facts.unknown-field': { 'zh-CN': '不允许的字段', en: 'unknown field' },
  'facts.one-of': { 'zh-CN': '应为以下之一：{options}', en: 'must be one of: {options}' },
  'facts.duplicate-flow': { 'zh-CN': '数据流编号重复', en: 'duplicate flow id' },
  'facts.duplicate-claim': {
    'zh-CN': '同一数据流重复主张同一豁免',
    en: 'the same exemption is claimed twice in this flow',
  },
  'error.pack-invalid': {
    'zh-CN': '规则包 {pack} 无效（{count} 个问题）：\n{problems}',
    en: 'Rules pack {pack} is invalid ({count} problems):\n{problems}',
  },
  'error.pack-not-found': {
    'zh-CN': '在 {dir} 中未找到已安装的规则包 {pack}',
    en: 'No installed rules pack {pack} in {dir}',
  },
  'error.pack-hash-mismatch': {
    'zh-CN': '已安装的规则包 {pack} 内容哈希为 {found}，而项目锁定的是 {expected}；拒绝加载内容不同的同版本规则包。',
    en: 'The installed rules pack {pack} has content hash {found}, but the project pins {expected}; a pack with the same id and version but different content is refused.',
  },
  'error.pack-conflict': {
    'zh-CN': '已安装同 id 和版本的规则包 {pack}（内容哈希 {found}），拒绝安装内容不同的 {expected}。',
    en: 'Rules pack {pack} is already installed with content hash {found}; refusing a different pack with hash {expected} under the same id and version.',
  },
  'error.pack-tampered': {
    'zh-CN': '规则包文件 {file} 的内容与其哈希不符（被修改或损坏）。',
    en: 'The rules pack file {file} does not match its content hash (modified or corrupt).',
  },
  'error.pack-unsigned': {
    'zh-CN':
      '规则包文件 {file} 没有签名（未找到 {signature}）。只安装由发布者签名、且其证书在本机信任库中的规则包；安装自己起草的规则包请加 --allow-unsigned（会记入审计日志）。',
    en: 'The rules pack file {file} is not signed (no {signature} found). Only packs signed by a publisher whose certificate is in this machine’s trust store are installed; for a draft of your own add --allow-unsigned (it is recorded in the audit trail).',
  },
  'error.pack-signature-invalid': {
    'zh-CN': '规则包 {file} 的签名与文件内容不符：文件在签名后被改动，或签名已损坏（{detail}）。未安装。',
    en: 'The signature does not match the rules pack {file}: the file was changed after it was signed, or the signature is damaged ({detail}). Nothing was installed.',
  },
  'error.pack-untrusted': {
    'zh-CN':
      '规则包 {file} 由 {signer}（证书指纹 {fingerprint}）签名，但该证书不在本机信任库中。未安装。如确认信任该发布者，请先用“adsg trust import”导入其证书。',
    en: 'The rules pack {file} is signed by {signer} (certificate {fingerprint}), which is not in this machine’s trust store. Nothing was installed. If you trust this publisher, import their certificate first with “adsg trust import”.',
  },
  'error.upgrade-other-pack': {
    'zh-CN': '项目按规则包 {current} 评估，只能改用同一规则包的其他版本，不能改用 {target}。',
    en: 'The project is assessed against {current}; it can move only to another version of the same pack, not to {target}.',
  },
  'error.upgrade-same-version': { 'zh-CN': '项目已在使用 {pack}。', en: 'The project already uses {pack}.' },
  'error.upgrade-stale': {
    'zh-CN': '预览之后项目的规则包已变更（现为 {current}）；请重新预览后再确认。',
    en: 'The project’s rules pack changed after the preview (it is now {current}); preview again before confirming.',
  },
  'error.facts-not-json': {
    'zh-CN': '事实文件 {file} 不是有效的 JSON：{detail}',
    en: 'The facts file {file} is not valid JSON: {detail}',
  },
} as const satisfies Record<string, Bilingual>;

export type RulesMessageKey = keyof typeof RULES_MESSAGES;

/** Placeholder values; a bilingual value is filled in the language being written. */


/** A catalogue message in both languages, placeholders filled: what trace steps and errors carry. */
export function bilingual(key: RulesMessageKey, params: TextParams = {}): Bilingual {
  const text = RULES_MESSAGES[key];
  return { 'zh-CN': formatText(text, 'zh-CN', params), en: formatText(text, 'en', params) };
}
