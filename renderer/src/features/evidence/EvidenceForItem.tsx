import { DisconnectOutlined, EyeOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Button, Flex, Select, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Evidence } from '../../../../shared/domain/evidence';
import { FileSize } from '../../components/FileSize';
import { useWorkspace } from '../../lib/workspace';
import { EvidencePreview } from './EvidencePreview';
import { AddEvidenceProgress, FileTypeIcon, ShortHash } from './parts';
import { useAddEvidence } from './use-add-evidence';
import { useEvidenceActions } from './use-evidence-actions';
import './i18n';

/**
 * The evidence of one checklist item, for the item's detail pane: the linked files (preview,
 * unlink), "Attach file" (the system dialog; the file is stored and linked to the item), and a
 * picker that links evidence already in the project.
 */
export function EvidenceForItem({ itemId }: { itemId: string }) {
  const { t } = useTranslation('evidence');
  const { ws } = useWorkspace();
  const adder = useAddEvidence();
  const { link } = useEvidenceActions();
  const [previewing, setPreviewing] = useState<Evidence | null>(null);
  const [linking, setLinking] = useState(false);

  const linked = useMemo(() => ws.evidence.filter((e) => e.itemIds.includes(itemId)), [ws.evidence, itemId]);
  const others = useMemo(
    () => ws.evidence.filter((e) => !e.itemIds.includes(itemId)).map((e) => ({ value: e.id, label: e.fileName })),
    [ws.evidence, itemId],
  );

  return (
    <Flex vertical gap={8} data-testid="evidence-for-item">
      <Flex justify="space-between" align="center" gap={8}>
        <Typography.Text strong>
          {t('title')}
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', marginInlineStart: 8 }}>
            {t('total', { n: linked.length })}
          </Typography.Text>
        </Typography.Text>
        <Button size="small" icon={<PaperClipOutlined />} onClick={() => void adder.pick(itemId)} loading={adder.busy}>
          {t('forItem.attach')}
        </Button>
      </Flex>
      {linked.length === 0 ? (
        <Typography.Text type="secondary">{t('forItem.none')}</Typography.Text>
      ) : (
        <Flex vertical gap={4} role="list" aria-label={t('title')}>
          {linked.map((e) => (
            <Flex
              key={e.id}
              role="listitem"
              align="center"
              gap={8}
              style={{ padding: '4px 8px', border: '1px solid #f0f0f0', borderRadius: 4, background: '#fafbfc' }}
            >
              <FileTypeIcon mediaType={e.mediaType} />
              <Typography.Text ellipsis={{ tooltip: e.description || e.fileName }} style={{ flex: 1, minWidth: 0 }}>
                {e.fileName}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                <FileSize bytes={e.size} />
              </Typography.Text>
              <ShortHash sha256={e.sha256} />
              <Tooltip title={t('preview')}>
                <Button
                  size="small"
                  type="text"
                  icon={<EyeOutlined />}
                  aria-label={`${t('preview')} ${e.fileName}`}
                  onClick={() => setPreviewing(e)}
                />
              </Tooltip>
              <Tooltip title={t('forItem.unlink')}>
                <Button
                  size="small"
                  type="text"
                  icon={<DisconnectOutlined />}
                  aria-label={`${t('forItem.unlink')} ${e.fileName}`}
                  onClick={() => void link(e, itemId, false)}
                />
              </Tooltip>
            </Flex>
          ))}
        </Flex>
      )}
      <AddEvidenceProgress jobId={adder.jobId} onCancel={adder.markCancelled} />
      <Select
        aria-label={t('forItem.linkExisting')}
        style={{ width: '100%' }}
        placeholder={t('forItem.linkExisting')}
        value={null}
        options={others}
        showSearch={{ optionFilterProp: 'label' }}
        loading={linking}
        notFoundContent={t('forItem.noneInProject')}
        onChange={(id: string | null) => {
          const evidence = ws.evidence.find((e) => e.id === id);
          if (!evidence) return;
          setLinking(true);
          void link(evidence, itemId, true).finally(() => setLinking(false));
        }}
      />
      <EvidencePreview evidence={previewing} onClose={() => setPreviewing(null)} />
    </Flex>
  );
}
