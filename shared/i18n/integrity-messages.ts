import { formatText, type TextParams } from './format';
import type { Bilingual, Locale } from './locale';

/**
 * What the project integrity check (audit chain, anchor, replay of stored state, accepted
 * snapshots) and `adsg doctor` report, in both languages. Each problem has its own message, so a
 * user — and a test — can tell a truncated trail from an edited answer from a forged snapshot.
 */
export const INTEGRITY_MESSAGES = {
  // The anchor file as a whole.
  'anchor-missing': {
    'zh-CN': '锚点文件 workbench.anchor.json 不见了，而此数据文件夹曾经建立过锚点：它被删除了，无法确认审计日志的末尾没有被截断或改写。',
    en: 'The anchor file workbench.anchor.json is gone although this data folder had one: it was deleted, so nobody can tell whether the end of an audit trail was cut off or rewritten.',
  },
  'anchor-unavailable': { 'zh-CN': '无法建立锚点：{detail}', en: 'The anchor could not be established: {detail}' },
  'anchor-unreadable': { 'zh-CN': '锚点文件已损坏，无法读取：{detail}', en: 'The anchor file is damaged and cannot be read: {detail}' },
  'anchor-forged': {
    'zh-CN': '锚点文件的校验码（HMAC）不符：它在本程序之外被改动过。',
    en: 'The anchor file’s MAC (HMAC-SHA-256) does not match: it was changed outside this program.',
  },
  'anchor-key-missing': {
    'zh-CN': '找不到锚点密钥（{dir}），无法核验锚点。若数据文件夹是从其他电脑或账户搬来的，请在核实数据后运行 adsg doctor --re-anchor。',
    en: 'The anchor key ({dir}) is missing, so the anchor cannot be checked. If this data folder came from another computer or account, run adsg doctor --re-anchor once you have satisfied yourself the data is genuine.',
  },
  'anchor-key-damaged': { 'zh-CN': '锚点密钥文件已损坏（{dir}）。', en: 'The anchor key file is damaged ({dir}).' },
  'anchor-other-key': {
    'zh-CN': '锚点文件是用另一把密钥生成的：数据文件夹来自其他电脑或账户，或密钥被替换。',
    en: 'The anchor file was made with another key: the data folder comes from another computer or account, or the key was replaced.',
  },
  'anchor-other-folder': {
    'zh-CN': '锚点文件属于另一个数据文件夹（或数据库中的锚点标记被改动）。',
    en: 'The anchor file belongs to another data folder (or the anchor marker in the database was changed).',
  },
  // One chain against its anchored head.
  'anchor-truncated': {
    'zh-CN': '审计日志现有 {rows} 条，但锚点在 {at} 记录了 {anchored} 条：日志末尾被删除，或恢复了较旧的数据库。',
    en: 'The audit trail has {rows} row(s), but the anchor recorded {anchored} on {at}: rows were removed from its end, or an older database was restored.',
  },
  'anchor-rewritten': {
    'zh-CN': '审计日志第 {row} 条不是锚点在 {at} 记录的那一条：日志被改写，或换成了另一个数据库。',
    en: 'Row {row} of the audit trail is not the one the anchor recorded on {at}: the trail was rewritten, or another database was put in its place.',
  },
  // The chain itself.
  'trail-broken': { 'zh-CN': '审计日志在第 {seq} 条处断链（{reason}）。', en: 'The audit trail is broken at row {seq} ({reason}).' },
  'trail-unreadable': {
    'zh-CN': '审计日志第 {seq} 条记录的数据无法解读。',
    en: 'The data recorded in audit trail row {seq} cannot be read.',
  },
  'copy-provenance': { 'zh-CN': '副本所嵌入的原项目历史无法核验：{detail}', en: 'The original history embedded in this copy does not verify: {detail}' },
  // Stored state replayed from the trail.
  'state-differs': {
    'zh-CN': '{entityName} {id} 的字段 {field} 与审计日志不符：数据库中为 {stored}，日志记录为 {expected}。',
    en: '{entityName} {id}: field {field} is {stored} in the database but {expected} in the audit trail.',
  },
  'state-missing': {
    'zh-CN': '审计日志中有{entityName} {id}，数据库中却没有。',
    en: '{entityName} {id} is in the audit trail but missing from the database.',
  },
  'state-extra': {
    'zh-CN': '数据库中有{entityName} {id}，审计日志中却没有记录。',
    en: '{entityName} {id} is in the database but not in the audit trail.',
  },
  'state-unreadable': { 'zh-CN': '数据库中的数据无法读取：{what}', en: 'Data in the database cannot be read: {what}' },
  'state-more': { 'zh-CN': '另有 {count} 处与审计日志不符。', en: '{count} more difference(s) from the audit trail.' },
  'more-problems': { 'zh-CN': '另有 {count} 个问题。', en: '{count} more problem(s).' },
  // Accepted snapshots.
  'snapshot-missing': {
    'zh-CN': '修订版 {revision} 标记为已通过，却没有保存快照。',
    en: 'Revision {revision} is marked accepted but has no stored snapshot.',
  },
  'snapshot-hash': {
    'zh-CN': '修订版 {revision} 的锁定快照与数据库记录的哈希不符。',
    en: 'The locked snapshot of revision {revision} does not hash to the hash stored with it.',
  },
  'snapshot-trail': {
    'zh-CN': '修订版 {revision} 的快照哈希与审计日志中“复核通过”记录的哈希不符：快照被改动过。',
    en: 'The snapshot hash of revision {revision} is not the one in the audit trail’s accept row: the snapshot was changed.',
  },
  'snapshot-no-accept': {
    'zh-CN': '修订版 {revision} 标记为已通过，但审计日志中没有它的“复核通过”记录。',
    en: 'Revision {revision} is marked accepted, but the audit trail has no accept row for it.',
  },
  'snapshot-not-stored': {
    'zh-CN': '审计日志记录修订版 {revision} 已通过复核，数据库中却没有它的已通过快照。',
    en: 'The audit trail records revision {revision} as accepted, but the database holds no accepted snapshot of it.',
  },
  'snapshot-head': {
    'zh-CN': '修订版 {revision} 记录的日志链头不是其“复核通过”记录。',
    en: 'Revision {revision} names a trail head other than its accept row.',
  },
  'snapshot-replay': {
    'zh-CN': '修订版 {revision} 的快照与审计日志在通过复核时的状态不符：{difference}',
    en: 'The snapshot of revision {revision} differs from what the audit trail says at its acceptance: {difference}',
  },
  // The database file (adsg doctor).
  'db-integrity': { 'zh-CN': 'SQLite 完整性检查（integrity_check）报告：{detail}', en: 'SQLite integrity_check reports: {detail}' },
  'db-foreign-key': {
    'zh-CN': '表 {table} 第 {rowid} 行指向 {parent} 中不存在的记录。',
    en: 'Row {rowid} of table {table} points at a record of {parent} that does not exist.',
  },
  // Notices: not problems.
  'anchor-created': {
    'zh-CN': '已建立锚点：此数据文件夹此前没有锚点（旧版本的数据），现已记录 {chains} 条审计日志链的末尾。',
    en: 'Anchor created: this data folder had none (data from an earlier version); the ends of {chains} audit chain(s) are now recorded.',
  },
  're-anchored': {
    'zh-CN': '已重新建立锚点，记录了 {chains} 条审计日志链的当前末尾。',
    en: 'The anchor was re-established at the current end of {chains} audit chain(s).',
  },
  // Reports.
  'project-ok': {
    'zh-CN': '完好：{rows} 条审计日志，链头 {head}；锚点确认至第 {anchored} 条；数据库中的数据与日志一致；已核对 {snapshots} 个已通过快照。',
    en: 'ok: {rows} row(s), head {head}; anchored up to row {anchored}; stored data matches the trail; {snapshots} accepted snapshot(s) checked.',
  },
  'project-failed': { 'zh-CN': '项目 {project} 有 {count} 个完整性问题。', en: 'Project {project} has {count} integrity problem(s).' },
  'doctor-database-ok': { 'zh-CN': '数据库：完好（integrity_check 与外键检查均通过）。', en: 'Database: sound (integrity_check and foreign keys pass).' },
  'doctor-anchor-ok': { 'zh-CN': '锚点：完好，记录了 {chains} 条日志链。', en: 'Anchor: sound, {chains} chain(s) recorded.' },
  'doctor-machine-chain': { 'zh-CN': '本机日志链', en: 'machine-wide chain' },
  'doctor-deleted-project': { 'zh-CN': '（已删除的项目）', en: '(deleted project)' },
  'doctor-item-ok': { 'zh-CN': '{id}  {name}  完好', en: '{id}  {name}  ok' },
  'doctor-item-problems': { 'zh-CN': '{id}  {name}  {count} 个问题', en: '{id}  {name}  {count} problem(s)' },
  'doctor-summary-ok': { 'zh-CN': '全部完好：已检查 {chains} 条日志链。', en: 'All is well: {chains} chain(s) checked.' },
  'doctor-summary-failed': {
    'zh-CN': '发现 {count} 个问题（已检查 {chains} 条日志链）。',
    en: '{count} problem(s) found ({chains} chain(s) checked).',
  },
  'out-not-writable': { 'zh-CN': '无法写入 --out {file}：{detail}', en: 'Cannot write --out {file}: {detail}' },
  // Dossiers going into or coming out of a bundle.
  'dossier-not-verified': {
    'zh-CN': '报告 {file} 的签名未通过验证（或所附评估数据与其哈希不符）。',
    en: 'The dossier {file} does not verify (a signature, or the embedded assessment against its hash).',
  },
  'dossier-not-accepted': {
    'zh-CN': '报告 {file} 所载快照 {snapshot} 不是本项目任何已通过修订版的快照。',
    en: 'The dossier {file} carries snapshot {snapshot}, which is not that of any accepted revision of this project.',
  },
  'dossier-ok': { 'zh-CN': '报告 {file}：签名有效，为已通过的修订版 {revision}。', en: 'Dossier {file}: verifies, and is of accepted revision {revision}.' },
} as const satisfies Record<string, Bilingual>;

