import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CircuitOpenError } from '../../platform/http/circuit-breaker';
import type { Runtime } from '../../composition/runtime';
import { startTestServer } from '../../../test/harness';
import { PermanentDeliveryError, type ChannelOutcome, type ChannelSender } from './channels/channel';
import {
  deliverNotification,
  DeliveryIncomplete,
  MAX_CHANNEL_ATTEMPTS,
  type DeliveryDeps,
} from './deliver-notification';
import type { DeliveryChannel } from './kinds';
import { deliveriesOf, notifyCommitted } from './test-support';

// API only: these tests run the delivery use case themselves, with scripted channels.
let runtime: Runtime;
beforeAll(async () => {
  runtime = await startTestServer({ env: { ROLES: 'api' } });
});
afterAll(async () => runtime?.stop());

type Script = (call: number) => ChannelOutcome | Error;

function scripted(script: Script): ChannelSender & { calls: number } {
  const sender = {
    calls: 0,
    send: () => {
      sender.calls += 1;
      const result = script(sender.calls);
      return result instanceof Error ? Promise.reject(result) : Promise.resolve(result);
    },
  };
  return sender;
}

const sent: Script = () => ({ status: 'sent' });

function depsWith(channels: Partial<Record<DeliveryChannel, ChannelSender>>): DeliveryDeps {
  const none = scripted(() => ({ status: 'skipped', reason: 'not in this test' }));
  return {
    db: runtime.ctx.db,
    clock: runtime.ctx.clock,
    logger: runtime.ctx.logger,
    identity: {
      contactOf: () => Promise.resolve({ email: 'x@example.com', phone: null, status: 'active', locale: null }),
    },
    channels: { in_app: none, email: none, web_push: none, sms: none, mobile_push: none, ...channels },
  };
}

const notifyWon = (title: string) =>
  notifyCommitted(runtime, { userId: randomUUID(), kind: 'won', title, body: 'Pay within 24 hours.' });

describe('deliverNotification', () => {
  it('retries only the channel that failed, and never sends a settled channel again', async () => {
    const id = await notifyWon('retry one channel');
    const inApp = scripted(sent);
    const email = scripted((call) => (call < 3 ? new Error('connection reset') : { status: 'sent' }));
    const deps = depsWith({ in_app: inApp, email });

    await expect(deliverNotification(deps, id, { lastAttempt: false })).rejects.toBeInstanceOf(DeliveryIncomplete);
    let rows = await deliveriesOf(runtime, id);
    expect(rows.in_app).toMatchObject({ status: 'sent', attempts: 1 });
    expect(rows.email).toMatchObject({ status: 'pending', attempts: 1, lastError: 'Error: connection reset' });

    await expect(deliverNotification(deps, id, { lastAttempt: false })).rejects.toThrow('incomplete on: email');
    await deliverNotification(deps, id, { lastAttempt: false });
    await deliverNotification(deps, id, { lastAttempt: false });

    rows = await deliveriesOf(runtime, id);
    expect(rows.email).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
    expect(inApp.calls).toBe(1);
    expect(email.calls).toBe(3);
  });

  it('a provider refusal for good fails the channel without retrying', async () => {
    const id = await notifyWon('permanent failure');
    const email = scripted(() => new PermanentDeliveryError('550 no such mailbox'));
    await deliverNotification(depsWith({ in_app: scripted(sent), email }), id, { lastAttempt: false });
    expect((await deliveriesOf(runtime, id)).email).toMatchObject({ status: 'failed', attempts: 1 });
    await deliverNotification(depsWith({ email }), id, { lastAttempt: false });
    expect(email.calls).toBe(1);
  });

  it(`gives a channel up after ${MAX_CHANNEL_ATTEMPTS} real attempts`, async () => {
    const id = await notifyWon('attempt cap');
    const email = scripted(() => new Error('timeout'));
    const deps = depsWith({ in_app: scripted(sent), email });
    for (let i = 1; i < MAX_CHANNEL_ATTEMPTS; i++) {
      await expect(deliverNotification(deps, id, { lastAttempt: false })).rejects.toBeInstanceOf(DeliveryIncomplete);
    }
    await deliverNotification(deps, id, { lastAttempt: false });
    expect((await deliveriesOf(runtime, id)).email).toMatchObject({ status: 'failed', attempts: MAX_CHANNEL_ATTEMPTS });
    expect(email.calls).toBe(MAX_CHANNEL_ATTEMPTS);
  });

  it('an open circuit defers the channel without spending an attempt', async () => {
    const id = await notifyWon('circuit open');
    const email = scripted((call) => (call === 1 ? new CircuitOpenError('email', new Date()) : { status: 'sent' }));
    const deps = depsWith({ in_app: scripted(sent), email });
    await expect(deliverNotification(deps, id, { lastAttempt: false })).rejects.toBeInstanceOf(DeliveryIncomplete);
    const deferred = (await deliveriesOf(runtime, id)).email!;
    expect(deferred.status).toBe('pending');
    expect(deferred.attempts).toBe(0);
    expect(deferred.lastError).toContain('email is unavailable');
    await deliverNotification(deps, id, { lastAttempt: false });
    expect((await deliveriesOf(runtime, id)).email).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it("on the job's last attempt a still-pending channel is marked failed instead of thrown", async () => {
    const id = await notifyWon('last attempt');
    const email = scripted(() => new CircuitOpenError('email', new Date()));
    await deliverNotification(depsWith({ in_app: scripted(sent), email }), id, { lastAttempt: true });
    expect((await deliveriesOf(runtime, id)).email!.status).toBe('failed');
  });

  it('a notification erased before its job ran is simply done', async () => {
    const inApp = scripted(sent);
    await deliverNotification(depsWith({ in_app: inApp }), randomUUID(), { lastAttempt: false });
    expect(inApp.calls).toBe(0);
  });

  it('masks personal data in the recorded error', async () => {
    const id = await notifyWon('masked error');
    const email = scripted(() => new PermanentDeliveryError('550 mailbox ann.smith@example.com unknown'));
    await deliverNotification(depsWith({ in_app: scripted(sent), email }), id, { lastAttempt: false });
    const row = (await deliveriesOf(runtime, id)).email!;
    expect(row.lastError).toContain('a***@example.com');
    expect(row.lastError).not.toContain('ann.smith');
  });
});
