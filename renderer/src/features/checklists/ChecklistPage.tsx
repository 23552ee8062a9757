import { Badge, Empty, Input, List, Progress, Select, Space, Switch, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RESULTS, type Answer } from '../../../../shared/domain/answer';
import { inAreaOrder } from '../../../../shared/domain/progress';
import { CHECKLIST_AREAS, type ChecklistArea } from '../../../../shared/rules/vocabulary';
import { usePack, useText } from '../../lib/pack';
import { upsert, useWorkspace } from '../../lib/workspace';
import { ItemDetail, type ItemDetailHandle } from './ItemDetail';
import './i18n';

const RESULT_COLORS: Record<string, string> = {
  conforming: 'green',
  'partially-conforming': 'gold',
  nonconforming: 'red',
  'not-applicable': 'default',
  'not-assessed': 'blue',
};

/** True while a drawer or modal is open: its own keys must not reach the checklist behind it. */
const dialogOpen = () => document.querySelector('.ant-drawer-open, .ant-modal-wrap:not([style*="display: none"])') !== null;

/** True when focus is in a text field, where letter keys must type, not navigate. */
const typing = (el: Element | null) =>
  el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && el.type !== 'radio');

/**
 * The four protection areas and the export process as one keyboard-first list: filters on the
 * left, the selected item on the right. `itemExtras` renders what other features attach to an
 * item (evidence, findings) — composed by the project page, so features stay independent.
 */
