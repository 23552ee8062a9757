import { Input } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Evidence } from '../../../../shared/domain/evidence';
import { useEvidenceActions } from './use-evidence-actions';
import './i18n';

/** The evidence description, edited in place and saved when the field loses focus; Escape undoes. */
export function DescriptionCell({ evidence }: { evidence: Evidence }) {
  const { t } = useTranslation('evidence');
  const { describe } = useEvidenceActions();
  const [draft, setDraft] = useState(evidence.description);
  const editing = useRef(false);
  const reverted = useRef(false);

  // Follow saves made elsewhere (another tab, a reload) unless the auditor is typing here.
  useEffect(() => {
    if (!editing.current) setDraft(evidence.description);
  }, [evidence.description]);

  const save = async () => {
    editing.current = false;
    if (reverted.current) {
      reverted.current = false;
      return;
    }
    if (draft === evidence.description) return;
    if (!(await describe(evidence, draft))) editing.current = true;
  };

  return (
    <Input.TextArea
      aria-label={t('col.description')}
      value={draft}
      maxLength={5000}
      autoSize={{ minRows: 1, maxRows: 4 }}
      placeholder={t('descriptionPlaceholder')}
      variant="filled"
      onFocus={() => (editing.current = true)}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => void save()}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          // Undo, then leave the field without saving.
          reverted.current = true;
          setDraft(evidence.description);
          (e.target as HTMLTextAreaElement).blur();
        }
      }}
    />
  );
}
