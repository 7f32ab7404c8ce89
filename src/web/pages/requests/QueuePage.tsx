import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Select, Space, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { STATUSES } from '../../../modules/requests/lifecycle.ts';
import { rowsOf, useCursorPages } from '../../api/cursorPages.ts';
import { useMe } from '../../app/session.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { ownStations, StationChooser, type StationRef } from '../places/StationChooser.tsx';
import { DeskEntryModal } from './DeskEntryModal.tsx';
import {
  REQUESTS_KEY,
  type RequestRow,
  type Status,
  useCategories,
  useHandlers,
  useRequestPlaces,
} from './requestsApi.ts';
import { StatusTag } from './StatusTag.tsx';

interface Filters {
  status?: Status | undefined;
  categoryId?: number | undefined;
  handlerUserId?: number | undefined;
  buildingId?: number | undefined;
  overdue: boolean;
  sort: 'newest' | 'due';
}
const NO_FILTERS: Filters = { overdue: false, sort: 'newest' };

/** Staff: a station's request queue, filtered and sorted, and entering a request for a resident. */
export default function QueuePage() {
  const { t, i18n } = useTranslation();
  const me = useMe().data;
  const own = ownStations(me);
  const [picked, setPicked] = useState<StationRef | null>(null);
  const station = picked ?? own[0] ?? null;
  const stationId = station?.id ?? null;
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [entering, setEntering] = useState(false);
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));

  const categories = useCategories(stationId);
  const handlers = useHandlers(stationId, true);
  const places = useRequestPlaces(stationId);
  const pages = useCursorPages<RequestRow>({
    queryKey: [...REQUESTS_KEY, 'queue', stationId, filters],
    enabled: stationId !== null,
    path: '/requests',
    query: {
      stationId,
      limit: 50,
      status: filters.status,
      categoryId: filters.categoryId,
      handlerUserId: filters.handlerUserId,
      buildingId: filters.buildingId,
      overdue: filters.overdue ? 'true' : undefined,
      sort: filters.sort,
    },
  });
  const rows = rowsOf(pages);
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' });

  return (
    <>
      <PageTitle>{t('requests.queue.title')}</PageTitle>
      <div className="places-grid">
        <StationChooser
          title={t('requests.queue.station')}
          own={own}
          current={station}
          onPick={(s) => {
            setPicked(s);
            setFilters(NO_FILTERS);
          }}
        />
        <div className="stack">
          {station ? (
            <Card
              title={<h2 className="section-title">{t('requests.queue.of', { name: station.name })}</h2>}
              extra={
                <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEntering(true)}>
                  {t('requests.desk.open')}
                </Button>
              }
            >
              <Space wrap className="filters" aria-label={t('requests.queue.filters')}>
                <Select
                  aria-label={t('requests.queue.status')}
                  placeholder={t('requests.queue.status')}
                  allowClear
                  style={{ minWidth: 120 }}
                  value={filters.status}
                  onChange={(v) => set({ status: v })}
                  options={STATUSES.map((s) => ({ value: s, label: t(`requests.status.${s}`) }))}
                />
                <Select
                  aria-label={t('requests.queue.category')}
                  placeholder={t('requests.queue.category')}
                  allowClear
                  style={{ minWidth: 120 }}
                  value={filters.categoryId}
                  onChange={(v) => set({ categoryId: v })}
                  options={(categories.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
                />
                <Select
                  aria-label={t('requests.queue.handler')}
                  placeholder={t('requests.queue.handler')}
                  allowClear
                  style={{ minWidth: 120 }}
                  value={filters.handlerUserId}
                  onChange={(v) => set({ handlerUserId: v })}
                  options={(handlers.data ?? []).map((h) => ({ value: h.id, label: h.name }))}
                />
                <Select
                  aria-label={t('requests.queue.building')}
                  placeholder={t('requests.queue.building')}
                  allowClear
                  style={{ minWidth: 110 }}
                  value={filters.buildingId}
                  onChange={(v) => set({ buildingId: v })}
                  options={(places.data?.buildings ?? []).map((b) => ({ value: b.id, label: b.name }))}
                />
                <Select
                  aria-label={t('requests.queue.sort')}
                  style={{ minWidth: 140 }}
                  value={filters.sort}
                  onChange={(v) => set({ sort: v })}
                  options={[
                    { value: 'newest', label: t('requests.queue.newest') },
                    { value: 'due', label: t('requests.queue.due') },
                  ]}
                />
                <span>
                  <Switch
                    aria-label={t('requests.queue.overdueOnly')}
                    checked={filters.overdue}
                    onChange={(v) => set({ overdue: v })}
                  />{' '}
                  {t('requests.queue.overdueOnly')}
                </span>
              </Space>
              {pages.error ? <ProblemAlert error={pages.error} /> : null}
              <ScrollRegion label={t('requests.queue.title')}>
                <Table<RequestRow>
                  rowKey="id"
                  size="small"
                  loading={pages.isPending}
                  pagination={false}
                  dataSource={rows}
                  locale={{ emptyText: t('requests.queue.empty') }}
                  columns={[
                    { title: '#', dataIndex: 'id', width: 70 },
                    { title: t('requests.queue.category'), dataIndex: 'categoryName', width: 100 },
                    {
                      title: t('requests.queue.description'),
                      dataIndex: 'description',
                      render: (text: string, r) => (
                        <Link to={`/requests/${r.id}`} aria-label={t('requests.queue.open', { id: r.id })}>
                          {text.length > 40 ? `${text.slice(0, 40)}…` : text}
                        </Link>
                      ),
                    },
                    { title: t('requests.place'), dataIndex: 'place', render: (p: string | null) => p ?? '' },
                    {
                      title: t('requests.queue.status'),
                      dataIndex: 'status',
                      render: (s: Status, r) => (
                        <Space size={2} wrap>
                          <StatusTag status={s} />
                          {r.overdue ? <Tag color="#a8071a">{t('requests.overdue')}</Tag> : null}
                          {r.level !== 'station' ? <Tag>{t(`requests.level.${r.level}`)}</Tag> : null}
                        </Space>
                      ),
                    },
                    {
                      title: t('requests.holder'),
                      dataIndex: 'holder',
                      render: (h: string | null) => h ?? t('requests.unassigned'),
                    },
                    {
                      title: t('requests.dueResolution'),
                      dataIndex: 'dueResolutionAt',
                      render: (at: string) => date.format(new Date(at)),
                    },
                  ]}
                />
              </ScrollRegion>
              <LoadMore pages={pages} block />
            </Card>
          ) : (
            <Card>
              <p>{t('requests.queue.pickStation')}</p>
            </Card>
          )}
        </div>
      </div>
      {stationId !== null ? (
        <DeskEntryModal stationId={stationId} open={entering} onClose={() => setEntering(false)} />
      ) : null}
    </>
  );
}
