import type { Bilingual } from '../i18n/locale';
import type { ChangeKind } from './diff';

/** Names of the kinds of field change, as the diff headings read. */
export const CHANGE_KIND_LABELS: Record<ChangeKind, Bilingual> = {
  threshold: { 'zh-CN': '阈值', en: 'threshold' },
  'decision-order': { 'zh-CN': '判定顺序', en: 'decision order' },
  criteria: { 'zh-CN': '判定条件', en: 'criteria' },
  status: { 'zh-CN': '状态', en: 'status' },
  text: { 'zh-CN': '文字', en: 'text' },
  sources: { 'zh-CN': '来源', en: 'sources' },
  other: { 'zh-CN': '其他', en: 'other' },
};

/** Every other text the diff and the upgrade summary show, in the CLI and the app alike. */
export const DIFF_LABELS = {
  added: { 'zh-CN': '新增', en: 'added' },
  removed: { 'zh-CN': '移除', en: 'removed' },
  withdrawn: { 'zh-CN': '已撤回', en: 'withdrawn' },
  absent: { 'zh-CN': '已从规则包删除', en: 'no longer in the pack' },
  changed: { 'zh-CN': '修改', en: 'changed' },
  unchanged: { 'zh-CN': '未变', en: 'unchanged' },
  reconfirm: { 'zh-CN': '需重新确认', en: 'to re-confirm' },
  archived: { 'zh-CN': '已归档（条目撤回）', en: 'archived (item withdrawn)' },
  metadataOnly: { 'zh-CN': '仅来源或可信度变化，答案照旧保留', en: 'sources or confidence only: answers carry as they are' },
  determining: { 'zh-CN': '可能改变判定结论的变化', en: 'Changes that can move a determination' },
  byArea: { 'zh-CN': '按领域', en: 'By area' },
  none: { 'zh-CN': '两个版本没有差异。', en: 'The two versions do not differ.' },
  example: { 'zh-CN': '示例版本，非官方更新', en: 'EXAMPLE, not an official update' },
  summary: {
    'zh-CN': '新增 {added} · 移除 {removed} · 修改 {changed}（其中 {reconfirm} 项需重新确认答案）· 未变 {unchanged}',
    en: 'added {added} · removed {removed} · changed {changed} ({reconfirm} with answers to re-confirm) · unchanged {unchanged}',
  },
  checklist: { 'zh-CN': '检查清单答案', en: 'Checklist answers' },
  questionnaire: { 'zh-CN': '重要数据问卷答案', en: 'Important-data questionnaire answers' },
  carriedCount: {
    'zh-CN': '照旧保留 {carried} · 需重新确认 {reconfirm} · 归档 {archived} · 新增未作答 {unanswered}',
    en: 'carried as they are {carried} · to re-confirm {reconfirm} · archived {archived} · new, unanswered {unanswered}',
  },
  determinations: { 'zh-CN': '判定结论', en: 'Determinations' },
  organization: { 'zh-CN': '组织', en: 'Organisation' },
  noOutcomeChange: { 'zh-CN': '判定结论均不变。', en: 'No determination changes.' },
  revisionOpens: { 'zh-CN': '修订版 {revision} 已锁定：升级将开启修订版 {next}。', en: 'Revision {revision} is locked: the upgrade opens revision {next}.' },
  revisionUnderReview: { 'zh-CN': '修订版 {revision} 正在复核中，不能升级。', en: 'Revision {revision} is under review and cannot be upgraded.' },
  dryRun: { 'zh-CN': '（预演：未作任何修改）', en: '(dry run: nothing was changed)' },
  upgraded: { 'zh-CN': '项目已改用 {pack}（修订版 {revision}）。', en: 'The project now uses {pack} (revision {revision}).' },
} as const satisfies Record<string, Bilingual>;

/** Names of the item fields a diff can show (a field not named here is shown by its key). */
export const FIELD_LABELS: Record<string, Bilingual> = {
  title: { 'zh-CN': '标题', en: 'title' },
  text: { 'zh-CN': '正文', en: 'text' },
  key: { 'zh-CN': '键', en: 'key' },
  description: { 'zh-CN': '说明', en: 'description' },
  ref: { 'zh-CN': '编号', en: 'reference' },
  export: { 'zh-CN': '是否出境', en: 'is an export' },
  examples: { 'zh-CN': '示例', en: 'examples' },
  evidence: { 'zh-CN': '证据', en: 'evidence' },
  inGuideline: { 'zh-CN': '指引所列场景', en: 'scenario of the Guidelines' },
  value: { 'zh-CN': '数值', en: 'value' },
  unit: { 'zh-CN': '单位', en: 'unit' },
  counting: { 'zh-CN': '计数方法', en: 'counting' },
  statement: { 'zh-CN': '规定', en: 'statement' },
  when: { 'zh-CN': '适用条件', en: 'condition' },
  aggregation: { 'zh-CN': '汇总原则', en: 'aggregation' },
  steps: { 'zh-CN': '步骤', en: 'steps' },
  route: { 'zh-CN': '路径', en: 'route' },
  summary: { 'zh-CN': '概述', en: 'summary' },
  rules: { 'zh-CN': '规则', en: 'rules' },
  thresholds: { 'zh-CN': '阈值', en: 'thresholds' },
  documents: { 'zh-CN': '材料', en: 'documents' },
  validity: { 'zh-CN': '有效期', en: 'validity' },
  timeLimits: { 'zh-CN': '时限', en: 'time limits' },
  automatic: { 'zh-CN': '自动判断', en: 'automatic' },
  conditions: { 'zh-CN': '条件', en: 'conditions' },
  fastChannel: { 'zh-CN': '快速通道', en: 'fast channel' },
  effect: { 'zh-CN': '效力', en: 'effect' },
  scenarios: { 'zh-CN': '场景', en: 'scenarios' },
  subScenario: { 'zh-CN': '子场景', en: 'sub-scenario' },
  category: { 'zh-CN': '类别', en: 'category' },
  criterion: { 'zh-CN': '判定规则', en: 'criterion' },
  thresholdType: { 'zh-CN': '阈值类型', en: 'threshold type' },
  thresholdValue: { 'zh-CN': '阈值', en: 'threshold value' },
  exemptions: { 'zh-CN': '豁免', en: 'exemptions' },
  preconditions: { 'zh-CN': '前提', en: 'preconditions' },
  related: { 'zh-CN': '相关条目', en: 'related items' },
  sourceVersion: { 'zh-CN': '来源版本', en: 'source version' },
  sourceLocator: { 'zh-CN': '出处', en: 'source locator' },
  verified: { 'zh-CN': '已核实', en: 'verified' },
  section: { 'zh-CN': '章节', en: 'section' },
  requirement: { 'zh-CN': '要求', en: 'requirement' },
  verify: { 'zh-CN': '核查方式', en: 'how to verify' },
  routes: { 'zh-CN': '适用路径', en: 'routes' },
  status: { 'zh-CN': '状态', en: 'status' },
  source: { 'zh-CN': '来源', en: 'source' },
  provenance: { 'zh-CN': '出处标签', en: 'provenance' },
  confidence: { 'zh-CN': '可信度', en: 'confidence' },
  notes: { 'zh-CN': '备注', en: 'notes' },
};

/** A field's name in both languages, or its key when the catalogue does not name it. */
export function fieldLabel(field: string): Bilingual {
  return FIELD_LABELS[field] ?? { 'zh-CN': field, en: field };
}
