import { describe, expect, it } from 'vitest';
import { reachesAgenda, type TopicMove, type TopicStatus, topicMove } from './topic-lifecycle.ts';

const STATUSES: TopicStatus[] = ['proposed', 'onAgenda', 'inDeliberation', 'decided', 'declined'];
const MOVES: TopicMove[] = ['toAgenda', 'deliberate', 'decide', 'decline'];

// Written out by hand: where each move leads from each state (null: refused).
const EXPECTED: Record<TopicStatus, Record<TopicMove, TopicStatus | null>> = {
  proposed: { toAgenda: 'onAgenda', deliberate: 'inDeliberation', decide: null, decline: 'declined' },
  onAgenda: { toAgenda: null, deliberate: 'inDeliberation', decide: null, decline: 'declined' },
  inDeliberation: { toAgenda: null, deliberate: null, decide: 'decided', decline: 'declined' },
  decided: { toAgenda: null, deliberate: null, decide: null, decline: null },
  declined: { toAgenda: null, deliberate: null, decide: null, decline: null },
};

describe('topic lifecycle', () => {
  for (const from of STATUSES) {
    for (const move of MOVES) {
      it(`${from} × ${move} → ${EXPECTED[from][move] ?? 'refused'}`, () => {
        expect(topicMove(from, move)).toBe(EXPECTED[from][move]);
      });
    }
  }

  it('the threshold-th supporter puts a proposed topic on the agenda, and only a proposed one', () => {
    expect(reachesAgenda('proposed', 9, 10)).toBe(false);
    expect(reachesAgenda('proposed', 10, 10)).toBe(true);
    expect(reachesAgenda('inDeliberation', 50, 10)).toBe(false);
  });
});
