import { useQueries } from '@tanstack/react-query';
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import type { Me } from '../../api/types.ts';
import { homeStations } from '../places/StationChooser.tsx';
import { StageTag } from './labels.tsx';
import type { ProjectList } from './projectsApi.ts';

const ASKING = ['acceptance', 'disclosure', 'evaluation'];

/**
 * 自治项目 on a resident's home page: the projects waiting for them (to accept the work, to read the
 * disclosure and object, to rate), over every station they have a home at; and the way to all of them.
 */
export function ProjectsHomeCard({ me }: { me: Me }) {
  const { t } = useTranslation();
  const stations = homeStations(me);
  const lists = useQueries({
    queries: stations.map((s) => ({
      queryKey: ['projects', 'list', s.id, null, 'home'],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api<ProjectList>(`/stations/${s.id}/fund-projects`, { query: { limit: 20 }, signal }),
    })),
  });
  if (stations.length === 0 || lists.every((q) => !q.data)) return null;
  const asking = lists.flatMap((q) => q.data?.items ?? []).filter((p) => ASKING.includes(p.stage));
  return (
    <Card title={<h2 className="section-title">{t('projects.home.title')}</h2>}>
      {asking.length === 0 ? <p>{t('projects.home.none')}</p> : null}
      <ul className="plain-list vote-home-list">
        {asking.map((p) => (
          <li key={p.id}>
            <Link to={`/projects/${p.id}`}>{p.title}</Link> <StageTag stage={p.stage} />
          </li>
        ))}
      </ul>
      <Link to="/projects">{t('projects.home.all')}</Link>
    </Card>
  );
}
