import { z } from 'zod';
import type { Executor } from '../../platform/db/client';
import { CircuitBreakers } from '../../platform/http/circuit-breaker';
import { defineTask } from '../../platform/jobs';
import type { AppContext, AppModule } from '../../platform/module';
import { emailChannel } from './channels/email';
import { fcmSender } from './channels/fcm';
import { inAppChannel } from './channels/in-app';
import { mobilePushChannel, unconfiguredMobilePush, type MobilePushSender } from './channels/mobile-push';
import { mailerSmsSender, smsChannel, type SmsSender } from './channels/sms';
import { webPushChannel } from './channels/web-push';
import { deliverNotification } from './deliver-notification';
import type { NotificationsPorts } from './deps';
import { DELIVER_TASK, notifyUser, notifyUsers, type NotifyInput, type Superseding } from './notify';
import { REWRAP_TASK, rewrapPushKeys } from './rewrap-push-keys';
import { notificationRoutes } from './routes';
import { eraseNotificationData, exportNotificationData } from './user-data';
import { loadVapidKeys, type VapidKeys } from './vapid';

export type { NotificationKind } from './kinds';
export { notificationKinds } from './kinds';
export type { NotifyInput, Superseding };
export { notice, type NotificationMessage } from './message';
export type { IdentityPort, NotificationsPorts } from './deps';
export type { MobilePushSender, SmsSender };

/** The notifications module's public face for other modules. */
export interface NotificationsService {
  /** Writes the notification in the caller's transaction (outbox); delivery jobs run after commit. dedupeKey makes repeats no-ops. */
  notify(tx: Executor, input: NotifyInput & Superseding): Promise<void>;
  /** The same for many users at once (one statement); returns how many were new. */
  notifyMany(tx: Executor, inputs: readonly NotifyInput[]): Promise<number>;
}

/** In-app notification centre, email, web push, SMS and mobile push, per-user preferences. */
export function createNotificationsModule(
  ctx: AppContext,
  deps: NotificationsPorts & { sms?: SmsSender; mobilePush?: MobilePushSender },
): { module: AppModule; service: NotificationsService } {
  const { config } = ctx;
  const publicUrl = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;
  const breakerState = ctx.metrics.gauge('circuit_breaker_open', 'Outside providers currently cut off (1 = open)', [
    'provider',
  ]);
  const breakers = new CircuitBreakers(ctx.clock, {
    failureThreshold: 5,
    cooldownMs: 30_000,
    onChange: (provider, state) => {
      breakerState.set({ provider }, state === 'open' ? 1 : 0);
      ctx.logger.warn({ provider, state }, 'circuit breaker changed state');
    },
  });
  const allowPrivatePushEndpoints = config.WEB_PUSH_ALLOW_PRIVATE_ENDPOINTS && config.NODE_ENV !== 'production';
  let vapidKeys: Promise<VapidKeys | null> | null = null;
  const vapid = () =>
    (vapidKeys ??= loadVapidKeys(config).catch((err: unknown) => {
      vapidKeys = null;
      throw err;
    }));
  const mobileSender =
    deps.mobilePush ??
    (config.FCM_PROJECT_ID && config.FCM_SERVICE_ACCOUNT_JSON
      ? fcmSender({
          projectId: config.FCM_PROJECT_ID,
          serviceAccountJson: config.FCM_SERVICE_ACCOUNT_JSON,
          apiUrl: config.FCM_API_URL,
        })
      : unconfiguredMobilePush);
  const outcomes = ctx.metrics.counter('notification_deliveries_total', 'Notification delivery outcomes', [
    'channel',
    'outcome',
  ]);

  const deliveryDeps = {
    db: ctx.db,
    clock: ctx.clock,
    logger: ctx.logger,
    identity: deps.identity,
    channels: {
      in_app: inAppChannel(ctx.db, ctx.realtime),
      email: emailChannel({ mailer: ctx.mailer, breaker: breakers.get('email'), publicUrl }),
      web_push: webPushChannel({
        db: ctx.db,
        cipher: ctx.secrets.cipher,
        breakers,
        vapid,
        allowPrivateEndpoints: allowPrivatePushEndpoints,
      }),
      sms: smsChannel({
        sender: deps.sms ?? mailerSmsSender(ctx.mailer, config),
        breaker: breakers.get('sms'),
        publicUrl,
      }),
      mobile_push: mobilePushChannel({ db: ctx.db, sender: mobileSender, breaker: breakers.get('mobile_push') }),
    },
    onOutcome: (channel: string, outcome: string) => outcomes.inc({ channel, outcome }),
  };

  const tasks = [
    defineTask(DELIVER_TASK, async ({ notificationId }, helpers) => {
      await deliverNotification(deliveryDeps, notificationId, {
        lastAttempt: helpers.job.attempts >= helpers.job.max_attempts,
      });
    }),
    defineTask(REWRAP_TASK, z.object({}), async (_payload, helpers) => {
      const n = await rewrapPushKeys(ctx.db, ctx.secrets.cipher);
      if (n > 0) helpers.logger.info(`re-wrapped ${n} web push subscriptions under the newest key`);
    }),
  ];

  const service: NotificationsService = {
    notify: async (tx, input) => {
      await notifyUser(tx, ctx.clock, input);
    },
    notifyMany: (tx, inputs) => notifyUsers(tx, ctx.clock, inputs),
  };

  const module: AppModule = {
    name: 'notifications',
    tasks,
    // Daily, and at start-up of a worker (the crontab backfills one missed run).
    crontab: [`50 3 * * * ${REWRAP_TASK} ?fill=1d`],
    routes: (app) =>
      notificationRoutes(app, {
        db: ctx.db,
        clock: ctx.clock,
        realtime: ctx.realtime,
        cipher: ctx.secrets.cipher,
        production: config.NODE_ENV === 'production',
        allowPrivateEndpoints: allowPrivatePushEndpoints,
        guard: deps.identity.guard,
        vapid,
      }),
    exportUserData: (userId) => exportNotificationData(ctx.db, userId),
    eraseUserData: (tx, userId) => eraseNotificationData(tx, userId),
  };
  return { module, service };
}
