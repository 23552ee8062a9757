import {
  App,
  Badge,
  Button,
  Col,
  DatePicker,
  Drawer,
  Form,
  Input,
  Radio,
  Row,
  Select,
  Space,
  Tag,
  Tooltip,
  type InputRef,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  FINDING_STATUSES,
  FindingInput,
  FindingPatch,
  SEVERITIES,
  type Finding,
} from '../../../../shared/domain/finding';
import { useLocale } from '../../app/locale-context';
import { call } from '../../lib/api';
import { showCallError, validateForm } from '../../lib/form-errors';
import { useItemLabel, useItemOptions, usePack, useText } from '../../lib/pack';
import { upsert, useWorkspace } from '../../lib/workspace';
import { SEVERITY_TEXT } from './parts';
import './i18n';

interface FormValues {
  severity: Finding['severity'];
  title: string;
  description: string;
  recommendation: string;
  owner: string;
  dueDate: Dayjs | null;
  status: Finding['status'];
  itemIds: string[];
  evidenceIds: string[];
}

const toForm = (f: Finding | undefined, preset: { itemIds?: string[] } | undefined): FormValues => ({
  severity: f?.severity ?? 'minor',
  title: f?.title ?? '',
  description: f?.description ?? '',
  recommendation: f?.recommendation ?? '',
  owner: f?.owner ?? '',
  dueDate: f?.dueDate ? dayjs(f.dueDate) : null,
  status: f?.status ?? 'open',
  itemIds: f?.itemIds ?? preset?.itemIds ?? [],
  evidenceIds: f?.evidenceIds ?? [],
});

/** Cuts a text to about `width` columns, counting a CJK character as two. */
function clip(text: string, width: number): string {
  let used = 0;
  for (const [i, ch] of [...text].entries()) {
    used += /[\u2e80-\uffff]/.test(ch) ? 2 : 1;
    if (used > width) return `${[...text].slice(0, i).join('')}…`;
  }
  return text;
}

/**
 * Keys typed in the drawer stay in it, so shortcuts of the page behind (the checklist's 1–5, j/k)
 * do not act on it; Escape still reaches antd, which closes the drawer.
 */
const keepKeysInside = (node: ReactNode) => (
  <div style={{ display: 'contents' }} onKeyDown={(e) => e.key !== 'Escape' && e.stopPropagation()}>
    {node}
  </div>
);

const fromForm = ({ dueDate, ...rest }: FormValues) => ({
  ...rest,
  dueDate: dueDate ? dueDate.format('YYYY-MM-DD') : null,
});


export interface FindingFormProps {
  open: boolean;
  /** The finding to edit; a new one is created when absent. */
  finding?: Finding;
  /** Starting values for a new finding (the checklist pane passes its item). */
  preset?: { itemIds?: string[] };
  onClose(): void;
  onSaved?(finding: Finding): void;
}

/**
 * Create or edit a finding in a drawer, validated with the shared zod schemas before it is sent;
 * the saved finding is merged into the open workspace. Enter submits, Escape closes.
 */
export function FindingForm(props: FindingFormProps) {
  // Each opening gets a fresh form: reopening while the last one is still sliding out must not
  // carry its values over.
  const [session, setSession] = useState(0);
  const [wasOpen, setWasOpen] = useState(props.open);
  if (props.open !== wasOpen) {
    setWasOpen(props.open);
    if (props.open) setSession((n) => n + 1);
  }
  return <FindingDrawer key={session} {...props} />;
}

