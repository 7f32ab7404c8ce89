import { Badge, Card, Empty, Segmented, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { chinaDate } from '../../../modules/stations/duty-time.ts';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { TAG } from '../../components/tagColors.ts';
import { type MyVisitList, type PatrolRow, useMyPatrols, useMyVisitLists } from './fieldApi.ts';
import { PatrolChecklist } from './PatrolChecklist.tsx';
import { VisitList } from './VisitList.tsx';

/**
 * The worker's own page, made for a phone: my patrols (today, upcoming, earlier) → one patrol's
 * checklist; and the 走访名单 tab, shown only when the server lists a station whose visit list I may use.
 * `?patrol=ID` opens one patrol; `?tab=visits` the visit list.
 */
export default function PatrolsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const patrolId = Number(params.get('patrol')) || null;
  const visitLists = useMyVisitLists();
  const lists = visitLists.data ?? [];
  if (patrolId !== null) return <PatrolChecklist id={patrolId} onBack={() => setParams({})} />;
  const tab = params.get('tab') === 'visits' && lists.length > 0 ? 'visits' : 'patrols';
  const overdue = lists.reduce((n, l) => n + l.overdue, 0);
  return (
    <div className="stack">
      <PageTitle>{t('field.title')}</PageTitle>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'visits' ? { tab: 'visits' } : {})}
        items={[
          {
            key: 'patrols',
            label: t('field.tabs.patrols'),
            children: <MyPatrols onOpen={(id) => setParams({ patrol: String(id) })} />,
          },
          ...(lists.length > 0
            ? [
                {
                  key: 'visits',
                  label: (
                    <span>
                      {t('field.tabs.visits')}{' '}
                      {overdue > 0 ? (
                        <Badge count={overdue} aria-label={t('field.visits.overdueCount', { n: overdue })} />
                      ) : null}
                    </span>
                  ),
                  children: <MyVisits lists={lists} />,
                },
              ]
            : []),
        ]}
      />
    </div>
  );
}

function MyPatrols({ onOpen }: { onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const patrols = useMyPatrols();
  if (patrols.isPending) return <Loading />;
  if (patrols.isError) return <ProblemAlert error={patrols.error} />;
  const today = chinaDate();
  const groups = [
    { key: 'today', rows: patrols.data.filter((p) => p.plannedOn === today) },
    { key: 'upcoming', rows: patrols.data.filter((p) => p.plannedOn > today) },
    { key: 'earlier', rows: patrols.data.filter((p) => p.plannedOn < today).reverse() },
  ] as const;
  if (patrols.data.length === 0) return <Empty description={t('field.patrol.none')} />;
  return (
    <div className="stack">
      {groups.map((g) =>
        g.rows.length === 0 ? null : (
          <section key={g.key} aria-labelledby={`patrols-${g.key}`} className="stack">
            <h2 id={`patrols-${g.key}`} style={{ fontSize: 18, margin: 0 }}>
              {t(`field.patrol.${g.key}`)}
            </h2>
            {g.rows.map((p) => (
              <PatrolCard key={p.id} patrol={p} today={today} onOpen={onOpen} />
            ))}
          </section>
        ),
      )}
    </div>
  );
}

function PatrolCard({
  patrol,
  today,
  onOpen,
}: {
  patrol: PatrolRow;
  today: string;
  onOpen: (id: number) => void;
}) {
  const { t } = useTranslation();
  const status = patrol.doneAt ? 'done' : patrol.plannedOn < today ? 'missed' : 'pending';
  const color = { done: TAG.good, missed: TAG.bad, pending: TAG.info }[status];
  return (
    <Card size="small">
      <button
        type="button"
        className="card-button"
        style={{ all: 'unset', cursor: 'pointer', display: 'block', width: '100%' }}
        aria-label={t('field.patrol.open', { compound: patrol.compoundName, day: patrol.plannedOn })}
        onClick={() => onOpen(patrol.id)}
      >
        <strong>
          {patrol.compoundName} · {patrol.plannedOn}
        </strong>{' '}
        <Tag color={color}>{t(`field.patrol.${status}`)}</Tag>
        <div className="hint">
          {patrol.templateName}
          {patrol.issues > 0 ? ` · ${t('field.patrol.issues', { n: patrol.issues })}` : ''}
          {patrol.findings > 0 ? ` · ${t('field.patrol.findings', { n: patrol.findings })}` : ''}
        </div>
      </button>
    </Card>
  );
}

function MyVisits({ lists }: { lists: MyVisitList[] }) {
  const [stationId, setStationId] = useState(lists[0]!.stationId);
  const current = lists.some((l) => l.stationId === stationId) ? stationId : lists[0]!.stationId;
  return (
    <div className="stack">
      {lists.length > 1 ? (
        <Segmented
          value={current}
          onChange={(v) => setStationId(Number(v))}
          options={lists.map((l) => ({ value: l.stationId, label: l.stationName }))}
        />
      ) : null}
      <VisitList stationId={current} />
    </div>
  );
}
