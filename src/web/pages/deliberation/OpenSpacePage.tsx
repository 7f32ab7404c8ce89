import { DesktopOutlined } from '@ant-design/icons';
import { Alert, Card, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { DotVoting } from './DotVoting.tsx';
import { useSpace } from './deliberationApi.ts';
import './deliberation.css';
import './openspace.css';
import { GridEditor, Marketplace } from './Marketplace.tsx';
import { DotRanking, GroupSummary, PlanList, Principles, SpaceGrid } from './SpaceBoardParts.tsx';
import { SpaceGroup } from './SpaceGroup.tsx';

/**
 * 开放空间 on each participant's phone: the principles, the marketplace, the grid with its groups
 * (join, move, record, report, plans), dot voting and the ranking. Staff also lay out the grid.
 * The board refreshes every 15 s, so a group's members and dots keep up with the room.
 */
export default function OpenSpacePage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const space = useSpace(id, 15_000);
  if (space.isPending) return <Loading />;
  if (space.error) return <ProblemAlert error={space.error} />;
  const board = space.data;
  const s = 'deliberation.space';
  // A cancelled meeting's board stays to read; nothing on it changes any more.
  const live = board.status !== 'cancelled';
  const card = (key: string, title: string, body: ReactNode) => (
    <Card key={key} title={<h2 className="section-title">{title}</h2>}>
      {body}
    </Card>
  );
  return (
    <div className="open-space">
      <PageTitle>{t(`${s}.title`, { title: board.title })}</PageTitle>
      <div className="stack">
        <Card>
          {live ? null : <Alert type="warning" showIcon title={t(`${s}.market.cancelled`)} />}
          <Principles />
          <Space wrap className="space-links">
            <Link to={`/meetings/${board.meetingId}`}>{t(`${s}.toMeeting`)}</Link>
            <Link to={`/meetings/${board.meetingId}/space/screen`}>
              <DesktopOutlined aria-hidden /> {t(`${s}.screen`)}
            </Link>
          </Space>
        </Card>
        {live && board.canArrange
          ? card('arrange', t(`${s}.arrange.title`), <GridEditor board={board} />)
          : null}
        {live ? card('market', t(`${s}.market.title`), <Marketplace board={board} />) : null}
        {card(
          'grid',
          t(`${s}.gridTitle`),
          <>
            <p className="hint">{t(`${s}.gridIntro`)}</p>
            <SpaceGrid
              board={board}
              renderTopic={(topic) =>
                live ? <SpaceGroup board={board} topic={topic} /> : <GroupSummary topic={topic} />
              }
            />
          </>,
        )}
        {live ? card('dots', t(`${s}.dots.title`), <DotVoting board={board} />) : null}
        {card('ranking', t(`${s}.ranking`), <DotRanking board={board} />)}
        {card('plans', t(`${s}.plans`), <PlanList board={board} />)}
      </div>
    </div>
  );
}
