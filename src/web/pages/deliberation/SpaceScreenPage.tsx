import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useParams } from 'react-router';
import { useMe } from '../../app/session.ts';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useSpace } from './deliberationApi.ts';
import './deliberation.css';
import './openspace.css';
import { DotRanking, GroupSummary, PlanList, Principles, SpaceGrid } from './SpaceBoardParts.tsx';

/**
 * 大屏: the Open Space on the room's one shared screen, without navigation — the grid with every group,
 * the dots ranking and the action plans in large type, refreshed every 10 s.
 */
export default function SpaceScreenPage() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ProblemAlert error={me.error} />;
  if (!me.data) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  return <Screen />;
}

function Screen() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const space = useSpace(id, 10_000);
  const s = 'deliberation.space';
  if (space.isPending) return <Loading />;
  if (space.error) return <ProblemAlert error={space.error} />;
  const board = space.data;
  return (
    <main className="space-screen" id="main">
      <header className="screen-header">
        <PageTitle>{t(`${s}.title`, { title: board.title })}</PageTitle>
        <div className="screen-refresh">
          <span>{t(`${s}.screenRefresh`)}</span>
          <Link to={`/meetings/${board.meetingId}/space`}>{t(`${s}.back`)}</Link>
        </div>
      </header>
      <Principles compact />
      <div className="screen-columns">
        <section className="screen-panel screen-grid" aria-labelledby="screen-grid-heading">
          <h2 id="screen-grid-heading">{t(`${s}.gridTitle`)}</h2>
          <SpaceGrid board={board} renderTopic={(topic) => <GroupSummary topic={topic} />} />
        </section>
        <div className="screen-side">
          <section className="screen-panel" aria-labelledby="screen-ranking-heading">
            <h2 id="screen-ranking-heading">{t(`${s}.ranking`)}</h2>
            <DotRanking board={board} />
          </section>
          <section className="screen-panel" aria-labelledby="screen-plans-heading">
            <h2 id="screen-plans-heading">{t(`${s}.plans`)}</h2>
            <PlanList board={board} />
          </section>
        </div>
      </div>
    </main>
  );
}
