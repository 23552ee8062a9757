import { i18next, registerBundle } from '../../i18n';

const TEXTS = {
  'zh-CN': {
    unreachable: '无法连接到工作台服务：运行 adsg ui 的窗口是否已关闭？请重新启动后打开它打印的地址。',
    badReply: '工作台服务的回复无法识别（HTTP {{status}}）。',
    cancelled: '已取消',
  },
  en: {
    unreachable: 'The workbench server cannot be reached: was the window running adsg ui closed? Start it again and open the address it prints.',
    badReply: 'The workbench server’s reply was not understood (HTTP {{status}}).',
    cancelled: 'Cancelled',
  },
};
registerBundle('host', TEXTS);

/**
 * A text of the browser host's client. Before the first settings are read i18next is not started
 * (the very first call may be what fails), so both languages are given then.
 */
export function hostText(key: keyof (typeof TEXTS)['en'], params: Record<string, string | number> = {}): string {
  if (i18next.isInitialized) return i18next.t(`host:${key}`, params);
  const fill = (text: string) => text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
  return `${fill(TEXTS['zh-CN'][key])}\n${fill(TEXTS.en[key])}`;
}
