import { Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { rowsOf, useCursorPages } from '../../api/cursorPages.ts';
import type { AuditEvent } from '../../api/types.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
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
  const query = useCursorPages<AuditEvent>({ queryKey: ['audit'], path: '/audit' });
  const rows = rowsOf(query);
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
              <LoadMore pages={query} />
            </div>
          ) : null}
        </Card>
      </div>
    </>
  );
}
