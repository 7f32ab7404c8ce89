import { describe, expect, it } from 'vitest';
import { allowedActions, nextLevel, nextStatus, STATUSES, type Status, TRANSITIONS } from './lifecycle.ts';

describe('request lifecycle', () => {
  it('walks the main path: submitted → accepted → assigned → in progress → resolved → closed', () => {
    let s: Status = 'submitted';
    for (const [action, expected] of [
      ['accept', 'accepted'],
      ['assign', 'assigned'],
      ['start', 'inProgress'],
      ['resolve', 'resolved'],
      ['close', 'closed'],
    ] as const) {
      const next = nextStatus(s, action, 'staff');
      expect(next).toBe(expected);
      s = next!;
    }
  });

  it('lets the reporter say "not fixed" on a resolved request, and withdraw an open one', () => {
    expect(nextStatus('resolved', 'reopen', 'reporter')).toBe('accepted');
    expect(nextStatus('inProgress', 'withdraw', 'reporter')).toBe('withdrawn');
    expect(nextStatus('resolved', 'withdraw', 'reporter')).toBeNull();
  });

  it('refuses what a party may not do, and anything from a final state', () => {
    expect(nextStatus('submitted', 'resolve', 'reporter')).toBeNull();
    expect(nextStatus('submitted', 'resolve', 'staff')).toBeNull();
    for (const final of ['rejected', 'duplicate', 'withdrawn'] as const) {
      for (const action of TRANSITIONS) {
        expect(nextStatus(final, action, 'staff')).toBeNull();
        expect(nextStatus(final, action, 'reporter')).toBeNull();
      }
    }
  });

  it('keeps the status on escalation, only for open requests', () => {
    expect(nextStatus('assigned', 'escalate', 'staff')).toBe('assigned');
    expect(nextStatus('resolved', 'escalate', 'staff')).toBeNull();
    expect(nextLevel('station')).toBe('community');
    expect(nextLevel('district')).toBeNull();
  });

  it('offers each status only the actions that are allowed', () => {
    for (const s of STATUSES) {
      for (const a of allowedActions(s, 'staff')) expect(nextStatus(s, a, 'staff')).not.toBeNull();
    }
    expect(allowedActions('resolved', 'reporter')).toEqual(['reopen']);
  });
});
