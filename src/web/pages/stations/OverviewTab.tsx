import { App, Button, Card, Descriptions, Form, Input, InputNumber, Modal, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chinaDate } from '../../../modules/stations/duty-time.ts';
import { STATION_KINDS } from '../../../modules/stations/station-kinds.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { StageTag } from './StationTags.tsx';
import {
  type StationDetail,
  useChangeStage,
  useRemoveRoom,
  useSaveRoom,
  useStep,
  useUpdateProfile,
} from './stationsApi.ts';

type Room = StationDetail['rooms'][number];
type Step = StationDetail['steps'][number];

/** 概况: profile, compounds, stage with its moves, the setup checklist with dates, rooms. */
export function OverviewTab({ station }: { station: StationDetail }) {
  const { t } = useTranslation();
  const manage = station.abilities.includes('station.manage');
  const [editing, setEditing] = useState(false);
  const stage = useChangeStage(station.id);
  return (
    <div className="stack">
      <Card
        title={<h2 className="section-title">{t('council.overview.profile')}</h2>}
        extra={
          manage ? (
            <Button onClick={() => setEditing(true)}>{t('council.overview.editProfile')}</Button>
          ) : null
        }
      >
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('council.list.kind')}>
            {t(`council.kind.${station.kind}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('council.overview.site')}>
            {station.profile.site ?? ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('council.overview.phone')}>
            {station.profile.phone ?? ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('council.overview.note')}>
            {station.profile.note ?? ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('council.overview.compounds')}>
            {station.compounds.map((c) => c.name).join('、')}
          </Descriptions.Item>
        </Descriptions>
        <p className="hint">{t('council.overview.compoundsHint')}</p>
      </Card>
      <Card title={<h2 className="section-title">{t('council.overview.stage')}</h2>}>
        <Space wrap>
          <StageTag stage={station.stage} />
          {manage
            ? station.nextStages.map((to) => (
                <Button key={to} loading={stage.isPending} onClick={() => stage.mutate(to)}>
                  {t('council.overview.moveTo', { stage: t(`council.stage.${to}`) })}
                </Button>
              ))
            : null}
        </Space>
        <p className="hint">{t('council.overview.operatingNeedsChecklist')}</p>
        {stage.error ? <ProblemAlert error={stage.error} /> : null}
      </Card>
      <Checklist station={station} manage={manage} />
      <Rooms station={station} manage={manage} />
      {editing ? <ProfileModal station={station} onClose={() => setEditing(false)} /> : null}
    </div>
  );
}

function Checklist({ station, manage }: { station: StationDetail; manage: boolean }) {
  const { t } = useTranslation();
  const step = useStep(station.id);
  const [dates, setDates] = useState<Record<string, string>>({});
  return (
    <Card title={<h2 className="section-title">{t('council.overview.checklist')}</h2>}>
      {step.error ? <ProblemAlert error={step.error} /> : null}
      <Table<Step>
        rowKey="step"
        size="small"
        pagination={false}
        dataSource={station.steps}
        columns={[
          {
            title: t('council.overview.checklist'),
            dataIndex: 'step',
            render: (s: Step['step']) => t(`council.step.${s}`),
          },
          {
            title: t('council.overview.doneOn'),
            dataIndex: 'doneOn',
            render: (d: string | null) => d ?? t('council.overview.notDone'),
          },
          ...(manage
            ? [
                {
                  title: t('council.overview.actions'),
                  key: 'actions',
                  render: (_: unknown, s: Step) => {
                    const name = t(`council.step.${s.step}`);
                    if (s.doneOn) {
                      return (
                        <Button
                          aria-label={t('council.overview.undoOne', { step: name })}
                          onClick={() => step.mutate({ step: s.step, doneOn: null })}
                        >
                          {t('council.overview.undo')}
                        </Button>
                      );
                    }
                    const value = dates[s.step] ?? chinaDate();
                    return (
                      <Space>
                        <Input
                          type="date"
                          aria-label={t('council.overview.doneOnOf', { step: name })}
                          max={chinaDate()}
                          value={value}
                          onChange={(e) => setDates((d) => ({ ...d, [s.step]: e.target.value }))}
                        />
                        <Button
                          aria-label={t('council.overview.markOne', { step: name })}
                          onClick={() => step.mutate({ step: s.step, doneOn: value })}
                        >
                          {t('council.overview.markDone')}
                        </Button>
                      </Space>
                    );
                  },
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

function Rooms({ station, manage }: { station: StationDetail; manage: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Room | 'new' | null>(null);
  const remove = useRemoveRoom(station.id);
  return (
    <Card
      title={<h2 className="section-title">{t('council.overview.rooms')}</h2>}
      extra={
        manage ? <Button onClick={() => setEditing('new')}>{t('council.overview.addRoom')}</Button> : null
      }
    >
      {remove.error ? <ProblemAlert error={remove.error} /> : null}
      <ScrollRegion label={t('council.overview.rooms')}>
        <Table<Room>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={station.rooms}
          columns={[
            { title: t('council.overview.roomName'), dataIndex: 'name' },
            { title: t('council.overview.purpose'), dataIndex: 'purpose' },
            { title: t('council.overview.capacity'), dataIndex: 'capacity' },
            ...(manage
              ? [
                  {
                    title: t('council.overview.actions'),
                    key: 'actions',
                    render: (_: unknown, r: Room) => (
                      <Space>
                        <Button
                          aria-label={t('council.overview.editRoomOne', { name: r.name })}
                          onClick={() => setEditing(r)}
                        >
                          {t('council.overview.edit')}
                        </Button>
                        <Button
                          danger
                          aria-label={t('council.overview.removeRoomOne', { name: r.name })}
                          onClick={() => remove.mutate(r.id)}
                        >
                          {t('council.overview.remove')}
                        </Button>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </ScrollRegion>
      {editing ? (
        <RoomModal
          stationId={station.id}
          room={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Card>
  );
}

function RoomModal(props: { stationId: number; room: Room | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useSaveRoom(props.stationId);
  const [name, setName] = useState(props.room?.name ?? '');
  const [purpose, setPurpose] = useState(props.room?.purpose ?? '');
  const [capacity, setCapacity] = useState<number | null>(props.room?.capacity ?? null);
  const submit = () =>
    save.mutate(
      {
        roomId: props.room?.id ?? null,
        body: { name: name.trim(), purpose: purpose.trim() || null, capacity },
      },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          props.onClose();
        },
      },
    );
  return (
    <Modal
      open
      title={
        props.room
          ? t('council.overview.editRoomOne', { name: props.room.name })
          : t('council.overview.addRoom')
      }
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={submit}
      onCancel={props.onClose}
    >
      <Form layout="vertical" component="div">
        <Form.Item label={t('council.overview.roomName')} htmlFor="room-name" required>
          <Input id="room-name" maxLength={40} value={name} onChange={(e) => setName(e.target.value)} />
        </Form.Item>
        <Form.Item label={t('council.overview.purpose')} htmlFor="room-purpose">
          <Input
            id="room-purpose"
            maxLength={100}
            value={purpose}
            onChange={(e) => setPurpose(e.target.value)}
          />
        </Form.Item>
        <Form.Item label={t('council.overview.capacity')} htmlFor="room-capacity">
          <InputNumber id="room-capacity" min={1} max={10000} value={capacity} onChange={setCapacity} />
        </Form.Item>
      </Form>
      {save.error ? <ProblemAlert error={save.error} /> : null}
    </Modal>
  );
}

function ProfileModal({ station, onClose }: { station: StationDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useUpdateProfile(station.id);
  const [site, setSite] = useState(station.profile.site ?? '');
  const [phone, setPhone] = useState(station.profile.phone ?? '');
  const [note, setNote] = useState(station.profile.note ?? '');
  const [kind, setKind] = useState(station.kind);
  const submit = () =>
    save.mutate(
      { site: site.trim() || null, phone: phone.trim() || null, note: note.trim() || null, kind },
      { onSuccess: onClose },
    );
  return (
    <Modal
      open
      title={t('council.overview.editProfile')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={submit}
      onCancel={onClose}
    >
      <Form layout="vertical" component="div">
        <Form.Item label={t('council.list.kind')}>
          <Select
            aria-label={t('council.list.kind')}
            value={kind}
            onChange={setKind}
            options={STATION_KINDS.map((k) => ({ value: k, label: t(`council.kind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item label={t('council.overview.site')} htmlFor="profile-site">
          <Input id="profile-site" maxLength={200} value={site} onChange={(e) => setSite(e.target.value)} />
        </Form.Item>
        <Form.Item label={t('council.overview.phone')} htmlFor="profile-phone">
          <Input id="profile-phone" maxLength={30} value={phone} onChange={(e) => setPhone(e.target.value)} />
        </Form.Item>
        <Form.Item label={t('council.overview.note')} htmlFor="profile-note">
          <Input.TextArea id="profile-note" rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
        </Form.Item>
      </Form>
      {save.error ? <ProblemAlert error={save.error} /> : null}
    </Modal>
  );
}
