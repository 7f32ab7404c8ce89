import { Button, Form, Input, Modal, Select, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { daysOfMonth } from '../../../modules/stations/duty-time.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { type DutyPerson, useAddPerson, usePeople, useSetUnavailable, useUpdatePerson } from './dutyApi.ts';

/** 值班人员: council members and volunteers with an account, on or off the rota, and their days away. */
export function PoolEditor({
  stationId,
  month,
  manage,
}: {
  stationId: number;
  month: string;
  manage: boolean;
}) {
  const { t } = useTranslation();
  const people = usePeople(stationId);
  const add = useAddPerson(stationId);
  const update = useUpdatePerson(stationId);
  const [phone, setPhone] = useState('');
  const [editing, setEditing] = useState<DutyPerson | null>(null);
  const error = people.error ?? add.error ?? update.error;

  return (
    <div className="stack">
      {error ? <ProblemAlert error={error} /> : null}
      {manage ? (
        <Form layout="inline" component="div">
          <Form.Item label={t('duty.pool.phone')} htmlFor="pool-phone">
            <Input
              id="pool-phone"
              inputMode="tel"
              maxLength={11}
              value={phone}
              onChange={(e) => setPhone(e.target.value)}
            />
          </Form.Item>
          <Button
            type="primary"
            loading={add.isPending}
            onClick={() => add.mutate(phone.trim(), { onSuccess: () => setPhone('') })}
          >
            {t('duty.pool.add')}
          </Button>
        </Form>
      ) : null}
      <ScrollRegion label={t('duty.pool.title')}>
        <Table
          size="small"
          rowKey="userId"
          pagination={false}
          loading={people.isPending}
          dataSource={people.data ?? []}
          columns={[
            { key: 'name', title: t('duty.pool.name'), dataIndex: 'name' },
            {
              key: 'active',
              title: t('duty.pool.active'),
              render: (_, p) => (
                <Switch
                  aria-label={`${t('duty.pool.active')} ${p.name}`}
                  disabled={!manage}
                  checked={p.active}
                  onChange={(active) => update.mutate({ userId: p.userId, active })}
                />
              ),
            },
            {
              key: 'away',
              title: t('duty.pool.unavailable'),
              render: (_, p) => (
                <>
                  {p.unavailable.map((d) => (
                    <Tag key={d}>{d.slice(5)}</Tag>
                  ))}
                  {manage ? (
                    <Button size="small" type="link" onClick={() => setEditing(p)}>
                      {t('duty.pool.editDays', { month })}
                    </Button>
                  ) : null}
                </>
              ),
            },
          ]}
        />
      </ScrollRegion>
      {editing ? (
        <AwayModal stationId={stationId} month={month} person={editing} onClose={() => setEditing(null)} />
      ) : null}
    </div>
  );
}

function AwayModal(props: { stationId: number; month: string; person: DutyPerson; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSetUnavailable(props.stationId);
  const [dates, setDates] = useState(props.person.unavailable.filter((d) => d.startsWith(props.month)));
  const title = `${props.person.name} · ${t('duty.pool.editDays', { month: props.month })}`;
  return (
    <Modal
      open
      title={title}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onCancel={props.onClose}
      onOk={() =>
        save.mutate({ userId: props.person.userId, month: props.month, dates }, { onSuccess: props.onClose })
      }
    >
      <Select
        mode="multiple"
        aria-label={title}
        className="full-width"
        value={dates}
        onChange={setDates}
        options={daysOfMonth(props.month).map((d) => ({ value: d, label: d.slice(5) }))}
      />
      {save.error ? <ProblemAlert error={save.error} /> : null}
    </Modal>
  );
}
