import { PlusOutlined } from '@ant-design/icons';
import { Button, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../../../shared/domain/finding';
import { FindingForm } from './FindingForm';
import './i18n';

export interface NewFindingButtonProps {
  /** The checklist item the new finding starts linked to. */
  itemId: string;
  size?: ButtonProps['size'];
  type?: ButtonProps['type'];
  onCreated?(finding: Finding): void;
}

/** "New finding" for a checklist item's pane: the findings form, pre-linked to that item. */
export function NewFindingButton({ itemId, size, type, onCreated }: NewFindingButtonProps) {
  const { t } = useTranslation('findings');
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<PlusOutlined />} size={size} type={type} onClick={() => setOpen(true)}>
        {t('new')}
      </Button>
      <FindingForm open={open} preset={{ itemIds: [itemId] }} onClose={() => setOpen(false)} onSaved={onCreated} />
    </>
  );
}
