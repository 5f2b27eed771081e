import { z } from 'zod';
import { callerOf, type AuthGuard } from '../../platform/http/auth';
import { errorResponses } from '../../platform/http/error-body';
import type { HttpApp } from '../../platform/http/types';
import { DomainError } from '../../platform/errors';
import { chooseLocale, localeFromAcceptLanguage, type Locale } from '../../platform/i18n';
import type { FastifyRequest } from 'fastify';
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
  deps: InboxDeps &
    DeviceDeps & {
      guard: AuthGuard;
      vapid: () => Promise<VapidKeys | null>;
    },
): void {
  const auth = { preHandler: deps.guard.requireUser };
  /** The reader is the recipient: their account's language, else the one their app asks for, else English. */
  const readerLocale = (req: FastifyRequest): Locale =>
    chooseLocale(callerOf(req).locale, localeFromAcceptLanguage(req.headers['accept-language']));

  app.get(
    '/v1/notifications',
    {
      ...auth,
      schema: {
        tags,
        security,
        description:
          'The caller’s in-app notifications (offers, bids, auctions, payments, orders, messages), newest first, in keyset pages; titles and bodies are written in the caller’s language (their account’s, else the Accept-Language, else English).',
        summary: 'My notifications, newest first (keyset pages)',
        querystring: s.listQuery,
        response: { 200: s.notificationPage, ...errorResponses },
      },
    },
    async (req) => {
      const { userId } = callerOf(req);
      return listNotifications(deps, { userId, ...req.query, locale: readerLocale(req) });
    },
  );

  app.get(
    '/v1/notifications/unread-count',
    {
      ...auth,
      schema: {
        tags,
        security,
        description: 'The number of the caller’s unread notifications, for the badge.',
        examples: { response: { unreadCount: 2 } },
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
        description: 'Marks one of the caller’s notifications read and answers it with the remaining unread count.',
        summary: 'Mark one notification read',
        params: s.idParams,
        response: { 200: s.readResult, ...errorResponses },
      },
    },
    async (req) => {
      const { userId } = callerOf(req);
      return markNotificationRead(deps, {
        userId,
        notificationId: req.params.id,
        locale: readerLocale(req),
      });
    },
  );

  app.post(
    '/v1/notifications/read-all',
    {
      ...auth,
      schema: {
        tags,
        security,
        description: 'Marks every notification of the caller read.',
        examples: { response: { marked: 4, unreadCount: 0 } },
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
        description:
          'For every kind of notification, whether it is sent by email, web push, SMS and mobile push to the caller.',
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
        description: 'Sets the channels of the kinds given and keeps the others; answers the whole table.',
        examples: {
          request: {
            items: [
              { kind: 'outbid', channel: 'web_push', enabled: true },
              { kind: 'new_story', channel: 'email', enabled: false },
            ],
          },
        },
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
        description: 'The public key a browser passes as `applicationServerKey` when it subscribes to web push.',
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
        description: 'Saves the browser’s push subscription, so the caller’s notifications reach it as web pushes.',
        examples: {
          request: {
            endpoint: 'https://fcm.googleapis.com/fcm/send/dXJ1c2VyLWVuZHBvaW50',
            expirationTime: null,
            keys: {
              p256dh: 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM',
              auth: 'tBHItJI5svbpez7KI4CCXg',
            },
          },
        },
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
        description:
          'Removes the caller’s web push subscription for the endpoint given; the browser stops receiving pushes.',
        examples: { request: { endpoint: 'https://fcm.googleapis.com/fcm/send/dXJ1c2VyLWVuZHBvaW50' } },
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
        description:
          'Saves the mobile app install’s push token, so the caller’s notifications reach it as mobile pushes.',
        examples: { request: { platform: 'android', token: 'fcm-token-0123456789abcdefghij' } },
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
        description: 'Removes the push token, so a signed-out install receives nothing.',
        examples: { request: { token: 'fcm-token-0123456789abcdefghij' } },
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
