import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  availableEvents,
  SUBSCRIPTION_ACTORS,
  SUBSCRIPTION_EVENTS,
  SUBSCRIPTION_STATUSES,
  SUBSCRIPTION_TRANSITIONS,
  type SubscriptionStatus,
  SubscriptionTransitionError,
  transition,
} from './state-machine';

describe('A3 table', () => {
  it('walks the seed life: ordered → active → payment_overdue → stopped → active → expired → deleted', () => {
    let status = transition(null, 'sales_ordered', 'owner');
    status = transition(status, 'order_paid_provisioned', 'system');
    status = transition(status, 'order_changed', 'admin');
    status = transition(status, 'payment_missed', 'system');
    status = transition(status, 'credit_hold', 'system');
    status = transition(status, 'debt_cleared', 'system');
    status = transition(status, 'term_ended', 'system');
    expect(transition(status, 'retention_over', 'staff')).toBe('deleted');
  });

  it('a customer cannot stop a commitment plan (nor one whose type is unknown); staff can', () => {
    const refuse = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return error;
      }
      throw new Error('not refused');
    };
    const error = refuse(() => transition('active', 'stop', 'owner', { isCommitment: true }));
    expect(error).toBeInstanceOf(SubscriptionTransitionError);
    expect(error).toMatchObject({ reason: 'commitment_stop', code: 'BAD_REQUEST', status: 400 });
    expect(refuse(() => transition('active', 'stop', 'owner'))).toMatchObject({ reason: 'commitment_stop' });
    expect(transition('active', 'stop', 'owner', { isCommitment: false })).toBe('stopped');
    expect(transition('active', 'stop', 'staff', { isCommitment: true })).toBe('stopped');
    expect(refuse(() => transition('active', 'stop', 'admin', { isCommitment: false }))).toMatchObject({
      reason: 'actor_not_allowed',
      code: 'FORBIDDEN',
    });
    expect(refuse(() => transition('cancelled', 'resume', 'owner'))).toMatchObject({
      reason: 'not_in_table',
      status: 409,
    });
    expect(refuse(() => transition(null, 'trial_ordered', 'owner', { creditHold: true }))).toMatchObject({
      reason: 'credit_hold_trial',
    });
  });

  it('offers only the events of the table for the actor', () => {
    expect(availableEvents('active', 'owner').sort()).toEqual([
      'cancelled_in_window',
      'order_changed',
      'stop',
    ]);
    expect(availableEvents('cancelled', 'staff')).toEqual([]);
  });

  it('has one row per (from, event), known names, and every status reachable from the start', () => {
    const keys = SUBSCRIPTION_TRANSITIONS.map((t) => `${t.from}/${t.event}`);
    expect(new Set(keys).size).toBe(keys.length);
    const reached = new Set<SubscriptionStatus | null>([null]);
    for (let changed = true; changed; ) {
      changed = false;
      for (const t of SUBSCRIPTION_TRANSITIONS) {
        if (reached.has(t.from) && !reached.has(t.to)) {
          reached.add(t.to);
          changed = true;
        }
      }
    }
    expect([...reached].filter((s) => s !== null).sort()).toEqual([...SUBSCRIPTION_STATUSES].sort());
  });
});

describe('A3 property', () => {
  it('random event sequences never leave the table', () => {
    const step = fc.record({
      event: fc.constantFrom(...SUBSCRIPTION_EVENTS),
      actor: fc.constantFrom(...SUBSCRIPTION_ACTORS),
      isCommitment: fc.option(fc.boolean(), { nil: undefined }),
      creditHold: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        let status: SubscriptionStatus | null = null;
        for (const { event, actor, isCommitment, creditHold } of steps) {
          try {
            const next = transition(status, event, actor, { isCommitment, creditHold });
            expect(SUBSCRIPTION_STATUSES).toContain(next);
            const row = SUBSCRIPTION_TRANSITIONS.find(
              (t) => t.from === status && t.event === event && t.to === next,
            );
            expect(row?.actors).toContain(actor);
            status = next;
          } catch (error) {
            expect(error).toBeInstanceOf(SubscriptionTransitionError);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
