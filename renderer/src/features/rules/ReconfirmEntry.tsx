import { CheckOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PendingReconfirm } from '../../../../shared/rules/upgrade';
import { ItemChangeView } from './ItemChangeView';
import './i18n';

/** The answer given, in words: a checklist result or a questionnaire yes / no / unsure. */
export function useAnswerLabel(): (entity: PendingReconfirm['entity'], result: string) => string {
  const { t } = useTranslation(['checklists', 'inventory']);
  return (entity, result) => (entity === 'answer' ? t(`checklists:result.${result}`) : t(`inventory:q.${result}`));
}

/** One carried answer to re-confirm: what was answered, how the item changed, and the confirm button. */
export function ReconfirmEntry({ entry, onConfirm }: { entry: PendingReconfirm; onConfirm(entry: PendingReconfirm): void }) {
  const { t } = useTranslation('rules');
  const answer = useAnswerLabel();
  return (
    <Alert
      type="warning"
      showIcon
      data-reconfirm={entry.entityId}
      message={<Typography.Text strong>{t('carried.notice', { from: entry.from })}</Typography.Text>}
      description={
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space wrap size={4}>
            {entry.flowName && (
              <Tag>
                {t('carried.flow')}: {entry.flowName}
              </Tag>
            )}
            <Tag color="blue">
              {t('carried.result')}: {answer(entry.entity, entry.result)}
            </Tag>
          </Space>
          {entry.change ? <ItemChangeView change={entry.change} /> : <Typography.Text type="secondary">{t('carried.newItem')}</Typography.Text>}
          <Button icon={<CheckOutlined />} onClick={() => onConfirm(entry)}>
            {t('carried.confirm')}
          </Button>
        </Space>
      }
    />
  );
}
