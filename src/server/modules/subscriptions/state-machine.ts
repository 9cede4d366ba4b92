/**
 * The subscription state machine of SUBSCRIPTIONS.md A3 as data. Nothing outside {@link SUBSCRIPTION_TRANSITIONS}
 * happens: `transition` answers the next status or throws {@link SubscriptionTransitionError}.
 *
 * Provisioning («any stable state ↔ provisioning:*», A3) is not a status here: it is the orthogonal
 * `provisioning_state` field of A2 (`idle` | `in_progress:<op>` | `failed:<op>`), so a vendor call never hides
 * whether the subscription is active or stopped.
 */
import { AppError } from '../../http/errors';

/** A3 statuses, for `text('status', { enum: SUBSCRIPTION_STATUSES })`. `deleted` also covers «sub removed». */
export const SUBSCRIPTION_STATUSES = [
  'ordered',
  'trial',
  'active',
  'payment_overdue',
  'stopped',
  'cancelled',
  'expired',
  'deleted',
] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

/** A3 events (the table's «event» column). */
export const SUBSCRIPTION_EVENTS = [
  'sales_ordered',
  'trial_ordered',
  'order_paid_provisioned',
  'unpaid_order_expired',
  'trial_converted',
  'trial_ended',
  'order_changed',
  'cancelled_in_window',
  'payment_missed',
  'overdue_paid',
  'grace_ended',
  'credit_hold',
  'stop',
  'debt_cleared',
  'resume',
  'term_ended',
  'retention_over',
] as const;
export type SubscriptionEvent = (typeof SUBSCRIPTION_EVENTS)[number];

/** Who causes an event (A3 «who»; A9 roles: Owner, Admin; staff = back office; system = jobs). */
export const SUBSCRIPTION_ACTORS = ['owner', 'admin', 'staff', 'system'] as const;
export type SubscriptionActor = (typeof SUBSCRIPTION_ACTORS)[number];

/** One row of A3; `from: null` = the subscription does not exist yet (the table's «—»). */
export type SubscriptionTransition = {
  readonly from: SubscriptionStatus | null;
  readonly event: SubscriptionEvent;
  readonly to: SubscriptionStatus;
  readonly actors: readonly SubscriptionActor[];
};

/** A3, row by row. Rows marked (inference) fill gaps the table leaves; see docs/billing-core.md. */
export const SUBSCRIPTION_TRANSITIONS: readonly SubscriptionTransition[] = [
  { from: null, event: 'sales_ordered', to: 'ordered', actors: ['owner', 'admin', 'staff'] },
  { from: 'ordered', event: 'order_paid_provisioned', to: 'active', actors: ['system'] },
  // AP account class «Cancel unpaid order in»: the order is cancelled and the subscription removed.
  { from: 'ordered', event: 'unpaid_order_expired', to: 'deleted', actors: ['system'] },
  { from: null, event: 'trial_ordered', to: 'trial', actors: ['owner', 'admin'] },
  { from: 'trial', event: 'trial_converted', to: 'active', actors: ['system'] },
  { from: 'trial', event: 'trial_ended', to: 'stopped', actors: ['system'] },
  { from: 'active', event: 'order_changed', to: 'active', actors: ['owner', 'admin', 'staff'] },
  { from: 'active', event: 'cancelled_in_window', to: 'cancelled', actors: ['owner', 'staff'] },
  { from: 'active', event: 'payment_missed', to: 'payment_overdue', actors: ['system'] },
  // (inference) B5.3: the overdue renewal paid late renews the term.
  { from: 'payment_overdue', event: 'overdue_paid', to: 'active', actors: ['system'] },
  // B5.4: stopped at term_end + grace when still unpaid.
  { from: 'payment_overdue', event: 'grace_ended', to: 'stopped', actors: ['system'] },
  { from: 'active', event: 'credit_hold', to: 'stopped', actors: ['system'] },
  { from: 'payment_overdue', event: 'credit_hold', to: 'stopped', actors: ['system'] },
  // A3 rule: customers stop only non-commitment plans (guarded in `transition`); staff stop any plan.
  { from: 'active', event: 'stop', to: 'stopped', actors: ['owner', 'staff'] },
  { from: 'stopped', event: 'debt_cleared', to: 'active', actors: ['system'] },
  // (inference) staff may resume what staff stopped.
  { from: 'stopped', event: 'resume', to: 'active', actors: ['owner', 'staff'] },
  { from: 'active', event: 'term_ended', to: 'expired', actors: ['system'] },
  // AP «Stop/Delete subscription type: manual»: staff approve the deletion for some services.
  { from: 'stopped', event: 'retention_over', to: 'deleted', actors: ['system', 'staff'] },
  { from: 'expired', event: 'retention_over', to: 'deleted', actors: ['system', 'staff'] },
];

