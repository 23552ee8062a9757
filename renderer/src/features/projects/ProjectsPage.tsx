import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Project } from '../../../../shared/domain/project';
import { call } from '../../lib/api';
import { useLoad } from '../../lib/use-call';
import { ProjectFormModal } from './ProjectFormModal';
import { useProjectActions } from './use-project-actions';

/** The list of audit projects: create, open, archive and delete. */
export function ProjectsPage({ headerExtra }: { headerExtra?: ReactNode }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [includeArchived, setIncludeArchived] = useState(false);
  const [creating, setCreating] = useState(false);
  const { data, error, loading, reload } = useLoad(() => call('projects:list', { includeArchived }), [includeArchived]);
  const actions = useProjectActions(() => void reload());
  const [makingDemo, setMakingDemo] = useState(false);
  const createDemo = async () => {
    setMakingDemo(true);
    try {
      const p = await call('projects:createDemo', {});
      navigate(`/projects/${p.id}/dashboard`);
    } catch (e) {
      void message.error((e as Error).message);
    } finally {
      setMakingDemo(false);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('projects.title')}
        </Typography.Title>
        <Space>
          <Switch checked={includeArchived} onChange={setIncludeArchived} /> {t('projects.showArchived')}
          {headerExtra}
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('projects.new')}
          </Button>
        </Space>
      </Space>
      {error && <Alert type="error" showIcon message={error.message} />}
      <Table<Project>
        rowKey="id"
        loading={loading}
        dataSource={data ?? []}
        pagination={false}
        locale={{
          emptyText: (
            <Empty description={t('projects.empty')}>
              <Space>
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                  {t('projects.new')}
                </Button>
                <Button loading={makingDemo} onClick={() => void createDemo()}>
                  {t('projects.demo')}
                </Button>
              </Space>
            </Empty>
          ),
        }}
        onRow={(p) => ({ onDoubleClick: () => navigate(`/projects/${p.id}`) })}
        columns={[
          {
            title: t('field.name'),
            dataIndex: 'name',
            render: (name: string, p) => <Link to={`/projects/${p.id}`}>{name}</Link>,
          },
          { title: t('field.organization'), dataIndex: 'organization' },
          {
            title: t('field.creditCode'),
            dataIndex: 'creditCode',
            render: (c: string) => <Typography.Text code>{c}</Typography.Text>,
          },
          { title: t('field.role'), dataIndex: 'role', render: (r: Project['role']) => t(`role.${r}`) },
          {
            title: t('projects.status'),
            dataIndex: 'status',
            render: (s: Project['status'], p) => (
              <Space size={4}>
                <Tag color={s === 'active' ? 'blue' : 'default'}>{t(`projects.${s}`)}</Tag>
                {p.ciio && <Tag color="red">CIIO</Tag>}
              </Space>
            ),
          },
          { title: t('projects.updated'), dataIndex: 'updatedAt', render: (d: string) => new Date(d).toLocaleString() },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, p) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => void actions.setArchived(p, p.status === 'active')}>
                  {p.status === 'active' ? t('common.archive') : t('common.unarchive')}
                </Button>
                <Button type="link" size="small" danger onClick={() => actions.remove(p)}>
                  {t('common.delete')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <ProjectFormModal
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(p) => {
          setCreating(false);
          void message.success(t('projects.createdToast', { name: p.name }));
          void reload();
        }}
      />
    </Space>
  );
}
