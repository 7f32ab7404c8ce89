/**
 * The request lifecycle (DESIGN §3.3) as data: which action moves which status where. Pure, so the
 * rules are tested without a database and the UI is sent the actions a request allows now.
 */

export const STATUSES = [
  'submitted',
  'accepted',
  'assigned',
  'inProgress',
  'resolved',
  'closed',
  'rejected',
  'duplicate',
  'withdrawn',
] as const;
export type Status = (typeof STATUSES)[number];

export const TRANSITIONS = [
  'accept',
  'assign',
  'start',
  'resolve',
  'close',
  'reject',
  'markDuplicate',
  'withdraw',
  'reopen',
  'escalate',
  'handBack',
] as const;
export type Transition = (typeof TRANSITIONS)[number];

/** Who may take an action: staff of the station (or above), or the person who reported it. */
export type Party = 'staff' | 'reporter';

/** The statuses of a request still being handled (open): deadlines run, neighbours may "+1". */
export const OPEN_STATUSES: Status[] = ['submitted', 'accepted', 'assigned', 'inProgress'];

const RULES = {
  accept: { from: ['submitted'], to: 'accepted', by: 'staff' },
  assign: { from: ['submitted', 'accepted', 'assigned', 'inProgress'], to: 'assigned', by: 'staff' },
  start: { from: ['accepted', 'assigned'], to: 'inProgress', by: 'staff' },
  resolve: { from: ['accepted', 'assigned', 'inProgress'], to: 'resolved', by: 'staff' },
  close: { from: ['resolved'], to: 'closed', by: 'staff' },
  reject: { from: ['submitted', 'accepted'], to: 'rejected', by: 'staff' },
  markDuplicate: { from: ['submitted', 'accepted'], to: 'duplicate', by: 'staff' },
  withdraw: { from: OPEN_STATUSES, to: 'withdrawn', by: 'reporter' },
  // "Not fixed": the reporter sends a resolved request back; staff may reopen a closed one.
  reopen: { from: ['resolved', 'closed'], to: 'accepted', by: 'reporter' },
  // Escalation keeps the status and moves who holds it (community → street → district / 12345).
  escalate: { from: OPEN_STATUSES, to: null, by: 'staff' },
  // The level above hands it back down (e.g. the community has settled what needed it), status kept.
  handBack: { from: OPEN_STATUSES, to: null, by: 'staff' },
} as const satisfies Record<Transition, { from: readonly Status[]; to: Status | null; by: Party }>;

export function isOpen(status: Status): boolean {
  return OPEN_STATUSES.includes(status);
}

/** The status after `action`, or null when the action is not allowed from `status` for `party`. */
export function nextStatus(status: Status, action: Transition, party: Party): Status | null {
  const rule = RULES[action];
  if (!(rule.from as readonly Status[]).includes(status)) return null;
  if (rule.by !== party && !(action === 'reopen' && party === 'staff')) return null;
  return rule.to ?? status;
}

/** The actions a party may take on a request in this status (sent to the UI with the request). */
export function allowedActions(status: Status, party: Party): Transition[] {
  return TRANSITIONS.filter((a) => nextStatus(status, a, party) !== null);
}

export const ESCALATION_LEVELS = ['station', 'community', 'street', 'district'] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];

export function nextLevel(level: EscalationLevel): EscalationLevel | null {
  const i = ESCALATION_LEVELS.indexOf(level);
  return ESCALATION_LEVELS[i + 1] ?? null;
}

export function previousLevel(level: EscalationLevel): EscalationLevel | null {
  const i = ESCALATION_LEVELS.indexOf(level);
  return i > 0 ? ESCALATION_LEVELS[i - 1]! : null;
}

/** The actions that also fit the request's level: no escalating past the top, no handing back below the station. */
export function actionsAtLevel(actions: readonly Transition[], level: EscalationLevel): Transition[] {
  return actions.filter(
    (a) =>
      !(a === 'escalate' && nextLevel(level) === null) &&
      !(a === 'handBack' && previousLevel(level) === null),
  );
}
