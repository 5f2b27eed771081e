import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../composition/runtime';
import { apiClient, type Session } from '../../../test/client';
import { startTestServer } from '../../../test/harness';
import { deliveries, mobilePushTokens, notifications, preferences, webPushSubscriptions } from './tables';
import { browserKeys } from './test-push-service';
import { notifyCommitted, settledDeliveries } from './test-support';

let runtime: Runtime;
let api: ReturnType<typeof apiClient>;
let user: Session;
let bystander: Session;

beforeAll(async () => {
  runtime = await startTestServer({ env: { WEB_PUSH_ALLOW_PRIVATE_ENDPOINTS: 'true' } });
  api = apiClient(runtime);
  user = await api.signIn('leaving@example.com');
  bystander = await api.signIn('staying@example.com');
});
afterAll(async () => runtime?.stop());

const hooks = () => runtime.modules.list.find((m) => m.name === 'notifications')!;

describe('personal data', () => {
  it("exports the user's notifications, preferences and devices, then erases them all", async () => {
    const id = await notifyCommitted(runtime, {
      userId: user.userId,
      kind: 'shipped',
      title: 'On its way',
      body: 'Tracking 42',
    });
    await settledDeliveries(runtime, id);
    await notifyCommitted(runtime, { userId: bystander.userId, kind: 'shipped', title: 'Also shipped', body: 'x' });
    await api.call('PUT', '/v1/notifications/preferences', {
      token: user.accessToken,
      body: { items: [{ kind: 'outbid', channel: 'email', enabled: true }] },
    });
    const keys = browserKeys();
    await api.call('POST', '/v1/notifications/web-push/subscriptions', {
      token: user.accessToken,
      body: { endpoint: 'https://push.example/sub/1', keys: { p256dh: keys.p256dh, auth: keys.auth } },
    });
    await api.call('POST', '/v1/notifications/mobile-push/tokens', {
      token: user.accessToken,
      body: { platform: 'ios', token: 'apns-device-token-1' },
    });

    const exported = await hooks().exportUserData!(user.userId);
    expect(exported).toMatchObject({
      notifications: [{ id, kind: 'shipped', title: 'On its way', body: 'Tracking 42' }],
      preferences: [{ kind: 'outbid', channel: 'email', enabled: true }],
      webPushSubscriptions: [{ endpoint: 'https://push.example/sub/1' }],
      mobilePushDevices: [{ platform: 'ios' }],
    });
    expect(JSON.stringify(exported)).not.toContain(keys.auth);

    await runtime.ctx.db.transaction((tx) => hooks().eraseUserData!(tx, user.userId));
    const db = runtime.ctx.db;
    expect(await db.select().from(notifications).where(eq(notifications.userId, user.userId))).toHaveLength(0);
    expect(await db.select().from(deliveries).where(eq(deliveries.notificationId, id))).toHaveLength(0);
    expect(await db.select().from(preferences).where(eq(preferences.userId, user.userId))).toHaveLength(0);
    expect(
      await db.select().from(webPushSubscriptions).where(eq(webPushSubscriptions.userId, user.userId)),
    ).toHaveLength(0);
    expect(await db.select().from(mobilePushTokens).where(eq(mobilePushTokens.userId, user.userId))).toHaveLength(0);
    expect(await db.select().from(notifications).where(eq(notifications.userId, bystander.userId))).toHaveLength(1);
  });
});
