import { Card, List } from 'antd';
import { useTranslation } from 'react-i18next';
import { yuanText } from '../../../shared/money.ts';
import { rowsOf } from '../../api/cursorPages.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useDonors } from './crowdfundingApi.ts';

/** 捐款名单: who gave, as the server shows them (3幢1单元 王**, a full name only by consent, or 匿名). */
export function DonorsCard({ driveId }: { driveId: number }) {
  const { t } = useTranslation();
  const pages = useDonors(driveId);
  return (
    <Card title={<h2 className="section-title">{t('crowdfunding.donors.title')}</h2>}>
      <p className="hint">{t('crowdfunding.donors.hint')}</p>
      {pages.error ? <ProblemAlert error={pages.error} /> : null}
      <List
        loading={pages.isPending}
        dataSource={rowsOf(pages)}
        locale={{ emptyText: t('crowdfunding.donors.empty') }}
        renderItem={(d) => (
          <List.Item key={d.id} className="donor-row">
            <span>{d.shown === 'anonymous' ? t('crowdfunding.donors.anonymous') : d.donor}</span>
            <span className="fund-amount">{t('crowdfunding.yuan', { amount: yuanText(d.amountFen) })}</span>
          </List.Item>
        )}
      />
      <LoadMore pages={pages} block />
    </Card>
  );
}
