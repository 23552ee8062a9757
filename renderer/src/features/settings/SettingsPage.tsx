import { App, Card, Descriptions, Form, Input, Radio, Space, Typography, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../../../shared/i18n/locale';
import { useSettings } from '../../app/locale-context';
import { call } from '../../lib/api';
import { useLoad } from '../../lib/use-call';
import { IdentitiesCard } from './IdentitiesCard';
import { TrustCard } from './TrustCard';

/** Language, the name written into the audit trail, and where the data lives. */
export function SettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { settings, update } = useSettings();
  const { data: info } = useLoad(() => call('app:info', {}), []);
  const [form] = Form.useForm<{ actorName: string }>();

  const saveName = async () => {
    try {
      await update({ actorName: form.getFieldValue('actorName') as string });
      void message.success(t('settings.savedToast'));
    } catch (e) {
      form.setFields([{ name: 'actorName', errors: [(e as Error).message] }]);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%', maxWidth: 1000 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('settings.title')}
      </Typography.Title>
      <Card>
        <Form form={form} layout="vertical" initialValues={{ actorName: settings.actorName }}>
          <Form.Item label={t('lang.label')}>
            <Radio.Group
              value={settings.locale}
              onChange={(e) => void update({ locale: e.target.value as Locale })}
              options={LOCALES.map((l) => ({ value: l, label: t(`lang.${l}`) }))}
            />
          </Form.Item>
          <Form.Item label={t('settings.actorName')}>
            <Space.Compact style={{ width: '100%' }}>
              <Form.Item name="actorName" noStyle>
                <Input maxLength={100} />
              </Form.Item>
              <Button onClick={() => void saveName()}>{t('common.save')}</Button>
            </Space.Compact>
          </Form.Item>
        </Form>
      </Card>
      <IdentitiesCard />
      <TrustCard />
      <Card>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('settings.dataDir')}>
            <Typography.Text copyable>{info?.dataDir}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('settings.version')}>{info?.version}</Descriptions.Item>
          <Descriptions.Item label={t('settings.schema')}>{info?.schemaVersion}</Descriptions.Item>
        </Descriptions>
      </Card>
    </Space>
  );
}
