import { z } from 'zod';
import { DomainError } from './errors';
import { PRUNE_IDEMPOTENCY_TASK, pruneIdempotencyKeys } from './idempotency-retention';
import { defineTask } from './jobs/task-registry';
import { openMessage, SEND_MESSAGE_TASK } from './mail/sealed-message';
import type { AppContext, AppModule } from './module';

const mailboxAnswer = z.object({
  messages: z.array(
    z.object({ to: z.string(), channel: z.string(), subject: z.string(), text: z.string(), sentAt: z.string() }),
  ),
});

/** Platform tables (development mailbox, audit log, idempotency keys), message delivery and key pruning. */
export function createPlatformModule(ctx: AppContext): AppModule {
  return {
    name: 'platform',
    tasks: [
      // Messages travel sealed so addresses and codes never sit readable in the job table.
      defineTask(SEND_MESSAGE_TASK, async (payload) => {
        await ctx.mailer.send(openMessage(ctx.secrets.cipher, payload));
      }),
      defineTask(PRUNE_IDEMPOTENCY_TASK, async () => {
        const { removed, batches } = await pruneIdempotencyKeys(ctx.db, ctx.clock.now());
        if (removed > 0) ctx.logger.info({ removed, batches }, 'pruned idempotency keys');
      }),
    ],
    // Hourly: at most a day and an hour of keys are ever kept.
    crontab: [`23 * * * * ${PRUNE_IDEMPOTENCY_TASK.name}`],
    routes: (app) => {
      app.get(
        '/v1/environment',
        {
          schema: {
            tags: ['development'],
            description:
              'Tells the app whether this deployment is a demo, where payments move no money and sign-in codes land in the development mailbox.',
            examples: { response: { demo: true } },
            summary: 'What kind of deployment this is: `demo` (NODE_ENV=development) shows a banner in the app',
            response: { 200: z.object({ demo: z.boolean() }) },
          },
        },
        async () => ({ demo: ctx.config.NODE_ENV === 'development' }),
      );
      if (!ctx.mailer.devMailboxEnabled) return;
      app.get(
        '/v1/dev/mailbox',
        {
          schema: {
            tags: ['development'],
            description:
              'The email and SMS messages that would have been sent to an address or phone number, newest last; the sign-in code of `POST /v1/auth/email/start` is read here. Exists only on development deployments.',
            summary: 'Development mailbox: email and SMS that would have been sent (never in production)',
            querystring: z.object({ to: z.string().min(3).max(254) }),
            response: { 200: mailboxAnswer },
          },
        },
        async (req) => {
          if (!ctx.mailer.devMailboxEnabled) throw new DomainError('not_found', 'Not available');
          const to = req.query.to.includes('@')
            ? req.query.to.trim().toLowerCase()
            : req.query.to.replace(/[\s().-]/g, '');
          const rows = await ctx.mailer.mailbox(to);
          return { messages: rows.map((r) => ({ ...r, sentAt: r.sentAt.toISOString() })) };
        },
      );
    },
  };
}
