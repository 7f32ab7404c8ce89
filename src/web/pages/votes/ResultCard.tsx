import { Card, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { TAG } from '../../components/tagColors.ts';
import { checkValueText, choiceLabel, thresholdText } from './voteLabels.tsx';
import { recountFileUrl, type Vote, type VoteCheck, type VoteResult } from './votesApi.ts';

interface CountRow {
  key: string;
  name: string;
  heads: number;
  areaM2: string;
  passed?: boolean;
}

/**
 * The result: passed or not, every threshold checked (stage, measure, exact value, threshold), the
 * votes per option by heads and area, and what lets anyone check the count (digest, ballot list, recount file).
 */
export function ResultCard({ vote, result }: { vote: Vote; result: VoteResult }) {
  const { t } = useTranslation();
  const closed = vote.status === 'closed';
  const yesNo = vote.method === 'yesNo';
  const counts: CountRow[] = [
    ...result.options.map((o) => ({
      key: o.option,
      name: choiceLabel(t, vote, o.option),
      heads: o.heads,
      areaM2: o.areaM2,
      ...(yesNo ? {} : { passed: result.winners.includes(o.option) }),
    })),
    { key: 'abstain', name: t('votes.result.abstain'), ...result.abstentions },
    { key: 'total', name: t('votes.result.total'), ...result.participation },
    { key: 'electorate', name: t('votes.result.electorate'), ...result.electorate },
  ];
  return (
    <Card
      title={
        <h2 className="section-title">{closed ? t('votes.result.title') : t('votes.result.interim')}</h2>
      }
    >
      {closed ? (
        <p className={`vote-verdict ${result.passed ? 'vote-passed' : 'vote-failed'}`}>
          {result.passed ? t('votes.result.passed') : t('votes.result.failed')}
        </p>
      ) : null}
      {!yesNo && result.winners.length > 0 ? (
        <p>
          {t('votes.result.winners', {
            options: result.winners.map((w) => choiceLabel(t, vote, w)).join(t('common.listSeparator')),
          })}
        </p>
      ) : null}
      {result.tie ? <p>{t('votes.result.tie')}</p> : null}
      <h3 className="section-title form-heading">{t('votes.result.checks')}</h3>
      <ScrollRegion label={t('votes.result.checksTable')}>
        <Table<VoteCheck>
          className="vote-checks"
          rowKey={(c) => `${c.stage}-${c.option ?? ''}-${c.dimension}`}
          size="small"
          pagination={false}
          dataSource={result.checks}
          columns={[
            {
              title: t('votes.result.stage'),
              key: 'stage',
              className: 'vote-nowrap',
              render: (_, c) => t(`votes.stage.${c.stage}`),
            },
            ...(yesNo
              ? []
              : [
                  {
                    title: t('votes.result.option'),
                    key: 'option',
                    render: (_: unknown, c: VoteCheck) => (c.option ? choiceLabel(t, vote, c.option) : '—'),
                  },
                ]),
            {
              title: t('votes.result.dimension'),
              key: 'dimension',
              className: 'vote-nowrap',
              render: (_, c) => t(`votes.dimension.${c.dimension}`),
            },
            { title: t('votes.result.value'), key: 'value', render: (_, c) => checkValueText(c) },
            {
              title: t('votes.result.threshold'),
              key: 'threshold',
              className: 'vote-nowrap',
              render: (_, c) => thresholdText(c.threshold),
            },
            {
              title: t('votes.result.pass'),
              key: 'pass',
              className: 'vote-nowrap',
              render: (_, c) => (
                <Tag color={c.pass ? TAG.good : TAG.bad}>
                  {c.pass ? t('votes.passed') : t('votes.failed')}
                </Tag>
              ),
            },
          ]}
        />
      </ScrollRegion>
      <h3 className="section-title form-heading">{t('votes.result.counts')}</h3>
      <ScrollRegion label={t('votes.result.countsTable')}>
        <Table<CountRow>
          className="vote-counts"
          rowKey="key"
          size="small"
          pagination={false}
          dataSource={counts}
          columns={[
            {
              title: t('votes.result.option'),
              key: 'name',
              render: (_, r) =>
                r.passed ? (
                  <Space size={4}>
                    {r.name}
                    <Tag color={TAG.good}>{t('votes.passed')}</Tag>
                  </Space>
                ) : (
                  r.name
                ),
            },
            { title: t('votes.result.heads'), dataIndex: 'heads' },
            { title: t('votes.result.area'), dataIndex: 'areaM2' },
          ]}
        />
      </ScrollRegion>
      {closed && vote.digest ? (
        <div className="vote-proof">
          <p>
            <span>{t('votes.result.digest')}</span>
            <code className="digest" translate="no">
              {vote.digest}
            </code>
          </p>
          <Space wrap>
            <Link to={`/votes/${vote.id}/ballots`}>{t('votes.result.ballotList')}</Link>
            <Link to={`/votes/${vote.id}/notice`}>{t('votes.notice.link')}</Link>
            {vote.abilities.manage && !vote.secret ? (
              <a href={recountFileUrl(vote.id)} download>
                {t('votes.result.recountFile')}
              </a>
            ) : null}
          </Space>
        </div>
      ) : null}
    </Card>
  );
}
