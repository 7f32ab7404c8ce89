import { Alert, Card, Select, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/Loading.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { TAG } from '../../components/tagColors.ts';
import { type Portfolios, usePortfolios, useSetPortfolio } from './stationsApi.ts';

type Item = Portfolios['items'][number];
const NOBODY = 0;

/** 分管: each request category with its holder (a select for managers); gaps stand out. */
export function PortfoliosTab({ stationId, manage }: { stationId: number; manage: boolean }) {
  const { t } = useTranslation();
  const list = usePortfolios(stationId);
  const set = useSetPortfolio(stationId);
  if (list.isPending) return <Loading />;
  if (list.error) return <ProblemAlert error={list.error} />;
  const { items, eligible, gaps } = list.data;
  const routedTo = (i: Item) => {
    if (i.handlerKind === 'property') return t('council.portfolios.property');
    if (i.handlerKind === 'team') return t('council.portfolios.team');
    return i.gap ? null : t('council.portfolios.routed');
  };
  return (
    <Card title={<h2 className="section-title">{t('council.portfolios.title')}</h2>}>
      <div className="stack">
        <p className="hint">{t('council.portfolios.hint')}</p>
        {gaps > 0 ? (
          <Alert type="warning" showIcon title={t('council.portfolios.gaps', { count: gaps })} />
        ) : (
          <Alert type="success" showIcon title={t('council.portfolios.noGaps')} />
        )}
        {set.error ? <ProblemAlert error={set.error} /> : null}
        <ScrollRegion label={t('council.portfolios.title')}>
          <Table<Item>
            rowKey="categoryId"
            size="small"
            pagination={false}
            dataSource={items}
            columns={[
              {
                title: t('council.portfolios.category'),
                key: 'name',
                render: (_, i) => (
                  <Space>
                    {i.name}
                    {/* A held category is a gap only when its handler is no longer the holder's account. */}
                    {i.gap ? (
                      <Tag color={TAG.bad}>
                        {t(i.holder ? 'council.portfolios.drift' : 'council.portfolios.gap')}
                      </Tag>
                    ) : null}
                  </Space>
                ),
              },
              {
                title: t('council.portfolios.holder'),
                key: 'holder',
                render: (_, i) =>
                  manage ? (
                    <Select
                      aria-label={t('council.portfolios.holderOf', { name: i.name })}
                      style={{ minWidth: 200 }}
                      loading={set.isPending && set.variables?.categoryId === i.categoryId}
                      value={i.holder?.memberId ?? NOBODY}
                      onChange={(memberId: number) =>
                        set.mutate({
                          categoryId: i.categoryId,
                          memberId: memberId === NOBODY ? null : memberId,
                        })
                      }
                      options={[
                        { value: NOBODY, label: t('council.portfolios.nobody') },
                        // A holder who is no longer eligible still shows until changed.
                        ...(i.holder && !eligible.some((e) => e.memberId === i.holder?.memberId)
                          ? [{ value: i.holder.memberId, label: i.holder.name }]
                          : []),
                        ...eligible.map((e) => ({
                          value: e.memberId,
                          label: `${e.name}（${t(`council.position.${e.position}`)}）`,
                        })),
                      ]}
                    />
                  ) : (
                    (i.holder?.name ?? t('council.portfolios.nobody'))
                  ),
              },
              {
                title: t('council.portfolios.routing'),
                key: 'routed',
                render: (_, i) => (i.holder ? null : routedTo(i)),
              },
            ]}
          />
        </ScrollRegion>
      </div>
    </Card>
  );
}
