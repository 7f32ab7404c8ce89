import { App, Button, Card, List, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { yuanText } from '../../../shared/money.ts';
import { rowsOf } from '../../api/cursorPages.ts';
import { useMe } from '../../app/session.ts';
import { chinaDateTime } from '../../components/chinaTime.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import {
  type Collector,
  type Drive,
  type Handover,
  useConfirmHandover,
  useHandovers,
  usePendingCash,
} from './crowdfundingApi.ts';

/**
 * 现金上交: the cash collectors hold (a building leader sees his own), each lot with its receipts; a fund.post
 * holder other than the collector counts it and confirms, which posts it to the drive's account. Below,
 * the hand-overs confirmed so far.
 */
export function HandoverCard({ drive }: { drive: Drive }) {
  const { t, i18n } = useTranslation();
  const me = useMe().data;
  const cash = usePendingCash(drive.id, true);
  const handovers = useHandovers(drive.id, true);
  const at = chinaDateTime(i18n.language);
  const yuan = (fen: number) => t('crowdfunding.yuan', { amount: yuanText(fen) });
  return (
    <Card title={<h2 className="section-title">{t('crowdfunding.handover.title')}</h2>}>
      <div className="stack">
        {cash.error ? <ProblemAlert error={cash.error} /> : null}
        <h3 className="section-title">{t('crowdfunding.handover.pending')}</h3>
        <List
          loading={cash.isPending}
          dataSource={cash.data?.collectors ?? []}
          locale={{ emptyText: t('crowdfunding.handover.nonePending') }}
          renderItem={(c) => (
            <List.Item key={c.collectorId}>
              <CollectorCash
                drive={drive}
                collector={c}
                canConfirm={!!cash.data?.canConfirm && c.collectorId !== me?.id}
              />
            </List.Item>
          )}
        />
        <h3 className="section-title">{t('crowdfunding.handover.confirmed')}</h3>
        {handovers.error ? <ProblemAlert error={handovers.error} /> : null}
        <ScrollRegion label={t('crowdfunding.handover.confirmed')}>
          <Table<Handover>
            rowKey="id"
            size="small"
            pagination={false}
            loading={handovers.isPending}
            dataSource={rowsOf(handovers)}
            locale={{ emptyText: t('crowdfunding.handover.noneConfirmed') }}
            columns={[
              { title: t('crowdfunding.handover.at'), key: 'at', render: (_, h) => at(h.createdAt) },
              { title: t('crowdfunding.handover.collector'), dataIndex: 'collector' },
              { title: t('crowdfunding.handover.count'), dataIndex: 'payments', align: 'right' },
              {
                title: t('crowdfunding.handover.total'),
                key: 'total',
                align: 'right',
                render: (_, h) => <span className="fund-amount">{yuan(h.totalFen)}</span>,
              },
              { title: t('crowdfunding.handover.receivedBy'), dataIndex: 'receivedBy' },
            ]}
          />
        </ScrollRegion>
        <LoadMore pages={handovers} block />
      </div>
    </Card>
  );
}

function CollectorCash(props: { drive: Drive; collector: Collector; canConfirm: boolean }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const confirm = useConfirmHandover(props.drive.id);
  const c = props.collector;
  const total = t('crowdfunding.yuan', { amount: yuanText(c.totalFen) });
  const ask = () =>
    void modal.confirm({
      title: t('crowdfunding.handover.confirmTitle'),
      content: t('crowdfunding.handover.confirmText', { name: c.collector, count: c.payments, total }),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        await confirm.mutateAsync({ collectorId: c.collectorId, paymentIds: c.items.map((i) => i.id) });
        void message.success(t('crowdfunding.handover.done'));
      },
    });
  return (
    <div className="stack collector-cash">
      <p className="household-line">
        {t('crowdfunding.handover.holds', { name: c.collector, count: c.payments, total })}
      </p>
      <ul className="plain-list receipt-list">
        {c.items.map((i) => (
          <li key={i.id}>
            <span className="receipt-no">{i.receiptNo}</span> {i.household}{' '}
            <span className="fund-amount">{t('crowdfunding.yuan', { amount: yuanText(i.amountFen) })}</span>
          </li>
        ))}
      </ul>
      {props.canConfirm ? (
        <div>
          <Button type="primary" loading={confirm.isPending} onClick={ask}>
            {t('crowdfunding.handover.confirm', { name: c.collector })}
          </Button>
        </div>
      ) : null}
      <ProblemAlert error={confirm.error} />
    </div>
  );
}
