import { FolderOpenOutlined } from '@ant-design/icons';
import { App, Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierCheck } from '../../../../shared/domain/signing';
import { registerBundle } from '../../i18n';
import { fileHost } from '../../lib/host-files';
import { VerifyResult } from './VerifyResult';

registerBundle('verify', {
  'zh-CN': {
    title: '验证报告',
    intro:
      '打开任意评估报告 PDF，逐一校验签名：签名是否有效、签名后是否有不允许的改动、签名人及时间、证书在签名时是否有效且允许签名、签名人是否受信任，以及内嵌评估数据是否完整。全部在本机完成。',
    open: '打开 PDF…',
    checking: '正在验证…',
  },
  en: {
    title: 'Verify a dossier',
    intro:
      'Open any dossier PDF and check each signature: is it valid, did anything disallowed change after it, who signed and when, was the certificate valid and allowed for signing then, is the signer trusted, and is the embedded assessment intact. Everything runs on this machine.',
    open: 'Open PDF…',
    checking: 'Verifying…',
  },
});

/** Verify any dossier PDF, from its bytes alone (in a worker thread of the main process). */
export function VerifyPage() {
  const { t } = useTranslation('verify');
  const { message } = App.useApp();
  const [check, setCheck] = useState<DossierCheck | null>(null);
  const [busy, setBusy] = useState(false);
  const open = async () => {
    setBusy(true);
    try {
      const r = await fileHost().open('dossier:verify', {});
      if (r) setCheck(r);
    } catch (e) {
      void message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%', maxWidth: 1000 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <Button type="primary" icon={<FolderOpenOutlined />} loading={busy} onClick={() => void open()}>
        {busy ? t('checking') : t('open')}
      </Button>
      {check && <VerifyResult check={check} />}
    </Space>
  );
}
