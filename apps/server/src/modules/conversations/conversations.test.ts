import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../test/client';
import { connectLive } from '../../../test/live-client';
import type { Runtime } from '../../composition/runtime';
import { buyNowStory, makerWithTotp, paidLocalOrder, signIn, startServer, type Api } from '../payments/test-support';
import { notifyJobKey, notifyUnread } from './notify-unread';
import { MESSAGES_PER_SENDER_PER_MINUTE, NOTIFY_QUIET_PERIOD_MS } from './rules';
import type { ConversationView, MessageView } from './schemas';
import { conversationsDepsOf } from './test-support';

const ADMIN = `conversations-admin-${Date.now().toString(36)}@example.com`;

interface ErrorBody {
  error: { code: string };
}
type Started = { conversation: ConversationView; message: MessageView | null } & ErrorBody;
type Page<T> = { items: T[]; nextCursor: string | null } & ErrorBody;

let runtime: Runtime;
let api: Api;
let maker: Session;
let storyId: string;

beforeAll(async () => {
  ({ runtime, api } = await startServer({ env: { ADMIN_EMAILS: ADMIN } }));
  maker = await makerWithTotp(runtime, api, 'conv-maker');
  storyId = await buyNowStory(runtime, api, maker, 20_000);
}, 60_000);
afterAll(async () => runtime?.stop());

const ask = (who: Session, body: Record<string, unknown>) =>
  api.call<Started>('POST', '/v1/conversations', { token: who.accessToken, body });
const send = (who: Session, conversationId: string, text: string) =>
  api.call<MessageView & ErrorBody>('POST', `/v1/conversations/${conversationId}/messages`, {
    token: who.accessToken,
    body: { text },
  });
const thread = (who: Session, conversationId: string, query = '') =>
  api.call<Page<MessageView>>('GET', `/v1/conversations/${conversationId}/messages${query}`, {
    token: who.accessToken,
  });
const list = (who: Session) => api.call<Page<ConversationView>>('GET', '/v1/conversations', { token: who.accessToken });
const unread = async (who: Session) =>
  (await api.call<{ unreadCount: number }>('GET', '/v1/conversations/unread-count', { token: who.accessToken })).body
    .unreadCount;

async function paidOrder(buyer: Session): Promise<string> {
  return paidLocalOrder(runtime, api, maker, buyer);
}

