import { Alert, Card, Descriptions, Progress, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { chinaDateTime } from '../../components/chinaTime.ts';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ElectorsCard } from './ElectorsCard.tsx';
import { MyBallot } from './MyBallot.tsx';
import { ReceiptCheck } from './ReceiptCheck.tsx';
import { ResultCard } from './ResultCard.tsx';
import { StaffActions } from './StaffActions.tsx';
import { barPercent, VoteStatusTags } from './voteLabels.tsx';
import { useVote, type Vote } from './votesApi.ts';

/**
 * One vote: what is decided and by which rule, turnout while open, the voter's ballot and receipt,
 * staff actions and the electorate, and once closed the result with every threshold checked.
 */
export default function VoteDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const vote = useVote(id);
  if (vote.isPending) return <Loading />;
  if (vote.error) return <ProblemAlert error={vote.error} />;
  const v = vote.data;
  const staff = v.abilities.read || v.abilities.manage || v.abilities.enter || v.abilities.collect;
  return (
    <>
      <PageTitle>{v.title}</PageTitle>
      <div className="stack">
        <Card>
          <Space wrap size={4}>
            <VoteStatusTags status={v.status} passed={v.passed} />
          </Space>
          {v.body ? <p className="vote-body">{v.body}</p> : null}
          <Link to="/votes">{t('votes.detail.back')}</Link>
        </Card>
        {v.status === 'cancelled' ? (
          <Alert
            type="warning"
            showIcon
            title={
              v.cancelReason
                ? t('votes.detail.cancelledReason', { reason: v.cancelReason })
                : t('votes.detail.cancelled')
            }
          />
        ) : null}
        {v.status === 'open' ? <MyBallot vote={v} /> : null}
        {v.abilities.manage ? <StaffActions vote={v} /> : null}
        {v.turnout && v.status !== 'cancelled' ? <Turnout vote={v} /> : null}
        {v.result ? <ResultCard vote={v} result={v.result} /> : null}
        <VoteInfo vote={v} />
        {v.status === 'open' || v.status === 'closed' ? <ReceiptCheck vote={v} /> : null}
        {staff && v.status !== 'draft' ? <ElectorsCard vote={v} /> : null}
      </div>
    </>
  );
}

function VoteInfo({ vote: v }: { vote: Vote }) {
  const { t, i18n } = useTranslation();
  const at = chinaDateTime(i18n.language);
  return (
    <Card title={<h2 className="section-title">{t('votes.detail.info')}</h2>}>
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'rule',
            label: t('votes.detail.rule'),
            children: (
              <div>
                <strong>{t(`votes.rule.${v.rule}`)}</strong>
                <p className="vote-rule-hint">{t(`votes.ruleHint.${v.rule}`)}</p>
                <p className="hint">{t('votes.ruleNote')}</p>
              </div>
            ),
          },
          {
            key: 'electorate',
            label: t('votes.detail.electorate'),
            children: t(`votes.electorate.${v.electorate}`),
          },
          {
            key: 'method',
            label: t('votes.detail.method'),
            children:
              v.method === 'multi'
                ? t('common.withNote', {
                    text: t(`votes.method.${v.method}`),
                    note: t('votes.detail.maxChoices', { n: v.maxChoices }),
                  })
                : t(`votes.method.${v.method}`),
          },
          {
            key: 'scope',
            label: t('votes.detail.scope'),
            children: `${t(`votes.scope.${v.scope}`)} × ${v.scopeIds.length}`,
          },
          {
            key: 'closes',
            label: t('votes.detail.closesAt'),
            children: `${at(v.closesAt)}${t('votes.chinaTime')}`,
          },
          ...(v.openedAt
            ? [{ key: 'opened', label: t('votes.detail.openedAt'), children: at(v.openedAt) }]
            : []),
          ...(v.closedAt
            ? [
                {
                  key: 'closed',
                  // A cancelled vote did not end: it was called off then.
                  label:
                    v.status === 'cancelled' ? t('votes.detail.cancelledAt') : t('votes.detail.closedAt'),
                  children: at(v.closedAt),
                },
              ]
            : []),
          {
            key: 'secret',
            label: t('votes.detail.secret'),
            children: v.secret ? t('common.yes') : t('common.no'),
          },
          {
            key: 'final',
            label: t('votes.detail.ballotsFinal'),
            children: v.ballotsFinal ? t('votes.detail.final') : t('votes.detail.changeable'),
          },
        ]}
      />
    </Card>
  );
}

/** 参与户数/人数 x / y and 参与面积 a ㎡ / b ㎡ (when the electorate has area), with bars. */
function Turnout({ vote: v }: { vote: Vote }) {
  const { t } = useTranslation();
  if (!v.turnout) return null;
  const { electorate: all, participation: voted } = v.turnout;
  const headsLabel = v.electorate === 'households' ? t('votes.turnout.households') : t('votes.turnout.heads');
  const hasArea = Number(all.areaM2) > 0;
  return (
    <Card title={<h2 className="section-title">{t('votes.turnout.title')}</h2>}>
      <dl className="turnout">
        <dt>{headsLabel}</dt>
        <dd>
          <span className="turnout-figure">
            {t('votes.turnout.count', { n: voted.heads, of: all.heads })}
          </span>
          <Progress percent={barPercent(voted.heads, all.heads)} aria-label={headsLabel} />
        </dd>
        {hasArea ? (
          <>
            <dt>{t('votes.turnout.area')}</dt>
            <dd>
              <span className="turnout-figure">
                {t('votes.turnout.areaCount', { n: voted.areaM2, of: all.areaM2 })}
              </span>
              <Progress percent={barPercent(voted.areaM2, all.areaM2)} aria-label={t('votes.turnout.area')} />
            </dd>
          </>
        ) : null}
      </dl>
    </Card>
  );
}
