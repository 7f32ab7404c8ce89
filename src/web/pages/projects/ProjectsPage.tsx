import { Card, Select, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isStaff, useMe } from '../../app/session.ts';
import { Loading } from '../../components/Loading.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { homeStations, ownStations, type StationRef, StationWorkspace } from '../places/StationChooser.tsx';
import { StageTag, Yuan } from './labels.tsx';
import { type ProjectStage, type ProjectSummary, STAGES, useProjects } from './projectsApi.ts';
import './projects.css';

/**
 * 自治项目: staff choose a station and see its projects by stage (and apply for one); residents see the
 * projects of their homes' stations, from the approved budget on, as a phone list.
 */
export default function ProjectsPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  if (!me) return null;
  if (!isStaff(me)) {
    const own = homeStations(me);
    return (
      <>
        <PageTitle>{t('projects.title')}</PageTitle>
        {own.length === 0 ? <p>{t('projects.noHome')}</p> : null}
        <div className="stack">
          {own.map((s) => (
            <ResidentList key={s.id} station={s} showName={own.length > 1} />
          ))}
        </div>
      </>
    );
  }
  return (
    <>
      <PageTitle>{t('projects.title')}</PageTitle>
      <StationWorkspace
        title={t('projects.station')}
        own={ownStations(me)}
        pickFirst={t('projects.pickStation')}
      >
        {(station) => <StaffList station={station} />}
      </StationWorkspace>
    </>
  );
}

function StaffList({ station }: { station: StationRef }) {
  const { t, i18n } = useTranslation();
  const [stage, setStage] = useState<ProjectStage | null>(null);
  const list = useProjects(station.id, stage);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const canCreate = list.data?.pages[0]?.canCreate ?? false;
  const day = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'Asia/Shanghai' });
  return (
    <Card
      title={<h2 className="section-title">{t('projects.of', { station: station.name })}</h2>}
      extra={
        canCreate ? (
          <Link className="ant-btn ant-btn-primary" to={`/projects/new?station=${station.id}`}>
            {t('projects.new')}
          </Link>
        ) : null
      }
    >
      <div className="project-filter">
        <label htmlFor="project-stage">{t('projects.filter')}</label>
        <Select<ProjectStage | 'all'>
          id="project-stage"
          className="project-filter-select"
          value={stage ?? 'all'}
          onChange={(v) => setStage(v === 'all' ? null : v)}
          options={[
            { value: 'all', label: t('projects.all') },
            ...STAGES.map((s) => ({ value: s, label: t(`projects.stages.${s}`) })),
          ]}
        />
      </div>
      {list.isPending ? <Loading /> : null}
      <ProblemAlert error={list.error} />
      {list.data ? (
        <ScrollRegion label={t('projects.of', { station: station.name })}>
          <Table<ProjectSummary>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={rows}
            locale={{ emptyText: t('projects.empty') }}
            columns={[
              {
                title: t('projects.list.title'),
                key: 'title',
                render: (_, p) => <Link to={`/projects/${p.id}`}>{p.title}</Link>,
              },
              {
                title: t('projects.list.stage'),
                key: 'stage',
                render: (_, p) => <StageTag stage={p.stage} />,
              },
              { title: t('projects.list.lead'), dataIndex: 'leadName' },
              {
                title: t('projects.list.budget'),
                key: 'budget',
                align: 'right',
                render: (_, p) => <Yuan fen={p.budgetFen} />,
              },
              {
                title: t('projects.list.created'),
                key: 'created',
                render: (_, p) => day.format(new Date(p.createdAt)),
              },
            ]}
          />
        </ScrollRegion>
      ) : null}
      <LoadMore pages={list} />
    </Card>
  );
}

/** A resident's list: one card per project, big enough to tap. */
function ResidentList({ station, showName }: { station: StationRef; showName: boolean }) {
  const { t } = useTranslation();
  const list = useProjects(station.id, null);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section className="stack" aria-label={station.name}>
      {showName ? <h2 className="section-title">{station.name}</h2> : null}
      {list.isPending ? <Loading /> : null}
      <ProblemAlert error={list.error} />
      {list.data && rows.length === 0 ? <p>{t('projects.empty')}</p> : null}
      <ul className="plain-list stack">
        {rows.map((p) => (
          <li key={p.id}>
            <Card size="small">
              <Link className="project-card-link" to={`/projects/${p.id}`}>
                {p.title}
              </Link>
              <div className="project-card-meta">
                <StageTag stage={p.stage} />
                <span>
                  {t('projects.list.budget')} <Yuan fen={p.budgetFen} />
                </span>
              </div>
              {p.stage === 'acceptance' ? <p className="hint">{t('projects.resident.acceptNow')}</p> : null}
              {p.stage === 'disclosure' && p.objectionsUntil ? (
                <p className="hint">{t('projects.resident.disclosedUntil', { day: p.objectionsUntil })}</p>
              ) : null}
              {p.stage === 'evaluation' ? <p className="hint">{t('projects.resident.rateNow')}</p> : null}
            </Card>
          </li>
        ))}
      </ul>
      <LoadMore pages={list} block />
    </section>
  );
}
