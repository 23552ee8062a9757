import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Collapse, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { TrailHistory } from '../components/TrailHistory';
import { ChecklistPage } from '../features/checklists/ChecklistPage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { DeterminationPage } from '../features/determination/DeterminationPage';
import { EvidenceForItem } from '../features/evidence/EvidenceForItem';
import { EvidencePage } from '../features/evidence/EvidencePage';
import { FindingsPage } from '../features/findings/FindingsPage';
import { NewFindingButton } from '../features/findings/NewFindingButton';
import { InventoryPage } from '../features/inventory/InventoryPage';
import { ProjectOverview } from '../features/projects/ProjectOverview';
import { ReviewPage } from '../features/review/ReviewPage';
import { ExportBundleButton } from '../features/bundles/BundleButtons';
import { CarriedNotice } from '../features/rules/CarriedNotice';
import { ProjectPackPage, RulesTabLabel } from '../features/rules/ProjectPackPage';
import { call } from '../lib/api';
import { PackProvider } from '../lib/pack';
import { useLoad } from '../lib/use-call';
import { WorkspaceProvider, useWorkspace } from '../lib/workspace';

/** One open project: its tabs share the workspace and the pinned rules pack. Features are composed here. */
export function ProjectPage() {
  const { id = '', tab = 'dashboard' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const pack = useLoad(() => call('rules:forProject', { projectId: id as never }), [id]);
  const failed = (error?: Error) =>
    error ? (
      <Alert
        type="error"
        showIcon
        message={error.message}
        action={<Button onClick={() => navigate('/')}>{t('common.back')}</Button>}
      />
    ) : (
      <Spin />
    );
  if (pack.error || !pack.data) return failed(pack.error);
  return (
    <PackProvider pack={pack.data}>
      <WorkspaceProvider projectId={id} fallback={failed}>
        <ProjectTabs tab={tab} onPackChanged={pack.reload} />
      </WorkspaceProvider>
    </PackProvider>
  );
}

function ProjectTabs({ tab, onPackChanged }: { tab: string; onPackChanged(): Promise<void> }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { ws } = useWorkspace();
  const p = ws.project;
  const items = [
    { key: 'dashboard', label: t('tabs.dashboard'), children: <DashboardPage /> },
    { key: 'inventory', label: t('tabs.inventory'), children: <InventoryPage /> },
    { key: 'determination', label: t('tabs.determination'), children: <DeterminationPage /> },
    {
      key: 'checklists',
      label: t('tabs.checklists'),
      children: (
        <ChecklistPage
          itemExtras={(itemId) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              <CarriedNotice itemId={itemId} />
              <EvidenceForItem itemId={itemId} />
              <NewFindingButton itemId={itemId} />
              <Collapse
                size="small"
                items={[
                  {
                    key: 'h',
                    label: t('projects.history'),
                    children: (
                      <TrailHistory
                        projectId={ws.project.id}
                        entityId={itemId}
                        version={ws.answers.find((a) => a.itemId === itemId)?.updatedAt ?? ''}
                      />
                    ),
                  },
                ]}
              />
            </Space>
          )}
        />
      ),
    },
    { key: 'evidence', label: t('tabs.evidence'), children: <EvidencePage /> },
    { key: 'findings', label: t('tabs.findings'), children: <FindingsPage /> },
    { key: 'review', label: t('tabs.review'), children: <ReviewPage /> },
    { key: 'rules', label: <RulesTabLabel />, children: <ProjectPackPage onPackChanged={onPackChanged} /> },
    {
      key: 'overview',
      label: t('tabs.overview'),
      children: <ProjectOverview extra={<ExportBundleButton projectId={ws.project.id} />} />,
    },
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={0}>
      <Space>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/')} aria-label={t('common.back')} />
        <Typography.Title level={3} style={{ margin: 0 }}>
          {p.name}
        </Typography.Title>
        <Typography.Text type="secondary">{p.organization}</Typography.Text>
        {p.status === 'archived' && <Tag>{t('projects.archived')}</Tag>}
      </Space>
      <Tabs activeKey={tab} onChange={(key) => navigate(`/projects/${p.id}/${key}`)} items={items} destroyOnHidden />
    </Space>
  );
}
