import { formatText, type TextParams } from './format';
import { HYGIENE_MESSAGES } from './hygiene-messages';
import type { Bilingual, Locale } from './locale';

/**
 * Every message that crosses a boundary (errors, validation problems, field names), in both
 * languages. Core and CLI speak through these keys so the user always reads their own language.
 * `{name}` placeholders are filled by `translate`.
 */
export const MESSAGES = {
  'error.validation': { 'zh-CN': '输入无效', en: 'Invalid input' },
  'error.not-found': { 'zh-CN': '未找到：{what}', en: 'Not found: {what}' },
  'error.conflict': { 'zh-CN': '冲突：{what}', en: 'Conflict: {what}' },
  'error.forbidden': { 'zh-CN': '请求被拒绝', en: 'Request refused' },
  'error.unknown-channel': { 'zh-CN': '未知的请求通道：{channel}', en: 'Unknown request channel: {channel}' },
  'error.internal': { 'zh-CN': '内部错误：{detail}', en: 'Internal error: {detail}' },
  'error.io': { 'zh-CN': '文件读写失败：{detail}', en: 'File access failed: {detail}' },
  'error.db-newer': {
    'zh-CN': '数据库版本 {found} 高于本程序支持的版本 {supported}，请升级 ADSG Workbench 后再打开。',
    en: 'The database is version {found}, newer than this program supports ({supported}). Upgrade ADSG Workbench to open it.',
  },
  'error.db-corrupt': { 'zh-CN': '数据库文件无法打开：{detail}', en: 'The database file cannot be opened: {detail}' },
  'error.db-busy': { 'zh-CN': '数据文件夹正忙：另一个 ADSG Workbench 进程已连续写入超过 5 秒。请稍后重试。', en: 'The data folder is busy: another ADSG Workbench process has been writing for more than 5 seconds. Try again in a moment.' },
  'error.trail-append-only': { 'zh-CN': '审计日志只能追加', en: 'The audit trail is append-only' },
  'error.integrity': { 'zh-CN': '数据已损坏或被改动：{what}', en: 'Data is damaged or was altered: {what}' },
  'error.locked': { 'zh-CN': '项目已锁定，不能修改', en: 'The project is locked and cannot be changed' },
  'error.evidence-missing': { 'zh-CN': '证据文件不存在：{what}', en: 'Evidence file not found: {what}' },
  'error.evidence-not-file': { 'zh-CN': '不是普通文件：{what}', en: 'Not a regular file: {what}' },
  'error.cancelled': { 'zh-CN': '已取消', en: 'Cancelled' },
  'error.under-review': {
    'zh-CN': '修订版 {revision} 正在复核中，不能修改；请复核人退回后再编辑。',
    en: 'Revision {revision} is under review and cannot be changed; the reviewer must return it first.',
  },
  'error.review-state': {
    'zh-CN': '修订版 {revision} 当前状态为“{state}”，不能执行此操作。',
    en: 'Revision {revision} is “{state}”; this step is not possible now.',
  },
  'error.not-accepted': { 'zh-CN': '项目还没有已通过复核的修订版，不能生成报告。', en: 'The project has no accepted revision yet; a dossier needs one.' },
  'error.integrity-before-signing': {
    'zh-CN': '签署前完整性校验未通过：{detail}',
    en: 'The integrity check before signing failed: {detail}',
  },
  'error.signing': { 'zh-CN': '签名失败：{detail}', en: 'Signing failed: {detail}' },
  'error.delete-confirm': { 'zh-CN': '删除需要确认', en: 'Deleting needs confirmation' },

  'v.required': { 'zh-CN': '必填', en: 'is required' },
  'v.tooLong': { 'zh-CN': '过长', en: 'is too long' },
  'v.creditCode.length': { 'zh-CN': '应为 18 位字符', en: 'must have 18 characters' },
  'v.creditCode.charset': {
    'zh-CN': '含有无效字符（只允许数字和除 I、O、S、V、Z 以外的大写字母）',
    en: 'has an invalid character (digits and capital letters except I, O, S, V, Z only)',
  },
  'v.creditCode.check': { 'zh-CN': '校验位错误，请核对', en: 'has a wrong check character; please re-check it' },
  'v.date': { 'zh-CN': '日期格式应为 YYYY-MM-DD', en: 'must be a date as YYYY-MM-DD' },
  'v.dateOrder': { 'zh-CN': '结束日期不能早于开始日期', en: 'must not be before the start date' },
  'v.unknownField': { 'zh-CN': '不允许的字段：{keys}', en: 'unknown field(s): {keys}' },
  'v.justificationRequired': { 'zh-CN': '“不符合”和“不适用”必须填写理由', en: 'a justification is required for “nonconforming” and “not applicable”' },
  'v.passphraseShort': { 'zh-CN': '口令至少 8 个字符', en: 'must have at least 8 characters' },
  'v.badPassphrase': { 'zh-CN': '口令不正确', en: 'wrong passphrase' },
  'v.invalid': { 'zh-CN': '无效', en: 'is invalid' },

  'field.name': { 'zh-CN': '项目名称', en: 'Project name' },
  'field.organization': { 'zh-CN': '被评估组织', en: 'Organisation' },
  'field.creditCode': { 'zh-CN': '统一社会信用代码', en: 'Unified social credit code' },
  'field.role': { 'zh-CN': '处理者角色', en: 'Processor role' },
  'field.ciio': { 'zh-CN': '关键信息基础设施运营者', en: 'CIIO' },
  'field.site': { 'zh-CN': '现场', en: 'Site' },
  'field.auditStart': { 'zh-CN': '审核开始日期', en: 'Audit start' },
  'field.auditEnd': { 'zh-CN': '审核结束日期', en: 'Audit end' },
  'field.auditor': { 'zh-CN': '审核员', en: 'Auditor' },
  'field.reviewer': { 'zh-CN': '复核人', en: 'Reviewer' },
  'field.justification': { 'zh-CN': '理由', en: 'Justification' },
  'field.individuals': { 'zh-CN': '个人信息涉及人数', en: 'Individuals (non-sensitive PI)' },
  'field.sensitiveIndividuals': { 'zh-CN': '敏感个人信息涉及人数', en: 'Individuals (sensitive PI)' },
  'field.title': { 'zh-CN': '标题', en: 'Title' },
  'field.dueDate': { 'zh-CN': '整改期限', en: 'Due date' },
  'field.id': { 'zh-CN': '编号', en: 'Id' },
  ...HYGIENE_MESSAGES,
} as const satisfies Record<string, Bilingual>;

export type MessageKey = keyof typeof MESSAGES;

/** True when `key` names a catalogue message (zod issue messages may be keys or plain text). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(MESSAGES, key);
}

/** The message in `locale`, with `{placeholders}` filled from `params`. */
export function translate(locale: Locale, key: MessageKey, params: TextParams = {}): string {
  return formatText(MESSAGES[key], locale, params);
}
