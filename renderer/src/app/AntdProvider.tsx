import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zh_CN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { ReactNode } from 'react';
import { useLocale } from './locale-context';

/** Ant Design in the user's language, with the bundled CJK font. */
export function AntdProvider({ children }: { children: ReactNode }) {
  const locale = useLocale();
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  return (
    <ConfigProvider
      locale={locale === 'zh-CN' ? zh_CN : enUS}
      theme={{
        token: { fontFamily: "'Noto Sans Hans', system-ui, sans-serif", colorPrimary: '#1f5fa8', borderRadius: 4 },
      }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
