import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Project } from '../../../../shared/domain/project';
import { call } from '../../lib/api';

/** Archive and delete, each confirmed and reported the same way wherever they are offered. */
export function useProjectActions(onChanged: (p: Project | null) => void) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();

  const setArchived = async (p: Project, archived: boolean) => {
    try {
      onChanged(await call('projects:setArchived', { id: p.id, archived }));
    } catch (e) {
      void message.error((e as Error).message);
    }
  };

  const remove = (p: Project) =>
    modal.confirm({
      title: t('projects.deleteTitle', { name: p.name }),
      content: t('projects.deleteBody'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await call('projects:delete', { id: p.id, confirm: true });
          void message.success(t('projects.deletedToast', { name: p.name }));
          onChanged(null);
        } catch (e) {
          void message.error((e as Error).message);
        }
      },
    });

  return { setArchived, remove };
}
