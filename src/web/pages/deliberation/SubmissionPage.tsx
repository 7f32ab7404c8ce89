import { PrinterOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { areaText } from '../../../modules/deliberation/tally.ts';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { usePrintDocument } from '../../components/usePrintDocument.ts';
import type { Vote } from '../votes/votesApi.ts';
import {
  type MeetingKind,
  type Submission,
  type TopicSource,
  type TopicStatus,
  useSubmission,
} from './deliberationApi.ts';
import './deliberation.css';
import { chinaDateTime } from '../../components/chinaTime.ts';
import { choiceLabel, thresholdText } from '../votes/voteLabels.tsx';

type SubmittedVote = Submission['votes'][number];
type Check = NonNullable<SubmittedVote['result']>['checks'][number];

/** "num/den（percent）": heads as counted, areas (kept in 0.01 m²) in m². */
function fraction(t: TFunction, c: Check): string {
  const part = (n: string) => (c.dimension === 'area' ? `${areaText(BigInt(n))} ㎡` : n);
  return t('common.withNote', {
    text: `${part(c.value.num)} / ${part(c.value.den)}`,
    note: c.value.percent ?? '—',
  });
}

/**
 * 报送材料: the formal submission of a topic for 人大代表联络站 / 政协 as an A4 document — the topic, its
 * meetings (who took part, minutes, resolutions), its votes with their results, and its action items.
 * Printing leaves the navigation out (usePrintDocument).
 */
export default function SubmissionPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const doc = useSubmission(id);
  usePrintDocument();
  if (doc.isPending) return <Loading />;
  if (doc.error) return <ProblemAlert error={doc.error} />;
  return (
    <>
      <div className="no-print submission-tools">
        <Space wrap>
          <Button type="primary" icon={<PrinterOutlined aria-hidden />} onClick={() => window.print()}>
            {t('deliberation.submission.print')}
          </Button>
          <Link to={`/topics/${id}`}>{t('deliberation.submission.back')}</Link>
        </Space>
        <p className="hint">{t('deliberation.submission.printHint')}</p>
      </div>
      <SubmissionDocument doc={doc.data} t={t} />
    </>
  );
}

