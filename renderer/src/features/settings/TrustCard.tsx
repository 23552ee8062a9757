import { ImportOutlined } from '@ant-design/icons';
import { App, Button, Card, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../lib/api';
import { fileHost } from '../../lib/host-files';
import { useLoad } from '../../lib/use-call';
import './i18n';

/** The local trust store: certificates whose signatures the verifier reports as trusted. */
export function TrustCard() {
  const { t } = useTranslation('settings');
  const { message } = App.useApp();
  const { data, reload, loading } = useLoad(() => call('trust:list', {}), []);
  const importCert = async () => {
    try {
      await fileHost().open('trust:import', {});
      void reload();
    } catch (e) {
      void message.error((e as Error).message);
    }
  };
  const remove = async (fingerprint: string) => {
    await call('trust:remove', { fingerprint, confirm: true });
    void reload();
  };
  return (
    <Card
      title={t('trust')}
      extra={
        <Button icon={<ImportOutlined />} onClick={() => void importCert()}>
          {t('importCert')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('trustHint')}</Typography.Paragraph>
      <Table
        rowKey="fingerprint"
        size="small"
        loading={loading}
        pagination={false}
        dataSource={data ?? []}
        locale={{ emptyText: t('none') }}
        columns={[
          { title: t('name'), key: 'cn', render: (_, c) => c.commonName ?? c.subject },
          { title: t('organisation'), dataIndex: 'organisation' },
          {
            title: t('fingerprint'),
            dataIndex: 'fingerprint',
            render: (f: string) => <Typography.Text code>{f.slice(0, 16)}…</Typography.Text>,
          },
          { title: t('validUntil'), dataIndex: 'notAfter', render: (d: string) => d.slice(0, 10) },
          {
            title: '',
            key: 'x',
            render: (_, c) => (
              <Button type="link" danger size="small" onClick={() => void remove(c.fingerprint)}>
                {t('common.delete')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
