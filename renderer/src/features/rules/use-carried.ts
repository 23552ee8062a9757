import { App } from 'antd';
import type { PendingReconfirm } from '../../../../shared/rules/upgrade';
import { call } from '../../lib/api';
import { useLoad } from '../../lib/use-call';

/**
 * A project's carried answers (to re-confirm, archived), re-read whenever `version` changes (pass
 * something that changes with the answers, so an edit that clears a mark is seen), and the
 * confirm action, which re-reads them.
 */
export function useCarried(projectId: string, version: string) {
  const { message } = App.useApp();
  const state = useLoad(() => call('carried:list', { projectId: projectId as never }), [projectId, version]);
  const confirm = async (entry: PendingReconfirm) => {
    try {
      await call('carried:confirm', { projectId: projectId as never, entity: entry.entity, entityId: entry.entityId });
      await state.reload();
    } catch (e) {
      void message.error((e as Error).message);
    }
  };
  return { ...state, confirm };
}
