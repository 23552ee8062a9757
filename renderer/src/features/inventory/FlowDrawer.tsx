import { App, Button, Checkbox, Col, Drawer, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BEHAVIOURS, EXEMPTIONS, FlowInput, SCENARIOS, type Flow } from '../../../../shared/domain/flow';
import { useLocale } from '../../app/locale-context';
import { call } from '../../lib/api';
import { showCallError, validateForm } from '../../lib/form-errors';
import { usePack, useText } from '../../lib/pack';
import { upsert, useWorkspace } from '../../lib/workspace';
import './i18n';

type Values = Omit<FlowInput, 'exemptionClaims'> & { exemptions: string[] };

const toValues = (f?: Flow): Values => ({
  name: f?.name ?? '',
  scenario: f?.scenario ?? 'connected-operation',
  behaviour: f?.behaviour ?? 'transfer-abroad',
  dataCategories: f?.dataCategories ?? [],
  recipient: f?.recipient ?? '',
  country: f?.country ?? '',
  purpose: f?.purpose ?? '',
  channel: f?.channel ?? '',
  frequency: f?.frequency ?? '',
  individuals: f?.individuals ?? null,
  sensitiveIndividuals: f?.sensitiveIndividuals ?? null,
  exemptions: f?.exemptionClaims.map((c) => c.id) ?? [],
});

/** Create or edit one export flow; exemption claims are asserted here and checked in the determination tab. */
export function FlowDrawer({ flow, open, onClose }: { flow?: Flow; open: boolean; onClose(): void }) {
  const { t } = useTranslation('inventory');
  const locale = useLocale();
  const { message } = App.useApp();
  const { ws, update } = useWorkspace();
  const { pack } = usePack();
  const text = useText();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const { exemptions, ...rest } = form.getFieldsValue(true) as Values;
    // Claims keep the conditions already checked for them; a new claim starts unchecked.
    const exemptionClaims = exemptions.map(
      (id) => flow?.exemptionClaims.find((c) => c.id === id) ?? { id: id as (typeof EXEMPTIONS)[number] },
    );
    const input = validateForm(form, FlowInput, { ...rest, exemptionClaims }, locale);
    if (!input) return;
    setBusy(true);
    try {
      const saved = flow
        ? await call('flows:update', { id: flow.id as never, patch: input })
        : await call('flows:create', { projectId: ws.project.id, flow: input });
      update((w) => ({ ...w, flows: upsert(w.flows, saved, (f) => f.id) }));
      void message.success(t('saved'));
      onClose();
    } catch (e) {
      const rest2 = showCallError(form, e);
      if (rest2) void message.error(rest2);
    } finally {
      setBusy(false);
    }
  };

  const exemptionTitle = (key: string) => text(pack.exemptions.find((e) => e.key === key)?.title) || key;
  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={720}
      title={flow ? t('edit') : t('add')}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => void submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" initialValues={toValues(flow)} onFinish={() => void submit()}>
        <Form.Item name="name" label={t('fields.name')} required>
          <Input autoFocus maxLength={200} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="scenario" label={t('fields.scenario')}>
              <Select options={SCENARIOS.map((s) => ({ value: s, label: t(`scenario.${s}`) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="behaviour" label={t('fields.behaviour')}>
              <Select options={BEHAVIOURS.map((b) => ({ value: b, label: t(`behaviour.${b}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="dataCategories" label={t('fields.dataCategories')} extra={t('categoriesHint')}>
          <Select mode="tags" open={false} tokenSeparators={[',', '，']} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="recipient" label={t('fields.recipient')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="country" label={t('fields.country')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="channel" label={t('fields.channel')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="frequency" label={t('fields.frequency')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="purpose" label={t('fields.purpose')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="individuals" label={t('fields.individuals')} extra={t('countHint')}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} placeholder={t('fields.unknown')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="sensitiveIndividuals" label={t('fields.sensitiveIndividuals')}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} placeholder={t('fields.unknown')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="exemptions" label={t('fields.exemptions')}>
          <Checkbox.Group
            style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 4 }}
            options={EXEMPTIONS.map((e) => ({ value: e, label: exemptionTitle(e) }))}
          />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </Drawer>
  );
}
