import { Alert, Button, Card, Descriptions, Flex, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { yuanText } from '../../../shared/money.ts';
import { Loading } from '../../components/Loading.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { publicFundPath } from '../disclosure/disclosureApi.ts';
import type { StationRef } from '../places/StationChooser.tsx';
import { type FundAccount, type PostingKind, useFund, useVerify } from './fundApi.ts';
import { OpenAccountModal, PostingModal } from './PostingModal.tsx';

/** The station's balances (holding accounts, income by source, spending), the posting actions and the chain. */
export function FundAccountsCard({ station }: { station: StationRef }) {
  const { t } = useTranslation();
  const fund = useFund(station.id);
  const [posting, setPosting] = useState<PostingKind | null>(null);
  const [opening, setOpening] = useState(false);
  if (fund.isPending) return <Loading />;
  if (fund.isError) return <ProblemAlert error={fund.error} />;
  const { accounts, chain, abilities } = fund.data;
  const holding = accounts.filter((a) => a.kind === 'general' || a.kind === 'earmarked');
  const income = accounts.filter((a) => a.kind === 'income' && a.balanceFen !== 0);
  const spent = accounts.filter((a) => a.kind === 'expense').reduce((s, a) => s + a.balanceFen, 0);
  const yuan = (fen: number) => t('fund.yuan', { amount: yuanText(fen) });
  return (
    <>
      <Card title={<h2 className="section-title">{t('fund.of', { station: station.name })}</h2>}>
        <Flex wrap gap={8} className="fund-actions">
          <Link to={publicFundPath(station.id)}>{t('fund.publicPage')}</Link>
        </Flex>
        {abilities.post ? (
          <Flex wrap gap={8} className="fund-actions">
            <Button type="primary" onClick={() => setPosting('income')}>
              {t('fund.actions.income')}
            </Button>
            <Button onClick={() => setPosting('expense')}>{t('fund.actions.expense')}</Button>
            <Button onClick={() => setPosting('transfer')}>{t('fund.actions.transfer')}</Button>
            <Button onClick={() => setOpening(true)}>{t('fund.actions.open')}</Button>
          </Flex>
        ) : null}
        <section className="stack" aria-labelledby="fund-holding">
          <h3 id="fund-holding" className="section-title">
            {t('fund.accounts.holding')}
          </h3>
          <ScrollRegion label={t('fund.accounts.holding')}>
            <Table<FundAccount>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={holding}
              columns={[
                { title: t('fund.accounts.name'), dataIndex: 'name' },
                {
                  title: t('fund.accounts.kind'),
                  key: 'kind',
                  render: (_, a) => <Tag>{t(`fund.kinds.${a.kind}`)}</Tag>,
                },
                {
                  title: t('fund.accounts.balance'),
                  key: 'balance',
                  align: 'right',
                  render: (_, a) => <span className="fund-amount">{yuan(a.balanceFen)}</span>,
                },
                { title: t('fund.accounts.purpose'), dataIndex: 'purpose' },
              ]}
            />
          </ScrollRegion>
          <Descriptions
            size="small"
            column={1}
            bordered
            title={<h3 className="section-title">{t('fund.accounts.incomeHeading')}</h3>}
            items={[
              ...(income.length === 0
                ? [
                    {
                      key: 'none',
                      label: t('fund.accounts.incomeHeading'),
                      children: t('fund.accounts.empty'),
                    },
                  ]
                : income.map((a) => ({
                    key: String(a.id),
                    label: a.source ? t(`fund.sources.${a.source}`) : a.name,
                    children: <span className="fund-amount">{yuan(a.balanceFen)}</span>,
                  }))),
              {
                key: 'spent',
                label: t('fund.accounts.spent'),
                children: <span className="fund-amount">{yuan(spent)}</span>,
              },
            ]}
          />
        </section>
      </Card>
      <ChainCard stationId={station.id} entries={chain.entries} head={chain.head} />
      {posting ? (
        <PostingModal
          stationId={station.id}
          kind={posting}
          accounts={holding}
          onClose={() => setPosting(null)}
        />
      ) : null}
      {opening ? <OpenAccountModal stationId={station.id} onClose={() => setOpening(false)} /> : null}
    </>
  );
}

/** The chain head a published statement carries, and the check of the whole ledger on demand. */
function ChainCard(props: { stationId: number; entries: number; head: string | null }) {
  const { t } = useTranslation();
  const verify = useVerify(props.stationId);
  const result = verify.data;
  return (
    <Card title={<h2 className="section-title">{t('fund.chain.heading')}</h2>}>
      <div className="stack">
        {props.head ? (
          <p>
            {t('fund.chain.entries', { n: props.entries })} · {t('fund.chain.head')}{' '}
            <code className="fund-hash">{props.head}</code>
          </p>
        ) : (
          <p>{t('fund.chain.none')}</p>
        )}
        <p className="hint">{t('fund.chain.hint')}</p>
        <div>
          <Button loading={verify.isPending} onClick={() => verify.mutate()}>
            {t('fund.chain.verify')}
          </Button>
        </div>
        {result ? (
          <Alert
            role="status"
            type={result.ok ? 'success' : 'error'}
            title={
              result.ok
                ? t('fund.chain.ok', { n: result.entries, postings: result.postings })
                : `${t('fund.chain.broken', { reason: t(`fund.chain.reasons.${result.broken!.reason}`) })}${
                    result.broken?.seq ? t('fund.chain.brokenAt', { seq: result.broken.seq }) : ''
                  }`
            }
          />
        ) : null}
        <ProblemAlert error={verify.error} />
      </div>
    </Card>
  );
}
