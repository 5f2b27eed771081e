import path from 'node:path';
import { z } from 'zod';
import { AppError } from './errors';
import { openMessage, type SealedMessage } from './mail/sealed-message';
import type { AppContext, AppModule } from './module';

const mailboxAnswer = z.object({
  messages: z.array(
    z.object({ to: z.string(), channel: z.string(), subject: z.string(), text: z.string(), sentAt: z.string() }),
  ),
});

/** Platform tables (development mailbox, audit log) and the message delivery job. */
export function createPlatformModule(ctx: AppContext): AppModule {
  return {
    name: 'platform',
    migrations: path.join(import.meta.dirname, 'migrations'),
    tasks: {
      // Messages travel sealed so addresses and codes never sit readable in the job table.
      'platform.send-message': async (payload) => {
        await ctx.mailer.send(openMessage(ctx.secrets.cipher, payload as Partial<SealedMessage>));
      },
    },
    routes: (app) => {
      app.get(
        '/v1/environment',
        {
          schema: {
            tags: ['development'],
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
            summary: 'Development mailbox: email and SMS that would have been sent (never in production)',
            querystring: z.object({ to: z.string().min(3).max(254) }),
            response: { 200: mailboxAnswer },
          },
        },
        async (req) => {
          if (!ctx.mailer.devMailboxEnabled) throw new AppError(404, 'not_found', 'Not available');
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
