import { FilePdfOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { TAG } from '../../components/tagColors.ts';
import { ActionItems } from './ActionItems.tsx';
import { type TopicDetail, useSupportTopic, useTopic } from './deliberationApi.ts';
import './deliberation.css';
import { chinaDateTime } from '../../components/chinaTime.ts';
import { TopicStatusTag } from './labels.tsx';
import { TopicMoves } from './TopicMoves.tsx';

type VoteStatusKey = 'draft' | 'open' | 'closed' | 'cancelled';

/**
 * One topic: what it is, where it stands (why declined, or what came of it), the requests it grew from,
 * its votes, its action items; 附议 for residents; moves and the formal submission for staff.
 */
export default function TopicDetailPage() {
  const { t, i18n } = useTranslation();
  const id = Number(useParams().id);
  const topic = useTopic(id);
  const support = useSupportTopic();
  if (topic.isPending) return <Loading />;
  if (topic.error) return <ProblemAlert error={topic.error} />;
  const x = topic.data;
  const at = chinaDateTime(i18n.language);
  return (
    <>
      <PageTitle>{x.title}</PageTitle>
      <div className="stack">
        <Card>
          <Space wrap size={4}>
            <TopicStatusTag status={x.status} />
            <Tag>{t(`deliberation.topicSource.${x.source}`)}</Tag>
            {x.supportedByMe ? <Tag color={TAG.good}>{t('deliberation.topics.supported')}</Tag> : null}
          </Space>
          {x.body ? <p className="topic-body">{x.body}</p> : null}
          <Descriptions
            size="small"
            column={1}
            items={[
              {
                key: 'support',
                label: t('deliberation.topic.supporters'),
                children:
                  x.status === 'proposed'
                    ? t('deliberation.topic.supportersOf', { n: x.supportCount, of: x.supportThreshold })
                    : t('deliberation.topics.supporters', { n: x.supportCount }),
              },
              ...(x.meetings.length > 0
                ? [
                    {
                      key: 'meetings',
                      label: t('deliberation.topic.meetings'),
                      children: (
                        <Space direction="vertical" size={2}>
                          {x.meetings.map((m) => (
                            <Link key={m.id} to={`/meetings/${m.id}`}>
                              {t('common.withNote', { text: m.title, note: at(m.startsAt) })}
                            </Link>
                          ))}
                        </Space>
                      ),
                    },
                  ]
                : []),
              { key: 'raised', label: t('deliberation.topic.raisedAt'), children: at(x.createdAt) },
              { key: 'changed', label: t('deliberation.topic.changedAt'), children: at(x.statusChangedAt) },
              ...(x.declinedReason
                ? [{ key: 'declined', label: t('deliberation.topic.reason'), children: x.declinedReason }]
                : []),
              ...(x.outcome
                ? [
                    {
                      key: 'outcome',
                      label: t('deliberation.topic.outcome'),
                      children: <Outcome topic={x} />,
                    },
                  ]
                : []),
            ]}
          />
          {support.error ? <ProblemAlert error={support.error} /> : null}
          <Space wrap>
            {x.canSupport ? (
              <Button type="primary" loading={support.isPending} onClick={() => support.mutate(x.id)}>
                {t('deliberation.topics.support')}
              </Button>
            ) : null}
            {x.canManage && x.status !== 'declined' ? (
              <Link to={`/votes/new?station=${x.stationId}&topic=${x.id}`}>
                {t('deliberation.topic.startVote')}
              </Link>
            ) : null}
            {x.canManage && x.status === 'decided' && x.outcome === 'project' && !x.outcomeId ? (
              <Link to={`/projects/new?station=${x.stationId}&topic=${x.id}`}>
                {t('deliberation.topic.openProject')}
              </Link>
            ) : null}
            {x.canExport ? (
              <Link to={`/topics/${x.id}/submission`}>
                <FilePdfOutlined aria-hidden /> {t('deliberation.topic.submission')}
              </Link>
            ) : null}
            <Link to={`/deliberation?station=${x.stationId}`}>{t('deliberation.topic.back')}</Link>
          </Space>
        </Card>
        {x.canManage ? <TopicMoves topic={x} /> : null}
        <Requests topic={x} />
        <Card title={<h2 className="section-title">{t('deliberation.topic.votes')}</h2>}>
          {x.votes.length === 0 ? (
            <p className="hint">{t('deliberation.topic.noVotes')}</p>
          ) : (
            <ul className="plain-list">
              {x.votes.map((v) => (
                <li key={v.id} className="topic-vote">
                  <Link to={`/votes/${v.id}`}>{v.title}</Link>
                  <Tag>{t(`votes.status.${v.status as VoteStatusKey}`, { defaultValue: v.status })}</Tag>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={<h2 className="section-title">{t('deliberation.topic.actions')}</h2>}>
          <ActionItems actions={x.actions} manage={x.canManage} />
        </Card>
      </div>
    </>
  );
}

function Requests({ topic: x }: { topic: TopicDetail }) {
  const { t } = useTranslation();
  if (x.requestCount === 0) return null;
  return (
    <Card title={<h2 className="section-title">{t('deliberation.topic.requests')}</h2>}>
      <p>{t('deliberation.topic.requestCount', { n: x.requestCount })}</p>
      {x.requests.length > 0 ? (
        <ul className="plain-list">
          {x.requests.map((r) => (
            <li key={r.id}>
              <Link to={`/requests/${r.id}`}>
                #{r.id} {r.summary}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}

/** What came of a decided topic: its kind, the convention it became (linked) or the number given, the note. */
function Outcome({ topic: x }: { topic: TopicDetail }) {
  const { t } = useTranslation();
  if (!x.outcome) return null;
  const kind = t(`deliberation.outcome.${x.outcome}`);
  const named =
    x.outcome === 'convention' && x.outcomeId ? (
      <Link to={`/conventions/${x.outcomeId}`}>{kind}</Link>
    ) : x.outcome === 'project' && x.outcomeId ? (
      <Link to={`/projects/${x.outcomeId}`}>{`${kind} #${x.outcomeId}`}</Link>
    ) : (
      `${kind}${x.outcomeId ? ` #${x.outcomeId}` : ''}`
    );
  return (
    <span>
      {named}
      {x.outcomeNote ? t('deliberation.topic.noteAfter', { note: x.outcomeNote }) : ''}
    </span>
  );
}
