import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { rowsOf } from '../../api/cursorPages.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { useCoverage, useDutyLogPages } from './dutyApi.ts';
import { ToRequest, useVisitor } from './VisitList.tsx';

/** 值班统计: per member for the month, planned, filled, checked in, missed, on leave (docs/figures-stations.md). */
export function CoverageTable({ stationId, month }: { stationId: number; month: string }) {
  const { t } = useTranslation();
  const coverage = useCoverage(stationId, month);
  const counts = ['planned', 'filled', 'checkedIn', 'missed', 'onLeave'] as const;
  const totals = coverage.data
    ? { userId: 0, name: t('duty.coverage.total'), ...coverage.data.totals }
    : null;
  return (
    <>
      {coverage.error ? <ProblemAlert error={coverage.error} /> : null}
      <ScrollRegion label={t('duty.coverage.title')}>
        <Table
          size="small"
          rowKey="userId"
          pagination={false}
          loading={coverage.isPending}
          dataSource={[
            ...(coverage.data?.items ?? []),
            ...(totals && coverage.data?.items.length ? [totals] : []),
          ]}
          columns={[
            { key: 'name', title: t('duty.coverage.name'), dataIndex: 'name' },
            ...counts.map((c) => ({
              key: c,
              title: t(`duty.coverage.${c}`),
              dataIndex: c,
              align: 'right' as const,
            })),
          ]}
        />
      </ScrollRegion>
    </>
  );
}

/** 值班记录: the station's log, newest first, page by page; entries not yet requests can become one. */
export function DutyLogTable({ stationId, serve }: { stationId: number; serve: boolean }) {
  const { t, i18n } = useTranslation();
  const visitor = useVisitor();
  const pages = useDutyLogPages(stationId);
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <div className="stack">
      {pages.error ? <ProblemAlert error={pages.error} /> : null}
      <ScrollRegion label={t('duty.log.title')}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          loading={pages.isPending}
          dataSource={rowsOf(pages)}
          columns={[
            { key: 'at', title: t('duty.log.at'), render: (_, e) => date.format(new Date(e.at)) },
            { key: 'who', title: t('duty.log.who'), render: (_, e) => visitor(e) },
            {
              key: 'matter',
              title: t('duty.log.matter'),
              render: (_, e) => `${e.matter}${e.referredTo ? ` → ${e.referredTo}` : ''}`,
            },
            { key: 'category', title: t('duty.log.category'), render: (_, e) => e.categoryName ?? '' },
            {
              key: 'outcome',
              title: t('duty.log.outcome'),
              render: (_, e) => <Tag>{t(`duty.outcome.${e.outcome}`)}</Tag>,
            },
            { key: 'by', title: t('duty.log.loggedBy'), render: (_, e) => e.loggedBy ?? '' },
            {
              key: 'request',
              title: t('duty.outcome.request'),
              render: (_, e) =>
                serve || e.requestId !== null ? <ToRequest entry={e} stationId={stationId} /> : null,
            },
          ]}
        />
      </ScrollRegion>
      <LoadMore pages={pages} />
    </div>
  );
}
