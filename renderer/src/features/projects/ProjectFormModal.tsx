import { App, Checkbox, Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROCESSOR_ROLES, ProjectInput, type Project } from '../../../../shared/domain/project';
import { useLocale } from '../../app/locale-context';
import { call } from '../../lib/api';
import { showCallError, validateForm } from '../../lib/form-errors';

interface FormValues {
  name: string;
  organization: string;
  creditCode: string;
  role: Project['role'];
  ciio: boolean;
  site: string;
  period?: [Dayjs | null, Dayjs | null] | null;
  auditor: string;
  reviewer: string;
}

const toForm = (p?: Project): FormValues => ({
  name: p?.name ?? '',
  organization: p?.organization ?? '',
  creditCode: p?.creditCode ?? '',
  role: p?.role ?? 'vehicle-manufacturer',
  ciio: p?.ciio ?? false,
  site: p?.site ?? '',
  period:
    p?.auditStart || p?.auditEnd
      ? [p.auditStart ? dayjs(p.auditStart) : null, p.auditEnd ? dayjs(p.auditEnd) : null]
      : null,
  auditor: p?.auditor ?? '',
  reviewer: p?.reviewer ?? '',
});

const fromForm = ({ period, ...rest }: FormValues) => ({
  ...rest,
  auditStart: period?.[0]?.format('YYYY-MM-DD') ?? null,
  auditEnd: period?.[1]?.format('YYYY-MM-DD') ?? null,
});

/** Create a project, or edit one: validated with the shared ProjectInput schema before it is sent. */
export function ProjectFormModal(props: {
  project?: Project;
  open: boolean;
  onClose(): void;
  onSaved(p: Project): void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const values = fromForm(form.getFieldsValue(true) as FormValues);
    const input = validateForm(form, ProjectInput, values, locale);
    if (!input) return;
    setBusy(true);
    try {
      const saved = props.project
        ? await call('projects:update', { id: props.project.id, patch: input })
        : await call('projects:create', input);
      props.onSaved(saved);
    } catch (e) {
      const rest = showCallError(form, e);
      if (rest) void message.error(rest);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={props.project ? t('projects.editTitle') : t('projects.new')}
      open={props.open}
      onCancel={props.onClose}
      onOk={() => void submit()}
      okText={props.project ? t('common.save') : t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
      width={640}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={toForm(props.project)}
        onFinish={() => void submit()}
        requiredMark
      >
        <Form.Item name="name" label={t('field.name')} required>
          <Input autoFocus maxLength={200} />
        </Form.Item>
        <Form.Item name="organization" label={t('field.organization')} required>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="creditCode" label={t('field.creditCode')} required extra={t('field.creditCodeHelp')}>
          <Input maxLength={18} style={{ fontFamily: 'monospace', textTransform: 'uppercase' }} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="role" label={t('field.role')}>
              <Select options={PROCESSOR_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="ciio" valuePropName="checked" label=" ">
              <Checkbox>{t('field.ciio')}</Checkbox>
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="site" label={t('field.site')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="period" label={t('field.auditPeriod')}>
              <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="auditor" label={t('field.auditor')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="reviewer" label={t('field.reviewer')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
        </Row>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
