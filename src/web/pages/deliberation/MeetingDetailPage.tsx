import { App, Button, Card, Descriptions, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useRequestPlaces } from '../requests/requestsApi.ts';
import { type Meeting, useMeeting, useRegister } from './deliberationApi.ts';
import './deliberation.css';
import { CancelledNotice, CancelMeeting } from './CancelMeeting.tsx';
import { MeetingTags, meetingTime } from './labels.tsx';
import { MeetingRecords } from './MeetingRecords.tsx';
import { SignInPanel } from './SignInPanel.tsx';

/**
 * One meeting: what, when and where, who is invited, the agenda and its topics, registration within
 * the capacity, the sign-in desk and attendance (staff), minutes, resolutions and action items.
 */
export default function MeetingDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const meeting = useMeeting(id);
  if (meeting.isPending) return <Loading />;
  if (meeting.error) return <ProblemAlert error={meeting.error} />;
  const m = meeting.data;
  return (
    <>
      <PageTitle>{m.title}</PageTitle>
      <div className="stack">
        <Card>
          <Space wrap size={4}>
            <MeetingTags meeting={m} />
          </Space>
          <CancelledNotice meeting={m} />
          {m.purpose ? <p className="topic-body">{m.purpose}</p> : null}
          {m.kind === 'openSpace' ? (
            <p>
              <Link to={`/meetings/${m.id}/space`} className="space-entry">
                {t('deliberation.meeting.openSpace')}
              </Link>
            </p>
          ) : null}
          <Space wrap>
            <Link to={`/deliberation?station=${m.stationId}&tab=meetings`}>
              {t('deliberation.meeting.back')}
            </Link>
            <CancelMeeting meeting={m} />
          </Space>
        </Card>
        <Registration meeting={m} />
        <MeetingInfo meeting={m} />
        <Card title={<h2 className="section-title">{t('deliberation.meeting.agenda')}</h2>}>
          {m.agenda.length === 0 ? (
            <p className="hint">{t('deliberation.meeting.noAgenda')}</p>
          ) : (
            <ol className="agenda-list">
              {m.agenda.map((a) => (
                <li key={a.id}>{a.topicId ? <Link to={`/topics/${a.topicId}`}>{a.title}</Link> : a.title}</li>
              ))}
            </ol>
          )}
        </Card>
        {/* A cancelled meeting takes no sign-ins (the server refuses them). */}
        {m.abilities.signIn && m.status !== 'cancelled' ? <SignInPanel meeting={m} /> : null}
        <MeetingRecords meeting={m} />
      </div>
    </>
  );
}

function Registration({ meeting: m }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const register = useRegister(m.id);
  const full = m.capacity !== null && m.registered >= m.capacity;
  return (
    <Card title={<h2 className="section-title">{t('deliberation.meeting.registration')}</h2>}>
      <p className="registration-count">
        {m.capacity === null
          ? t('deliberation.meeting.registered', { n: m.registered })
          : t('deliberation.meeting.registeredOf', { n: m.registered, of: m.capacity })}
      </p>
      {m.registeredByMe ? <p>{t('deliberation.meeting.registeredByMe')}</p> : null}
      {!m.registeredByMe && m.abilities.register ? (
        full ? (
          <p>{t('deliberation.meeting.full')}</p>
        ) : (
          <Button
            type="primary"
            loading={register.isPending}
            onClick={() =>
              register.mutate(undefined, {
                onSuccess: () => void message.success(t('deliberation.meeting.registerDone')),
              })
            }
          >
            {t('deliberation.meeting.register')}
          </Button>
        )
      ) : null}
      {register.error ? <ProblemAlert error={register.error} /> : null}
    </Card>
  );
}

function MeetingInfo({ meeting: m }: { meeting: Meeting }) {
  const { t, i18n } = useTranslation();
  const places = useRequestPlaces(m.inviteBuildingIds.length > 0 ? m.stationId : null);
  const buildingName = (id: number) => {
    const b = places.data?.buildings.find((x) => x.id === id);
    return b ? `${b.compoundName} ${b.name}` : `#${id}`;
  };
  const invited = [
    ...m.inviteGroups.map((g) => t(`deliberation.invitee.${g}`)),
    ...m.inviteBuildingIds.map(buildingName),
  ];
  return (
    <Card title={<h2 className="section-title">{t('deliberation.meeting.info')}</h2>}>
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'time',
            label: t('deliberation.meeting.time'),
            children: `${meetingTime(i18n.language, m)}${t('deliberation.chinaTime')}`,
          },
          { key: 'place', label: t('deliberation.meeting.place'), children: m.place },
          {
            key: 'invited',
            label: t('deliberation.meeting.invited'),
            children: invited.length > 0 ? invited.join(t('common.listSeparator')) : t('common.none'),
          },
          ...(m.organisations.length > 0
            ? [
                {
                  key: 'organisations',
                  label: t('deliberation.meeting.organisations'),
                  children: m.organisations.join(t('common.listSeparator')),
                },
              ]
            : []),
          ...(m.observers.length > 0
            ? [
                {
                  key: 'observers',
                  label: t('deliberation.meeting.observers'),
                  children: m.observers.join(t('common.listSeparator')),
                },
              ]
            : []),
          ...(m.kind === 'openSpace'
            ? [{ key: 'dots', label: t('deliberation.meeting.dots'), children: String(m.dotsPerPerson) }]
            : []),
          { key: 'attended', label: t('deliberation.meeting.attended'), children: String(m.attended) },
        ]}
      />
    </Card>
  );
}
