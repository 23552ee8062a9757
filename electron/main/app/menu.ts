import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { Locale } from '../../../shared/i18n/locale';

const LABELS = {
  'zh-CN': { file: '文件', edit: '编辑', view: '视图', window: '窗口', help: '帮助', quit: '退出', about: '关于 ADSG Workbench' },
  en: { file: 'File', edit: 'Edit', view: 'View', window: 'Window', help: 'Help', quit: 'Quit', about: 'About ADSG Workbench' },
} as const;

/** The application menu in the user's language; rebuilt when the language changes. */
export function installMenu(locale: Locale, isMac: boolean): void {
  const t = LABELS[locale];
  const template: MenuItemConstructorOptions[] = [
    { label: t.file, submenu: [{ role: 'quit', label: t.quit }] },
    {
      label: t.edit,
      submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
    },
    { label: t.view, submenu: [{ role: 'reload' }, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }] },
    { label: t.window, submenu: [{ role: 'minimize' }, { role: 'close' }] },
    { label: t.help, submenu: [{ role: 'about', label: t.about }] },
  ];
  if (isMac) template.unshift({ role: 'appMenu' });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
