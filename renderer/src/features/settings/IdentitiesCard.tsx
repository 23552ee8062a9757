import { PlusOutlined, ImportOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdentityInfo } from '../../../../shared/domain/signing';
import { call } from '../../lib/api';
import { fileHost } from '../../lib/host-files';
import { useLoad } from '../../lib/use-call';
import './i18n';

/** Signing identities: create a self-signed one, import a .p12, export certificates, delete. */
export function IdentitiesCard() {
  const { t } = useTranslation('settings');
  const { message, modal } = App.useApp();
  const { data, reload, loading } = useLoad(() => call('identities:list', {}), []);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{
    name: string;
    organisation: string;
    email?: string;
    passphrase: string;
    again: string;
  }>();
  const [importForm] = Form.useForm<{ passphrase: string }>();

  const create = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await call('identities:create', {
        name: v.name,
        organisation: v.organisation,
        passphrase: v.passphrase,
        ...(v.email ? { email: v.email } : {}),
      });
      void message.success(t('created'));
      setCreating(false);
      form.resetFields();
      void reload();
    } catch (e) {
      void message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const importP12 = async () => {
    const v = await importForm.validateFields();
    try {
      const added = await fileHost().open('identities:import', { passphrase: v.passphrase });
      if (added.length) {
        setImporting(false);
        importForm.resetFields();
        void reload();
      }
    } catch (e) {
      void message.error((e as Error).message);
    }
  };
  const exportCert = async (i: IdentityInfo, format: 'pem' | 'der') => {
    try {
      const r = await call('identities:exportCertificate', { id: i.id, format });
      if (r.saved) void message.success(t('exported', { path: r.path }));
    } catch (e) {
      void message.error((e as Error).message);
    }
  };
  const remove = (i: IdentityInfo) =>
    modal.confirm({
      title: t('removeTitle', { name: i.name }),
      content: t('removeBody'),
      okButtonProps: { danger: true },
      okText: t('common.delete'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        await call('identities:remove', { id: i.id, confirm: true });
        void reload();
      },
    });

  return (
    <Card
      title={t('identities')}
      extra={
        <Space>
          <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('create')}
          </Button>
          <Button icon={<ImportOutlined />} onClick={() => setImporting(true)}>
            {t('import')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('identitiesHint')}</Typography.Paragraph>
      <Table<IdentityInfo>
        rowKey="id"
        size="small"
        loading={loading}
        pagination={false}
        dataSource={data ?? []}
        locale={{ emptyText: t('none') }}
        columns={[
          { title: t('name'), dataIndex: 'name' },
          { title: t('organisation'), dataIndex: 'organisation' },
          {
            title: t('fingerprint'),
            dataIndex: 'id',
            render: (id: string) => (
              <Typography.Text code copyable={{ text: id }}>
                {id.slice(0, 16)}…
              </Typography.Text>
            ),
          },
          { title: t('validUntil'), dataIndex: 'notAfter', render: (d: string) => d.slice(0, 10) },
          {
            title: t('common.actions'),
            key: 'a',
            render: (_, i) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => void exportCert(i, 'pem')}>
                  {t('exportPem')}
                </Button>
                <Button type="link" size="small" onClick={() => void exportCert(i, 'der')}>
                  {t('exportDer')}
                </Button>
                <Button type="link" size="small" danger onClick={() => remove(i)}>
                  {t('common.delete')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={creating}
        title={t('create')}
        onCancel={() => setCreating(false)}
        onOk={() => void create()}
        confirmLoading={busy}
        okText={t('common.create')}
        cancelText={t('common.cancel')}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="name" label={t('name')} rules={[{ required: true, max: 64 }]}>
            <Input autoFocus />
          </Form.Item>
          <Form.Item name="organisation" label={t('organisation')} rules={[{ required: true, max: 64 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="email" label={t('email')} rules={[{ type: 'email' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="passphrase" label={t('passphrase')} rules={[{ required: true, min: 8 }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="again"
            label={t('passphraseAgain')}
            dependencies={['passphrase']}
            rules={[
              { required: true },
              ({ getFieldValue }) => ({
                validator: (_r, v) =>
                  v === getFieldValue('passphrase') ? Promise.resolve() : Promise.reject(new Error(t('mismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={importing}
        title={t('import')}
        onCancel={() => setImporting(false)}
        onOk={() => void importP12()}
        okText={t('import')}
        cancelText={t('common.cancel')}
        destroyOnHidden
      >
        <Form form={importForm} layout="vertical" preserve={false}>
          <Form.Item name="passphrase" label={t('importPassphrase')} rules={[{ required: true }]}>
            <Input.Password autoFocus autoComplete="off" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
