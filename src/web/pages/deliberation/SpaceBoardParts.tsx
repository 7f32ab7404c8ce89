import { Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TAG } from '../../components/tagColors.ts';
import type { SpaceBoard, SpaceTopic } from './deliberationApi.ts';

/** The four principles of Open Space and the law of two feet, as the facilitator opens with them. */
export function Principles({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const p = 'deliberation.space.principles';
  return (
    <section className={`space-principles${compact ? ' compact' : ''}`} aria-labelledby="space-principles">
      <h2 id="space-principles" className="section-title">
        {t(`${p}.title`)}
      </h2>
      <ol>
        <li>{t(`${p}.one`)}</li>
        <li>{t(`${p}.two`)}</li>
        <li>{t(`${p}.three`)}</li>
        <li>{t(`${p}.four`)}</li>
      </ol>
      <p className="space-two-feet">
        <strong>{t(`${p}.twoFeetName`)}</strong>
        {t(`${p}.twoFeet`)}
      </p>
    </section>
  );
}

/**
 * The grid: one block per time slot, one cell per place, the group convened there (or 空). The cells wrap
 * to the width: a phone shows them one under another, a wide screen side by side.
 */
export function SpaceGrid(props: {
  board: SpaceBoard;
  renderTopic: (topic: SpaceTopic) => ReactNode;
  headingLevel?: 'h3' | 'h2';
}) {
  const { t } = useTranslation();
  const { board } = props;
  const Heading = props.headingLevel ?? 'h3';
  if (board.slots.length === 0 || board.places.length === 0) {
    return <p className="hint">{t('deliberation.space.noGrid')}</p>;
  }
  return (
    <div className="space-grid">
      {board.slots.map((slot) => (
        <section key={slot.id} className="space-slot" aria-label={slot.label}>
          <Heading className="space-slot-label">{slot.label}</Heading>
          <ul className="space-cells plain-list">
            {board.places.map((place) => {
              const topic = board.topics.find((x) => x.slotId === slot.id && x.placeId === place.id);
              return (
                <li key={place.id} className={`space-cell${topic ? '' : ' empty'}`}>
                  <div className="space-place">{place.name}</div>
                  {topic ? (
                    props.renderTopic(topic)
                  ) : (
                    <div className="hint">{t('deliberation.space.emptyCell')}</div>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}

/** Topics ranked by dots, most first. */
export function DotRanking({ board }: { board: SpaceBoard }) {
  const { t } = useTranslation();
  const ranked = [...board.topics].sort((a, b) => b.dots - a.dots || a.id - b.id);
  if (ranked.length === 0) return <p className="hint">{t('deliberation.space.noTopics')}</p>;
  return (
    <ol className="dot-ranking">
      {ranked.map((x) => (
        <li key={x.id}>
          <span className="dot-ranking-title">{x.title}</span>
          <span className="dot-ranking-count">{t('deliberation.space.dotsCount', { n: x.dots })}</span>
        </li>
      ))}
    </ol>
  );
}

/** Every group's action plans: what, who, by when. */
export function PlanList({ board }: { board: SpaceBoard }) {
  const { t } = useTranslation();
  const withPlans = board.topics.filter((x) => x.plans.length > 0);
  if (withPlans.length === 0) return <p className="hint">{t('deliberation.space.noPlans')}</p>;
  return (
    <ul className="plain-list space-plans">
      {withPlans.flatMap((x) =>
        x.plans.map((p) => (
          <li key={p.id} className={p.overdue ? 'action-overdue' : undefined}>
            <div className="action-title">{p.title}</div>
            <div className="action-meta">
              <Tag color={TAG.info}>{x.title}</Tag>
              <span>{t('deliberation.actions.owner', { name: p.ownerName })}</span>
              <span>{t('deliberation.actions.due', { date: p.dueOn })}</span>
              {p.status === 'done' ? <Tag color={TAG.good}>{t('deliberation.actions.done')}</Tag> : null}
              {p.overdue ? <Tag color={TAG.bad}>{t('deliberation.actions.overdue')}</Tag> : null}
            </div>
          </li>
        )),
      )}
    </ul>
  );
}

/** A group read-only: its topic, convener, members and report (the shared screen; a cancelled board). */
export function GroupSummary({ topic }: { topic: SpaceTopic }) {
  const { t } = useTranslation();
  const s = 'deliberation.space';
  return (
    <div className="screen-group">
      <div className="screen-group-title">{topic.title}</div>
      <div className="screen-group-meta">
        {t(`${s}.group.convener`, { name: topic.convener })} · {t(`${s}.group.members`, { n: topic.members })}
      </div>
      {topic.report ? <p className="screen-report">{topic.report}</p> : null}
    </div>
  );
}