function SubmissionDocument({ doc, t }: { doc: Submission; t: TFunction }) {
  const { i18n } = useTranslation();
  const at = chinaDateTime(i18n.language);
  const s = 'deliberation.submission';
  const topic = doc.topic;
  return (
    <article className="submission-doc">
      <PageTitle>{t(`${s}.title`, { title: topic.title })}</PageTitle>
      <p className="submission-meta">{t(`${s}.meta`, { station: doc.station, at: at(doc.generatedAt) })}</p>
      <section>
        <h2>{t(`${s}.topic`)}</h2>
        <dl className="submission-fields">
          <dt>{t(`${s}.topicTitle`)}</dt>
          <dd>{topic.title}</dd>
          <dt>{t(`${s}.source`)}</dt>
          <dd>
            {t(`deliberation.topicSource.${topic.source as TopicSource}`, { defaultValue: topic.source })}
          </dd>
          <dt>{t(`${s}.status`)}</dt>
          <dd>
            {t(`deliberation.topicStatus.${topic.status as TopicStatus}`, { defaultValue: topic.status })}
          </dd>
          <dt>{t(`${s}.raisedAt`)}</dt>
          <dd>{at(topic.raisedAt)}</dd>
          <dt>{t(`${s}.supporters`)}</dt>
          <dd>{t('deliberation.topics.supporters', { n: topic.supportCount })}</dd>
          <dt>{t(`${s}.requests`)}</dt>
          <dd>{t(`${s}.requestCount`, { n: topic.requestCount })}</dd>
          {topic.outcomeNote ? (
            <>
              <dt>{t(`${s}.outcome`)}</dt>
              <dd>{topic.outcomeNote}</dd>
            </>
          ) : null}
          {topic.declinedReason ? (
            <>
              <dt>{t('deliberation.topic.reason')}</dt>
              <dd>{topic.declinedReason}</dd>
            </>
          ) : null}
        </dl>
        {topic.body ? <p className="submission-text">{topic.body}</p> : null}
      </section>
      <section>
        <h2>{t(`${s}.meetings`)}</h2>
        {doc.meetings.length === 0 ? <p>{t(`${s}.none`)}</p> : null}
        {doc.meetings.map((m) => (
          <section key={m.id} className="submission-part">
            <h3>
              {t('common.withNote', {
                text: m.title,
                note: t(`deliberation.meetingKind.${m.kind as MeetingKind}`, { defaultValue: m.kind }),
              })}
            </h3>
            <dl className="submission-fields">
              <dt>{t(`${s}.time`)}</dt>
              <dd>{at(m.startsAt)}</dd>
              <dt>{t(`${s}.place`)}</dt>
              <dd>{m.place}</dd>
              <dt>{t(`${s}.organisations`)}</dt>
              <dd>
                {m.organisations.length > 0
                  ? m.organisations.join(t('common.listSeparator'))
                  : t(`${s}.none`)}
              </dd>
              <dt>{t(`${s}.observers`)}</dt>
              <dd>{m.observers.length > 0 ? m.observers.join(t('common.listSeparator')) : t(`${s}.none`)}</dd>
              <dt>{t(`${s}.attendance`)}</dt>
              <dd>{t(`${s}.attended`, { n: m.attended, proxies: m.proxies })}</dd>
            </dl>
            <h4>{t(`${s}.minutes`)}</h4>
            <p className="submission-text">{m.minutes ?? t(`${s}.noMinutes`)}</p>
            <h4>{t(`${s}.resolutions`)}</h4>
            {m.resolutions.length > 0 ? (
              <ol>
                {m.resolutions.map((r, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: resolutions are listed in their order, never edited
                  <li key={i}>{r}</li>
                ))}
              </ol>
            ) : (
              <p>{t(`${s}.none`)}</p>
            )}
          </section>
        ))}
      </section>
      <section>
        <h2>{t(`${s}.votes`)}</h2>
        {doc.votes.length === 0 ? <p>{t(`${s}.none`)}</p> : null}
        {doc.votes.map((v) => (
          <VotePart key={v.id} vote={v} t={t} />
        ))}
      </section>
      <section>
        <h2>{t(`${s}.actions`)}</h2>
        {doc.actions.length === 0 ? (
          <p>{t(`${s}.none`)}</p>
        ) : (
          <table className="submission-table">
            <thead>
              <tr>
                <th scope="col">{t(`${s}.actionTitle`)}</th>
                <th scope="col">{t(`${s}.actionOwner`)}</th>
                <th scope="col">{t(`${s}.actionDue`)}</th>
                <th scope="col">{t(`${s}.actionStatus`)}</th>
              </tr>
            </thead>
            <tbody>
              {doc.actions.map((a) => (
                <tr key={a.id}>
                  <td>{a.title}</td>
                  <td>{a.ownerName}</td>
                  <td>{a.dueOn}</td>
                  <td>
                    {a.status === 'done'
                      ? a.doneNote
                        ? t('common.labelled', { label: t('deliberation.actions.done'), value: a.doneNote })
                        : t('deliberation.actions.done')
                      : a.overdue
                        ? t('deliberation.actions.overdue')
                        : t('deliberation.actions.open')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </article>
  );
}

function VotePart({ vote: v, t }: { vote: SubmittedVote; t: TFunction }) {
  const { i18n } = useTranslation();
  const at = chinaDateTime(i18n.language);
  const s = 'deliberation.submission';
  return (
    <section className="submission-part">
      <h3>{v.title}</h3>
      <dl className="submission-fields">
        <dt>{t(`${s}.rule`)}</dt>
        <dd>{t(`votes.rule.${v.rule as Vote['rule']}`, { defaultValue: v.rule })}</dd>
        <dt>{t(`${s}.electorate`)}</dt>
        <dd>{t(`votes.electorate.${v.electorate as Vote['electorate']}`, { defaultValue: v.electorate })}</dd>
        <dt>{t(`${s}.voteStatus`)}</dt>
        <dd>{t(`votes.status.${v.status as Vote['status']}`, { defaultValue: v.status })}</dd>
        {v.closedAt ? (
          <>
            <dt>{t(`${s}.closedAt`)}</dt>
            <dd>{at(v.closedAt)}</dd>
          </>
        ) : null}
        {v.result ? (
          <>
            <dt>{t(`${s}.result`)}</dt>
            <dd className={v.result.passed ? 'vote-passed' : 'vote-failed'}>
              <strong>{v.result.passed ? t('votes.passed') : t('votes.failed')}</strong>
            </dd>
          </>
        ) : null}
      </dl>
      {v.result ? (
        <table className="submission-table">
          <thead>
            <tr>
              <th scope="col">{t(`${s}.stage`)}</th>
              <th scope="col">{t(`${s}.dimension`)}</th>
              <th scope="col">{t(`${s}.value`)}</th>
              <th scope="col">{t(`${s}.threshold`)}</th>
              <th scope="col">{t(`${s}.check`)}</th>
            </tr>
          </thead>
          <tbody>
            {v.result.checks.map((c) => (
              <tr key={`${c.stage}-${c.option ?? ''}-${c.dimension}`}>
                <td>
                  {c.option
                    ? t('common.withNote', {
                        text: t(`votes.stage.${c.stage}`),
                        note: choiceLabel(t, v, c.option),
                      })
                    : t(`votes.stage.${c.stage}`)}
                </td>
                <td>{t(`${s}.by.${c.dimension}`)}</td>
                <td>{fraction(t, c)}</td>
                <td>{thresholdText(c.threshold)}</td>
                <td>{c.pass ? t('votes.passed') : t('votes.failed')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {v.digest ? (
        <p className="submission-digest">
          {t(`${s}.digest`)} <code>{v.digest}</code>
        </p>
      ) : null}
    </section>
  );
}
