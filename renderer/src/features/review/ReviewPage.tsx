import { Alert, App, Button, Card, Descriptions, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Revision } from '../../../../shared/domain/revision';
import { call } from '../../lib/api';
import { useLoad } from '../../lib/use-call';
import { useWorkspace } from '../../lib/workspace';
import { DossierCard } from './DossierCard';
import './i18n';

const STATE_COLORS: Record<Revision['state'], string> = {
  draft: 'blue',
  submitted: 'gold',
  returned: 'orange',
  accepted: 'green',
};
const when = (at: string | null) => (at ? new Date(at).toLocaleString() : '');

/** Review and sign-off of the current revision, its history, and the dossier. */
export function ReviewPage() {
  const { t } = useTranslation('review');
  const { message } = App.useApp();
  const { ws, reload } = useWorkspace();
  const [comments, setComments] = useState('');
  const status = useLoad(() => call('review:status', { projectId: ws.project.id }), [ws]);

  const act = async (step: 'review:submit' | 'review:accept' | 'review:return') => {
    if (step === 'review:return' && !comments.trim()) {
      void message.warning(t('returnNeedsComments'));
      return;
    }
    try {
      await call(step, { projectId: ws.project.id, comments });
      setComments('');
      await reload();
    } catch (e) {
      void message.error((e as Error).message);
    }
  };

  const current = status.data?.current;
  if (!current) return null;
  const hasAccepted = (status.data?.history ?? []).some((r) => r.state === 'accepted');
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            {t('title')}
            <Tag color="default">{t('revision', { n: current.number })}</Tag>
            <Tag color={STATE_COLORS[current.state]} data-testid="revision-state">
              {t(`state.${current.state}`)}
            </Tag>
          </Space>
        }
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            {current.state === 'submitted' ? t('underReviewHint') : t('lockedHint')}
          </Typography.Text>
          {current.comments && (
            <Alert
              type={current.state === 'returned' ? 'warning' : 'info'}
              showIcon
              message={t('comments')}
              description={current.comments}
            />
          )}
          <Input.TextArea
            aria-label={t('comments')}
            placeholder={t('comments')}
            value={comments}
            onChange={(e) => setComments(e.target.value)}
            autoSize={{ minRows: 2, maxRows: 6 }}
          />
          <Space>
            {(current.state === 'draft' || current.state === 'returned') && (
              <Button type="primary" onClick={() => void act('review:submit')}>
                {t('submit')}
              </Button>
            )}
            {current.state === 'submitted' && (
              <>
                <Button type="primary" onClick={() => void act('review:accept')}>
                  {t('accept')}
                </Button>
                <Button danger onClick={() => void act('review:return')}>
                  {t('return')}
                </Button>
              </>
            )}
          </Space>
        </Space>
      </Card>
      <DossierCard hasAccepted={hasAccepted} />
      <Card title={t('history')} size="small">
        <Table<Revision>
          size="small"
          rowKey="number"
          pagination={false}
          dataSource={status.data?.history ?? []}
          columns={[
            { title: '#', dataIndex: 'number', width: 60 },
            {
              title: '',
              dataIndex: 'state',
              width: 140,
              render: (s: Revision['state']) => <Tag color={STATE_COLORS[s]}>{t(`state.${s}`)}</Tag>,
            },
            {
              title: '',
              key: 'who',
              render: (_, r) => (
                <Descriptions size="small" column={1}>
                  {r.submittedBy && (
                    <Descriptions.Item>
                      {t('submittedBy', { who: r.submittedBy, at: when(r.submittedAt) })}
                    </Descriptions.Item>
                  )}
                  {r.reviewedBy && (
                    <Descriptions.Item>
                      {t('reviewedBy', { who: r.reviewedBy, at: when(r.reviewedAt) })}
                    </Descriptions.Item>
                  )}
                  {r.comments && <Descriptions.Item>{r.comments}</Descriptions.Item>}
                </Descriptions>
              ),
            },
            {
              title: t('snapshot'),
              dataIndex: 'snapshotHash',
              render: (h: string | null) =>
                h ? (
                  <Typography.Text code copyable={{ text: h }}>
                    {h.slice(0, 16)}…
                  </Typography.Text>
                ) : (
                  '—'
                ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
