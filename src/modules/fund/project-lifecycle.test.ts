import { describe, expect, it } from 'vitest';
import {
  acceptanceCarried,
  dayAfter,
  evaluationReady,
  lineRoom,
  objectionsOpen,
  PROJECT_MOVES,
  type ProjectAbilities,
  type ProjectFacts,
  type ProjectRelation,
  projectAbilities,
  projectMove,
  seesProject,
  seesReceipts,
} from './project-lifecycle.ts';
import { PROJECT_STAGES, type ProjectStage } from './projects.tables.ts';

const nobody: ProjectRelation = {
  staff: false,
  post: false,
  team: false,
  supervisor: false,
  partner: false,
  resident: false,
};
const WHO = {
  manager: { ...nobody, staff: true, post: true },
  reader: { ...nobody, staff: true },
  team: { ...nobody, team: true },
  supervisor: { ...nobody, supervisor: true },
  resident: { ...nobody, resident: true },
  partner: { ...nobody, partner: true },
  outsider: nobody,
} satisfies Record<string, ProjectRelation>;
type Who = keyof typeof WHO;

const facts = (stage: ProjectStage, more: Partial<ProjectFacts> = {}): ProjectFacts => ({
  stage,
  today: '2026-05-10',
  objectionsUntil: null,
  pendingApproval: false,
  tally: { accept: 0, reject: 0 },
  unansweredObjections: 0,
  ...more,
});

/** The abilities that are true for `who` at the stage, sorted. */
const able = (who: Who, f: ProjectFacts) =>
  (Object.entries(projectAbilities(WHO[who], f)) as [keyof ProjectAbilities, boolean][])
    .filter(([, v]) => v)
    .map(([k]) => k)
    .sort();

