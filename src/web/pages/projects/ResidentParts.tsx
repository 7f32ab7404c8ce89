import { App, Button, Input, Radio, Tag } from 'antd';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chinaDateTime } from '../../components/chinaTime.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { TAG } from '../../components/tagColors.ts';
import { type Project, usePost } from './projectsApi.ts';
import { ReplyForm } from './ReplyForm.tsx';

/**
 * What residents say about a project, as staff and residents both see it: the acceptance (验收) with its
 * tally and each resident's own verdict, the objections of the disclosure (公示) with their answers, and
 * the ratings (评价). The forms show only where the abilities allow them.
 */

function Block({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="stack" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`} className="section-title">
        {title}
      </h3>
      {children}
    </section>
  );
}

/** What residents wrote with their verdicts or ratings (who wrote them is not shown). */
function Comments<C>({ comments, render }: { comments: C[]; render: (c: C) => ReactNode }) {
  if (comments.length === 0) return null;
  return (
    <ul className="project-comments">
      {comments.map((c, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: comments carry no id (who said them is not shown)
        <li key={i}>{render(c)}</li>
      ))}
    </ul>
  );
}

/**
 * A resident's own say, a choice (verdict, rating) with a comment, sent to `path` as
 * `{ [choiceKey]: choice, comment }`; sent again, it replaces the one before.
 */
function OpinionForm<V extends string | number>(props: {
  path: string;
  choiceKey: string;
  choiceLabel: string;
  choices: { value: V; label: string }[];
  initial: { choice: V; comment: string };
  commentLabel: (choice: V) => string;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const id = useId();
  const [choice, setChoice] = useState(props.initial.choice);
  const [comment, setComment] = useState(props.initial.comment);
  const send = usePost<Record<string, unknown>>(props.path);
  return (
    <div className="stack project-form">
      <Radio.Group
        optionType="button"
        buttonStyle="solid"
        aria-label={props.choiceLabel}
        value={choice}
        onChange={(e) => setChoice(e.target.value as V)}
        options={props.choices}
      />
      <label htmlFor={`${id}-c`}>{props.commentLabel(choice)}</label>
      <Input.TextArea
        id={`${id}-c`}
        rows={2}
        maxLength={1000}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
      />
      <ProblemAlert error={send.error} />
      <Button
        type="primary"
        size="large"
        loading={send.isPending}
        onClick={() =>
          send.mutate(
            { [props.choiceKey]: choice, comment: comment.trim() },
            { onSuccess: () => void message.success(t('projects.residents.thanks')) },
          )
        }
      >
        {props.submitLabel}
      </Button>
    </div>
  );
}

export function AcceptanceBlock({ project: p }: { project: Project }) {
  const { t } = useTranslation();
  const mine = p.acceptance.mine;
  return (
    <Block title={t('projects.residents.acceptance')}>
      <p>
        {t('projects.residents.tally', { accept: p.acceptance.accept, reject: p.acceptance.reject })}{' '}
        {p.acceptance.carried ? <Tag color={TAG.good}>{t('projects.residents.carried')}</Tag> : null}
      </p>
      {mine ? (
        <p>{t('projects.residents.mine', { verdict: t(`projects.residents.verdicts.${mine.verdict}`) })}</p>
      ) : null}
      <Comments
        comments={p.acceptance.comments}
        render={(c) => (
          <>
            <Tag color={c.verdict === 'accept' ? TAG.good : TAG.bad}>
              {t(`projects.residents.verdicts.${c.verdict}`)}
            </Tag>
            {c.comment}
          </>
        )}
      />
      {p.abilities.accept ? (
        <OpinionForm<'accept' | 'reject'>
          path={`/fund-projects/${p.id}/acceptance`}
          choiceKey="verdict"
          choiceLabel={t('projects.residents.yourVerdict')}
          choices={[
            { value: 'accept', label: t('projects.residents.accept') },
            { value: 'reject', label: t('projects.residents.reject') },
          ]}
          initial={{ choice: mine?.verdict ?? 'accept', comment: mine?.comment ?? '' }}
          commentLabel={(verdict) =>
            verdict === 'reject' ? t('projects.residents.whyNot') : t('projects.residents.comment')
          }
          submitLabel={mine ? t('projects.residents.change') : t('projects.residents.submitVerdict')}
        />
      ) : null}
    </Block>
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
    <Block title={t('projects.residents.objections')}>
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
              <ReplyForm
                path={`/fund-objections/${o.id}/answer`}
                bodyKey="answer"
                label={t('projects.residents.answerLabel')}
                sendLabel={t('projects.residents.sendAnswer')}
              />
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
    </Block>
  );
}

export function EvaluationBlock({ project: p }: { project: Project }) {
  const { t } = useTranslation();
  const mine = p.evaluation.mine;
  const { count, ratingSum } = p.evaluation;
  return (
    <Block title={t('projects.residents.evaluation')}>
      <p>
        {count === 0
          ? t('projects.residents.noRatings')
          : t('projects.residents.average', { average: (ratingSum / count).toFixed(1), count })}
      </p>
      <Comments
        comments={p.evaluation.comments}
        render={(c) => t('projects.residents.ratedComment', { rating: c.rating, comment: c.comment })}
      />
      {p.abilities.evaluate ? (
        <OpinionForm<number>
          path={`/fund-projects/${p.id}/evaluation`}
          choiceKey="rating"
          choiceLabel={t('projects.residents.yourRating')}
          choices={[1, 2, 3, 4, 5].map((n) => ({ value: n, label: t('projects.residents.stars', { n }) }))}
          initial={{ choice: mine?.rating ?? 5, comment: mine?.comment ?? '' }}
          commentLabel={() => t('projects.residents.comment')}
          submitLabel={mine ? t('projects.residents.change') : t('projects.residents.submitRating')}
        />
      ) : null}
    </Block>
  );
}
