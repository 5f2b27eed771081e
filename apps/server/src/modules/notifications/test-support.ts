// Helpers shared by this module's tests (never imported by product code).
import { eq } from 'drizzle-orm';
import WebSocket from 'ws';
import type { Runtime } from '../../composition/runtime';
import type { NotifyInput } from './notify';
import { deliveries, notifications } from './tables';
import type { DeliveryRow } from './repo';

/** Commits one notification the way another module would, and answers its id. */
export async function notifyCommitted(runtime: Runtime, input: NotifyInput): Promise<string> {
  await runtime.ctx.db.transaction((tx) => runtime.modules.notifications.notify(tx, input));
  const rows = await runtime.ctx.db
    .select({ id: notifications.id, title: notifications.title })
    .from(notifications)
    .where(eq(notifications.userId, input.userId));
  const row = rows.find((r) => r.title === input.title);
  if (!row) throw new Error('notification was not written');
  return row.id;
}

export async function waitUntil<T>(probe: () => Promise<T | undefined | null | false>, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function deliveriesOf(runtime: Runtime, notificationId: string): Promise<Record<string, DeliveryRow>> {
  const rows = await runtime.ctx.db.select().from(deliveries).where(eq(deliveries.notificationId, notificationId));
  return Object.fromEntries(rows.map((r) => [r.channel, r]));
}

/** Waits until no channel of the notification is pending any more. */
export async function settledDeliveries(runtime: Runtime, notificationId: string, ms?: number) {
  return waitUntil(async () => {
    const rows = await deliveriesOf(runtime, notificationId);
    const all = Object.values(rows);
    return all.length === 5 && all.every((r) => r.status !== 'pending') ? rows : null;
  }, ms);
}

export interface RealtimeMessage {
  type: string;
  channel?: string;
  data?: Record<string, unknown>;
  serverTime?: string;
}

/** A WebSocket client on the real-time endpoint, subscribed to the given channel. */
export async function subscribe(baseUrl: string, token: string, channel: string) {
  const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/v1/realtime?token=${token}`);
  const messages: RealtimeMessage[] = [];
  ws.on('message', (raw: Buffer) => messages.push(JSON.parse(raw.toString()) as RealtimeMessage));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const waitFor = (pred: (m: RealtimeMessage) => boolean, ms = 5000) => waitUntil(async () => messages.find(pred), ms);
  await waitFor((m) => m.type === 'welcome');
  ws.send(JSON.stringify({ type: 'subscribe', channel }));
  await waitFor((m) => m.type === 'subscribed');
  return { ws, messages, waitFor };
}
