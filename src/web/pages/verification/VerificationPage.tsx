import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Claim, ClaimPage } from '../../api/types.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { RejectModal } from './RejectModal.tsx';

type Decision = { decision: 'verify' } | { decision: 'reject'; reason: string };

export default function VerificationPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [rejecting, setRejecting] = useState<Claim | null>(null);

  const claims = useQuery({
    queryKey: ['verification-claims', 'pending'],
    queryFn: ({ signal }) =>
      api<ClaimPage>('/verification-claims', { query: { status: 'pending', limit: 100 }, signal }),
  });

  const decide = useMutation({
    mutationFn: ({ id, body }: { id: number; body: Decision }) =>
      api<unknown>(`/verification-claims/${id}/decide`, { method: 'POST', body }),
    onSuccess: async (_data, { body }) => {
      setRejecting(null);
      void message.success(
        body.decision === 'verify' ? t('verification.approved') : t('verification.rejected'),
      );
      await client.invalidateQueries({ queryKey: ['verification-claims'] });
    },
  });

  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' });

  return (
    <>
      <PageTitle>{t('verification.title')}</PageTitle>
      <div className="stack">
        <p>{t('verification.intro')}</p>
        {claims.error ? <ProblemAlert error={claims.error} /> : null}
        {decide.error && !rejecting ? <ProblemAlert error={decide.error} /> : null}
        <Card>
          <ScrollRegion label={t('verification.title')}>
            <Table<Claim>
              rowKey="id"
              loading={claims.isPending}
              pagination={false}
              dataSource={claims.data?.items ?? []}
              locale={{ emptyText: t('verification.empty') }}
              columns={[
                { title: t('verification.household'), dataIndex: 'householdLabel' },
                { title: t('verification.claimedName'), dataIndex: 'claimedName' },
                {
                  title: t('verification.relation'),
                  dataIndex: 'relation',
                  render: (r: Claim['relation']) => t(`relations.${r}`),
                },
                { title: t('verification.phone'), dataIndex: 'phone' },
                {
                  title: t('verification.rosterMatch'),
                  dataIndex: 'rosterMatch',
                  render: (match: boolean) =>
                    match ? (
                      <Tag color="#237804">{t('verification.match')}</Tag>
                    ) : (
                      <Tag color="#ad4e00">{t('verification.noMatch')}</Tag>
                    ),
                },
                {
                  title: t('verification.createdAt'),
                  dataIndex: 'createdAt',
                  render: (at: string) => date.format(new Date(at)),
                },
                {
                  title: t('verification.actions'),
                  key: 'actions',
                  render: (_, claim) => (
                    <Space wrap>
                      <Button
                        type="primary"
                        aria-label={t('verification.approveFor', { name: claim.claimedName })}
                        loading={decide.isPending && decide.variables?.id === claim.id}
                        onClick={() => decide.mutate({ id: claim.id, body: { decision: 'verify' } })}
                      >
                        {t('verification.approve')}
                      </Button>
                      <Button
                        danger
                        aria-label={t('verification.rejectFor', { name: claim.claimedName })}
                        onClick={() => {
                          decide.reset();
                          setRejecting(claim);
                        }}
                      >
                        {t('verification.reject')}
                      </Button>
                    </Space>
                  ),
                },
              ]}
            />
          </ScrollRegion>
        </Card>
      </div>
      <RejectModal
        claim={rejecting}
        pending={decide.isPending}
        error={rejecting ? decide.error : null}
        onCancel={() => setRejecting(null)}
        onReject={(reason) =>
          rejecting && decide.mutate({ id: rejecting.id, body: { decision: 'reject', reason } })
        }
      />
    </>
  );
}
