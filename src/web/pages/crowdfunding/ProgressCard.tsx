import { Card, Progress, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { yuanText } from '../../../shared/money.ts';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import type { BuildingProgress, Drive } from './crowdfundingApi.ts';
import { percentOf } from './DriveParts.tsx';

/** 筹款进度: paid against the target overall, and by building: households asked, pledged, paid, amounts. */
export function ProgressCard({ drive }: { drive: Drive }) {
  const { t } = useTranslation();
  const p = drive.progress;
  const yuan = (fen: number) => t('crowdfunding.yuan', { amount: yuanText(fen) });
  const percent = percentOf(p.paidFen, p.targetFen);
  return (
    <Card title={<h2 className="section-title">{t('crowdfunding.progress.title')}</h2>}>
      <div className="stack">
        <p className="drive-raised">
          {t('crowdfunding.raisedOf', { paid: yuan(p.paidFen), target: yuan(p.targetFen) })}
        </p>
        <Progress
          percent={percent}
          aria-label={t('crowdfunding.progress.bar', { percent })}
          strokeColor="#237804"
          railColor="#d9d9d9"
          format={(n) => `${n}%`}
        />
        <dl className="drive-figures">
          <div>
            <dt>{t('crowdfunding.progress.households')}</dt>
            <dd>
              {t('crowdfunding.progress.householdsOf', {
                pledged: p.pledged,
                paid: p.paid,
                asked: p.households,
              })}
            </dd>
          </div>
          <div>
            <dt>{t('crowdfunding.progress.pledged')}</dt>
            <dd className="fund-amount">{yuan(p.pledgedFen)}</dd>
          </div>
          <div>
            <dt>{t('crowdfunding.progress.expected')}</dt>
            <dd className="fund-amount">{yuan(p.expectedFen)}</dd>
          </div>
          <div>
            <dt>{t('crowdfunding.progress.posted')}</dt>
            <dd className="fund-amount">{yuan(p.postedFen)}</dd>
          </div>
        </dl>
        <h3 className="section-title">{t('crowdfunding.progress.byBuilding')}</h3>
        <ScrollRegion label={t('crowdfunding.progress.byBuilding')}>
          <Table<BuildingProgress>
            rowKey="buildingId"
            size="small"
            pagination={false}
            dataSource={p.byBuilding}
            columns={[
              { title: t('crowdfunding.progress.building'), dataIndex: 'building' },
              { title: t('crowdfunding.progress.asked'), dataIndex: 'households', align: 'right' },
              { title: t('crowdfunding.progress.pledgedHouseholds'), dataIndex: 'pledged', align: 'right' },
              { title: t('crowdfunding.progress.paidHouseholds'), dataIndex: 'paid', align: 'right' },
              {
                title: t('crowdfunding.progress.paidAmount'),
                key: 'paidFen',
                align: 'right',
                render: (_, b) => <span className="fund-amount">{yuan(b.paidFen)}</span>,
              },
              {
                title: t('crowdfunding.progress.expected'),
                key: 'expectedFen',
                align: 'right',
                render: (_, b) => <span className="fund-amount">{yuan(b.expectedFen)}</span>,
              },
              {
                title: t('crowdfunding.progress.ofExpected'),
                key: 'percent',
                align: 'right',
                render: (_, b) => `${percentOf(b.paidFen, b.expectedFen)}%`,
              },
            ]}
          />
        </ScrollRegion>
      </div>
    </Card>
  );
}
