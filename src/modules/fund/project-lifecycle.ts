import type { ProjectStage } from './projects.tables.ts';

/**
 * A project's stages as pure rules (DESIGN §3.5): application → approval (the fund rules' approvals move
 * it on: approvals.ts, project-funding.ts) → implementation → acceptance by residents → settlement →
 * disclosure with an objection period → evaluation → closed. Which moves lead where, what each stage
 * allows, and who may do it: the abilities the API sends, from the user's relation to the project.
 */

export type ProjectMove =
  | 'submit'
  | 'withdraw'
  | 'toAcceptance'
  | 'rework'
  | 'toSettlement'
  | 'settle'
  | 'toEvaluation'
  | 'close';

export const PROJECT_MOVES: Record<ProjectMove, { from: readonly ProjectStage[]; to: ProjectStage }> = {
  submit: { from: ['application'], to: 'approval' },
  withdraw: { from: ['application'], to: 'withdrawn' },
  toAcceptance: { from: ['implementation'], to: 'acceptance' },
  // Residents found it unfinished: back to work, their verdicts kept (they may change them).
  rework: { from: ['acceptance'], to: 'implementation' },
  toSettlement: { from: ['acceptance'], to: 'settlement' },
  settle: { from: ['settlement'], to: 'disclosure' },
  toEvaluation: { from: ['disclosure'], to: 'evaluation' },
  close: { from: ['evaluation'], to: 'closed' },
};

/** The stage a move leads to, or null when the move is not allowed from `stage`. */
export function projectMove(stage: ProjectStage, move: ProjectMove): ProjectStage | null {
  const rule = PROJECT_MOVES[move];
  return rule.from.includes(stage) ? rule.to : null;
}

/** The work each stage allows (besides its moves). */
export const WORK_STAGES = {
  edit: ['application'],
  update: ['implementation', 'acceptance'],
  milestone: ['implementation'],
  inspect: ['implementation', 'acceptance'],
  respond: ['implementation', 'acceptance', 'settlement'],
  // Final payments 尾款 often follow acceptance: spending goes on until the settlement is done.
  expense: ['implementation', 'settlement'],
  overBudget: ['implementation', 'settlement'],
  accept: ['acceptance'],
  object: ['disclosure'],
  answer: ['disclosure', 'evaluation'],
  evaluate: ['evaluation'],
} as const satisfies Record<string, readonly ProjectStage[]>;
export type ProjectWork = keyof typeof WORK_STAGES;

export const allows = (stage: ProjectStage, work: ProjectWork) =>
  (WORK_STAGES[work] as readonly ProjectStage[]).includes(stage);

/** Stages residents see a project in: from the approved budget on (never a draft or a refused one). */
export const RESIDENT_STAGES: readonly ProjectStage[] = [
  'implementation',
  'acceptance',
  'settlement',
  'disclosure',
  'evaluation',
  'closed',
];

/** The objection period after settlement, in days: 7 unless asked, 3 to 30. */
export const OBJECTION_DAYS = { min: 3, max: 30, default: 7 } as const;

/** Residents accepted the work: at least one accept, and more accepts than rejects. */
export const acceptanceCarried = (tally: { accept: number; reject: number }) =>
  tally.accept > 0 && tally.accept > tally.reject;

/** Objections may be raised up to and including the last day of the period (China dates). */
export const objectionsOpen = (until: string | null, today: string) => until !== null && today <= until;

/** Evaluation opens once the period is over and every objection has its answer. */
export const evaluationReady = (until: string | null, today: string, unanswered: number) =>
  until !== null && today > until && unanswered === 0;

/** What a line may still spend: its amount and the approved extra, less what it spent. */
export const lineRoom = (line: { amountFen: number; extraFen: number }, spentFen: number) =>
  line.amountFen + line.extraFen - spentFen;

/** Who the user is to a project. */
export interface ProjectRelation {
  /** fund.read or fund.post at the station. */
  staff: boolean;
  /** fund.post at the station. */
  post: boolean;
  /** The lead (with an account) or a team member. */
  team: boolean;
  /** A member of the supervision group 监督小组. */
  supervisor: boolean;
  /** A partner 合作方 with an account. */
  partner: boolean;
  /** A verified resident of the station. */
  resident: boolean;
}

/** Staff and the project's own people see it at every stage; residents from its approval on. */
export const seesProject = (who: ProjectRelation, stage: ProjectStage) =>
  who.staff || who.team || who.supervisor || who.partner || (who.resident && RESIDENT_STAGES.includes(stage));

/** Receipts: staff and the team always; residents and partners once the settlement is disclosed. */
export const seesReceipts = (who: ProjectRelation, stage: ProjectStage) =>
  who.staff ||
  who.team ||
  (seesProject(who, stage) && ['disclosure', 'evaluation', 'closed'].includes(stage));

export interface ProjectFacts {
  stage: ProjectStage;
  today: string;
  objectionsUntil: string | null;
  /** A budget or over-budget request still waiting for its decisions. */
  pendingApproval: boolean;
  tally: { accept: number; reject: number };
  unansweredObjections: number;
}

/** What the user may do with the project now (the web app shows only these). */
export function projectAbilities(who: ProjectRelation, f: ProjectFacts) {
  const runs = who.post || who.team;
  const at = (work: ProjectWork) => allows(f.stage, work);
  const moves = (move: ProjectMove) => projectMove(f.stage, move) !== null;
  return {
    edit: at('edit') && runs,
    submit: moves('submit') && runs,
    withdraw: moves('withdraw') && runs,
    update: at('update') && runs,
    milestone: at('milestone') && runs,
    inspect: at('inspect') && who.supervisor,
    respond: at('respond') && runs,
    expense: at('expense') && who.post,
    overBudget: at('overBudget') && runs && !f.pendingApproval,
    toAcceptance: moves('toAcceptance') && runs && !f.pendingApproval,
    rework: moves('rework') && who.post,
    toSettlement: moves('toSettlement') && who.post && acceptanceCarried(f.tally),
    settle: moves('settle') && who.post && !f.pendingApproval,
    accept: at('accept') && who.resident,
    object: at('object') && who.resident && objectionsOpen(f.objectionsUntil, f.today),
    answer: at('answer') && who.post,
    toEvaluation:
      moves('toEvaluation') &&
      who.post &&
      evaluationReady(f.objectionsUntil, f.today, f.unansweredObjections),
    evaluate: at('evaluate') && who.resident,
    close: moves('close') && who.post,
  };
}
export type ProjectAbilities = ReturnType<typeof projectAbilities>;

/** The China date `n` days after `day` (YYYY-MM-DD). */
export function dayAfter(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
