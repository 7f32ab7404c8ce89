import { Alert, Button, Checkbox, Form, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { TAG } from '../../components/tagColors.ts';
import {
  type DutyPerson,
  type Roster,
  type Shift,
  useCover,
  useGenerate,
  usePeople,
  usePlaceShift,
  useRoster,
} from './dutyApi.ts';
import { ShiftStateTag, useDayLabel, useShiftLabel } from './shiftLabels.tsx';

type Day = Roster['days'][number];

/** A pool member picker that acts on choice (cover for leave, fill an empty seat). */
function PersonPick(props: { label: string; people: DutyPerson[]; onPick: (userId: number) => void }) {
  return (
    <Select
      size="small"
      aria-label={props.label}
      placeholder={props.label}
      style={{ minWidth: 110 }}
      value={null}
      onChange={(v: number) => props.onPick(v)}
      options={props.people.filter((p) => p.active).map((p) => ({ value: p.userId, label: p.name }))}
    />
  );
}

/** The month's roster by day and slot: who serves, their state, cover for leave, empty seats; 生成排班. */
export function RosterTab(props: {
  stationId: number;
  month: string;
  onMonth: (month: string) => void;
  manage: boolean;
}) {
  const { t } = useTranslation();
  const { stationId, month, manage } = props;
  const roster = useRoster(stationId, month);
  const people = usePeople(stationId);
  const generate = useGenerate(stationId);
  const cover = useCover();
  const place = usePlaceShift(stationId);
  const [replace, setReplace] = useState(false);
  const label = useShiftLabel();
  const dayLabel = useDayLabel();
  const pool = people.data ?? [];
  const error = generate.error ?? cover.error ?? place.error;

  const rows = (roster.data?.days ?? []).flatMap((day: Day) =>
    day.slots.map((slot) => ({
      key: `${day.date} ${slot.slotId}`,
      day,
      slot,
      shifts: (roster.data?.shifts ?? []).filter((s) => s.date === day.date && s.slotId === slot.slotId),
    })),
  );
  const seated = (shifts: Shift[]) => shifts.filter((s) => s.state !== 'onLeave').length;

  return (
    <div className="stack">
      <Form layout="inline" component="div">
        <Form.Item label={t('duty.roster.month')} htmlFor="roster-month">
          <Input
            id="roster-month"
            type="month"
            value={month}
            onChange={(e) => /^\d{4}-\d{2}$/.test(e.target.value) && props.onMonth(e.target.value)}
          />
        </Form.Item>
        {manage ? (
          <>
            <Form.Item>
              <Checkbox checked={replace} onChange={(e) => setReplace(e.target.checked)}>
                {t('duty.roster.replace')}
              </Checkbox>
            </Form.Item>
            <Button
              type="primary"
              loading={generate.isPending}
              onClick={() => generate.mutate({ month, replace })}
            >
              {t('duty.roster.generate')}
            </Button>
          </>
        ) : null}
      </Form>
      {error ? <ProblemAlert error={error} /> : null}
      {generate.data ? (
        <Alert
          type={generate.data.unfilled.length > 0 ? 'warning' : 'success'}
          showIcon
          role="status"
          title={t('duty.roster.generated', { created: generate.data.created })}
          description={
            generate.data.unfilled.length > 0
              ? `${t('duty.roster.unfilled', { count: generate.data.unfilled.length })}: ${generate.data.unfilled
                  .map((u) => label({ date: u.date, startsAt: u.startsAt, endsAt: u.endsAt }))
                  .join('、')}`
              : undefined
          }
        />
      ) : null}
      {roster.error ? <ProblemAlert error={roster.error} /> : null}
      <ScrollRegion label={t('duty.roster.title')}>
        <Table
          size="small"
          loading={roster.isPending}
          pagination={false}
          dataSource={rows}
          locale={{ emptyText: t('duty.roster.noDays') }}
          columns={[
            {
              key: 'date',
              title: t('duty.roster.date'),
              render: (_, r) => dayLabel(r.day.date),
            },
            {
              key: 'slot',
              title: t('duty.roster.slot'),
              render: (_, r) => `${r.slot.startsAt}–${r.slot.endsAt}`,
            },
            {
              key: 'people',
              title: t('duty.roster.people'),
              render: (_, r) => (
                <Space wrap size={4}>
                  {r.shifts.map((s) => (
                    <Space key={s.id} size={2}>
                      <Tag>{s.name}</Tag>
                      <ShiftStateTag state={s.state} />
                      {manage && s.state === 'onLeave' && seated(r.shifts) < r.slot.seats ? (
                        <PersonPick
                          label={t('duty.roster.cover')}
                          people={pool}
                          onPick={(userId) => cover.mutate({ id: s.id, userId })}
                        />
                      ) : null}
                    </Space>
                  ))}
                  {seated(r.shifts) < r.slot.seats && !r.shifts.some((s) => s.state === 'onLeave') ? (
                    <>
                      <Tag color={TAG.bad}>{t('duty.roster.empty')}</Tag>
                      {manage ? (
                        <PersonPick
                          label={t('duty.roster.fill')}
                          people={pool}
                          onPick={(userId) =>
                            place.mutate({ date: r.day.date, slotId: r.slot.slotId, userId })
                          }
                        />
                      ) : null}
                    </>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      </ScrollRegion>
    </div>
  );
}
