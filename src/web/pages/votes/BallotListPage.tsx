import { Alert, Card, Table } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { choicesText } from './voteLabels.tsx';
import { type BallotList, ballotListUrl, useBallotList, useVote } from './votesApi.ts';

type Ballot = BallotList['ballots'][number];

/** The digest as docs/votes.md defines it: SHA-256 over "<receiptHash> <choices joined by ','>\n" per ballot. */
async function digestOf(list: BallotList): Promise<string | null> {
  if (!globalThis.crypto?.subtle) return null;
  const text = list.ballots.map((b) => `${b.receiptHash} ${b.choices.join(',')}\n`).join('');
  const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(hash)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A closed vote's published ballots (no names) and its digest, recomputed here so anyone sees it matches. */
export default function BallotListPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const vote = useVote(id);
  const list = useBallotList(id);
  const [recomputed, setRecomputed] = useState<string | null>(null);
  useEffect(() => {
    if (list.data) void digestOf(list.data).then(setRecomputed);
  }, [list.data]);
  if (list.isPending || vote.isPending) return <Loading />;
  if (list.error || vote.error) return <ProblemAlert error={list.error ?? vote.error} />;
  const v = vote.data;
  return (
    <>
      <PageTitle>{t('votes.ballotList.title')}</PageTitle>
      <div className="stack">
        <Card title={<h2 className="section-title">{v.title}</h2>}>
          <p>{t('votes.ballotList.intro')}</p>
          <p>
            <span>{t('votes.ballotList.digest')}</span>
            <code className="digest" translate="no">
              {list.data.digest}
            </code>
          </p>
          {recomputed ? (
            <Alert
              role="status"
              showIcon
              type={recomputed === list.data.digest ? 'success' : 'error'}
              title={
                recomputed === list.data.digest
                  ? t('votes.ballotList.recomputed')
                  : t('votes.ballotList.mismatch')
              }
            />
          ) : null}
          <p className="vote-links">
            <Link to={`/votes/${id}`}>{v.title}</Link>
            <a href={ballotListUrl(id)} download={`vote-${id}-ballots.json`}>
              {t('votes.ballotList.json')}
            </a>
          </p>
        </Card>
        <Card>
          <ScrollRegion label={t('votes.ballotList.table')}>
            <Table<Ballot>
              rowKey="receiptHash"
              size="small"
              dataSource={list.data.ballots}
              pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
              columns={[
                {
                  title: t('votes.ballotList.hash'),
                  dataIndex: 'receiptHash',
                  render: (h: string) => (
                    <code className="digest" translate="no">
                      {h}
                    </code>
                  ),
                },
                {
                  title: t('votes.ballotList.choices'),
                  key: 'choices',
                  render: (_, b) => choicesText(t, v, b.choices),
                },
              ]}
            />
          </ScrollRegion>
        </Card>
      </div>
    </>
  );
}
