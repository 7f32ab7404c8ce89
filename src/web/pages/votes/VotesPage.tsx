import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, List } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Me } from '../../api/types.ts';
import { isStaff, useMe } from '../../app/session.ts';
import { chinaDateTime } from '../../components/chinaTime.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import {
  grantStations,
  HomeStationList,
  homeStations,
  type StationRef,
  StationWorkspace,
} from '../places/StationChooser.tsx';
import { VoteStatusTags } from './voteLabels.tsx';
import { useVotes } from './votesApi.ts';

/** Staff choose a station and see all its votes (drafts too); residents see their homes' stations' votes. */
export default function VotesPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  if (!me) return null;
  return (
    <>
      <PageTitle>{t('votes.title')}</PageTitle>
      {isStaff(me) ? <StaffVotes me={me} /> : <ResidentVotes me={me} />}
    </>
  );
}

function StaffVotes({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <StationWorkspace title={t('votes.station')} own={grantStations(me)} pickFirst={t('votes.pickStation')}>
      {(station) => <VoteList station={station} />}
    </StationWorkspace>
  );
}

function ResidentVotes({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <HomeStationList stations={homeStations(me)} noHome={t('votes.noHome')}>
      {(station) => <VoteList station={station} />}
    </HomeStationList>
  );
}

function VoteList({ station }: { station: StationRef }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const votes = useVotes(station.id);
  const at = chinaDateTime(i18n.language);
  return (
    <Card
      title={<h2 className="section-title">{t('votes.of', { station: station.name })}</h2>}
      extra={
        votes.data?.canCreate ? (
          <Button
            type="primary"
            icon={<PlusOutlined aria-hidden />}
            onClick={() => void navigate(`/votes/new?station=${station.id}`)}
          >
            {t('votes.create')}
          </Button>
        ) : null
      }
    >
      {votes.error ? <ProblemAlert error={votes.error} /> : null}
      <List
        loading={votes.isPending}
        dataSource={votes.data?.items ?? []}
        locale={{ emptyText: t('votes.empty') }}
        renderItem={(v) => (
          <List.Item key={v.id}>
            <div className="vote-row">
              <Link to={`/votes/${v.id}`} className="vote-row-title">
                {v.title}
              </Link>
              <div className="vote-row-meta">
                <VoteStatusTags status={v.status} passed={v.passed} />
                <span className="hint">{t('votes.closesAt', { at: at(v.closesAt) })}</span>
              </div>
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