describe('project lifecycle', () => {
  it('walks the main path from application to closed', () => {
    let stage: ProjectStage = 'application';
    stage = projectMove(stage, 'submit')!;
    expect(stage).toBe('approval');
    // approval → implementation is the approvals' doing (project-funding.ts), not a move here.
    for (const move of ['submit', 'withdraw', 'toAcceptance', 'settle', 'close'] as const) {
      expect(projectMove('approval', move)).toBeNull();
    }
    stage = 'implementation';
    for (const [move, next] of [
      ['toAcceptance', 'acceptance'],
      ['toSettlement', 'settlement'],
      ['settle', 'disclosure'],
      ['toEvaluation', 'evaluation'],
      ['close', 'closed'],
    ] as const) {
      stage = projectMove(stage, move)!;
      expect(stage).toBe(next);
    }
  });

  it('sends a rejected acceptance back to work, and withdraws only an application', () => {
    expect(projectMove('acceptance', 'rework')).toBe('implementation');
    expect(projectMove('application', 'withdraw')).toBe('withdrawn');
    expect(projectMove('implementation', 'withdraw')).toBeNull();
  });

  it('allows no move out of a final stage', () => {
    for (const final of ['closed', 'rejected', 'withdrawn'] as const) {
      for (const move of Object.keys(PROJECT_MOVES) as (keyof typeof PROJECT_MOVES)[]) {
        expect(projectMove(final, move), `${final} ${move}`).toBeNull();
      }
    }
  });

  it('gives each party its abilities, stage by stage (role × action)', () => {
    const table: Record<ProjectStage, Partial<Record<Who, string[]>>> = {
      application: { manager: ['edit', 'submit', 'withdraw'], team: ['edit', 'submit', 'withdraw'] },
      approval: {},
      implementation: {
        manager: ['expense', 'milestone', 'overBudget', 'respond', 'toAcceptance', 'update'],
        team: ['milestone', 'overBudget', 'respond', 'toAcceptance', 'update'],
        supervisor: ['inspect'],
      },
      acceptance: {
        manager: ['respond', 'rework', 'update'],
        team: ['respond', 'update'],
        supervisor: ['inspect'],
        resident: ['accept'],
      },
      settlement: {
        manager: ['expense', 'overBudget', 'respond', 'settle'],
        team: ['overBudget', 'respond'],
      },
      disclosure: { manager: ['answer'] },
      evaluation: { manager: ['answer', 'close'], resident: ['evaluate'] },
      closed: {},
      rejected: {},
      withdrawn: {},
    };
    for (const stage of PROJECT_STAGES) {
      for (const who of Object.keys(WHO) as Who[]) {
        expect(able(who, facts(stage)), `${who} at ${stage}`).toEqual([...(table[stage][who] ?? [])].sort());
      }
    }
  });

  it('holds acceptance, spending and the move to acceptance while an approval is pending', () => {
    const pending = facts('implementation', { pendingApproval: true });
    expect(able('manager', pending)).toEqual(['expense', 'milestone', 'respond', 'update']);
    expect(able('manager', facts('settlement', { pendingApproval: true }))).toEqual(['expense', 'respond']);
  });

  it('settles only what the residents accepted: at least one accept, more accepts than rejects', () => {
    expect(acceptanceCarried({ accept: 0, reject: 0 })).toBe(false);
    expect(acceptanceCarried({ accept: 1, reject: 0 })).toBe(true);
    expect(acceptanceCarried({ accept: 2, reject: 2 })).toBe(false);
    expect(acceptanceCarried({ accept: 3, reject: 2 })).toBe(true);
    expect(able('manager', facts('acceptance', { tally: { accept: 2, reject: 1 } }))).toContain(
      'toSettlement',
    );
    expect(able('reader', facts('acceptance', { tally: { accept: 2, reject: 1 } }))).toEqual([]);
  });

  it('takes objections until the last day of the period, and opens evaluation after it once all are answered', () => {
    expect(objectionsOpen(null, '2026-05-10')).toBe(false);
    expect(objectionsOpen('2026-05-10', '2026-05-10')).toBe(true);
    expect(objectionsOpen('2026-05-09', '2026-05-10')).toBe(false);
    expect(evaluationReady('2026-05-10', '2026-05-10', 0)).toBe(false);
    expect(evaluationReady('2026-05-09', '2026-05-10', 1)).toBe(false);
    expect(evaluationReady('2026-05-09', '2026-05-10', 0)).toBe(true);
    const open = facts('disclosure', { objectionsUntil: '2026-05-12' });
    expect(able('resident', open)).toEqual(['object']);
    expect(able('manager', open)).toEqual(['answer']);
    const over = facts('disclosure', { objectionsUntil: '2026-05-09' });
    expect(able('resident', over)).toEqual([]);
    expect(able('manager', over)).toEqual(['answer', 'toEvaluation']);
    expect(able('manager', { ...over, unansweredObjections: 1 })).toEqual(['answer']);
  });

  it('shows residents a project from its approval on, and receipts from the disclosure on', () => {
    for (const stage of PROJECT_STAGES) {
      const funded = !['application', 'approval', 'rejected', 'withdrawn'].includes(stage);
      expect(seesProject(WHO.resident, stage), stage).toBe(funded);
      expect(seesProject(WHO.outsider, stage)).toBe(false);
      expect(seesProject(WHO.reader, stage)).toBe(true);
      expect(seesProject(WHO.supervisor, stage)).toBe(true);
      expect(seesReceipts(WHO.resident, stage), stage).toBe(
        ['disclosure', 'evaluation', 'closed'].includes(stage),
      );
      expect(seesReceipts(WHO.team, stage)).toBe(true);
    }
  });

  it('counts days across months and years, and the room left on a line', () => {
    expect(dayAfter('2026-01-28', 7)).toBe('2026-02-04');
    expect(dayAfter('2026-12-29', 3)).toBe('2027-01-01');
    expect(dayAfter('2028-02-27', 2)).toBe('2028-02-29');
    expect(lineRoom({ amountFen: 10_000, extraFen: 500 }, 9_000)).toBe(1_500);
  });
});
