import { Button, Flex, Popconfirm, Table, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { rowsOf } from '../../api/cursorPages.ts';
import { Loading } from '../../components/Loading.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { NativeSelect } from '../../components/NativeSelect.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import {
  type FieldOverview,
  useAddAssignment,
  useAssignments,
  useFieldOverview,
  useFieldWorkers,
  useRemoveAssignment,
  useStationFindings,
} from './fieldApi.ts';
import { PlanTab } from './PlanTab.tsx';
import { TemplatesTab } from './TemplatesTab.tsx';
import { VisitList } from './VisitList.tsx';

/** A station's field work on the desktop: assigned workers, checklists, the patrol plan, findings, visits. */
export default function StationFieldPage() {
  const { t } = useTranslation();
  const stationId = Number(useParams().id);
  const overview = useFieldOverview(stationId);
  if (overview.isPending) return <Loading />;
  if (overview.isError) return <ProblemAlert error={overview.error} />;
  const o = overview.data;
  return (
    <div className="stack">
      <PageTitle>{t('field.stationTitle', { station: o.station.name })}</PageTitle>
      <Tabs
        items={[
          { key: 'workers', label: t('field.tabs.workers'), children: <WorkersTab overview={o} /> },
          { key: 'templates', label: t('field.tabs.templates'), children: <TemplatesTab overview={o} /> },
          { key: 'plan', label: t('field.tabs.plan'), children: <PlanTab overview={o} /> },
          {
            key: 'findings',
            label: t('field.tabs.findings'),
            children: <FindingsTab stationId={stationId} />,
          },
          ...(o.abilities.visits
            ? [
                {
                  key: 'visits',
                  label: t('field.tabs.visits'),
                  children: <VisitList stationId={stationId} />,
                },
              ]
            : []),
        ]}
      />
    </div>
  );
}

function WorkersTab({ overview }: { overview: FieldOverview }) {
  const { t } = useTranslation();
  const stationId = overview.station.id;
  const manage = overview.abilities.manage;
  const assignments = useAssignments(stationId);
  const workers = useFieldWorkers(stationId, manage);
  const add = useAddAssignment(stationId);
  const remove = useRemoveAssignment();
  const [compoundId, setCompoundId] = useState('');
  const [userId, setUserId] = useState('');
  return (
    <div className="stack">
      {manage ? (
        <Flex gap={12} align="end" wrap>
          <NativeSelect
            label={t('field.workers.compound')}
            placeholder={t('field.workers.chooseCompound')}
            options={overview.compounds.map((c) => ({ value: String(c.id), label: c.name }))}
            value={compoundId}
            onChange={setCompoundId}
          />
          <NativeSelect
            label={t('field.workers.worker')}
            placeholder={t('field.workers.chooseWorker')}
            options={(workers.data ?? []).map((w) => ({
              value: String(w.id),
              label: `${w.name}（${t(`roles.${w.role}`)} · ${w.scope}）`,
            }))}
            value={userId}
            onChange={setUserId}
          />
          <Button
            type="primary"
            loading={add.isPending}
            onClick={() =>
              add.mutate(
                { compoundId: Number(compoundId), userId: Number(userId) },
                { onSuccess: () => setUserId('') },
              )
            }
          >
            {t('field.workers.add')}
          </Button>
        </Flex>
      ) : null}
      <ProblemAlert error={add.error ?? remove.error} />
      <Table
        rowKey="id"
        loading={assignments.isPending}
        dataSource={assignments.data ?? []}
        pagination={false}
        locale={{ emptyText: t('field.workers.none') }}
        columns={[
          { title: t('field.workers.compound'), dataIndex: 'compoundName' },
          { title: t('field.workers.worker'), dataIndex: 'userName' },
          { title: t('field.workers.since'), dataIndex: 'since' },
          ...(manage
            ? [
                {
                  title: t('field.workers.actions'),
                  key: 'actions',
                  render: (_: unknown, a: { id: number; userName: string; compoundName: string }) => (
                    <Popconfirm
                      title={t('field.workers.removeConfirm', { name: a.userName, compound: a.compoundName })}
                      okText={t('common.confirm')}
                      cancelText={t('common.cancel')}
                      onConfirm={() => remove.mutate(a.id)}
                    >
                      <Button danger size="small">
                        {t('field.workers.remove')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
    </div>
  );
}

function FindingsTab({ stationId }: { stationId: number }) {
  const { t } = useTranslation();
  const pages = useStationFindings(stationId);
  return (
    <div className="stack">
      <ProblemAlert error={pages.error} />
      <Table
        rowKey="id"
        loading={pages.isPending}
        dataSource={rowsOf(pages)}
        pagination={false}
        locale={{ emptyText: t('field.finding.none') }}
        columns={[
          { title: t('field.finding.when'), dataIndex: 'plannedOn' },
          { title: t('field.finding.compound'), dataIndex: 'compoundName' },
          { title: t('field.finding.worker'), dataIndex: 'workerName' },
          {
            title: t('field.finding.note'),
            key: 'note',
            render: (_: unknown, f) => <Link to={`/patrols?patrol=${f.patrolId}`}>{f.note}</Link>,
          },
          { title: t('field.finding.photos'), key: 'photos', render: (_: unknown, f) => f.photos.length },
          {
            title: t('field.finding.request'),
            key: 'request',
            render: (_: unknown, f) =>
              f.requestId !== null ? (
                <Link to={`/requests/${f.requestId}`}>{t('field.finding.turned', { id: f.requestId })}</Link>
              ) : (
                '—'
              ),
          },
        ]}
      />
      <LoadMore pages={pages} />
    </div>
  );
}