export function ChecklistPage({ itemExtras }: { itemExtras: (itemId: string) => ReactNode }) {
  const { t } = useTranslation('checklists');
  const text = useText();
  const { ws, update } = useWorkspace();
  const { pack } = usePack();
  const [area, setArea] = useState<ChecklistArea | 'all'>('all');
  const [resultFilter, setResultFilter] = useState<string>('all');
  const [unanswered, setUnanswered] = useState(false);
  const [hasFinding, setHasFinding] = useState(false);
  const [search, setSearch] = useState('');
  const [selectedId, setSelectedId] = useState<string>();
  const detail = useRef<ItemDetailHandle>(null);
  const listRef = useRef<HTMLDivElement>(null);

  const answers = useMemo(() => new Map(ws.answers.map((a) => [a.itemId, a])), [ws.answers]);
  const withFinding = useMemo(() => new Set(ws.findings.flatMap((f) => f.itemIds)), [ws.findings]);
  const all = useMemo(
    () =>
      inAreaOrder(pack.checklists).flatMap((c) =>
        c.items.filter((i) => i.status === 'active').map((item) => ({ item, area: c.area })),
      ),
    [pack],
  );
  const needle = search.trim().toLowerCase();
  const visible = all.filter(({ item, area: a }) => {
    const answer = answers.get(item.id);
    if (area !== 'all' && a !== area) return false;
    if (unanswered && answer) return false;
    if (resultFilter !== 'all' && (answer?.result ?? 'none') !== resultFilter) return false;
    if (hasFinding && !withFinding.has(item.id)) return false;
    if (
      needle &&
      !`${item.ref ?? ''} ${item.id} ${item.requirement['zh-CN']} ${item.requirement.en}`.toLowerCase().includes(needle)
    )
      return false;
    return true;
  });
  const selected = visible.find((v) => v.item.id === selectedId) ?? visible[0];

  const onSaved = useCallback(
    (a: Answer) => update((w) => ({ ...w, answers: upsert(w.answers, a, (x) => x.itemId) })),
    [update],
  );

  const move = useCallback(
    async (delta: number) => {
      if (!visible.length) return;
      await detail.current?.flush();
      const i = Math.max(
        0,
        visible.findIndex((v) => v.item.id === selected?.item.id),
      );
      const next = visible[Math.min(visible.length - 1, Math.max(0, i + delta))]!;
      setSelectedId(next.item.id);
      listRef.current?.querySelector(`[data-item="${CSS.escape(next.item.id)}"]`)?.scrollIntoView({ block: 'nearest' });
    },
    [visible, selected],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || dialogOpen()) return;
      if (e.key === 'Escape' && typing(document.activeElement)) {
        (document.activeElement as HTMLElement).blur();
        listRef.current?.focus();
        return;
      }
      if (typing(document.activeElement)) return;
      const n = Number(e.key);
      if (n >= 1 && n <= RESULTS.length) detail.current?.setResult(RESULTS[n - 1]!);
      else if (e.key === 'ArrowDown' || e.key === 'j') void move(1);
      else if (e.key === 'ArrowUp' || e.key === 'k') void move(-1);
      else if (e.key === 'n') detail.current?.focusNotes();
      else if (e.key === 'r') detail.current?.focusJustification();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [move]);

  const done = all.filter(({ item }) => answers.has(item.id) && answers.get(item.id)!.result !== 'not-assessed').length;
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'minmax(340px, 2fr) 3fr', gap: 16, alignItems: 'start' }}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space style={{ width: '100%', justifyContent: 'space-between' }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('progress', { done, total: all.length })}</Typography.Text>
        </Space>
        <Progress percent={all.length ? Math.round((done / all.length) * 100) : 0} size="small" />
        <Space wrap>
          <Select
            size="small"
            style={{ width: 150 }}
            aria-label={t('filters.area')}
            value={area}
            onChange={(v) => setArea(v)}
            options={[
              { value: 'all', label: `${t('filters.area')}: ${t('filters.all')}` },
              ...CHECKLIST_AREAS.map((a) => ({ value: a, label: t(`area.${a}`) })),
            ]}
          />
          <Select
            size="small"
            style={{ width: 150 }}
            aria-label={t('filters.result')}
            value={resultFilter}
            onChange={setResultFilter}
            options={[
              { value: 'all', label: `${t('filters.result')}: ${t('filters.all')}` },
              ...['none', ...RESULTS].map((r) => ({ value: r, label: t(`result.${r}`) })),
            ]}
          />
          <label>
            <Switch size="small" checked={unanswered} onChange={setUnanswered} /> {t('filters.unanswered')}
          </label>
          <label>
            <Switch size="small" checked={hasFinding} onChange={setHasFinding} /> {t('filters.hasFinding')}
          </label>
        </Space>
        <Input.Search
          size="small"
          allowClear
          placeholder={t('filters.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <div
          ref={listRef}
          tabIndex={0}
          role="listbox"
          aria-label={t('title')}
          style={{ maxHeight: 'calc(100vh - 330px)', overflow: 'auto', outline: 'none' }}
        >
          <List
            size="small"
            dataSource={visible}
            locale={{ emptyText: <Empty description={t('detail.empty')} /> }}
            renderItem={({ item, area: a }) => {
              const answer = answers.get(item.id);
              const active = item.id === selected?.item.id;
              return (
                <List.Item
                  data-item={item.id}
                  role="option"
                  aria-selected={active}
                  onClick={() => void detail.current?.flush().then(() => setSelectedId(item.id))}
                  style={{
                    cursor: 'pointer',
                    background: active ? '#e6f0fb' : undefined,
                    paddingInline: 8,
                    borderLeft: active ? '3px solid #1f5fa8' : '3px solid transparent',
                  }}
                >
                  <Space direction="vertical" size={0} style={{ flex: 1, minWidth: 0 }}>
                    <Space size={4}>
                      <Tag>{item.ref ?? item.id.split(':')[1]}</Tag>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t(`area.${a}`)}
                      </Typography.Text>
                      {withFinding.has(item.id) && <Badge color="red" />}
                    </Space>
                    <Typography.Text ellipsis style={{ width: '100%' }}>
                      {text(item.requirement)}
                    </Typography.Text>
                  </Space>
                  <Tag
                    style={{ marginInlineStart: 8, flexShrink: 0 }}
                    color={answer ? RESULT_COLORS[answer.result] : undefined}
                  >
                    {t(`result.${answer?.result ?? 'none'}`)}
                  </Tag>
                </List.Item>
              );
            }}
          />
        </div>
      </Space>
      <div>
        {selected ? (
          <ItemDetail
            key={selected.item.id}
            ref={detail}
            item={selected.item}
            projectId={ws.project.id}
            answer={answers.get(selected.item.id)}
            onSaved={onSaved}
            extras={itemExtras(selected.item.id)}
          />
        ) : (
          <Empty description={t('detail.empty')} />
        )}
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
          {t('detail.keys')}
        </Typography.Paragraph>
      </div>
    </div>
  );
}
