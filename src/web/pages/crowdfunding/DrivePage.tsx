import { App, Button, Card, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { yuanText } from '../../../shared/money.ts';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { CollectCard } from './CollectCard.tsx';
import { type Drive, useCloseDrive, useDrive } from './crowdfundingApi.ts';
import { DonorsCard } from './DonorsCard.tsx';
import { DriveStatusTag } from './DriveParts.tsx';
import { HandoverCard } from './HandoverCard.tsx';
import { PaymentsCard } from './PaymentsCard.tsx';
import { PledgeCard } from './PledgeCard.tsx';
import { ProgressCard } from './ProgressCard.tsx';
import './crowdfunding.css';

/**
 * One drive: its purpose and progress for everyone; the resident's pledge for their household; taking
 * money (cash door to door for collectors, desk and transfer for fund staff) with a receipt each; the
 * payments, the cash waiting to be handed in and its confirmation; the donors, masked.
 */
export default function DrivePage() {
  const id = Number(useParams().id);
  const drive = useDrive(id);
  if (drive.isPending) return <Loading />;
  if (drive.isError) return <ProblemAlert error={drive.error} />;
  const d = drive.data;
  const { post, read, collect } = d.abilities;
  return (
    <>
      <PageTitle extra={post && d.status === 'open' ? <CloseButton drive={d} /> : null}>{d.title}</PageTitle>
      <div className="stack">
        <FactsCard drive={d} />
        <ProgressCard drive={d} />
        {d.myHouseholds.length > 0 ? <PledgeCard drive={d} /> : null}
        {(collect || post) && d.taking ? <CollectCard drive={d} /> : null}
        {read || post || collect ? <HandoverCard drive={d} /> : null}
        {read || post || collect ? <PaymentsCard drive={d} /> : null}
        <DonorsCard driveId={d.id} />
      </div>
    </>
  );
}

function FactsCard({ drive }: { drive: Drive }) {
  const { t } = useTranslation();
  const yuan = (fen: number) => t('crowdfunding.yuan', { amount: yuanText(fen) });
  const staff = drive.abilities.read || drive.abilities.post;
  return (
    <Card>
      <p className="drive-purpose">{drive.purpose}</p>
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          {
            key: 'status',
            label: t('crowdfunding.facts.status'),
            children: <DriveStatusTag status={drive.status} />,
          },
          { key: 'station', label: t('crowdfunding.facts.station'), children: drive.stationName },
          {
            key: 'target',
            label: t('crowdfunding.facts.target'),
            children: <span className="fund-amount">{yuan(drive.targetFen)}</span>,
          },
          {
            key: 'suggested',
            label: t('crowdfunding.facts.suggested'),
            children: <span className="fund-amount">{yuan(drive.suggestedFen)}</span>,
          },
          { key: 'deadline', label: t('crowdfunding.facts.deadline'), children: drive.deadline },
          {
            key: 'buildings',
            label: t('crowdfunding.facts.buildings'),
            children: drive.buildings.map((b) => b.name).join(t('common.listSeparator')),
          },
          ...(drive.vote
            ? [
                {
                  key: 'vote',
                  label: t('crowdfunding.facts.vote'),
                  children: <Link to={`/votes/${drive.vote.id}`}>{drive.vote.title}</Link>,
                },
              ]
            : []),
          ...(staff
            ? [
                {
                  key: 'balance',
                  label: t('crowdfunding.facts.balance'),
                  children: <span className="fund-amount">{yuan(drive.balanceFen)}</span>,
                },
              ]
            : []),
        ]}
      />
      {drive.status === 'open' && !drive.taking ? (
        <p className="hint">{t('crowdfunding.facts.pastDeadline')}</p>
      ) : null}
    </Card>
  );
}

/** 结束众筹: asked first; then says what it raised (and what cash is still with collectors). */
function CloseButton({ drive }: { drive: Drive }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const close = useCloseDrive(drive.id);
  const ask = () =>
    void modal.confirm({
      title: t('crowdfunding.close.title'),
      content: t('crowdfunding.close.confirm'),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        const raised = await close.mutateAsync();
        void message.success(
          t('crowdfunding.close.done', {
            paid: yuanText(raised.paidFen),
            households: raised.paidHouseholds,
            pending: yuanText(raised.pendingFen),
          }),
        );
      },
    });
  return (
    <>
      <Button danger onClick={ask} loading={close.isPending}>
        {t('crowdfunding.close.button')}
      </Button>
      <ProblemAlert error={close.error} />
    </>
  );
}
