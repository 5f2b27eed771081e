import { queryInt } from '../../platform/http/query-int.js';
import { z } from 'zod';
import { idSchema } from '../../platform/ids';
import { notificationKinds, optionalChannels } from './kinds';

export const notification = z
  .object({
    id: idSchema,
    kind: z.enum(notificationKinds),
    title: z.string(),
    body: z.string(),
    data: z.record(z.string(), z.unknown()),
    link: z.string().nullable(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: 'Notification' });

export const notificationPage = z.object({ items: z.array(notification), nextCursor: z.string().nullable() });

export const listQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: queryInt({ min: 1, max: 50 }).default(20),
});

export const unreadCount = z.object({ unreadCount: z.number().int() });

export const idParams = z.object({ id: idSchema });

export const readResult = z.object({ notification, unreadCount: z.number().int() });

export const readAllResult = z.object({ marked: z.number().int(), unreadCount: z.number().int() });

const preferenceInput = z.object({
  kind: z.enum(notificationKinds),
  channel: z.enum(optionalChannels).describe('in-app is always on and not listed'),
  enabled: z.boolean(),
});

export const preferencesBody = z.object({ items: z.array(preferenceInput).min(1).max(200) });

export const preferences = z
  .object({
    items: z.array(preferenceInput.extend({ isDefault: z.boolean().describe('same as the product default') })),
  })
  .meta({ id: 'NotificationPreferences' });

export const publicKey = z.object({ publicKey: z.string().describe('VAPID application server key (base64url)') });

const base64url = z.string().regex(/^[A-Za-z0-9_-]+=*$/, 'base64url');

/** The browser's `PushSubscription.toJSON()`. */
export const webPushSubscriptionBody = z.object({
  endpoint: z.string().url().max(2048),
  expirationTime: z.number().nullable().optional(),
  keys: z.object({ p256dh: base64url.max(200), auth: base64url.max(100) }),
});

export const webPushSubscription = z.object({ id: idSchema, endpoint: z.string(), createdAt: z.string() });

export const endpointBody = z.object({ endpoint: z.string().url().max(2048) });

export const mobileTokenBody = z.object({
  platform: z.enum(['ios', 'android']),
  token: z.string().min(8).max(4096),
});

export const mobileToken = z.object({ platform: z.enum(['ios', 'android']), createdAt: z.string() });

export const mobileTokenDeleteBody = z.object({ token: z.string().min(8).max(4096) });
