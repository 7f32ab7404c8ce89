import { App, Button, Input, Radio, Tag } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chinaDateTime } from '../../components/chinaTime.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { TAG } from '../../components/tagColors.ts';
import { type Project, usePost } from './projectsApi.ts';

/**
 * What residents say about a project, as staff and residents both see it: the acceptance (验收) with its
 * tally and each resident's own verdict, the objections of the disclosure (公示) with their answers, and
 * the ratings (评价). The forms show only where the abilities allow them.
 */

export function AcceptanceBlock({ project: p }: { project: Project }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const id = useId();
  const mine = p.acceptance.mine;
  const [verdict, setVerdict] = useState<'accept' | 'reject'>(mine?.verdict ?? 'accept');
  const [comment, setComment] = useState(mine?.comment ?? '');
  const give = usePost<{ verdict: string; comment: string }>(`/fund-projects/${p.id}/acceptance`);
  return (
    <section className="stack" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`} className="section-title">
        {t('projects.residents.acceptance')}
      </h3>
      <p>
        {t('projects.residents.tally', { accept: p.acceptance.accept, reject: p.acceptance.reject })}{' '}
        {p.acceptance.carried ? <Tag color={TAG.good}>{t('projects.residents.carried')}</Tag> : null}
      </p>
      {mine ? (
        <p>{t('projects.residents.mine', { verdict: t(`projects.residents.verdicts.${mine.verdict}`) })}</p>
      ) : null}
      {p.acceptance.comments.length > 0 ? (
        <ul className="project-comments">
          {p.acceptance.comments.map((c, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: comments carry no id (who said them is not shown)
            <li key={i}>
              <Tag color={c.verdict === 'accept' ? TAG.good : TAG.bad}>
                {t(`projects.residents.verdicts.${c.verdict}`)}
              </Tag>
              {c.comment}
            </li>
          ))}
        </ul>
      ) : null}
      {p.abilities.accept ? (
        <div className="stack project-form">
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            aria-label={t('projects.residents.yourVerdict')}
            value={verdict}
            onChange={(e) => setVerdict(e.target.value as 'accept' | 'reject')}
            options={[
              { value: 'accept', label: t('projects.residents.accept') },
              { value: 'reject', label: t('projects.residents.reject') },
            ]}
          />
          <label htmlFor={`${id}-c`}>
            {verdict === 'reject' ? t('projects.residents.whyNot') : t('projects.residents.comment')}
          </label>
          <Input.TextArea
            id={`${id}-c`}
            rows={2}
            maxLength={1000}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
          <ProblemAlert error={give.error} />
          <Button
            type="primary"
            size="large"
            loading={give.isPending}
            onClick={() =>
              give.mutate(
                { verdict, comment: comment.trim() },
                { onSuccess: () => void message.success(t('projects.residents.thanks')) },
              )
            }
          >
            {mine ? t('projects.residents.change') : t('projects.residents.submitVerdict')}
          </Button>
        </div>
      ) : null}
    </section>
  );
}

export function ObjectionsBlock({ project: p }: { project: Project }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const at = chinaDateTime(i18n.language);
  const id = useId();
  const [text, setText] = useState('');
  const raise = usePost<{ text: string }>(`/fund-projects/${p.id}/objections`);
  return (
    <section className="stack" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`} className="section-title">
        {t('projects.residents.objections')}
      </h3>
      {p.objectionsUntil ? <p>{t('projects.residents.period', { day: p.objectionsUntil })}</p> : null}
      {p.objections.length === 0 ? <p className="hint">{t('projects.residents.noObjections')}</p> : null}
      <ul className="plain-list stack">
        {p.objections.map((o) => (
          <li key={o.id} className="project-record">
            <p className="project-text">
              {o.mine ? <Tag>{t('projects.residents.yours')}</Tag> : null}
              {o.text}
            </p>
            <p className="hint">{at(o.createdAt)}</p>
            {o.answer ? (
              <p className="project-answer">
                {t('common.labelled', { label: t('projects.residents.answer'), value: o.answer })}
              </p>
            ) : p.abilities.answer ? (
              <Answer objectionId={o.id} />
            ) : (
              <p className="hint">{t('projects.residents.unanswered')}</p>
            )}
          </li>
        ))}
      </ul>
      {p.abilities.object ? (
        <div className="stack project-form">
          <label htmlFor={`${id}-t`}>{t('projects.residents.raise')}</label>
          <Input.TextArea
            id={`${id}-t`}
            rows={3}
            maxLength={2000}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <ProblemAlert error={raise.error} />
          <Button
            type="primary"
            size="large"
            disabled={!text.trim()}
            loading={raise.isPending}
            onClick={() =>
              raise.mutate(
                { text: text.trim() },
                {
                  onSuccess: () => {
                    setText('');
                    void message.success(t('projects.residents.raised'));
                  },
                },
              )
            }
          >
            {t('projects.residents.submitObjection')}
          </Button>
        </div>
      ) : null}
    </section>
  );
}

function Answer({ objectionId }: { objectionId: number }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const answer = usePost<{ answer: string }>(`/fund-objections/${objectionId}/answer`);
  return (
    <div className="stack">
      <label htmlFor={id}>{t('projects.residents.answerLabel')}</label>
      <Input.TextArea
        id={id}
        rows={2}
        maxLength={2000}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <ProblemAlert error={answer.error} />
      <Button
        disabled={!text.trim()}
        loading={answer.isPending}
        onClick={() => answer.mutate({ answer: text.trim() })}
      >
        {t('projects.residents.sendAnswer')}
      </Button>
    </div>
  );
}

export function EvaluationBlock({ project: p }: { project: Project }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const id = useId();
  const mine = p.evaluation.mine;
  const [rating, setRating] = useState(mine?.rating ?? 5);
  const [comment, setComment] = useState(mine?.comment ?? '');
  const rate = usePost<{ rating: number; comment: string }>(`/fund-projects/${p.id}/evaluation`);
  const { count, ratingSum } = p.evaluation;
  return (
    <section className="stack" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`} className="section-title">
        {t('projects.residents.evaluation')}
      </h3>
      <p>
        {count === 0
          ? t('projects.residents.noRatings')
          : t('projects.residents.average', { average: (ratingSum / count).toFixed(1), count })}
      </p>
      {p.evaluation.comments.length > 0 ? (
        <ul className="project-comments">
          {p.evaluation.comments.map((c, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: comments carry no id (who said them is not shown)
            <li key={i}>{t('projects.residents.ratedComment', { rating: c.rating, comment: c.comment })}</li>
          ))}
        </ul>
      ) : null}
      {p.abilities.evaluate ? (
        <div className="stack project-form">
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            aria-label={t('projects.residents.yourRating')}
            value={rating}
            onChange={(e) => setRating(e.target.value as number)}
            options={[1, 2, 3, 4, 5].map((n) => ({ value: n, label: t('projects.residents.stars', { n }) }))}
          />
          <label htmlFor={`${id}-c`}>{t('projects.residents.comment')}</label>
          <Input.TextArea
            id={`${id}-c`}
            rows={2}
            maxLength={1000}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
          <ProblemAlert error={rate.error} />
          <Button
            type="primary"
            size="large"
            loading={rate.isPending}
            onClick={() =>
              rate.mutate(
                { rating, comment: comment.trim() },
                { onSuccess: () => void message.success(t('projects.residents.thanks')) },
              )
            }
          >
            {mine ? t('projects.residents.change') : t('projects.residents.submitRating')}
          </Button>
        </div>
      ) : null}
    </section>
  );
}
