import type { TOPIC_STATUSES } from './topics.tables.ts';

/**
 * A topic's states (DESIGN §3.4): proposed → on the agenda → in deliberation → decided, or declined with
 * a reason from any open state. Enough supporters put a proposed topic on the agenda by themselves.
 * Decided and declined are final. Pure.
 */

export type TopicStatus = (typeof TOPIC_STATUSES)[number];
export type TopicMove = 'toAgenda' | 'deliberate' | 'decide' | 'decline';

const MOVES: Record<TopicMove, { from: readonly TopicStatus[]; to: TopicStatus }> = {
  toAgenda: { from: ['proposed'], to: 'onAgenda' },
  deliberate: { from: ['proposed', 'onAgenda'], to: 'inDeliberation' },
  decide: { from: ['inDeliberation'], to: 'decided' },
  decline: { from: ['proposed', 'onAgenda', 'inDeliberation'], to: 'declined' },
};

/** The state a move leads to, or null when the move is not allowed from `status`. */
export function topicMove(status: TopicStatus, move: TopicMove): TopicStatus | null {
  const rule = MOVES[move];
  return rule.from.includes(status) ? rule.to : null;
}

export const isTopicOpen = (status: TopicStatus) => status !== 'decided' && status !== 'declined';

/** Whether one more supporter puts a proposed topic on the agenda. */
export const reachesAgenda = (status: TopicStatus, supporters: number, threshold: number) =>
  status === 'proposed' && supporters >= threshold;
