import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, InputNumber, Select, Space, Switch, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import {
  type Interval,
  useAddSlot,
  useOpeningHours,
  useSaveHours,
  useSlots,
  useUpdateSlot,
} from './dutyApi.ts';

const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;

/** 开放时间: intervals per weekday, saved all at once (the server checks overlaps and order). */
export function HoursEditor({ stationId, manage }: { stationId: number; manage: boolean }) {
  const { t } = useTranslation();
  const hours = useOpeningHours(stationId);
  const save = useSaveHours(stationId);
  const [rows, setRows] = useState<Interval[]>([]);
  useEffect(() => setRows(hours.data ?? []), [hours.data]);
  const set = (i: number, patch: Partial<Interval>) =>
    setRows((all) => all.map((r, k) => (k === i ? { ...r, ...patch } : r)));

  return (
    <div className="stack">
      {hours.error ? <ProblemAlert error={hours.error} /> : null}
      <ul className="plain-list stack" aria-label={t('duty.hours.title')}>
        {rows.map((r, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and have no id of their own
          <li key={i}>
            <Space wrap>
              <Select
                aria-label={`${t('duty.hours.title')} ${i + 1}`}
                style={{ width: 90 }}
                disabled={!manage}
                value={String(r.weekday)}
                onChange={(v) => set(i, { weekday: Number(v) })}
                options={WEEKDAYS.map((w) => ({ value: w, label: t(`duty.weekday.${w}`) }))}
              />
              <Input
                type="time"
                aria-label={`${t('duty.hours.opens')} ${i + 1}`}
                disabled={!manage}
                value={r.opensAt}
                onChange={(e) => set(i, { opensAt: e.target.value })}
              />
              <Input
                type="time"
                aria-label={`${t('duty.hours.closes')} ${i + 1}`}
                disabled={!manage}
                value={r.closesAt}
                onChange={(e) => set(i, { closesAt: e.target.value })}
              />
              {manage ? (
                <Button
                  icon={<DeleteOutlined aria-hidden />}
                  aria-label={`${t('duty.hours.remove')} ${i + 1}`}
                  onClick={() => setRows((all) => all.filter((_, k) => k !== i))}
                />
              ) : null}
            </Space>
          </li>
        ))}
      </ul>
      {manage ? (
        <Space wrap>
          <Button
            icon={<PlusOutlined aria-hidden />}
            onClick={() => setRows((all) => [...all, { weekday: 1, opensAt: '09:00', closesAt: '11:30' }])}
          >
            {t('duty.hours.add')}
          </Button>
          <Button type="primary" loading={save.isPending} onClick={() => save.mutate(rows)}>
            {t('duty.hours.save')}
          </Button>
        </Space>
      ) : null}
      {save.error ? <ProblemAlert error={save.error} /> : null}
      {save.isSuccess ? <Alert type="success" showIcon role="status" title={t('duty.hours.saved')} /> : null}
    </div>
  );
}

/** 值班时段: each applies on the weekdays whose hours hold it; add, change seats, retire. */
export function SlotsEditor({ stationId, manage }: { stationId: number; manage: boolean }) {
  const { t } = useTranslation();
  const slots = useSlots(stationId);
  const add = useAddSlot(stationId);
  const update = useUpdateSlot(stationId);
  const [draft, setDraft] = useState({ startsAt: '09:00', endsAt: '11:00', seats: 1 });
  const error = slots.error ?? add.error ?? update.error;

  return (
    <div className="stack">
      {error ? <ProblemAlert error={error} /> : null}
      <ScrollRegion label={t('duty.slots.title')}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          loading={slots.isPending}
          dataSource={slots.data ?? []}
          columns={[
            { key: 'time', title: t('duty.roster.slot'), render: (_, s) => `${s.startsAt}–${s.endsAt}` },
            {
              key: 'seats',
              title: t('duty.slots.seats'),
              render: (_, s) =>
                manage ? (
                  <InputNumber
                    aria-label={`${t('duty.slots.seats')} ${s.startsAt}–${s.endsAt}`}
                    min={1}
                    max={20}
                    value={s.seats}
                    onChange={(v) => v && update.mutate({ id: s.id, seats: v })}
                  />
                ) : (
                  s.seats
                ),
            },
            {
              key: 'days',
              title: t('duty.slots.days'),
              render: (_, s) =>
                s.weekdays.map((w) => <Tag key={w}>{t(`duty.weekday.${String(w) as '1'}`)}</Tag>),
            },
            {
              key: 'active',
              title: t('duty.slots.active'),
              render: (_, s) => (
                <Switch
                  aria-label={`${t('duty.slots.active')} ${s.startsAt}–${s.endsAt}`}
                  disabled={!manage}
                  checked={s.active}
                  onChange={(active) => update.mutate({ id: s.id, active })}
                />
              ),
            },
          ]}
        />
      </ScrollRegion>
      {manage ? (
        <Form layout="inline" component="div">
          <Form.Item label={t('duty.slots.starts')} htmlFor="slot-starts">
            <Input
              id="slot-starts"
              type="time"
              value={draft.startsAt}
              onChange={(e) => setDraft({ ...draft, startsAt: e.target.value })}
            />
          </Form.Item>
          <Form.Item label={t('duty.slots.ends')} htmlFor="slot-ends">
            <Input
              id="slot-ends"
              type="time"
              value={draft.endsAt}
              onChange={(e) => setDraft({ ...draft, endsAt: e.target.value })}
            />
          </Form.Item>
          <Form.Item label={t('duty.slots.seats')} htmlFor="slot-seats">
            <InputNumber
              id="slot-seats"
              min={1}
              max={20}
              value={draft.seats}
              onChange={(v) => setDraft({ ...draft, seats: v ?? 1 })}
            />
          </Form.Item>
          <Button type="primary" loading={add.isPending} onClick={() => add.mutate(draft)}>
            {t('duty.slots.add')}
          </Button>
        </Form>
      ) : null}
    </div>
  );
}
