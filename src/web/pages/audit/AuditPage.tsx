import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { AuditEvent, Page } from '../../api/types.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';

function summaryText(summary: unknown): string {
  if (summary === null || summary === undefined) return '';
  if (typeof summary === 'string') return summary;
  const text = JSON.stringify(summary);
  return text === '{}' ? '' : text;
}

export default function AuditPage() {
  const { t, i18n } = useTranslation();
  const query = useInfiniteQuery({
    queryKey: ['audit'],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api<Page<AuditEvent>>('/audit', { query: { cursor: pageParam }, signal }),
    getNextPageParam: (last) => last.nextCursor,
  });
  const rows = query.data?.pages.flatMap((p) => p.items) ?? [];
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'medium' });

  return (
    <>
      <PageTitle>{t('audit.title')}</PageTitle>
      <div className="stack">
        {query.error ? <ProblemAlert error={query.error} /> : null}
        <Card>
          <ScrollRegion label={t('audit.title')}>
            <Table<AuditEvent>
              rowKey="id"
              size="small"
              loading={query.isPending}
              pagination={false}
              dataSource={rows}
              locale={{ emptyText: t('audit.empty') }}
              columns={[
                { title: t('audit.at'), dataIndex: 'at', render: (at: string) => date.format(new Date(at)) },
                {
                  title: t('audit.actor'),
                  key: 'actor',
                  render: (_, e) => e.actorName ?? (e.actorUserId === null ? '—' : `#${e.actorUserId}`),
                },
                { title: t('audit.action'), dataIndex: 'action' },
                {
                  title: t('audit.subject'),
                  key: 'subject',
                  render: (_, e) => `${e.subjectType}${e.subjectId ? ` #${e.subjectId}` : ''}`,
                },
                {
                  title: t('audit.summary'),
                  key: 'summary',
                  render: (_, e) => <code>{summaryText(e.summary)}</code>,
                },
                { title: t('audit.ip'), dataIndex: 'ip', render: (ip?: string | null) => ip ?? '—' },
              ]}
            />
          </ScrollRegion>
          {query.hasNextPage ? (
            <div className="table-footer">
              <Button onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
                {t('common.loadMore')}
              </Button>
            </div>
          ) : null}
        </Card>
      </div>
    </>
  );
}