function FindingDrawer({ open, finding, preset, onClose, onSaved }: FindingFormProps) {
  const { t } = useTranslation('findings');
  const locale = useLocale();
  const { message } = App.useApp();
  const { ws, update } = useWorkspace();
  const { byId } = usePack();
  const itemLabel = useItemLabel();
  const itemOptions = useItemOptions();
  const text = useText();
  /** "LM-03 监测网络流量日志…": the reference and the start of the requirement; the tooltip has it all. */
  const shortLabel = (id: string) => {
    const item = byId.get(id);
    return item ? `${item.ref ?? id} ${clip(text(item.requirement), 48)}` : id;
  };
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState(false);
  const titleRef = useRef<InputRef>(null);

  const evidenceOptions = useMemo(() => {
    const options = ws.evidence.map((e) => ({ value: e.id, label: e.fileName }));
    const gone = (finding?.evidenceIds ?? []).filter((id) => !ws.evidence.some((e) => e.id === id));
    return [...options, ...gone.map((id) => ({ value: id, label: t('deletedEvidence') }))];
  }, [ws.evidence, finding, t]);

  // A field's old problem goes away as soon as it is edited; submitting checks everything again.
  const clearErrors = (changed: Partial<FormValues>) =>
    form.setFields(Object.keys(changed).map((name) => ({ name: name as keyof FormValues, errors: [] })));

  const submit = async () => {
    const values = fromForm(form.getFieldsValue(true) as FormValues);
    setBusy(true);
    try {
      let saved: Finding;
      if (finding) {
        const patch = validateForm(form, FindingPatch, values, locale);
        if (!patch) return;
        saved = await call('findings:update', { id: finding.id, patch });
      } else {
        const input = validateForm(form, FindingInput, values, locale);
        if (!input) return;
        saved = await call('findings:create', { projectId: ws.project.id, finding: input });
      }
      update((w) => ({ ...w, findings: upsert(w.findings, saved, (f) => f.id) }));
      void message.success(t(finding ? 'updated' : 'created', { n: saved.number }));
      onSaved?.(saved);
      onClose();
    } catch (e) {
      const rest = showCallError(form, e);
      if (rest) void message.error(rest);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      open={open}
      title={finding ? t('editTitle', { n: finding.number }) : t('newTitle')}
      size={680}
      onClose={onClose}
      destroyOnHidden
      drawerRender={keepKeysInside}
      afterOpenChange={(visible) => visible && titleRef.current?.focus()}
      footer={
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => void submit()}>
            {finding ? t('common.save') : t('common.create')}
          </Button>
        </Space>
      }
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={toForm(finding, preset)}
        onFinish={() => void submit()}
        requiredMark
        onValuesChange={clearErrors}
      >
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="severity" label={t('field.severity')} required>
              <Radio.Group
                optionType="button"
                options={SEVERITIES.map((s) => ({
                  value: s,
                  label: <Badge color={SEVERITY_TEXT[s]} text={t(`severity.${s}`)} />,
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="status" label={t('field.status')}>
              <Radio.Group
                optionType="button"
                options={FINDING_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="title" label={t('field.title')} required>
          <Input ref={titleRef} maxLength={300} placeholder={t('placeholder.title')} />
        </Form.Item>
        <Form.Item name="description" label={t('field.description')}>
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 10 }}
            maxLength={20_000}
            placeholder={t('placeholder.description')}
          />
        </Form.Item>
        <Form.Item name="recommendation" label={t('field.recommendation')}>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 8 }}
            maxLength={20_000}
            placeholder={t('placeholder.recommendation')}
          />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="owner" label={t('field.owner')}>
              <Input maxLength={200} placeholder={t('placeholder.owner')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="dueDate" label={t('field.dueDate')}>
              <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" placeholder={t('placeholder.dueDate')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="itemIds" label={t('field.items')}>
          <Select
            mode="multiple"
            options={itemOptions}
            placeholder={t('placeholder.items')}
            showSearch={{ optionFilterProp: 'label' }}
            tagRender={({ value, closable, onClose: close }) => (
              <Tooltip title={itemLabel(String(value))}>
                <Tag
                  color="blue"
                  closable={closable}
                  onClose={close}
                  onMouseDown={(e) => e.preventDefault()}
                  style={{ marginInlineEnd: 4, marginBlock: 2 }}
                >
                  {shortLabel(String(value))}
                </Tag>
              </Tooltip>
            )}
          />
        </Form.Item>
        <Form.Item name="evidenceIds" label={t('field.evidence')}>
          <Select
            mode="multiple"
            options={evidenceOptions}
            placeholder={t('placeholder.evidence')}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </Drawer>
  );
}
