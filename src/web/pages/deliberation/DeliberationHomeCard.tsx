import { useQueries } from '@tanstack/react-query';
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me } from '../../api/types.ts';
import { homeStations } from '../places/StationChooser.tsx';
import { meetingsQuery, topicsQuery } from './deliberationApi.ts';
import { meetingTime } from './labels.tsx';

/**
 * 社区议事 on a resident's home page: topics waiting for support and the coming meetings they are
 * invited to, over every station they have a home at.
 */
export function DeliberationHomeCard({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const stations = homeStations(me);
  const topics = useQueries({ queries: stations.map((s) => topicsQuery(s.id)) });
  const meetings = useQueries({ queries: stations.map((s) => meetingsQuery(s.id)) });
  if (stations.length === 0 || (topics.every((q) => !q.data) && meetings.every((q) => !q.data))) return null;
  const waiting = topics.flatMap((q) => q.data?.items ?? []).filter((x) => x.status === 'proposed').length;
  // A planned meeting already over is not coming up, whatever its status says.
  const now = Date.now();
  const upcoming = meetings
    .flatMap((q) => q.data?.items ?? [])
    .filter((m) => m.status === 'planned' && Date.parse(m.endsAt) > now)
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
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
      <Link to={`/deliberation?station=${stations[0]!.id}`}>{t(`${h}.all`)}</Link>
    </Card>
  );
}
