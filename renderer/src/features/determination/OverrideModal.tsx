import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { OUTCOME_LABELS } from '../../../../shared/rules/messages';
import { useLocale } from '../../app/locale-context';
import { call } from '../../lib/api';
import { usePack, useText } from '../../lib/pack';
import { upsert, useWorkspace } from '../../lib/workspace';
import './i18n';

const OUTCOMES = ['security-assessment', 'standard-contract-or-certification', 'exempt', 'not-an-export'] as const;

/** The auditor overrides the engine's outcome with a written justification (logged). */
export function OverrideModal({ scope, onClose }: { scope: string | null; onClose(): void }) {
  const { t } = useTranslation('determination');
  const locale = useLocale();
  const text = useText();
  const { message } = App.useApp();
  const { ws, update } = useWorkspace();
  const { pack } = usePack();
  const [form] = Form.useForm<{ outcome: (typeof OUTCOMES)[number]; exemption?: string; justification: string }>();
  const outcome = Form.useWatch('outcome', form);

  const submit = async () => {
    const v = form.getFieldsValue(true) as {
      outcome: (typeof OUTCOMES)[number];
      exemption?: string;
      justification?: string;
    };
    try {
      const saved = await call('overrides:set', {
        projectId: ws.project.id,
        scope: scope as never,
        outcome: v.outcome,
        exemption: v.outcome === 'exempt' ? (v.exemption ?? null) : null,
        justification: v.justification ?? '',
      });
      update((w) => ({ ...w, overrides: upsert(w.overrides, saved, (o) => o.scope) }));
      onClose();
    } catch (e) {
      form.setFields([{ name: 'justification', errors: [(e as Error).message] }]);
      void message.error((e as Error).message);
    }
  };

  return (
    <Modal
      open={scope !== null}
      title={t('overrideTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ outcome: 'security-assessment' }}>
        <Form.Item name="outcome" label={t('outcome')}>
          <Select options={OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABELS[o][locale] }))} />
        </Form.Item>
        {outcome === 'exempt' && (
          <Form.Item name="exemption" label={t('exemption', { name: '' }).replace(/[:：]\s*$/, '')}>
            <Select
              options={pack.exemptions
                .filter((e) => e.status === 'active')
                .map((e) => ({ value: e.key, label: text(e.title) }))}
            />
          </Form.Item>
        )}
        <Form.Item name="justification" label={t('justification')} required>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={20000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