/** Why a transition was refused. */
export type TransitionRefusal =
  | 'not_in_table'
  | 'actor_not_allowed'
  | 'commitment_stop'
  | 'credit_hold_trial';

const REFUSAL_CODE = {
  not_in_table: 'CONFLICT',
  actor_not_allowed: 'FORBIDDEN',
  commitment_stop: 'BAD_REQUEST',
  credit_hold_trial: 'BAD_REQUEST',
} as const;

const REFUSAL_MESSAGE: Record<TransitionRefusal, string> = {
  not_in_table: 'Действие недоступно для подписки в текущем статусе',
  actor_not_allowed: 'Недостаточно прав для этого действия с подпиской',
  commitment_stop:
    'Подписку с обязательством оплаты полного периода нельзя остановить: её можно не продлевать по окончании срока',
  credit_hold_trial: 'Пробные версии недоступны, пока аккаунт в финансовой блокировке: пополните баланс',
};

/** A3: a refused transition, with a stable code and a Russian message; `details` names status, event and actor. */
export class SubscriptionTransitionError extends AppError {
  override name = 'SubscriptionTransitionError';

  constructor(
    readonly reason: TransitionRefusal,
    readonly from: SubscriptionStatus | null,
    readonly event: SubscriptionEvent,
    readonly actor: SubscriptionActor,
  ) {
    super(REFUSAL_CODE[reason], REFUSAL_MESSAGE[reason], { reason, from, event, actor });
  }
}

/** Facts the guards of A3 need: the plan's `is_commitment` and the account's `hold_state` (A6). */
export type TransitionContext = { isCommitment?: boolean; creditHold?: boolean };

/**
 * A3: the status after `event` caused by `actor` in `status` (`null` before the subscription exists). Refuses what
 * the table lacks, an actor the row does not list, a customer stop of a commitment plan (A3 rules; AP
 * commitment-billing) and a trial ordered under credit hold (AP blocked-account page).
 */
export function transition(
  status: SubscriptionStatus | null,
  event: SubscriptionEvent,
  actor: SubscriptionActor,
  context: TransitionContext = {},
): SubscriptionStatus {
  const row = SUBSCRIPTION_TRANSITIONS.find((t) => t.from === status && t.event === event);
  if (!row) throw new SubscriptionTransitionError('not_in_table', status, event, actor);
  if (!row.actors.includes(actor))
    throw new SubscriptionTransitionError('actor_not_allowed', status, event, actor);
  // Fail safe: a customer stop needs `isCommitment: false` stated; an unknown plan type counts as a commitment.
  if (event === 'stop' && actor !== 'staff' && context.isCommitment !== false) {
    throw new SubscriptionTransitionError('commitment_stop', status, event, actor);
  }
  if (event === 'trial_ordered' && context.creditHold === true) {
    throw new SubscriptionTransitionError('credit_hold_trial', status, event, actor);
  }
  return row.to;
}

/** The events `actor` may cause now — what the UI offers as buttons (the guards still apply on commit). */
export function availableEvents(
  status: SubscriptionStatus | null,
  actor: SubscriptionActor,
): SubscriptionEvent[] {
  return SUBSCRIPTION_TRANSITIONS.filter((t) => t.from === status && t.actors.includes(actor)).map(
    (t) => t.event,
  );
}
