import type { Bilingual } from './locale';

/**
 * Messages of the input and output hygiene rules (shared/domain/text.ts, the evidence source
 * guard, the CLI's argument files), in both languages. Spread into the main catalogue so
 * `AppError`, zod issue keys and `translate` reach them like any other key.
 */
export const HYGIENE_MESSAGES = {
  'v.text.lineBreak': { 'zh-CN': '只能是一行，不能包含换行符', en: 'must be one line, without line breaks' },
  'v.text.control': {
    'zh-CN': '含有控制字符（如制表符或终端转义序列），不允许',
    en: 'contains a control character (such as a tab or a terminal escape sequence), which is not allowed',
  },
  'v.text.direction': {
    'zh-CN': '含有文字方向控制字符（U+202A–U+202E、U+2066–U+2069），它们会改变文字的显示顺序，不允许',
    en: 'contains a text-direction control (U+202A–U+202E, U+2066–U+2069), which changes the order text is shown in; not allowed',
  },
  'v.text.broken': { 'zh-CN': '含有不完整的字符（孤立的代理项），请重新输入', en: 'contains a broken character (an unpaired surrogate); please type it again' },

  'field.actorName': { 'zh-CN': '操作人姓名', en: 'Your name' },
  'field.organisation': { 'zh-CN': '组织', en: 'Organisation' },
  'field.description': { 'zh-CN': '描述', en: 'Description' },
  'field.recommendation': { 'zh-CN': '整改建议', en: 'Recommendation' },
  'field.owner': { 'zh-CN': '责任人', en: 'Owner' },
  'field.notes': { 'zh-CN': '备注', en: 'Notes' },
  'field.note': { 'zh-CN': '备注', en: 'Note' },
  'field.comment': { 'zh-CN': '意见', en: 'Comments' },
  'field.comments': { 'zh-CN': '意见', en: 'Comments' },
  'field.recipient': { 'zh-CN': '境外接收方', en: 'Recipient' },
  'field.country': { 'zh-CN': '国家或地区', en: 'Country or region' },
  'field.purpose': { 'zh-CN': '目的', en: 'Purpose' },
  'field.channel': { 'zh-CN': '传输方式', en: 'Channel' },
  'field.frequency': { 'zh-CN': '频率', en: 'Frequency' },

  'error.evidence-in-data-folder': {
    'zh-CN': '“{what}”位于工作台自己的数据文件夹中（或就是它的数据库文件），不能作为证据添加。',
    en: '“{what}” is inside the workbench’s own data folder (or is its database file) and cannot be added as evidence.',
  },
  'error.evidence-replaced': {
    'zh-CN': '“{what}”在检查之后被替换成了另一个文件，未保存任何内容。',
    en: '“{what}” was replaced by another file after it was checked; nothing was stored.',
  },

  'cli.file.unreadable': { 'zh-CN': '{option}：无法读取 {file}（{detail}）', en: '{option}: cannot read {file} ({detail})' },
  'cli.file.not-regular': {
    'zh-CN': '{option}：{file} 不是普通文件（设备、管道和文件夹不能在这里读取）',
    en: '{option}: {file} is not a regular file (a device, pipe or folder cannot be read here)',
  },
  'cli.file.too-large': { 'zh-CN': '{option}：{file} 超过了 {max} 字节的上限', en: '{option}: {file} is larger than the limit of {max} bytes' },
  'cli.file.not-text': {
    'zh-CN': '{option}：{file} 不是文本文件（应为 UTF-8 编码，且不含 NUL 字节）',
    en: '{option}: {file} is not a text file (it must be UTF-8, without NUL bytes)',
  },
  'cli.file.empty-line': { 'zh-CN': '{option}：{file} 的第一行是空的', en: '{option}: the first line of {file} is empty' },
} as const satisfies Record<string, Bilingual>;
