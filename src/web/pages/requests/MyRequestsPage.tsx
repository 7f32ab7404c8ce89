import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, List, Segmented, Space, Tag } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { z } from 'zod';
import type { ZPublicRequestPage } from '../../../modules/requests/insights.schema.ts';
import { isOpen } from '../../../modules/requests/lifecycle.ts';
import { rowsOf, useCursorPages } from '../../api/cursorPages.ts';
import { useMe } from '../../app/session.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { REQUESTS_KEY, type RequestRow, useSupport } from './requestsApi.ts';
import { StatusTag } from './StatusTag.tsx';
import { SupportButton } from './SupportButton.tsx';

type PublicRequest = z.output<typeof ZPublicRequestPage>['items'][number];

/** Residents: the requests I reported, and my compound's public requests with their progress. */
export default function MyRequestsPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const stationId = me?.households[0]?.stationId ?? null;
  const navigate = useNavigate();
  const [view, setView] = useState<'mine' | 'public'>('mine');
  return (
    <>
      <PageTitle>{t('requests.title')}</PageTitle>
      <div className="stack">
        <Button
          type="primary"
          size="large"
          block
          icon={<PlusOutlined aria-hidden />}
          onClick={() => navigate('/requests/new')}
        >
          {t('requests.new.title')}
        </Button>
        <Segmented<'mine' | 'public'>
          block
          value={view}
          onChange={(v) => setView(v)}
          options={[
            { value: 'mine', label: t('requests.mine') },
            { value: 'public', label: t('requests.public'), disabled: stationId === null },
          ]}
        />
        {view === 'mine' ? <Mine /> : stationId !== null ? <PublicList stationId={stationId} /> : null}
      </div>
    </>
  );
}

function Mine() {
  const { t } = useTranslation();
  const pages = useCursorPages<RequestRow>({
    queryKey: [...REQUESTS_KEY, 'mine'],
    path: '/requests/mine',
    query: { limit: 20 },
  });
  return (
    <RequestList
      pages={pages}
      empty={t('requests.noneYet')}
      renderItem={(r) => (
        <Link to={`/requests/${r.id}`} className="request-link">
          <RequestSummary request={r} />
        </Link>
      )}
    />
  );
}

function PublicList({ stationId }: { stationId: number }) {
  const { t } = useTranslation();
  const support = useSupport();
  const pages = useCursorPages<PublicRequest>({
    queryKey: [...REQUESTS_KEY, 'public', stationId],
    path: `/stations/${stationId}/public-requests`,
    query: { limit: 20 },
  });
  return (
    <RequestList
      pages={pages}
      empty={t('requests.noPublic')}
      renderItem={(r) => (
        <div className="request-link">
          <RequestSummary request={r} showPlace />
          <Space size={8} wrap>
            {r.holder ? <span className="hint">{t('requests.heldBy', { holder: r.holder })}</span> : null}
            {r.reporter ? <span className="hint">{r.reporter.name}</span> : null}
            <span className="hint">{t('requests.similar.count', { count: r.supporters })}</span>
            {isOpen(r.status) ? <SupportButton request={r} support={support} size="small" /> : null}
          </Space>
        </div>
      )}
    >
      {support.error ? <ProblemAlert error={support.error} /> : null}
    </RequestList>
  );
}

/** A cursor-paged list of requests in a card; `children` go between the list and "load more". */
function RequestList<T extends { id: number }>(props: {
  pages: ReturnType<typeof useCursorPages<T>>;
  empty: string;
  renderItem: (request: T) => ReactNode;
  children?: ReactNode;
}) {
  const { pages } = props;
  if (pages.error) return <ProblemAlert error={pages.error} />;
  return (
    <Card>
      <List
        loading={pages.isPending}
        dataSource={rowsOf(pages)}
        locale={{ emptyText: <Empty description={props.empty} /> }}
        renderItem={(r) => <List.Item key={r.id}>{props.renderItem(r)}</List.Item>}
      />
      {props.children}
      <LoadMore pages={pages} block />
    </Card>
  );
}

/** Status, category, (place,) date and the first line of a request, as lists show it. */
function RequestSummary(props: {
  request: Pick<RequestRow, 'status' | 'categoryName' | 'place' | 'createdAt' | 'description'>;
  showPlace?: boolean;
}) {
  const { i18n } = useTranslation();
  const r = props.request;
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short' });
  return (
    <>
      <Space size={4} wrap>
        <StatusTag status={r.status} />
        <Tag>{r.categoryName}</Tag>
        {props.showPlace && r.place ? <Tag>{r.place}</Tag> : null}
        <span className="hint">{date.format(new Date(r.createdAt))}</span>
      </Space>
      <div className="request-summary">{r.description}</div>
    </>
  );
}
