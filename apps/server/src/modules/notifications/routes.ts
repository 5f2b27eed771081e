import { z } from 'zod';
import { callerOf, type AuthGuard } from '../../platform/http/auth';
import { errorResponses } from '../../platform/http/error-body';
import type { HttpApp } from '../../platform/http/types';
import { DomainError } from '../../platform/errors';
import {
  registerMobilePushToken,
  subscribeWebPush,
  unregisterMobilePushToken,
  unsubscribeWebPush,
  type DeviceDeps,
} from './devices';
import {
  countUnread,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  type InboxDeps,
} from './inbox';
import { getPreferences, updatePreferences } from './preferences';
import * as s from './schemas';
import type { VapidKeys } from './vapid';

const tags = ['notifications'];
const security = [{ bearer: [] }];

export function notificationRoutes(
  app: HttpApp,
  deps: InboxDeps & DeviceDeps & { guard: AuthGuard; vapid: () => Promise<VapidKeys | null> },
): void {
  const auth = { preHandler: deps.guard.requireUser };

  app.get(
    '/v1/notifications',
    {
      ...auth,
      schema: {
        tags,
        security,
        summary: 'My notifications, newest first (keyset pages)',
        querystring: s.listQuery,
        response: { 200: s.notificationPage, ...errorResponses },
      },
    },
    async (req) => listNotifications(deps, { userId: callerOf(req).userId, ...req.query }),
  );

  app.get(
    '/v1/notifications/unread-count',
    {
      ...auth,
      schema: {
        tags,
        security,
        summary: 'How many of my notifications are unread',
        response: { 200: s.unreadCount, ...errorResponses },
      },
    },
    async (req) => ({ unreadCount: await countUnread(deps, callerOf(req).userId) }),
  );

  app.post(
    '/v1/notifications/:id/read',
    {
      ...auth,
      schema: {
        tags,
        security,
        summary: 'Mark one notification read',
        params: s.idParams,
        response: { 200: s.readResult, ...errorResponses },
      },
    },
    async (req) => markNotificationRead(deps, { userId: callerOf(req).userId, notificationId: req.params.id }),
  );

  app.post(
    '/v1/notifications/read-all',
    {
      ...auth,
      schema: {
        tags,
        security,
        summary: 'Mark all my notifications read',
        response: { 200: s.readAllResult, ...errorResponses },
      },
    },
    async (req) => markAllNotificationsRead(deps, callerOf(req).userId),
  );

  app.get(
    '/v1/notifications/preferences',
    {
      ...auth,
      schema: {
        tags,
        security,
        summary: 'Which kinds reach me on which channel (in-app is always on)',
        response: { 200: s.preferences, ...errorResponses },
      },
    },
    async (req) => ({ items: await getPreferences(deps.db, callerOf(req).userId) }),
  );

  app.put(
    '/v1/notifications/preferences',
    {
      ...auth,
      schema: {
        tags,
        security,
        summary: 'Turn kinds on or off per channel (entries not given keep their setting)',
        body: s.preferencesBody,
        response: { 200: s.preferences, ...errorResponses },
      },
    },
    async (req) => ({ items: await updatePreferences(deps, { userId: callerOf(req).userId, items: req.body.items }) }),
  );

  app.get(
    '/v1/notifications/web-push/public-key',
    {
      schema: {
        tags,
        summary: 'The VAPID key browsers subscribe with (applicationServerKey)',
        response: { 200: s.publicKey, ...errorResponses },
      },
    },
    async () => {
      const keys = await deps.vapid();
      if (!keys) throw new DomainError('web_push_not_configured', 'Web push is not configured on this server');
      return { publicKey: keys.publicKey };
    },
  );

  app.post(
    '/v1/notifications/web-push/subscriptions',
    {
      ...auth,
      schema: {
        tags,
        security,
        summary: "Save this browser's PushSubscription (its toJSON())",
        body: s.webPushSubscriptionBody,
        response: { 201: s.webPushSubscription, ...errorResponses },
      },
    },
    async (req, reply) => {
      const sub = await subscribeWebPush(deps, {
        userId: callerOf(req).userId,
        endpoint: req.body.endpoint,
        p256dh: req.body.keys.p256dh,
        auth: req.body.keys.auth,
        userAgent: req.headers['user-agent'] ?? null,
      });
      return reply.status(201).send(sub);
    },
  );

  app.delete(
    '/v1/notifications/web-push/subscriptions',
    {
      ...auth,
      schema: {
        tags,
        security,
        summary: "Forget this browser's subscription (by endpoint)",
        body: s.endpointBody,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await unsubscribeWebPush(deps, { userId: callerOf(req).userId, endpoint: req.body.endpoint });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/v1/notifications/mobile-push/tokens',
    {
      ...auth,
      schema: {
        tags,
        security,
        summary: "Register this app install's push token (FCM registration token)",
        body: s.mobileTokenBody,
        response: { 201: s.mobileToken, ...errorResponses },
      },
    },
    async (req, reply) => {
      const saved = await registerMobilePushToken(deps, { userId: callerOf(req).userId, ...req.body });
      return reply.status(201).send(saved);
    },
  );

  app.delete(
    '/v1/notifications/mobile-push/tokens',
    {
      ...auth,
      schema: {
        tags,
        security,
        summary: "Forget this app install's push token (on sign-out)",
        body: s.mobileTokenDeleteBody,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await unregisterMobilePushToken(deps, { userId: callerOf(req).userId, token: req.body.token });
      return reply.status(204).send(null);
    },
  );
}
