import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me } from '../../api/types.ts';
import { useMeetings, useTopics } from './deliberationApi.ts';
import { meetingTime } from './labels.tsx';

/** 社区议事 on a resident's home page: topics waiting for support and the meetings they are invited to. */
export function DeliberationHomeCard({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const stationId = me.households[0]?.stationId ?? null;
  const topics = useTopics(stationId);
  const meetings = useMeetings(stationId);
  if (stationId === null || (!topics.data && !meetings.data)) return null;
  const waiting = (topics.data?.items ?? []).filter((x) => x.status === 'proposed').length;
  const upcoming = (meetings.data?.items ?? []).filter((m) => m.status === 'planned');
  const h = 'deliberation.home';
  return (
    <Card title={<h2 className="section-title">{t(`${h}.title`)}</h2>}>
      <p>{waiting > 0 ? t(`${h}.waiting`, { count: waiting }) : t(`${h}.noneWaiting`)}</p>
      {upcoming.length > 0 ? (
        <ul className="plain-list vote-home-list">
          {upcoming.map((m) => (
            <li key={m.id}>
              <div>
                <Link to={m.kind === 'openSpace' ? `/meetings/${m.id}/space` : `/meetings/${m.id}`}>
                  {m.title}
                </Link>
              </div>
              <div className="hint">{meetingTime(i18n.language, m)}</div>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t(`${h}.noMeetings`)}</p>
      )}
      <Link to={`/deliberation?station=${stationId}`}>{t(`${h}.all`)}</Link>
    </Card>
  );
}
