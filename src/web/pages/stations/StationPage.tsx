import { Card, Space, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { CouncilTab } from './CouncilTab.tsx';
import { OverviewTab } from './OverviewTab.tsx';
import { PortfoliosTab } from './PortfoliosTab.tsx';
import { RulesTab } from './RulesTab.tsx';
import { StageTag } from './StationTags.tsx';
import { useRules, useStation } from './stationsApi.ts';

/**
 * A station's page: 概况 (profile, rooms, compounds, stage, checklist), 制度, 理事会 and 分管. A resident
 * of the station, who may not see the page, still reads the rules in force.
 */
export default function StationPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const station = useStation(id);
  if (station.isPending) return <Loading />;
  if (station.error) {
    if (station.error instanceof ApiError && station.error.status === 404) return <ResidentRules id={id} />;
    return <ProblemAlert error={station.error} />;
  }
  const s = station.data;
  const manage = s.abilities.includes('station.manage');
  return (
    <>
      <PageTitle
        extra={
          <Space wrap>
            <StageTag stage={s.stage} />
            <Link to={`/stations/${id}/duty`}>{t('council.links.duty')}</Link>
            <Link to={`/stations/${id}/field`}>{t('council.links.field')}</Link>
          </Space>
        }
      >
        {s.name}
      </PageTitle>
      <Tabs
        items={[
          { key: 'overview', label: t('council.tabs.overview'), children: <OverviewTab station={s} /> },
          { key: 'rules', label: t('council.tabs.rules'), children: <RulesTab stationId={id} /> },
          {
            key: 'council',
            label: t('council.tabs.council'),
            children: <CouncilTab stationId={id} manage={manage} />,
          },
          {
            key: 'portfolios',
            label: t('council.tabs.portfolios'),
            children: <PortfoliosTab stationId={id} manage={manage} />,
          },
        ]}
      />
    </>
  );
}

function ResidentRules({ id }: { id: number }) {
  const { t } = useTranslation();
  const rules = useRules(id);
  if (rules.isPending) return <Loading />;
  if (rules.error) return <ProblemAlert error={rules.error} />;
  return (
    <>
      <PageTitle>{t('council.rules.current')}</PageTitle>
      <Card>
        <RulesTab stationId={id} />
      </Card>
    </>
  );
}
