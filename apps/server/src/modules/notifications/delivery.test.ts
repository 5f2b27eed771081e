import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueue } from '../../platform/jobs';
import type { Runtime } from '../../composition/runtime';
import { devMailbox } from '../../platform/tables';
import { apiClient, type Session } from '../../../test/client';
import { startTestServer } from '../../../test/harness';
import { DELIVER_TASK } from './notify';
import { notifyCommitted, settledDeliveries, subscribe, waitUntil } from './test-support';

let runtime: Runtime;
let baseUrl: string;
let api: ReturnType<typeof apiClient>;
let buyer: Session;
const email = 'buyer.delivery@example.com';

beforeAll(async () => {
  runtime = await startTestServer({ env: { PUBLIC_URL: 'https://market.example' } });
  baseUrl = await runtime.app!.listen({ port: 0, host: '127.0.0.1' });
  api = apiClient(runtime);
  buyer = await api.signIn(email);
});
afterAll(async () => runtime?.stop());

async function mailsWithSubject(to: string, subject: string) {
  return runtime.ctx.db
    .select()
    .from(devMailbox)
    .where(and(eq(devMailbox.to, to), like(devMailbox.subject, subject)));
}

describe('delivering a notification', () => {
  it('reaches the open app in real time with the unread count, and the inbox by email (plain and HTML)', async () => {
    const client = await subscribe(baseUrl, buyer.accessToken, `user:${buyer.userId}`);
    const before = Date.now();
    const id = await notifyCommitted(runtime, {
      userId: buyer.userId,
      kind: 'won',
      title: 'You won "Bowl <Ash & Oak>"',
      body: 'Pay within 24 hours to secure it.',
      link: '/auctions/a1/payment',
    });

    const pushed = await client.waitFor((m) => m.type === 'notification');
    expect(pushed.channel).toBe(`user:${buyer.userId}`);
    expect(pushed.data).toMatchObject({
      notification: {
        id,
        kind: 'won',
        title: 'You won "Bowl <Ash & Oak>"',
        readAt: null,
        link: '/auctions/a1/payment',
      },
      unreadCount: 1,
    });
    expect(Date.parse(pushed.serverTime!)).toBeGreaterThanOrEqual(before - 1000);

    const rows = await settledDeliveries(runtime, id);
    expect(rows.in_app!.status).toBe('sent');
    expect(rows.email!.status).toBe('sent');
    expect(rows.email!.sentAt).not.toBeNull();
    expect(rows.sms).toMatchObject({ status: 'skipped', lastError: 'turned off in preferences' });
    expect(rows.web_push).toMatchObject({ status: 'skipped', lastError: 'no web push subscription' });
    expect(rows.mobile_push).toMatchObject({ status: 'skipped', lastError: 'mobile push is not configured' });

    const [mail] = await mailsWithSubject(email, 'You won%');
    expect(mail).toBeDefined();
    expect(mail!.subject).toBe('You won "Bowl <Ash & Oak>"');
    expect(mail!.text).toContain('Pay within 24 hours to secure it.');
    expect(mail!.text).toContain('Pay now: https://market.example/auctions/a1/payment');
    expect(mail!.html).toContain(
      '<h1 style="font-size:20px;margin:0 0 16px">You won &quot;Bowl &lt;Ash &amp; Oak&gt;&quot;</h1>',
    );
    expect(mail!.html).toContain('href="https://market.example/auctions/a1/payment"');
    expect(mail!.html).not.toContain('<Ash');

    // The development mailbox the app shows has it too.
    const box = await api.call<{ messages: { subject: string }[] }>(
      'GET',
      `/v1/dev/mailbox?to=${encodeURIComponent(email)}`,
    );
    expect(box.body.messages.some((m) => m.subject === mail!.subject)).toBe(true);

    // Reading it updates the badge on every open session.
    const count = await api.call<{ unreadCount: number }>('GET', '/v1/notifications/unread-count', {
      token: buyer.accessToken,
    });
    expect(count.body.unreadCount).toBe(1);
    await api.call('POST', `/v1/notifications/${id}/read`, { token: buyer.accessToken });
    const read = await client.waitFor((m) => m.type === 'notifications_read');
    expect(read.data).toEqual({ ids: [id], unreadCount: 0 });
    client.ws.close();
  });

  it('a delivery job run again sends nothing twice', async () => {
    const client = await subscribe(baseUrl, buyer.accessToken, `user:${buyer.userId}`);
    const id = await notifyCommitted(runtime, {
      userId: buyer.userId,
      kind: 'shipped',
      title: 'Your vase is on its way',
      body: 'Tracking: 1Z999',
    });
    const first = await settledDeliveries(runtime, id);
    expect(first.email!.status).toBe('sent');

    // The same job again (as after a crash between sending and finishing), twice over.
    for (const key of ['rerun-1', 'rerun-2']) {
      await enqueue(
        runtime.ctx.db,
        DELIVER_TASK,
        { notificationId: id },
        { jobKey: `${DELIVER_TASK.name}:${key}:${id}` },
      );
    }
    await waitUntil(async () => {
      const res = await runtime.ctx.pool.query(`select 1 from graphile_worker.jobs where key like '%rerun%'`);
      return res.rowCount === 0;
    });

    expect(await mailsWithSubject(email, 'Your vase is on its way')).toHaveLength(1);
    expect(
      client.messages.filter((m) => m.type === 'notification' && (m.data?.notification as { id: string }).id === id),
    ).toHaveLength(1);
    const again = await settledDeliveries(runtime, id);
    expect(again.email!.attempts).toBe(1);
    expect(again.in_app!.attempts).toBe(1);
    client.ws.close();
  });

  it('a channel the user turned off for a kind is skipped; other kinds still use it', async () => {
    const put = await api.call('PUT', '/v1/notifications/preferences', {
      token: buyer.accessToken,
      body: { items: [{ kind: 'payment_reminder', channel: 'email', enabled: false }] },
    });
    expect(put.status).toBe(200);
    const off = await notifyCommitted(runtime, {
      userId: buyer.userId,
      kind: 'payment_reminder',
      title: 'Two hours left to pay',
      body: 'Your payment window closes soon.',
    });
    const on = await notifyCommitted(runtime, {
      userId: buyer.userId,
      kind: 'payment_received',
      title: 'Payment received',
      body: 'Thank you.',
    });
    const offRows = await settledDeliveries(runtime, off);
    expect(offRows.email).toMatchObject({ status: 'skipped', lastError: 'turned off in preferences', attempts: 0 });
    expect(offRows.in_app!.status).toBe('sent');
    expect((await settledDeliveries(runtime, on)).email!.status).toBe('sent');
    expect(await mailsWithSubject(email, 'Two hours left to pay')).toHaveLength(0);
    expect(await mailsWithSubject(email, 'Payment received')).toHaveLength(1);
  });

  it('SMS goes to the decrypted phone number of a user who opted in', async () => {
    const phone = '+15551230987';
    const before = Date.now() - 5;
    await api.call('POST', '/v1/auth/sms/start', { body: { phone } });
    const code = await api.latestCode(phone, before);
    const res = await api.call<{ accessToken: string; user: { id: string } }>('POST', '/v1/auth/sms/verify', {
      body: { phone, code },
    });
    expect(res.status).toBe(200);
    await api.call('PUT', '/v1/notifications/preferences', {
      token: res.body.accessToken,
      body: { items: [{ kind: 'outbid', channel: 'sms', enabled: true }] },
    });
    const id = await notifyCommitted(runtime, {
      userId: res.body.user.id,
      kind: 'outbid',
      title: 'You were outbid',
      body: 'The bid is now $120.',
      link: '/stories/s1',
    });
    const rows = await settledDeliveries(runtime, id);
    expect(rows.sms!.status).toBe('sent');
    expect(rows.email).toMatchObject({ status: 'skipped' });
    const [sms] = await runtime.ctx.mailer.mailbox(phone);
    expect(sms).toMatchObject({
      channel: 'sms',
      text: 'You were outbid: The bid is now $120. https://market.example/stories/s1',
    });
  });
});
