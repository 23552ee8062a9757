import { App, Checkbox, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Flow } from '../../../../shared/domain/flow';
import { call } from '../../lib/api';
import { usePack, useText } from '../../lib/pack';
import { upsert, useWorkspace } from '../../lib/workspace';
import './i18n';

/** The attested conditions of each exemption a flow claims, ticked one by one (saved at once). */
export function ExemptionConditions({ flow }: { flow: Flow }) {
  const { t } = useTranslation('determination');
  const text = useText();
  const { message } = App.useApp();
  const { pack } = usePack();
  const { update } = useWorkspace();
  if (flow.exemptionClaims.length === 0) return null;

  const setCondition = async (claimId: string, key: string, value: boolean) => {
    const exemptionClaims = flow.exemptionClaims.map((c) =>
      c.id === claimId ? { id: c.id, conditions: { ...c.conditions, [key]: value } } : c,
    );
    try {
      const saved = await call('flows:update', { id: flow.id as never, patch: { exemptionClaims } });
      update((w) => ({ ...w, flows: upsert(w.flows, saved, (f) => f.id) }));
    } catch (e) {
      void message.error((e as Error).message);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text strong>{t('conditions')}</Typography.Text>
      <Typography.Text type="secondary">{t('conditionsHint')}</Typography.Text>
      {flow.exemptionClaims.map((claim) => {
        const exemption = pack.exemptions.find((e) => e.key === claim.id);
        if (!exemption) return null;
        return (
          <div key={claim.id} style={{ paddingLeft: 8, borderLeft: '2px solid #d9d9d9' }}>
            <Typography.Text>{text(exemption.title)}</Typography.Text>
            {exemption.conditions
              .filter((c) => !c.when)
              .map((c) => (
                <div key={c.key}>
                  <Checkbox
                    checked={claim.conditions?.[c.key] ?? claim.conditionsMet ?? false}
                    onChange={(e) => void setCondition(claim.id, c.key, e.target.checked)}
                  >
                    {text(c.text)}
                  </Checkbox>
                </div>
              ))}
          </div>
        );
      })}
    </Space>
  );
}
