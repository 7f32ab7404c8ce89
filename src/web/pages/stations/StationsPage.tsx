import { Card, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { STAGES } from '../../../modules/stations/station-kinds.ts';
import { rowsOf, useCursorPages } from '../../api/cursorPages.ts';
import { can, useMe } from '../../app/session.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { TAG } from '../../components/tagColors.ts';
import { AreaPolicyCard } from './AreaPolicyCard.tsx';
import { ComplianceTag, StageTag, ViolationList } from './StationTags.tsx';
import { STATIONS_KEY, type Stage, type StationRow } from './stationsApi.ts';

/**
 * The community's and street's stations: kind, stage, checklist and council composition, by stage;
 * below, for officers holding station.policy, their areas' composition rules.
 */
export default function StationsPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const [stage, setStage] = useState<Stage | undefined>(undefined);
  const pages = useCursorPages<StationRow>({
    queryKey: [...STATIONS_KEY, stage ?? 'all'],
    path: '/stations',
    query: { stage, limit: 50 },
  });
  const rows = rowsOf(pages);
  return (
    <div className="stack">
      <PageTitle>{t('council.title')}</PageTitle>
      <Card>
        <Space wrap className="filters">
          <label htmlFor="stations-stage">{t('council.list.stage')}</label>
          <Select
            id="stations-stage"
            aria-label={t('council.list.stage')}
            allowClear
            placeholder={t('council.list.allStages')}
            style={{ minWidth: 140 }}
            value={stage}
            onChange={(v) => setStage(v)}
            options={STAGES.map((s) => ({ value: s, label: t(`council.stage.${s}`) }))}
          />
        </Space>
        {pages.error ? <ProblemAlert error={pages.error} /> : null}
        <ScrollRegion label={t('council.list.table')}>
          <Table<StationRow>
            rowKey="id"
            size="small"
            pagination={false}
            loading={pages.isPending}
            dataSource={rows}
            locale={{ emptyText: t('council.list.empty') }}
            expandable={{
              rowExpandable: (s) => s.compliance.violations.length > 0,
              expandedRowRender: (s) => <ViolationList violations={s.compliance.violations} />,
            }}
            columns={[
              {
                title: t('council.list.name'),
                dataIndex: 'name',
                render: (name: string, s) => <Link to={`/stations/${s.id}`}>{name}</Link>,
              },
              { title: t('council.list.community'), dataIndex: 'communityName' },
              {
                title: t('council.list.compounds'),
                key: 'compounds',
                render: (_, s) => s.compounds.map((c) => c.name).join('、'),
              },
              {
                title: t('council.list.kind'),
                dataIndex: 'kind',
                render: (k: StationRow['kind']) => t(`council.kind.${k}`),
              },
              {
                title: t('council.list.stage'),
                dataIndex: 'stage',
                render: (s: Stage) => <StageTag stage={s} />,
              },
              {
                title: t('council.list.checklist'),
                key: 'checklist',
                render: (_, s) => (
                  <Tag color={s.checklist.done === s.checklist.total ? TAG.good : undefined}>
                    {s.checklist.done}/{s.checklist.total}
                  </Tag>
                ),
              },
              {
                title: t('council.list.compliance'),
                key: 'compliance',
                render: (_, s) => <ComplianceTag compliance={s.compliance} />,
              },
            ]}
          />
        </ScrollRegion>
        <LoadMore pages={pages} block />
      </Card>
      {can(me, 'station.policy') ? <AreaPolicyCard /> : null}
    </div>
  );
}
