import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Card, List } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { InboxItem, Page } from '../../api/types.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';

const INBOX_KEY = ['inbox'] as const;

export default function InboxPage() {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const inbox = useQuery({
    queryKey: INBOX_KEY,
    queryFn: async ({ signal }) => {
      const body = await api<Page<InboxItem> | InboxItem[]>('/inbox', { signal });
      return Array.isArray(body) ? body : body.items;
    },
  });
  const markRead = useMutation({
    mutationFn: (id: number) => api<unknown>(`/inbox/${id}/read`, { method: 'POST', body: {} }),
    onSuccess: () => client.invalidateQueries({ queryKey: INBOX_KEY }),
  });
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <>
      <PageTitle>{t('inbox.title')}</PageTitle>
      <div className="stack">
        {inbox.error ? <ProblemAlert error={inbox.error} /> : null}
        {markRead.error ? <ProblemAlert error={markRead.error} /> : null}
        <Card>
          <List<InboxItem>
            loading={inbox.isPending}
            dataSource={inbox.data ?? []}
            locale={{ emptyText: t('inbox.empty') }}
            renderItem={(item) => (
              <List.Item
                key={item.id}
                actions={
                  item.read
                    ? []
                    : [
                        <Button
                          key="read"
                          aria-label={t('inbox.markReadFor', { title: item.title })}
                          loading={markRead.isPending && markRead.variables === item.id}
                          onClick={() => markRead.mutate(item.id)}
                        >
                          {t('inbox.markRead')}
                        </Button>,
                      ]
                }
              >
                <article className={item.read ? 'inbox-item' : 'inbox-item unread'}>
                  <h2 className="section-title">
                    {item.read ? null : (
                      <Badge
                        status="processing"
                        text={<span className="sr-only">{t('inbox.unread')}</span>}
                      />
                    )}
                    {item.title}
                  </h2>
                  <p className="inbox-body">{item.body}</p>
                  <time dateTime={item.createdAt}>{date.format(new Date(item.createdAt))}</time>
                </article>
              </List.Item>
            )}
          />
        </Card>
      </div>
    </>
  );
}
