import { DiffOutlined, FolderOpenOutlined, SafetyCertificateOutlined, SettingOutlined } from '@ant-design/icons';
import { Layout, Menu, Segmented, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { LOCALES, type Locale } from '../../../shared/i18n/locale';
import { RulesNavLabel } from '../features/rules/RulesPacksPage';
import { useSettings } from './locale-context';

/** Navigation on the left, the language switch in the header, the page on the right. */
export function Shell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { settings, update } = useSettings();
  const selected = ['settings', 'verify', 'rules'].find((key) => pathname.startsWith(`/${key}`)) ?? 'projects';
  return (
    <Layout style={{ height: '100vh' }}>
      <Layout.Sider width={200} theme="light" style={{ borderRight: '1px solid #eee' }}>
        <Typography.Title level={5} style={{ padding: '16px 16px 8px', margin: 0 }}>
          {t('app.short')}
        </Typography.Title>
        <Menu
          mode="inline"
          selectedKeys={[selected]}
          onClick={(e) => navigate(e.key === 'projects' ? '/' : `/${e.key}`)}
          items={[
            { key: 'projects', icon: <FolderOpenOutlined />, label: t('nav.projects') },
            { key: 'verify', icon: <SafetyCertificateOutlined />, label: t('nav.verify') },
            { key: 'rules', icon: <DiffOutlined />, label: <RulesNavLabel /> },
            { key: 'settings', icon: <SettingOutlined />, label: t('nav.settings') },
          ]}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            borderBottom: '1px solid #eee',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            paddingInline: 24,
          }}
        >
          <Typography.Text strong>{t('app.title')}</Typography.Text>
          <Segmented
            aria-label={t('lang.label')}
            value={settings.locale}
            onChange={(value) => void update({ locale: value as Locale })}
            options={LOCALES.map((l) => ({ value: l, label: t(`lang.${l}`) }))}
          />
        </Layout.Header>
        <Layout.Content style={{ padding: 24, overflow: 'auto' }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
