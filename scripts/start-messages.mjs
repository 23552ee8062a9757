// What `npm start` says, in both languages (the terminal's language picks one, as the CLI does).
const MESSAGES = {
  'node-too-old': {
    'zh-CN': 'ADSG Workbench 需要 Node.js 20.19 或更高版本（桌面应用需要 22.12+），当前为 {version}。请安装较新的 Node.js 后再运行 npm start。',
    en: 'ADSG Workbench needs Node.js 20.19 or newer (22.12+ for the desktop app); this is {version}. Install a newer Node.js, then run npm start again.',
  },
  fetching: { 'zh-CN': '正在下载 Electron（仅首次需要，约 100 MB）…', en: 'Downloading Electron (first time only, about 100 MB)…' },
  native: { 'zh-CN': '正在为 Electron {version} 编译 better-sqlite3（仅一次，约一分钟）…', en: 'Building better-sqlite3 for Electron {version} (once; about a minute)…' },
  'no-desktop': {
    'zh-CN': '{reason}，改为启动浏览器模式。如需桌面应用：在能联网的机器上运行一次 npm start，或安装 npm run dist 生成的安装包。',
    en: '{reason}: starting the browser mode instead. For the desktop app, run npm start once on a machine with internet access, or install a package built by npm run dist.',
  },
  'reason.node': {
    'zh-CN': '桌面应用尚未就绪，而准备它的工具需要 Node.js 22.12+（当前为 {version}）',
    en: 'The desktop app is not set up yet, and the tools that set it up need Node.js 22.12+ (this is {version})',
  },
  'reason.binary': { 'zh-CN': 'Electron 程序未安装，且无法下载', en: 'The Electron binary is not installed and could not be downloaded' },
  'reason.native': { 'zh-CN': '无法为 Electron 编译 better-sqlite3', en: 'better-sqlite3 could not be built for Electron' },
};

/** The terminal's language, as the CLI reads it: Chinese locales get zh-CN. */
export const startLang = (env = process.env) => ((env.ADSG_LANG ?? env.LC_ALL ?? env.LANG ?? '').startsWith('zh') ? 'zh-CN' : 'en');

/** A message of `npm start` with `{placeholders}` filled. */
export function startMessage(key, params = {}, lang = startLang()) {
  return MESSAGES[key][lang].replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

export { MESSAGES as START_MESSAGES };
