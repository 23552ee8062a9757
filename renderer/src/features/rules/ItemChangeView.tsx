import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldChange, ItemChange } from '../../../../shared/rules/diff';
import { CHANGE_KIND_LABELS, DIFF_LABELS, fieldLabel } from '../../../../shared/rules/diff-labels';
import { groupDigits } from '../../../../shared/rules/trace-text';
import { useLocale } from '../../app/locale-context';
import { TextDiff } from './TextDiff';
import './i18n';

const CHANGE_COLORS: Record<ItemChange['change'], string> = { added: 'green', removed: 'red', changed: 'blue', unchanged: 'default' };
const KIND_COLORS: Record<FieldChange['kind'], string> = {
  threshold: 'volcano',
  'decision-order': 'volcano',
  criteria: 'orange',
  status: 'default',
  text: 'default',
  sources: 'purple',
  other: 'default',
};

const shown = (v: FieldChange['before']) => (typeof v === 'number' ? groupDigits(v) : String(v ?? '—'));

/** One changed field: a word diff in the user's language with the other language beneath, or the values before and after. */
function FieldRow({ field }: { field: FieldChange }) {
  const { t } = useTranslation('rules');
  const locale = useLocale();
  const other = locale === 'zh-CN' ? 'en' : 'zh-CN';
  return (
    <div style={{ marginTop: 6 }} data-field={field.field}>
      <Space size={4}>
        <Typography.Text strong>{fieldLabel(field.field)[locale]}</Typography.Text>
        <Tag color={KIND_COLORS[field.kind]}>{CHANGE_KIND_LABELS[field.kind][locale]}</Tag>
      </Space>
      {field.text && (
        <div style={{ paddingInlineStart: 12 }}>
          <div>
            <TextDiff parts={field.text[locale]} />
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('diff.otherLanguage')}
            <TextDiff parts={field.text[other]} />
          </Typography.Text>
        </div>
      )}
      {field.lines && (
        <pre style={{ margin: '4px 0 0 12px', fontSize: 12, whiteSpace: 'pre-wrap', fontFamily: 'inherit' }}>
          {field.lines
            .filter((p) => p.kind !== 'same')
            .map((p, i) => (
              <div key={i} style={{ background: p.kind === 'added' ? '#d9f7be' : '#ffccc7' }}>
                {p.text
                  .replace(/\n$/, '')
                  .split('\n')
                  .map((line) => `${p.kind === 'added' ? '+' : '−'} ${line.trim()}`)
                  .join('\n')}
              </div>
            ))}
        </pre>
      )}
      {!field.text && !field.lines && (
        <div style={{ paddingInlineStart: 12 }}>
          <del style={{ background: '#ffccc7' }}>{shown(field.before)}</del> → <ins style={{ background: '#d9f7be', textDecoration: 'none' }}>{shown(field.after)}</ins>
        </div>
      )}
    </div>
  );
}

/** One item's change: what kind, its label and id, and each changed field. */
export function ItemChangeView({ change }: { change: ItemChange }) {
  const locale = useLocale();
  const kinds = [...new Set(change.fields.map((f) => f.kind))];
  return (
    <div data-item-change={change.id} style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
      <Space wrap size={4}>
        <Tag color={CHANGE_COLORS[change.change]}>{DIFF_LABELS[change.change][locale]}</Tag>
        {change.ref && <Tag>{change.ref}</Tag>}
        <Typography.Text strong={change.determining}>{change.label[locale]}</Typography.Text>
        <Typography.Text type="secondary" code style={{ fontSize: 11 }}>
          {change.id}
        </Typography.Text>
        {change.removal && <Tag color="red">{DIFF_LABELS[change.removal][locale]}</Tag>}
        {change.change === 'changed' &&
          (change.contentChanged ? <Tag color="gold">{DIFF_LABELS.reconfirm[locale]}</Tag> : <Tag color="purple">{DIFF_LABELS.metadataOnly[locale]}</Tag>)}
        {kinds.includes('threshold') && <Tag color="volcano">{CHANGE_KIND_LABELS.threshold[locale]}</Tag>}
      </Space>
      {change.fields.map((f) => (
        <FieldRow key={f.field} field={f} />
      ))}
    </div>
  );
}
