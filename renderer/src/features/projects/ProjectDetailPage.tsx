import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { call } from '../../lib/api';
import { useLoad } from '../../lib/use-call';
import { ProjectFormModal } from './ProjectFormModal';
import { ProjectHistory } from './ProjectHistory';
import { useProjectActions } from './use-project-actions';

/** One project: its scope fields, edit/archive/delete, and its change history. */
export function ProjectDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const { data: project, error, reload } = useLoad(() => call('projects:get', { id: id as never }), [id]);
  const actions = useProjectActions((p) => (p ? void reload() : navigate('/')));

  if (error) return <Alert type="error" showIcon message={error.message} action={<Button onClick={() => navigate('/')}>{t('common.back')}</Button>} />;
  if (!project) return <Spin />;
  const dash = (v: string | null) => v || '—';
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/')} aria-label={t('common.back')} />
          <Typography.Title level={3} style={{ margin: 0 }}>
            {project.name}
          </Typography.Title>
          {project.status === 'archived' && <Tag>{t('projects.archived')}</Tag>}
        </Space>
        <Space>
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
          <Descriptions.Item label={t('field.ciio')}>{project.ciio ? t('common.yes') : t('common.no')}</Descriptions.Item>
          <Descriptions.Item label={t('field.site')}>{dash(project.site)}</Descriptions.Item>
          <Descriptions.Item label={t('projects.auditPeriod')}>
            {dash(project.auditStart)} ~ {dash(project.auditEnd)}
          </Descriptions.Item>
          <Descriptions.Item label={t('field.auditor')}>{dash(project.auditor)}</Descriptions.Item>
          <Descriptions.Item label={t('field.reviewer')}>{dash(project.reviewer)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('projects.history')}>
        <ProjectHistory projectId={project.id} version={project.updatedAt} />
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
