import { App, Button, Card, Checkbox, Form, Input, InputNumber, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { addDays, chinaDate } from '../../../modules/stations/duty-time.ts';
import { fieldErrorsOf } from '../../api/fieldErrors.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useRequestPlaces } from '../requests/requestsApi.ts';
import {
  type CreateMeetingInput,
  INVITEE_GROUPS,
  type InviteeGroup,
  MEETING_KINDS,
  type MeetingKind,
  useCreateMeeting,
  useTopics,
} from './deliberationApi.ts';
import './deliberation.css';
import { chinaInstantOf } from '../../components/chinaTime.ts';

interface Values {
  kind: MeetingKind;
  title: string;
  purpose: string;
  /** 'YYYY-MM-DDTHH:MM', the station's wall clock (China time). */
  startsAt: string;
  endsAt: string;
  place: string;
  capacity: number | null;
  inviteGroups: InviteeGroup[];
  inviteBuildingIds: number[];
  organisations: string[];
  observers: string[];
  agendaTopics: number[];
  agendaOther: string[];
  dotsPerPerson: number;
}
type Field = keyof Values;
const FIELDS = new Set<Field>([
  'kind',
  'title',
  'purpose',
  'startsAt',
  'endsAt',
  'place',
  'capacity',
  'inviteGroups',
  'inviteBuildingIds',
  'organisations',
  'observers',
  'dotsPerPerson',
]);
/**
 * The server names agenda problems 'agenda' or 'agenda.<i>…': the agenda is the picked topics, then the
 * items typed freely, so an item's index says which field it came from.
 */
const fieldOfAgenda =
  (topicCount: number) =>
  (path: string): Field | undefined => {
    const [key, index] = path.split('.') as [Field | 'agenda', string | undefined];
    if (key !== 'agenda') return FIELDS.has(key) ? key : undefined;
    return index !== undefined && Number(index) >= topicCount ? 'agendaOther' : 'agendaTopics';
  };

/** Kinds of meeting for the residents themselves: they invite every household by default. */
const HOUSEHOLD_KINDS = new Set<MeetingKind>(['residents', 'openSpace', 'youth']);
const invitations = (v: Partial<Values>) =>
  (v.inviteGroups?.length ?? 0) + (v.inviteBuildingIds?.length ?? 0);

/** 召开会议 (desktop, deliberation.manage): kind, time, place, invitations, organisations, agenda from topics. */
export default function CreateMeetingPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const stationId = Number(useSearchParams()[0].get('station'));
  const valid = Number.isInteger(stationId) && stationId > 0;
  const [form] = Form.useForm<Values>();
  const create = useCreateMeeting(stationId);
  const topics = useTopics(valid ? stationId : null);
  const places = useRequestPlaces(valid ? stationId : null);
  const kind = Form.useWatch('kind', form) ?? 'residents';
  const f = 'deliberation.meetingForm';

  if (!valid) {
    return (
      <>
        <PageTitle>{t(`${f}.title`)}</PageTitle>
        <Card>
          <p>{t('deliberation.pickStation')}</p>
          <Link to="/deliberation">{t('deliberation.topic.back')}</Link>
        </Card>
      </>
    );
  }
  const day = addDays(chinaDate(), 7);
  const initial: Values = {
    kind: 'residents',
    title: '',
    purpose: '',
    startsAt: `${day}T19:00`,
    endsAt: `${day}T21:00`,
    place: '',
    capacity: null,
    inviteGroups: ['allHouseholds'],
    inviteBuildingIds: [],
    organisations: [],
    observers: [],
    agendaTopics: [],
    agendaOther: [],
    dotsPerPerson: 3,
  };
  const openTopics = (topics.data?.items ?? []).filter(
    (x) => x.status !== 'decided' && x.status !== 'declined',
  );
  const toInput = (v: Values): CreateMeetingInput => ({
    kind: v.kind,
    title: v.title.trim(),
    purpose: (v.purpose ?? '').trim(),
    startsAt: chinaInstantOf(v.startsAt),
    endsAt: chinaInstantOf(v.endsAt),
    place: v.place.trim(),
    capacity: v.capacity ?? null,
    inviteGroups: v.inviteGroups,
    inviteBuildingIds: v.inviteBuildingIds,
    organisations: v.kind === 'joint' ? v.organisations : [],
    observers: v.kind === 'joint' ? v.observers : [],
    agenda: [
      ...v.agendaTopics.map((id) => ({
        title: openTopics.find((x) => x.id === id)?.title ?? String(id),
        topicId: id,
      })),
      ...v.agendaOther.map((title) => ({ title: title.trim(), topicId: null })),
    ],
    dotsPerPerson: v.dotsPerPerson ?? 3,
  });

  return (
    <>
      <PageTitle>{t(`${f}.title`)}</PageTitle>
      <Card>
        <Form<Values>
          form={form}
          name="create-meeting"
          layout="vertical"
          initialValues={initial}
          onValuesChange={(changed: Partial<Values>) => {
            if (create.error) create.reset();
            // Meetings of residents invite every household unless invitations were chosen already.
            const v = form.getFieldsValue();
            if (changed.kind && HOUSEHOLD_KINDS.has(changed.kind) && invitations(v) === 0) {
              form.setFieldValue('inviteGroups', ['allHouseholds']);
            }
          }}
          onFinish={(v) =>
            create.mutate(toInput(v), {
              onSuccess: ({ id }) => {
                void message.success(t(`${f}.created`));
                void navigate(`/meetings/${id}`);
              },
              onError: (err) => form.setFields(fieldErrorsOf(err, fieldOfAgenda(v.agendaTopics.length))),
            })
          }
        >
          <Form.Item name="kind" label={t(`${f}.kind`)}>
            <Radio.Group
              role="radiogroup"
              aria-label={t(`${f}.kind`)}
              className="meeting-radios"
              options={MEETING_KINDS.map((k) => ({ value: k, label: t(`deliberation.meetingKind.${k}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="title"
            label={t(`${f}.titleLabel`)}
            rules={[{ required: true, whitespace: true, message: t(`${f}.titleRequired`) }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="purpose" label={t(`${f}.purpose`)}>
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
          <Form.Item name="startsAt" label={t(`${f}.startsAt`)} extra={t('deliberation.chinaTime')}>
            <Input type="datetime-local" />
          </Form.Item>
          <Form.Item name="endsAt" label={t(`${f}.endsAt`)}>
            <Input type="datetime-local" />
          </Form.Item>
          <Form.Item
            name="place"
            label={t(`${f}.place`)}
            rules={[{ required: true, whitespace: true, message: t(`${f}.placeRequired`) }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="capacity" label={t(`${f}.capacity`)} extra={t(`${f}.capacityHint`)}>
            <InputNumber min={1} max={100000} />
          </Form.Item>
          <Form.Item
            name="inviteGroups"
            label={t(`${f}.inviteGroups`)}
            dependencies={['inviteBuildingIds']}
            rules={[
              {
                validator: () =>
                  invitations(form.getFieldsValue()) > 0
                    ? Promise.resolve()
                    : Promise.reject(new Error(t(`${f}.inviteRequired`))),
              },
            ]}
          >
            <Checkbox.Group
              role="group"
              aria-label={t(`${f}.inviteGroups`)}
              className="meeting-radios"
              options={INVITEE_GROUPS.map((g) => ({ value: g, label: t(`deliberation.invitee.${g}`) }))}
            />
          </Form.Item>
          <Form.Item name="inviteBuildingIds" label={t(`${f}.inviteBuildings`)} extra={t(`${f}.inviteHint`)}>
            <Select<number[]>
              mode="multiple"
              allowClear
              loading={places.isPending}
              showSearch={{ optionFilterProp: 'label' }}
              options={(places.data?.buildings ?? []).map((b) => ({
                value: b.id,
                label: `${b.compoundName} ${b.name}`,
              }))}
            />
          </Form.Item>
          {kind === 'joint' ? (
            <>
              <Form.Item name="organisations" label={t(`${f}.organisations`)} extra={t(`${f}.namesHint`)}>
                <Select<string[]> mode="tags" open={false} suffixIcon={null} />
              </Form.Item>
              <Form.Item name="observers" label={t(`${f}.observers`)} extra={t(`${f}.namesHint`)}>
                <Select<string[]> mode="tags" open={false} suffixIcon={null} />
              </Form.Item>
            </>
          ) : null}
          <Form.Item name="agendaTopics" label={t(`${f}.agendaTopics`)} extra={t(`${f}.agendaTopicsHint`)}>
            <Select<number[]>
              mode="multiple"
              allowClear
              loading={topics.isPending}
              showSearch={{ optionFilterProp: 'label' }}
              options={openTopics.map((x) => ({ value: x.id, label: x.title }))}
            />
          </Form.Item>
          <Form.Item name="agendaOther" label={t(`${f}.agendaOther`)} extra={t(`${f}.namesHint`)}>
            <Select<string[]> mode="tags" open={false} suffixIcon={null} />
          </Form.Item>
          {kind === 'openSpace' ? (
            <Form.Item name="dotsPerPerson" label={t(`${f}.dots`)} extra={t(`${f}.dotsHint`)}>
              <InputNumber min={1} max={20} />
            </Form.Item>
          ) : null}
          {create.error ? (
            <Form.Item>
              <ProblemAlert error={create.error} />
            </Form.Item>
          ) : null}
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t(`${f}.submit`)}
          </Button>
        </Form>
      </Card>
    </>
  );
}
