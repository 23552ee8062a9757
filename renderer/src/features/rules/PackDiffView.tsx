import { Alert, Card, Collapse, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatText } from '../../../../shared/i18n/format';
import type { PackDiff } from '../../../../shared/rules/diff';
import { DIFF_LABELS } from '../../../../shared/rules/diff-labels';
import { AREA_LABELS } from '../../../../shared/rules/messages';
import { useLocale } from '../../app/locale-context';
import { ItemChangeView } from './ItemChangeView';
import './i18n';

/** The example warning a demonstration pack always carries, wherever it is shown. */
export function ExampleWarning({ pack }: { pack: string }) {
  const { t } = useTranslation('rules');
  return <Alert type="warning" showIcon message={t('exampleWarning', { pack })} />;
}

/** A pack diff: the counts, the changes that can move a determination first, then every area. */
export function PackDiffView({ diff }: { diff: PackDiff }) {
  const { t } = useTranslation('rules');
  const locale = useLocale();
  const areas = diff.areas.filter((a) => a.added.length + a.removed.length + a.changed.length > 0);
  const unchangedOnly = diff.areas.filter((a) => !areas.includes(a)).reduce((n, a) => n + a.unchanged.length, 0);
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="pack-diff">
      <Typography.Text strong>
        {diff.from.id}@{diff.from.version} → {diff.to.id}@{diff.to.version}
      </Typography.Text>
      <Typography.Text>{formatText(DIFF_LABELS.summary, locale, diff.counts)}</Typography.Text>
      {diff.to.example && <ExampleWarning pack={`${diff.to.id}@${diff.to.version}`} />}
      {diff.counts.added + diff.counts.removed + diff.counts.changed === 0 && <Alert type="info" message={DIFF_LABELS.none[locale]} />}
      {diff.determining.length > 0 && (
        <Card size="small" title={DIFF_LABELS.determining[locale]} styles={{ header: { background: '#fff7e6' } }} data-testid="determining-changes">
          <Typography.Paragraph type="secondary">{t('diff.determiningHint')}</Typography.Paragraph>
          {diff.determining.map((c) => (
            <ItemChangeView key={c.id} change={c} />
          ))}
        </Card>
      )}
      {areas.length > 0 && (
        <Card size="small" title={DIFF_LABELS.byArea[locale]}>
          <Collapse
            size="small"
            defaultActiveKey={areas.map((a) => a.area)}
            items={areas.map((a) => ({
              key: a.area,
              label: `${AREA_LABELS[a.area][locale]} · ${(['added', 'removed', 'changed'] as const)
                .filter((k) => a[k].length)
                .map((k) => `${DIFF_LABELS[k][locale]} ${a[k].length}`)
                .join(' · ')}`,
              children: (
                <>
                  {[...a.added, ...a.removed, ...a.changed].map((c) => (
                    <ItemChangeView key={c.id} change={c} />
                  ))}
                  {a.unchanged.length > 0 && <Typography.Text type="secondary">{t('diff.unchangedItems', { count: a.unchanged.length })}</Typography.Text>}
                </>
              ),
            }))}
          />
          {unchangedOnly > 0 && <Typography.Text type="secondary">{t('diff.unchangedItems', { count: unchangedOnly })}</Typography.Text>}
        </Card>
      )}
    </Space>
  );
}
