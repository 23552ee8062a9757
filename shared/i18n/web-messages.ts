import { formatText, type TextParams } from './format';
import type { Bilingual, Locale } from './locale';

/**
 * What the browser host (`adsg ui`) says: why a request was refused at its doors, what went wrong
 * with an upload or a download, and its lines in the terminal. Kept apart from the main catalogue
 * so the web host owns its wording.
 */
export const WEB_MESSAGES = {
  token: {
    'zh-CN': '会话令牌缺失或不正确。请打开 adsg ui 启动时打印的完整地址（每次启动都会换新令牌）。',
    en: 'The session token is missing or wrong. Open the full address adsg ui printed when it started (each start makes a new token).',
  },
  host: {
    'zh-CN': '请求的主机名不被接受：只接受 127.0.0.1 或 localhost 加本服务的端口。',
    en: 'The requested host name is not accepted: only 127.0.0.1 or localhost with this server’s port.',
  },
  origin: { 'zh-CN': '请求来自其他网页，已拒绝。', en: 'The request came from another web page and was refused.' },
  method: { 'zh-CN': '不支持此请求方法。', en: 'This request method is not allowed here.' },
  'not-found': { 'zh-CN': '没有这个地址。', en: 'Nothing is served at this address.' },
  'bad-path': { 'zh-CN': '地址中的路径无效，已拒绝。', en: 'The path in the address is not valid and was refused.' },
  'content-type': { 'zh-CN': '请求内容必须是 JSON（application/json）。', en: 'The request body must be JSON (application/json).' },
  'not-json': { 'zh-CN': '请求内容不是有效的 JSON。', en: 'The request body is not valid JSON.' },
  'too-large': { 'zh-CN': '请求内容超过 {max} 字节的上限。', en: 'The request body is larger than the limit of {max} bytes.' },
  'bad-query': { 'zh-CN': '上传参数无效：{detail}', en: 'The upload parameters are not valid: {detail}' },
  'upload-name': {
    'zh-CN': '文件名“{name}”无法使用（为空、过长，或是“.”“..”）。',
    en: 'The file name “{name}” cannot be used (empty, too long, or “.” or “..”).',
  },
  'upload-length': {
    'zh-CN': '上传的长度（{length} 字节）与文件大小（{size} 字节）不一致。',
    en: 'The upload’s length ({length} bytes) differs from the file’s size ({size} bytes).',
  },
  'upload-truncated': {
    'zh-CN': '上传不完整：收到 {received} 字节，文件应有 {size} 字节。未保存任何内容。',
    en: 'The upload is incomplete: {received} bytes arrived of the file’s {size}. Nothing was kept.',
  },
  'upload-overflow': {
    'zh-CN': '上传的内容多于声明的 {size} 字节，已拒绝。',
    en: 'The upload carried more than the {size} bytes it announced and was refused.',
  },
  'upload-cancelled': { 'zh-CN': '上传已取消，未保存任何内容。', en: 'The upload was cancelled; nothing was kept.' },
  'upload-failed': { 'zh-CN': '上传失败：{detail}', en: 'The upload failed: {detail}' },
  'upload-space': {
    'zh-CN': '磁盘空间不足：需要 {size} 字节，数据文件夹所在磁盘只剩 {free} 字节。',
    en: 'Not enough disk space: {size} bytes are needed, the data folder’s disk has {free} bytes free.',
  },
  'upload-busy': {
    'zh-CN': '等待处理的上传文件过多（上限 {max} 个），请稍后再试。',
    en: 'Too many uploaded files are waiting (at most {max}); try again shortly.',
  },
  'upload-unknown': {
    'zh-CN': '所上传的文件已失效（每个上传只能使用一次），请重新选择文件。',
    en: 'The uploaded file is no longer available (each upload is used once); choose the file again.',
  },
  'upload-unexpected': { 'zh-CN': '此操作不接受上传的文件。', en: 'This request does not take uploaded files.' },
  'upload-one': { 'zh-CN': '此操作只接受一个文件。', en: 'This request takes a single file.' },
  'upload-type': {
    'zh-CN': '文件“{name}”的类型不被接受，应为：{extensions}。',
    en: 'The file “{name}” is not of an accepted type: {extensions}.',
  },
  stopping: { 'zh-CN': 'ADSG Workbench 正在停止，请稍后重新启动 adsg ui。', en: 'ADSG Workbench is stopping; start adsg ui again to go on.' },
  internal: { 'zh-CN': '网页服务内部错误：{detail}', en: 'Internal error in the web host: {detail}' },
  'download-gone': {
    'zh-CN': '下载链接已失效（每个链接只能使用一次，且几分钟后过期）。',
    en: 'This download link is no longer valid (each link works once and expires after a few minutes).',
  },
  'ui.started': { 'zh-CN': 'ADSG Workbench: {url}', en: 'ADSG Workbench: {url}' },
  'ui.hint': {
    'zh-CN': '浏览器模式：仅本机可访问。数据文件夹：{dataDir}。按 Ctrl+C 停止。',
    en: 'Browser mode, reachable from this machine only. Data folder: {dataDir}. Press Ctrl+C to stop.',
  },
  'ui.open-failed': {
    'zh-CN': '无法自动打开浏览器，请把上面的地址复制到本机浏览器中打开。',
    en: 'The browser could not be opened automatically: copy the address above into a browser on this machine.',
  },
  'ui.stopping': { 'zh-CN': '正在停止：取消进行中的任务并关闭数据库…', en: 'Stopping: cancelling running jobs and closing the database…' },
  'ui.stopped': { 'zh-CN': 'ADSG Workbench 已停止。', en: 'ADSG Workbench has stopped.' },
  'ui.no-renderer': {
    'zh-CN': '找不到界面文件（{dir}）。请先运行 npm run build（或 npm start）。',
    en: 'The user interface files are missing ({dir}). Run npm run build (or npm start) first.',
  },
  'ui.port-in-use': {
    'zh-CN': '端口 {port} 已被占用。请换一个端口（--port），或省略 --port 由系统选择空闲端口。',
    en: 'Port {port} is already in use. Choose another (--port), or leave --port out to let the system pick a free one.',
  },
  'ui.port': { 'zh-CN': '端口必须是 0 到 65535 之间的整数（0 表示由系统选择）。', en: 'The port must be a whole number from 0 to 65535 (0 lets the system pick).' },
} as const satisfies Record<string, Bilingual>;

export type WebMessageKey = keyof typeof WEB_MESSAGES;

/** The web host's message in `locale`, placeholders filled from `params`. */
export function webMessage(locale: Locale, key: WebMessageKey, params: TextParams = {}): string {
  return formatText(WEB_MESSAGES[key], locale, params);
}

/** Both languages, one line each, for refusals made before the caller is known (no settings are read). */
export function webMessageBoth(key: WebMessageKey, params: TextParams = {}): string {
  return `${webMessage('zh-CN', key, params)}\n${webMessage('en', key, params)}`;
}
