import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Evidence } from '../../../../shared/domain/evidence';
import { call } from '../../lib/api';
import { useItemLabel } from '../../lib/pack';
import { upsert, useWorkspace } from '../../lib/workspace';
import './i18n';

/** Link, describe and delete evidence: each saved at once and merged into the open workspace. */
export function useEvidenceActions() {
  const { ws, update } = useWorkspace();
  const { t } = useTranslation('evidence');
  const { message, modal } = App.useApp();
  const itemLabel = useItemLabel();
  const put = (e: Evidence) => update((w) => ({ ...w, evidence: upsert(w.evidence, e, (x) => x.id) }));

  /** Links or unlinks one item; resolves false when the call failed (already reported). */
  const link = async (evidence: Evidence, itemId: string, linked: boolean, announce = false): Promise<boolean> => {
    try {
      put(await call('evidence:link', { id: evidence.id, itemId, linked }));
      if (announce) void message.success(t(linked ? 'linked' : 'unlinked', { item: itemLabel(itemId) }));
      return true;
    } catch (e) {
      void message.error((e as Error).message);
      return false;
    }
  };

  /** Brings the item links in line with `next`, one call per change. */
  const setLinks = async (evidence: Evidence, next: string[]) => {
    for (const itemId of next.filter((id) => !evidence.itemIds.includes(id)))
      if (!(await link(evidence, itemId, true))) return;
    for (const itemId of evidence.itemIds.filter((id) => !next.includes(id)))
      if (!(await link(evidence, itemId, false))) return;
  };

  /** Saves a description; resolves false when the call failed (already reported). */
  const describe = async (evidence: Evidence, description: string): Promise<boolean> => {
    try {
      put(await call('evidence:update', { id: evidence.id, description }));
      void message.success({ content: t('descriptionSaved'), duration: 1.5 });
      return true;
    } catch (e) {
      void message.error((e as Error).message);
      return false;
    }
  };

  const remove = (evidence: Evidence) => {
    const usedBy = ws.findings.filter((f) => f.evidenceIds.includes(evidence.id)).map((f) => `F-${f.number}`);
    modal.confirm({
      title: t('deleteTitle', { name: evidence.fileName }),
      content: (
        <>
          <p style={{ margin: 0 }}>{t('deleteBody')}</p>
          {usedBy.length > 0 && (
            <p style={{ margin: '8px 0 0', color: '#d46b08' }}>{t('deleteUsedBy', { list: usedBy.join(', ') })}</p>
          )}
        </>
      ),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await call('evidence:delete', { id: evidence.id, confirm: true });
          update((w) => ({ ...w, evidence: w.evidence.filter((x) => x.id !== evidence.id) }));
          void message.success(t('deleted', { name: evidence.fileName }));
        } catch (e) {
          void message.error((e as Error).message);
        }
      },
    });
  };

  return { link, setLinks, describe, remove };
}
