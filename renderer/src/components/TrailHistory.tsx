import { Alert, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TrailEntry } from '../../../shared/domain/trail';
import { call } from '../lib/api';
import { useLoad } from '../lib/use-call';

/** What changed between two versions of a record, as "field: old → new" lines. */
function describeChange(before: unknown, after: unknown): string {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((k) => k !== 'updatedAt' && JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map((k) => `${k}: ${JSON.stringify(b[k] ?? null)} → ${JSON.stringify(a[k] ?? null)}`)
    .join('\n');
}

/**
 * An audit trail, newest first: the whole project's (with the result of walking its hash chain)
 * or, given `entityId`, one item's, flow's or finding's. `version` re-reads it after a change.
 */
export function TrailHistory({ projectId, entityId, version }: { projectId: string; entityId?: string; version: string }) {
  const { t } = useTranslation();
  const { data, loading } = useLoad(
    async () => ({
      rows: await call('trail:list', { projectId: projectId as never, ...(entityId ? { entityId } : {}) }),
      check: entityId ? null : await call('trail:verify', { projectId: projectId as never }),
    }),
    [projectId, version],
  );
  return (
    <>
      {data?.check && (
        <Alert
          style={{ marginBottom: 12 }}
          type={data.check.ok ? 'success' : 'error'}
          showIcon
          message={data.check.ok ? t('projects.trailIntact', { rows: data.check.rows }) : t('projects.trailBroken', { seq: data.check.firstBroken?.seq })}
        />
      )}
      <Table<TrailEntry>
        rowKey="seq"
        size="small"
        loading={loading}
        dataSource={data?.rows ?? []}
        pagination={{ pageSize: entityId ? 5 : 20, hideOnSinglePage: true }}
        columns={[
          { title: t('trail.at'), dataIndex: 'at', width: 190, render: (d: string) => new Date(d).toLocaleString() },
          { title: t('trail.actor'), dataIndex: 'actor', width: 120 },
          { title: t('trail.action'), dataIndex: 'action', width: 100, render: (a: string) => t(`trail.${a}`, { defaultValue: a }) },
          {
            title: t('trail.change'),
            key: 'change',
            render: (_, e) => <Typography.Text style={{ whiteSpace: 'pre-wrap', fontSize: 12 }}>{describeChange(e.before, e.after)}</Typography.Text>,
          },
        ]}
      />
    </>
  );
}
