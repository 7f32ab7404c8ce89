import { useQueries } from '@tanstack/react-query';
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me } from '../../api/types.ts';
import { homeStations } from '../places/StationChooser.tsx';
import { votesQuery } from './votesApi.ts';

/** 社区表决 on a resident's home page: the open votes of every station they have a home at, one tap from voting. */
export function VotesHomeCard({ me }: { me: Me }) {
  const { t } = useTranslation();
  const stations = homeStations(me);
  const votes = useQueries({ queries: stations.map((s) => votesQuery(s.id)) });
  if (stations.length === 0 || votes.every((q) => !q.data)) return null;
  const open = votes.flatMap((q) => q.data?.items ?? []).filter((v) => v.status === 'open');
  return (
    <Card title={<h2 className="section-title">{t('votes.home.title')}</h2>}>
      <p>{open.length > 0 ? t('votes.home.open', { count: open.length }) : t('votes.home.none')}</p>
      {open.length > 0 ? (
        <ul className="plain-list vote-home-list">
          {open.map((v) => (
            <li key={v.id}>
              <Link to={`/votes/${v.id}`}>{v.title}</Link>
            </li>
          ))}
        </ul>
      ) : null}
      <Link to="/votes">{t('votes.home.all')}</Link>
    </Card>
  );
}