describe('a buyer asks the maker about a story', () => {
  it('opens one conversation per pair and subject, counts unread messages and marks them read', async () => {
    const buyer = await signIn(api, 'conv-buyer');
    const first = await ask(buyer, { storyId, text: 'Is the bowl food safe?' });
    expect(first.status).toBe(201);
    expect(first.body.message).toMatchObject({ senderId: buyer.userId, text: 'Is the bowl food safe?' });
    expect(first.body.conversation).toMatchObject({
      storyId,
      otherParty: { id: maker.userId },
      title: 'A walnut bowl',
    });
    const again = await ask(buyer, { storyId });
    expect(again.status).toBe(200);
    expect(again.body.conversation.id).toBe(first.body.conversation.id);
    const id = first.body.conversation.id;

    expect(await unread(maker)).toBe(1);
    const makerList = await list(maker);
    expect(makerList.body.items[0]).toMatchObject({
      id,
      unreadCount: 1,
      otherParty: { id: buyer.userId },
      lastMessage: { text: 'Is the bowl food safe?' },
    });
    expect((await send(maker, id, 'Yes, finished with oil.')).status).toBe(201);
    expect(await unread(maker)).toBe(0);
    expect(await unread(buyer)).toBe(1);
    const read = await api.call<{ unreadCount: number }>('POST', `/v1/conversations/${id}/read`, {
      token: buyer.accessToken,
    });
    expect(read.body.unreadCount).toBe(0);
    expect((await thread(buyer, id)).body.items.map((m) => m.text)).toEqual([
      'Yes, finished with oil.',
      'Is the bowl food safe?',
    ]);
  });

  it('keeps the conversation to its parties and refuses one with oneself', async () => {
    const buyer = await signIn(api, 'conv-private');
    const { body } = await ask(buyer, { storyId, text: 'Hello' });
    const stranger = await signIn(api, 'conv-stranger');
    expect((await thread(stranger, body.conversation.id)).body.error.code).toBe('conversation_not_found');
    expect((await send(stranger, body.conversation.id, 'hi')).status).toBe(404);
    expect((await ask(maker, { storyId })).body.error.code).toBe('cannot_message_self');
    expect((await ask(buyer, { storyId, orderId: storyId })).status).toBe(400);
  });

  it('takes plain text of 1 to 2,000 characters and stores markup as it was typed', async () => {
    const buyer = await signIn(api, 'conv-text');
    const id = (await ask(buyer, { storyId })).body.conversation.id;
    for (const text of ['', '   ', 'x'.repeat(2001), 'a\u0000b']) {
      const res = await send(buyer, id, text);
      expect(res.status, JSON.stringify(text.slice(0, 10))).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    expect((await send(buyer, id, 'é'.repeat(2000))).status).toBe(201);
    const markup = '<img src=x onerror=alert(1)> <b>bold</b>';
    expect((await send(buyer, id, markup)).body.text).toBe(markup);
  });
});

describe('links', () => {
  it('are allowed per message only once the sender account is 7 days old', async () => {
    const buyer = await signIn(api, 'conv-links');
    const { body } = await ask(buyer, { storyId, text: 'See https://example.com/x' });
    expect(body.message!.linksAllowed).toBe(false);
    await runtime.ctx.pool.query(`update identity.users set created_at = now() - interval '8 days' where id = $1`, [
      buyer.userId,
    ]);
    const page = await thread(maker, body.conversation.id);
    expect(page.body.items[0]!.linksAllowed).toBe(true);
  });
});

describe('an order', () => {
  it('lets its buyer and maker message each other, and no one else', async () => {
    const buyer = await signIn(api, 'conv-order-buyer');
    const orderId = await paidOrder(buyer);
    const opened = await ask(maker, { orderId, text: 'Shipping tomorrow.' });
    expect(opened.status).toBe(201);
    expect(opened.body.conversation).toMatchObject({
      subject: { type: 'order', id: orderId },
      otherParty: { id: buyer.userId },
    });
    expect((await ask(buyer, { orderId })).body.conversation.id).toBe(opened.body.conversation.id);
    const stranger = await signIn(api, 'conv-order-stranger');
    expect((await ask(stranger, { orderId })).body.error.code).toBe('order_not_found');
  }, 30_000);
});

describe('delivery', () => {
  it('reaches the recipient live on user:<id>', async () => {
    const buyer = await signIn(api, 'conv-live');
    const base = (await runtime.app!.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws');
    const live = await connectLive(`${base}/v1/realtime?token=${maker.accessToken}`);
    try {
      live.send({ type: 'subscribe', channel: `user:${maker.userId}` });
      await live.next((m) => m.type === 'subscribed');
      const { body } = await ask(buyer, { storyId, text: 'Live question' });
      const got = await live.next((m) => m.type === 'message');
      expect(got).toMatchObject({
        channel: `user:${maker.userId}`,
        data: { conversationId: body.conversation.id, message: { text: 'Live question', senderId: buyer.userId } },
      });
    } finally {
      live.socket.close();
    }
  });

  it('notifies once per conversation per quiet period, and not when the recipient read in time', async () => {
    const buyer = await signIn(api, 'conv-notify');
    const { body } = await ask(buyer, { storyId, text: 'One' });
    const id = body.conversation.id;
    await send(buyer, id, 'Two');
    await send(buyer, id, 'Three');
    const jobs = await runtime.ctx.pool.query<{ run_at: Date }>(
      `select run_at from graphile_worker.jobs where key = $1`,
      [notifyJobKey(id, maker.userId)],
    );
    expect(jobs.rows).toHaveLength(1);
    expect(jobs.rows[0]!.run_at.getTime() - Date.now()).toBeGreaterThan(NOTIFY_QUIET_PERIOD_MS - 60_000);

    const deps = conversationsDepsOf(runtime);
    const payload = { conversationId: id, recipientId: maker.userId };
    expect(await notifyUnread(deps, payload)).toBe('notified');
    expect(await notifyUnread(deps, payload)).toBe('notified');
    const sent = await runtime.ctx.pool.query<{ title: string }>(
      `select title from notifications.notifications where user_id = $1 and kind = 'message' and data->>'conversationId' = $2`,
      [maker.userId, id],
    );
    expect(sent.rows).toHaveLength(1);
    expect(sent.rows[0]!.title).toMatch(/ sent you 3 messages$/);

    await api.call('POST', `/v1/conversations/${id}/read`, { token: maker.accessToken });
    await send(buyer, id, 'Four');
    await api.call('POST', `/v1/conversations/${id}/read`, { token: maker.accessToken });
    expect(await notifyUnread(deps, payload)).toBe('read');
  });

  it('limits each sender to a number of messages a minute', async () => {
    const buyer = await signIn(api, 'conv-flood');
    const id = (await ask(buyer, { storyId })).body.conversation.id;
    const answers = [];
    for (let i = 0; i <= MESSAGES_PER_SENDER_PER_MINUTE; i++) answers.push((await send(buyer, id, `m${i}`)).status);
    expect(answers.slice(0, MESSAGES_PER_SENDER_PER_MINUTE).every((s) => s === 201)).toBe(true);
    expect(answers.at(-1)).toBe(429);
  });
});

describe('reports', () => {
  it('let an admin read a reported conversation, audited; never one without a report', async () => {
    const buyer = await signIn(api, 'conv-report');
    const admin = await signIn(api, 'admin', ADMIN);
    await api.enrolTotp(admin);
    const { body } = await ask(buyer, { storyId, text: 'Pay me outside the platform' });
    const id = body.conversation.id;
    const adminRead = () =>
      api.call<{ messages: Page<MessageView>; reports: unknown[] } & ErrorBody>(
        'GET',
        `/v1/admin/conversations/${id}`,
        {
          token: admin.accessToken,
        },
      );
    expect((await adminRead()).body.error.code).toBe('conversation_not_reported');
    expect(
      (
        await api.call('POST', `/v1/messages/${body.message!.id}/report`, {
          token: buyer.accessToken,
          body: { reason: 'x' },
        })
      ).status,
    ).toBe(422);
    const report = await api.call('POST', `/v1/messages/${body.message!.id}/report`, {
      token: maker.accessToken,
      body: { reason: 'Asks to pay off the platform' },
    });
    expect(report.status).toBe(201);
    expect((await api.call('GET', `/v1/admin/conversations/${id}`, { token: maker.accessToken })).status).toBe(403);
    const read = await adminRead();
    expect(read.status).toBe(200);
    expect(read.body.messages.items.map((m) => m.text)).toEqual(['Pay me outside the platform']);
    expect(read.body.reports).toHaveLength(1);
    const audit = await runtime.ctx.pool.query(
      `select 1 from platform.audit_log where actor_id = $1 and action = 'read_conversation' and target_id = $2`,
      [admin.userId, id],
    );
    expect(audit.rowCount).toBe(1);
    const queue = await api.call<Page<{ message: MessageView }>>('GET', '/v1/admin/message-reports', {
      token: admin.accessToken,
    });
    expect(queue.body.items.some((r) => r.message.conversationId === id)).toBe(true);
  });
});

describe('blocking', () => {
  it('stops the blocked user messaging the blocker and hides their messages, until unblocked', async () => {
    const buyer = await signIn(api, 'conv-blocked');
    const { body } = await ask(buyer, { storyId, text: 'First' });
    const id = body.conversation.id;
    const block = (method: 'PUT' | 'DELETE') =>
      api.call<{ blocked: boolean }>(method, `/v1/users/${buyer.userId}/block`, { token: maker.accessToken });
    expect((await block('PUT')).body).toEqual({ blocked: true });
    expect((await block('PUT')).body).toEqual({ blocked: true });
    const refused = await send(buyer, id, 'Second');
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('blocked_by_user');
    expect((await ask(buyer, { storyId, text: 'Again' })).body.error.code).toBe('blocked_by_user');
    expect((await thread(maker, id)).body.items).toEqual([]);
    const mine = (await list(maker)).body.items.find((c) => c.id === id)!;
    expect(mine).toMatchObject({ blocked: true, lastMessage: null });
    const theirs = (await list(buyer)).body.items.find((c) => c.id === id)!;
    expect(theirs.blockedByOther).toBe(true);
    const blocks = await api.call<{ items: { user: { id: string } }[] }>('GET', '/v1/me/blocks', {
      token: maker.accessToken,
    });
    expect(blocks.body.items.map((b) => b.user.id)).toContain(buyer.userId);

    expect((await block('DELETE')).body).toEqual({ blocked: false });
    expect((await send(buyer, id, 'Second')).status).toBe(201);
    expect((await thread(maker, id)).body.items.map((m) => m.text)).toEqual(['Second', 'First']);
  });

  it('refuses blocking oneself or an unknown user', async () => {
    const me = await signIn(api, 'conv-self');
    expect(
      (await api.call<ErrorBody>('PUT', `/v1/users/${me.userId}/block`, { token: me.accessToken })).body.error.code,
    ).toBe('cannot_block_self');
    const unknown = await api.call('PUT', `/v1/users/${crypto.randomUUID()}/block`, { token: me.accessToken });
    expect(unknown.status).toBe(404);
  });
});

describe('account data', () => {
  it('exports my messages; deletion erases my text and leaves the other side readable', async () => {
    const buyer = await signIn(api, 'conv-leaver');
    const { body } = await ask(buyer, { storyId, text: 'My private question' });
    const id = body.conversation.id;
    await send(maker, id, 'My public answer');
    const exported = await api.call<{ conversations: { messages: { text: string }[] } }>('GET', '/v1/me/export', {
      token: buyer.accessToken,
    });
    expect(exported.body.conversations.messages.map((m) => m.text)).toEqual(['My private question']);

    expect((await api.call('DELETE', '/v1/me', { token: buyer.accessToken })).status).toBe(204);
    const page = await thread(maker, id);
    expect(page.body.items.map((m) => [m.text, m.senderDeleted])).toEqual([
      ['My public answer', false],
      ['', true],
    ]);
    const stored = await runtime.ctx.pool.query(`select 1 from conversations.messages where text like '%private%'`);
    expect(stored.rowCount).toBe(0);
    const conversation = (await list(maker)).body.items.find((c) => c.id === id)!;
    expect(conversation.otherParty).toMatchObject({ displayName: 'Deleted user', deleted: true });
    expect((await send(maker, id, 'Hello?')).body.error.code).toBe('recipient_unavailable');
  });
});
