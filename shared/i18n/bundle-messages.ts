import { formatText, type TextParams } from './format';
import type { Bilingual, Locale } from './locale';

/**
 * Why a project bundle was refused (import) or could not be made (export), in both languages.
 * Kept apart from the main catalogue so the bundle code owns its wording; every reason has its own
 * message so a user (and a test) can tell a zip slip from a zip bomb from a tampered file.
 */
export const BUNDLE_MESSAGES = {
  'not-a-bundle': { 'zh-CN': '该文件不是 ADSG 项目包（不是 ZIP 文件）。', en: 'This file is not an ADSG project bundle (it is not a ZIP file).' },
  truncated: {
    'zh-CN': '项目包不完整或已损坏，无法读取其目录：{detail}',
    en: 'The bundle is incomplete or damaged; its directory cannot be read: {detail}',
  },
  'too-many-entries': { 'zh-CN': '项目包含有 {count} 个条目，超过上限 {max}。', en: 'The bundle holds {count} entries, more than the limit of {max}.' },
  'unsafe-path': {
    'zh-CN': '项目包中的条目“{name}”路径不安全（绝对路径、“..”、反斜杠或控制字符），已拒绝。',
    en: 'The bundle entry “{name}” has an unsafe path (absolute, “..”, backslash or control character) and was refused.',
  },
  symlink: { 'zh-CN': '项目包中的条目“{name}”是符号链接，已拒绝。', en: 'The bundle entry “{name}” is a symbolic link and was refused.' },
  'duplicate-entry': { 'zh-CN': '项目包中的条目“{name}”出现了不止一次。', en: 'The bundle entry “{name}” occurs more than once.' },
  'unknown-entry': { 'zh-CN': '项目包中有不认识的条目“{name}”。', en: 'The bundle holds an entry this program does not know: “{name}”.' },
  'unsupported-entry': { 'zh-CN': '条目“{name}”使用了不支持的格式：{detail}', en: 'The entry “{name}” uses an unsupported format: {detail}' },
  'entry-too-large': {
    'zh-CN': '条目“{name}”解压后有 {size} 字节，超过上限 {max} 字节。',
    en: 'The entry “{name}” unpacks to {size} bytes, more than the limit of {max} bytes.',
  },
  'total-too-large': { 'zh-CN': '项目包解压后共 {size} 字节，超过上限 {max} 字节。', en: 'The bundle unpacks to {size} bytes in all, more than the limit of {max} bytes.' },
  'compression-ratio': {
    'zh-CN': '条目“{name}”的压缩比超过 {max}:1，疑似压缩炸弹，已拒绝。',
    en: 'The entry “{name}” is compressed more than {max}:1, like a zip bomb, and was refused.',
  },
  'damaged-entry': { 'zh-CN': '条目“{name}”的数据已损坏：{detail}', en: 'The data of the entry “{name}” is damaged: {detail}' },
  'manifest-missing': { 'zh-CN': '项目包缺少清单 manifest.json。', en: 'The bundle has no manifest.json.' },
  'manifest-invalid': { 'zh-CN': '项目包清单无效：{detail}', en: 'The bundle manifest is invalid: {detail}' },
  'format-version': {
    'zh-CN': '项目包格式版本为 {found}，本程序只能读取版本 {supported}。请升级 ADSG Workbench。',
    en: 'The bundle is format version {found}; this program reads version {supported}. Upgrade ADSG Workbench.',
  },
  'signature-invalid': { 'zh-CN': '项目包清单的签名无效：{detail}', en: 'The signature of the bundle manifest is not valid: {detail}' },
  'entry-mismatch': {
    'zh-CN': '条目“{name}”与清单不符（大小或 SHA-256 不同），项目包已被改动。',
    en: 'The entry “{name}” does not match the manifest (its size or SHA-256 differs): the bundle was altered.',
  },
  'manifest-inconsistent': { 'zh-CN': '清单与项目包内容不一致：{detail}', en: 'The manifest does not agree with the bundle’s contents: {detail}' },
  'project-invalid': { 'zh-CN': '项目数据 project.json 无效：{detail}', en: 'The project data project.json is invalid: {detail}' },
  'project-inconsistent': { 'zh-CN': '项目数据自相矛盾：{detail}', en: 'The project data contradicts itself: {detail}' },
  'trail-broken': {
    'zh-CN': '项目包中的审计日志在第 {row} 条处断链（{reason}）。',
    en: 'The audit trail in the bundle is broken at row {row} ({reason}).',
  },
  'trail-mismatch': {
    'zh-CN': '审计日志链头为 {found}，与清单记录的 {expected} 不符。',
    en: 'The audit trail ends at {found}, not at {expected} as the manifest says.',
  },
  'snapshot-mismatch': {
    'zh-CN': '修订版 {revision} 的已通过快照与其哈希不符。',
    en: 'The accepted snapshot of revision {revision} does not match its hash.',
  },
  'rules-pack-missing': {
    'zh-CN': '本机没有安装项目所用的规则包 {pack}，请先安装再导入。',
    en: 'The rules pack {pack} the project uses is not installed here; install it, then import again.',
  },
  'rules-pack-differs': {
    'zh-CN': '本机的规则包 {pack} 内容不同（哈希 {found}，项目要求 {expected}）。',
    en: 'The installed rules pack {pack} differs (hash {found}; the project needs {expected}).',
  },
  'project-exists': {
    'zh-CN': '本工作台已有项目 {id}（或其审计日志）。如需再导入一份，请选择“作为副本导入”。',
    en: 'Project {id} (or its audit trail) already exists in this workbench. To import it again, import it as a copy.',
  },
  'ids-taken': { 'zh-CN': '项目包中的编号已被本工作台使用：{what}', en: 'Ids in the bundle are already used in this workbench: {what}' },
  'no-space': { 'zh-CN': '磁盘空间不足：需要 {needed} 字节，仅剩 {free} 字节。', en: 'Not enough disk space: {needed} bytes needed, {free} bytes free.' },
  cancelled: { 'zh-CN': '已取消，未做任何更改。', en: 'Cancelled; nothing was changed.' },
  io: { 'zh-CN': '读写项目包失败：{detail}', en: 'Reading or writing the bundle failed: {detail}' },
  'evidence-damaged': {
    'zh-CN': '证据文件“{name}”（{sha256}）缺失或已被改动，不能导出；请先核验证据。',
    en: 'The evidence file “{name}” ({sha256}) is missing or was altered and cannot be exported; verify the evidence first.',
  },
  'dossier-invalid': { 'zh-CN': '报告文件 {file} 不能放入项目包：{detail}', en: 'The dossier {file} cannot go into the bundle: {detail}' },
} as const satisfies Record<string, Bilingual>;

/** One reason a bundle was refused or could not be made. */
export type BundleMessageKey = keyof typeof BUNDLE_MESSAGES;

/** The bundle message in `locale`, placeholders filled from `params`. */
export function bundleMessage(locale: Locale, key: BundleMessageKey, params: TextParams = {}): string {
  return formatText(BUNDLE_MESSAGES[key], locale, params);
}
