import type { Executor } from '../../../platform/db/client';
import type { LiveMessage, PaymentsDeps } from '../deps';
import type { WebhookEventStatus } from '../tables';

export interface ApplyResult {
  status: WebhookEventStatus;
  /** For a deferred event: the subject it waits for (`payment_intent:<id>`). */
  waitingFor?: string;
  note?: string;
}

/** What a handler works with: the transaction, "now", and where to put live messages. */
export interface ApplyContext {
  deps: PaymentsDeps;
  tx: Executor;
  now: Date;
  /** Publishes live messages once the transaction has committed. */
  publish(...messages: LiveMessage[]): void;
  /** Events applied in this transaction (for the lag metric, observed after commit). */
  applied: { type: string; createdAt: Date }[];
  /** Re-applies the deferred events waiting for `subject`, which has just arrived. */
  reapplyWaiting(subject: string): Promise<void>;
}

export const applied = (note?: string): ApplyResult => ({ status: 'applied', ...(note ? { note } : {}) });
export const ignored = (note: string): ApplyResult => ({ status: 'ignored', note });
export const deferred = (waitingFor: string, note: string): ApplyResult => ({ status: 'deferred', waitingFor, note });

/** The subject a payment's later events wait for. */
export const intentSubject = (paymentIntentId: string): string => `payment_intent:${paymentIntentId}`;
