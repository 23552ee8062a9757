import { Select, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Evidence } from '../../../../shared/domain/evidence';
import { useItemLabel, useItemOptions, usePack } from '../../lib/pack';
import { useEvidenceActions } from './use-evidence-actions';
import './i18n';


/** The checklist items an evidence file supports, as tags; choosing or removing one links or unlinks it. */
export function ItemLinkSelect({ evidence }: { evidence: Evidence }) {
  const { t } = useTranslation('evidence');
  const { byId } = usePack();
  const label = useItemLabel();
  const options = useItemOptions();
  const { setLinks } = useEvidenceActions();
  const [saving, setSaving] = useState(false);

  return (
    <Select
      mode="multiple"
      aria-label={t('col.items')}
      value={evidence.itemIds}
      options={options}
      loading={saving}
      placeholder={t('linkPlaceholder')}
      showSearch={{ optionFilterProp: 'label' }}
      popupMatchSelectWidth={520}
      style={{ width: '100%', minWidth: 160 }}
      onChange={(next: string[]) => {
        setSaving(true);
        void setLinks(evidence, next).finally(() => setSaving(false));
      }}
      tagRender={({ value, closable, onClose }) => (
        <Tooltip title={label(String(value))}>
          <Tag
            color="blue"
            closable={closable}
            onClose={onClose}
            onMouseDown={(e) => e.preventDefault()}
            style={{ marginInlineEnd: 4, marginBlock: 2 }}
          >
            {byId.get(String(value))?.ref ?? String(value)}
          </Tag>
        </Tooltip>
      )}
    />
  );
}
