import { Button, Card, Input, List } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { yuanText } from '../../../shared/money.ts';
import { rowsOf } from '../../api/cursorPages.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { type Drive, type DriveHousehold, useDriveHouseholds } from './crowdfundingApi.ts';
import { PaymentModal } from './PaymentModal.tsx';

/**
 * 收款: the households the user may take money from (a building leader: those of his buildings), found by
 * their room, each with what it pledged and paid; 收款 opens the form that gives the receipt number.
 */
export function CollectCard({ drive }: { drive: Drive }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const pages = useDriveHouseholds(drive.id, useDeferredValue(q.trim()), true);
  const rows = rowsOf(pages);
  const [paying, setPaying] = useState<DriveHousehold | null>(null);
  const yuan = (fen: number) => t('crowdfunding.yuan', { amount: yuanText(fen) });
  return (
    <Card title={<h2 className="section-title">{t('crowdfunding.collect.title')}</h2>}>
      <div className="stack">
        <p className="hint">
          {drive.abilities.post ? t('crowdfunding.collect.hintStaff') : t('crowdfunding.collect.hintLeader')}
        </p>
        <Input
          aria-label={t('crowdfunding.collect.search')}
          placeholder={t('crowdfunding.collect.search')}
          allowClear
          maxLength={40}
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        {pages.error ? <ProblemAlert error={pages.error} /> : null}
        <List
          loading={pages.isPending}
          dataSource={rows}
          locale={{ emptyText: t('crowdfunding.collect.empty') }}
          renderItem={(h) => (
            <List.Item
              key={h.id}
              actions={[
                <Button
                  key="pay"
                  type="primary"
                  aria-label={t('crowdfunding.collect.payFor', { label: h.label })}
                  onClick={() => setPaying(h)}
                >
                  {t('crowdfunding.collect.pay')}
                </Button>,
              ]}
            >
              <div className="household-pay">
                <span className="household-line">{h.label}</span>
                <span className="hint">
                  {h.pledgeFen === null
                    ? t('crowdfunding.collect.noPledge')
                    : t('crowdfunding.collect.pledged', { amount: yuan(h.pledgeFen) })}
                  {t('common.listSeparator')}
                  {h.paidFen > 0
                    ? t('crowdfunding.collect.paid', { amount: yuan(h.paidFen) })
                    : t('crowdfunding.collect.unpaid')}
                </span>
              </div>
            </List.Item>
          )}
        />
        <LoadMore pages={pages} block />
      </div>
      {paying ? <PaymentModal drive={drive} household={paying} onClose={() => setPaying(null)} /> : null}
    </Card>
  );
}
