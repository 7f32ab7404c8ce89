import { Button, Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { rowsOf } from '../../api/cursorPages.ts';
import type { HouseholdRow } from '../../api/types.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { type HouseholdScope, useHouseholds } from './placesApi.ts';

/** Households under a compound, building or unit, 50 at a time with 'load more'. */
export function HouseholdTable({
  scope,
  onOpen,
}: {
  scope: HouseholdScope;
  onOpen: (row: HouseholdRow) => void;
}) {
  const { t } = useTranslation();
  const query = useHouseholds(scope);
  const rows = rowsOf(query);

  return (
    <Card title={<h2 className="section-title">{t('places.households', { name: scope.name })}</h2>}>
      {query.error ? <ProblemAlert error={query.error} /> : null}
      <ScrollRegion label={t('places.households', { name: scope.name })}>
        <Table<HouseholdRow>
          rowKey="id"
          size="middle"
          loading={query.isPending}
          pagination={false}
          dataSource={rows}
          locale={{ emptyText: t('common.empty') }}
          columns={[
            { title: t('places.label'), dataIndex: 'label' },
            { title: t('places.area'), dataIndex: 'areaM2', align: 'right' },
            {
              title: t('places.detail'),
              key: 'open',
              render: (_, row) => (
                <Button
                  type="link"
                  onClick={() => onOpen(row)}
                  aria-label={t('places.viewHousehold', { label: row.label })}
                >
                  {t('places.view')}
                </Button>
              ),
            },
          ]}
        />
      </ScrollRegion>
      <div className="table-footer">
        <span role="status">{t('places.total', { count: rows.length })}</span>
        <LoadMore pages={query} />
      </div>
    </Card>
  );
}
