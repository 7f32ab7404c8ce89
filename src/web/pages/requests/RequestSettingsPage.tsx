import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, InputNumber, Modal, Select, Switch, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ZRequestSettings } from '../../../modules/requests/insights.schema.ts';
import type { ZAddCategory } from '../../../modules/requests/requests.schema.ts';
import { api } from '../../api/client.ts';
import { useMe } from '../../app/session.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { ownStations, StationChooser, type StationRef } from '../places/StationChooser.tsx';
import { type Category, useCategories, useHandlers } from './requestsApi.ts';

type Settings = z.output<typeof ZRequestSettings>;
type CategoryInput = z.input<typeof ZAddCategory>;
type HandlerKind = Category['handlerKind'];
const KINDS: HandlerKind[] = ['member', 'property', 'team', 'none'];

/** Station admins: the categories with their deadlines and default handler, and when unrated requests close. */
export default function RequestSettingsPage() {
  const { t } = useTranslation();
  const own = ownStations(useMe().data);
  const [picked, setPicked] = useState<StationRef | null>(null);
  const station = picked ?? own[0] ?? null;
  return (
    <>
      <PageTitle>{t('requests.settings.title')}</PageTitle>
      <div className="places-grid">
        <StationChooser title={t('requests.queue.station')} own={own} current={station} onPick={setPicked} />
        {station ? (
          <StationSettings key={station.id} station={station} />
        ) : (
          <Card>
            <p>{t('requests.queue.pickStation')}</p>
          </Card>
        )}
      </div>
    </>
  );
}

function StationSettings({ station }: { station: StationRef }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const categories = useCategories(station.id);
  const handlers = useHandlers(station.id, true);
  const [editing, setEditing] = useState<Category | 'new' | null>(null);
  const settings = useQuery({
    queryKey: ['request-settings', station.id],
    queryFn: ({ signal }) => api<Settings>(`/stations/${station.id}/request-settings`, { signal }),
  });
  const [days, setDays] = useState<number | null>(null);
  const saveDays = useMutation({
    mutationFn: (autoCloseDays: number) =>
      api<Settings>(`/stations/${station.id}/request-settings`, { method: 'PUT', body: { autoCloseDays } }),
    onSuccess: async () => {
      void message.success(t('common.saved'));
      await client.invalidateQueries({ queryKey: ['request-settings', station.id] });
    },
  });
  const save = useMutation({
    mutationFn: (input: { id: number | null; body: Partial<CategoryInput> }) =>
      input.id === null
        ? api<Category>(`/stations/${station.id}/request-categories`, { method: 'POST', body: input.body })
        : api<Category>(`/request-categories/${input.id}`, { method: 'PATCH', body: input.body }),
    onSuccess: async () => {
      setEditing(null);
      void message.success(t('common.saved'));
      await client.invalidateQueries({ queryKey: ['request-categories', station.id] });
    },
  });
  const handlerName = (id: number | null) => handlers.data?.find((h) => h.id === id)?.name ?? '';

  return (
    <div className="stack">
      <Card
        title={
          <h2 className="section-title">{t('requests.settings.categoriesOf', { name: station.name })}</h2>
        }
        extra={
          <Button
            type="primary"
            onClick={() => {
              save.reset();
              setEditing('new');
            }}
          >
            {t('requests.settings.add')}
          </Button>
        }
      >
        {categories.error ? <ProblemAlert error={categories.error} /> : null}
        <ScrollRegion label={t('requests.settings.categories')}>
          <Table<Category>
            rowKey="id"
            size="small"
            pagination={false}
            loading={categories.isPending}
            dataSource={categories.data ?? []}
            columns={[
              { title: t('requests.settings.name'), dataIndex: 'name' },
              { title: t('requests.settings.responseHours'), dataIndex: 'responseHours' },
              { title: t('requests.settings.resolutionHours'), dataIndex: 'resolutionHours' },
              {
                title: t('requests.settings.handler'),
                key: 'handler',
                render: (_, c) =>
                  c.handlerUserId
                    ? handlerName(c.handlerUserId)
                    : t(`requests.settings.kind.${c.handlerKind}`),
              },
              {
                title: t('requests.settings.edit'),
                key: 'edit',
                render: (_, c) => (
                  <Button
                    aria-label={t('requests.settings.editOne', { name: c.name })}
                    onClick={() => {
                      save.reset();
                      setEditing(c);
                    }}
                  >
                    {t('requests.settings.edit')}
                  </Button>
                ),
              },
            ]}
          />
        </ScrollRegion>
      </Card>
      <Card title={<h2 className="section-title">{t('requests.settings.autoClose')}</h2>}>
        <p>{t('requests.settings.autoCloseHint')}</p>
        {settings.error ? <ProblemAlert error={settings.error} /> : null}
        {saveDays.error ? <ProblemAlert error={saveDays.error} /> : null}
        <Form layout="inline" component="div">
          <Form.Item label={t('requests.settings.days')} htmlFor="auto-close-days">
            <InputNumber
              id="auto-close-days"
              min={1}
              max={60}
              value={days ?? settings.data?.autoCloseDays ?? null}
              onChange={(v) => setDays(v)}
            />
          </Form.Item>
          <Button
            loading={saveDays.isPending}
            onClick={() => saveDays.mutate(days ?? settings.data?.autoCloseDays ?? 7)}
          >
            {t('common.save')}
          </Button>
        </Form>
      </Card>
      {editing ? (
        <CategoryModal
          category={editing === 'new' ? null : editing}
          handlers={handlers.data ?? []}
          pending={save.isPending}
          error={save.error}
          onCancel={() => setEditing(null)}
          onSave={(body) => save.mutate({ id: editing === 'new' ? null : editing.id, body })}
        />
      ) : null}
    </div>
  );
}

