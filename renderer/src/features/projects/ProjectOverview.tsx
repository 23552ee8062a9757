import { App, Button, Card, Descriptions, Space, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useWorkspace } from '../../lib/workspace';
import { ProjectFormModal } from './ProjectFormModal';
import { TrailHistory } from '../../components/TrailHistory';
import { useProjectActions } from './use-project-actions';

/** A project's scope fields, edit/archive/delete, and its change history. */
export function ProjectOverview({ extra }: { extra?: ReactNode }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const { ws, reload } = useWorkspace();
  const project = ws.project;
  const actions = useProjectActions((p) => (p ? void reload() : navigate('/')));
  const dash = (v: string | null) => v || '—';
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
        <Space>
          {extra}
          <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button>
          <Button onClick={() => void actions.setArchived(project, project.status === 'active')}>
            {project.status === 'active' ? t('common.archive') : t('common.unarchive')}
          </Button>
          <Button danger onClick={() => actions.remove(project)}>
            {t('common.delete')}
          </Button>
        </Space>
      </Space>
      <Card title={t('projects.overview')}>
        <Descriptions column={2} size="small" bordered>
          <Descriptions.Item label={t('field.organization')}>{project.organization}</Descriptions.Item>
          <Descriptions.Item label={t('field.creditCode')}>
            <Typography.Text code>{project.creditCode}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('field.role')}>{t(`role.${project.role}`)}</Descriptions.Item>
          <Descriptions.Item label={t('field.ciio')}>
            {project.ciio ? t('common.yes') : t('common.no')}
          </Descriptions.Item>
          <Descriptions.Item label={t('field.site')}>{dash(project.site)}</Descriptions.Item>
          <Descriptions.Item label={t('projects.auditPeriod')}>
            {dash(project.auditStart)} ~ {dash(project.auditEnd)}
          </Descriptions.Item>
          <Descriptions.Item label={t('field.auditor')}>{dash(project.auditor)}</Descriptions.Item>
          <Descriptions.Item label={t('field.reviewer')}>{dash(project.reviewer)}</Descriptions.Item>
          <Descriptions.Item label={t('projects.rulesPack')} span={2}>
            <Typography.Text code>
              {project.rulesPack.id}@{project.rulesPack.version ?? '—'} {project.rulesPack.contentHash?.slice(0, 16)}
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('projects.history')}>
        <TrailHistory projectId={project.id} version={project.updatedAt} />
      </Card>
      <ProjectFormModal
        project={project}
        open={editing}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          void message.success(t('projects.updatedToast'));
          void reload();
        }}
      />
    </Space>
  );
}
