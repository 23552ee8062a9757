import { Alert, Card, Descriptions, Input, Radio, Space, Tag, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { forwardRef, useImperativeHandle, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NEEDS_JUSTIFICATION, RESULTS, type Answer, type ChecklistResult } from '../../../../shared/domain/answer';
import type { ChecklistItem } from '../../../../shared/rules/schema';
import { useText } from '../../lib/pack';
import { useAutosave, type SaveState } from './use-autosave';
import './i18n';

export interface ItemDetailHandle {
  setResult(r: ChecklistResult): void;
  focusNotes(): void;
  focusJustification(): void;
  flush(): Promise<void>;
}

function SaveBadge({ state }: { state: SaveState }) {
  const { t } = useTranslation('checklists');
  const map: Record<SaveState['kind'], [string, string]> = {
    idle: ['default', ''],
    pending: ['default', t('save.pending')],
    saving: ['processing', t('save.saving')],
    saved: [
      'success',
      state.kind === 'saved' ? t('save.saved', { time: new Date(state.at).toLocaleTimeString() }) : '',
    ],
    'needs-justification': ['warning', t('detail.justificationNeeded')],
    failed: ['error', state.kind === 'failed' ? t('save.failed', { error: state.error }) : ''],
  };
  const [color, label] = map[state.kind];
  return label ? (
    <Tag color={color} role="status" data-save-state={state.kind}>
      {label}
    </Tag>
  ) : (
    <span role="status" />
  );
}

/** One checklist item: what it requires, how to check it, and the auditor's result, autosaved. */
export const ItemDetail = forwardRef<
  ItemDetailHandle,
  {
    item: ChecklistItem;
    projectId: string;
    answer: Answer | undefined;
    onSaved(a: Answer): void;
    extras: ReactNode;
  }
>(function ItemDetail({ item, projectId, answer, onSaved, extras }, ref) {
  const { t } = useTranslation('checklists');
  const text = useText();
  const notesRef = useRef<TextAreaRef>(null);
  const justRef = useRef<TextAreaRef>(null);
  const { draft, state, change, flush, save } = useAutosave(
    projectId,
    item.id,
    { result: answer?.result ?? null, notes: answer?.notes ?? '', justification: answer?.justification ?? '' },
    onSaved,
  );

  const setResult = (r: ChecklistResult) => {
    change({ result: r }, true);
    if (NEEDS_JUSTIFICATION.includes(r) && !draft.justification.trim()) setTimeout(() => justRef.current?.focus(), 0);
  };
  useImperativeHandle(ref, () => ({
    setResult,
    focusNotes: () => notesRef.current?.focus(),
    focusJustification: () => justRef.current?.focus(),
    flush,
  }));

  const needsJustification = draft.result !== null && NEEDS_JUSTIFICATION.includes(draft.result);
  return (
    <Card
      title={
        <Space>
          {item.ref && <Tag color="blue">{item.ref}</Tag>}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {item.id}
          </Typography.Text>
        </Space>
      }
      extra={<SaveBadge state={state} />}
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph strong style={{ fontSize: 15, marginBottom: 0 }}>
          {text(item.requirement)}
        </Typography.Paragraph>
        <Descriptions size="small" column={1} bordered labelStyle={{ width: 150 }}>
          <Descriptions.Item label={t('detail.howToVerify')}>
            {item.verify.map((v) => (
              <Tag key={v}>{t(`verify.${v}`)}</Tag>
            ))}
          </Descriptions.Item>
          <Descriptions.Item label={t('detail.evidence')}>
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {item.evidence.map((e, i) => (
                <li key={i}>{text(e)}</li>
              ))}
            </ul>
          </Descriptions.Item>
          <Descriptions.Item label={t('detail.source')}>
            {text(item.source.clause)}
            {item.source.ids.length > 0 && (
              <Typography.Text type="secondary"> ({item.source.ids.join(', ')})</Typography.Text>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('detail.provenance')}>
            {item.provenance.map((p) => (
              <Tag key={p} color={p.startsWith('2026') ? 'green' : p === 'INFER' ? 'default' : 'purple'}>
                {p}
              </Tag>
            ))}
            <Tag>{item.confidence}</Tag>
          </Descriptions.Item>
        </Descriptions>
        <Radio.Group
          aria-label={t('filters.result')}
          value={draft.result}
          onChange={(e) => setResult(e.target.value as ChecklistResult)}
          optionType="button"
          buttonStyle="solid"
          options={RESULTS.map((r, i) => ({ value: r, label: `${i + 1} ${t(`result.${r}`)}` }))}
        />
        {needsJustification && !draft.justification.trim() && (
          <Alert type="warning" showIcon message={t('detail.justificationNeeded')} />
        )}
        <div>
          <Typography.Text strong>{t('detail.justification')}</Typography.Text>
          <Input.TextArea
            ref={justRef}
            aria-label={t('detail.justification')}
            value={draft.justification}
            status={needsJustification && !draft.justification.trim() ? 'warning' : undefined}
            onChange={(e) => change({ justification: e.target.value }, false)}
            onBlur={() => void save()}
            autoSize={{ minRows: 2, maxRows: 8 }}
          />
        </div>
        <div>
          <Typography.Text strong>{t('detail.notes')}</Typography.Text>
          <Input.TextArea
            ref={notesRef}
            aria-label={t('detail.notes')}
            value={draft.notes}
            onChange={(e) => change({ notes: e.target.value }, false)}
            onBlur={() => void save()}
            autoSize={{ minRows: 3, maxRows: 12 }}
          />
        </div>
        {extras}
      </Space>
    </Card>
  );
});