function CategoryModal(props: {
  category: Category | null;
  handlers: { id: number; name: string }[];
  pending: boolean;
  error: Error | null;
  onCancel: () => void;
  onSave: (body: Partial<CategoryInput>) => void;
}) {
  const { t } = useTranslation();
  const c = props.category;
  const [name, setName] = useState(c?.name ?? '');
  const [responseHours, setResponse] = useState<number | null>(c?.responseHours ?? 24);
  const [resolutionHours, setResolution] = useState<number | null>(c?.resolutionHours ?? 72);
  const [handlerKind, setKind] = useState<HandlerKind>(c?.handlerKind ?? 'none');
  const [handlerUserId, setHandler] = useState<number | null>(c?.handlerUserId ?? null);
  const [active, setActive] = useState(true);
  const submit = () =>
    props.onSave({
      name: name.trim(),
      ...(responseHours !== null ? { responseHours } : {}),
      ...(resolutionHours !== null ? { resolutionHours } : {}),
      handlerKind,
      handlerUserId: handlerKind === 'member' || handlerKind === 'team' ? handlerUserId : null,
      ...(c ? { active } : { code: `c${Date.now().toString(36)}` }),
    });
  return (
    <Modal
      open
      title={c ? t('requests.settings.editOne', { name: c.name }) : t('requests.settings.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={props.pending}
      onOk={submit}
      onCancel={props.onCancel}
    >
      <Form layout="vertical" component="div">
        <Form.Item label={t('requests.settings.name')} htmlFor="category-name" required>
          <Input id="category-name" maxLength={20} value={name} onChange={(e) => setName(e.target.value)} />
        </Form.Item>
        <Form.Item label={t('requests.settings.responseHours')} htmlFor="category-response" required>
          <InputNumber
            id="category-response"
            min={1}
            max={2160}
            value={responseHours}
            onChange={setResponse}
          />
        </Form.Item>
        <Form.Item label={t('requests.settings.resolutionHours')} htmlFor="category-resolution" required>
          <InputNumber
            id="category-resolution"
            min={1}
            max={2160}
            value={resolutionHours}
            onChange={setResolution}
          />
        </Form.Item>
        <Form.Item label={t('requests.settings.handlerKind')}>
          <Select
            aria-label={t('requests.settings.handlerKind')}
            value={handlerKind}
            onChange={setKind}
            options={KINDS.map((k) => ({ value: k, label: t(`requests.settings.kind.${k}`) }))}
          />
        </Form.Item>
        {handlerKind === 'member' || handlerKind === 'team' ? (
          <Form.Item label={t('requests.settings.handler')}>
            <Select
              aria-label={t('requests.settings.handler')}
              allowClear
              value={handlerUserId}
              onChange={(v) => setHandler(v ?? null)}
              options={props.handlers.map((h) => ({ value: h.id, label: h.name }))}
            />
          </Form.Item>
        ) : null}
        {c ? (
          <Form.Item label={t('requests.settings.active')}>
            <Switch checked={active} onChange={setActive} aria-label={t('requests.settings.active')} />
          </Form.Item>
        ) : null}
      </Form>
      {props.error ? <ProblemAlert error={props.error} /> : null}
    </Modal>
  );
}