export type IntegrityMessageKey = keyof typeof INTEGRITY_MESSAGES;

/** What an entity of the replay check is called in each language. */
export const ENTITY_NAMES = {
  project: { 'zh-CN': '项目', en: 'Project' },
  flow: { 'zh-CN': '出境数据流', en: 'Export flow' },
  question: { 'zh-CN': '重要数据问卷答案', en: 'Questionnaire answer' },
  answer: { 'zh-CN': '检查项结论', en: 'Checklist answer' },
  evidence: { 'zh-CN': '证据', en: 'Evidence' },
  finding: { 'zh-CN': '发现项', en: 'Finding' },
  override: { 'zh-CN': '判定覆盖', en: 'Determination override' },
} as const satisfies Record<string, Bilingual>;

export type EntityKind = keyof typeof ENTITY_NAMES;

/** Why a chain row failed, in words. */
export const BREAK_REASONS = {
  hash: { 'zh-CN': '内容被改动', en: 'its content was altered' },
  link: { 'zh-CN': '与前一条的链接断开', en: 'its link to the previous row is broken' },
} as const satisfies Record<string, Bilingual>;

/** Why a file could not be written, for the errors the OS gives most often. */
export const WRITE_FAILURES = {
  ENOENT: { 'zh-CN': '所在文件夹不存在', en: 'its folder does not exist' },
  ENOTDIR: { 'zh-CN': '路径中有一段不是文件夹', en: 'part of the path is not a folder' },
  EACCES: { 'zh-CN': '没有写入权限', en: 'permission denied' },
  EPERM: { 'zh-CN': '没有写入权限', en: 'permission denied' },
  EISDIR: { 'zh-CN': '这是一个文件夹', en: 'it is a folder' },
  ENOSPC: { 'zh-CN': '磁盘已满', en: 'the disk is full' },
  EROFS: { 'zh-CN': '文件系统只读', en: 'the file system is read-only' },
} as const satisfies Record<string, Bilingual>;

/** The reason for an OS error code in both languages; the code itself for any other. */
export function writeFailure(code: string | undefined): Bilingual | string {
  return code && Object.hasOwn(WRITE_FAILURES, code) ? WRITE_FAILURES[code as keyof typeof WRITE_FAILURES] : (code ?? '?');
}

/** The message in `locale`, placeholders filled (bilingual values are taken in that language). */
export function integrityMessage(locale: Locale, key: IntegrityMessageKey, params: TextParams = {}): string {
  return formatText(INTEGRITY_MESSAGES[key], locale, params);
}

/** The message in both languages, for an error that is rendered later in the reader's language. */
export function integrityBilingual(key: IntegrityMessageKey, params: TextParams = {}): Bilingual {
  return { 'zh-CN': integrityMessage('zh-CN', key, params), en: integrityMessage('en', key, params) };
}
