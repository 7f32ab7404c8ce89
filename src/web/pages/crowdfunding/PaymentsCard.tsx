import { Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { yuanText } from '../../../shared/money.ts';
import { rowsOf } from '../../api/cursorPages.ts';
import { chinaDateTime } from '../../components/chinaTime.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { TAG } from '../../components/tagColors.ts';
import { type Drive, type Payment, usePayments } from './crowdfundingApi.ts';

/** 收款记录 (fund staff: every payment) or 我的收款 (a collector: his own), each with its receipt. */
export function PaymentsCard({ drive }: { drive: Drive }) {
  const { t, i18n } = useTranslation();
  const staff = drive.abilities.read || drive.abilities.post;
  const pages = usePayments(drive.id, !staff, true);
  const at = chinaDateTime(i18n.language);
  const title = staff ? t('crowdfunding.payments.title') : t('crowdfunding.payments.mine');
  return (
    <Card title={<h2 className="section-title">{title}</h2>}>
      {pages.error ? <ProblemAlert error={pages.error} /> : null}
      <ScrollRegion label={title}>
        <Table<Payment>
          rowKey="id"
          size="small"
          pagination={false}
          loading={pages.isPending}
          dataSource={rowsOf(pages)}
          locale={{ emptyText: t('crowdfunding.payments.empty') }}
          columns={[
            {
              title: t('crowdfunding.payments.receiptNo'),
              key: 'receiptNo',
              render: (_, p) => (
                <Link to={`/crowdfunding/receipts/${p.id}`} className="receipt-no">
                  {p.receiptNo}
                </Link>
              ),
            },
            { title: t('crowdfunding.payments.household'), dataIndex: 'household' },
            { title: t('crowdfunding.payments.payer'), dataIndex: 'payerName' },
            {
              title: t('crowdfunding.payments.amount'),
              key: 'amount',
              align: 'right',
              render: (_, p) => (
                <span className="fund-amount">
                  {t('crowdfunding.yuan', { amount: yuanText(p.amountFen) })}
                </span>
              ),
            },
            {
              title: t('crowdfunding.payments.method'),
              key: 'method',
              render: (_, p) => t(`crowdfunding.method.${p.method}`),
            },
            ...(staff ? [{ title: t('crowdfunding.payments.collector'), dataIndex: 'collector' }] : []),
            {
              title: t('crowdfunding.payments.state'),
              key: 'state',
              render: (_, p) =>
                p.postingId === null ? (
                  <Tag color={TAG.warn}>{t('crowdfunding.payments.withCollector')}</Tag>
                ) : (
                  <Tag color={TAG.good}>{t('crowdfunding.payments.posted')}</Tag>
                ),
            },
            { title: t('crowdfunding.payments.at'), key: 'at', render: (_, p) => at(p.collectedAt) },
          ]}
        />
      </ScrollRegion>
      <LoadMore pages={pages} block />
    </Card>
  );
}
