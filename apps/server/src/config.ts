import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const seconds = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const list = z
  .string()
  .default('')
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );

const roles = z
  .string()
  .default('api,worker')
  .transform((v, ctx) => {
    const parts = new Set(v.split(',').map((s) => s.trim()));
    for (const p of parts) {
      if (p !== 'api' && p !== 'worker') {
        ctx.addIssue({ code: 'custom', message: `unknown role "${p}" (use api, worker or api,worker)` });
      }
    }
    return { api: parts.has('api'), worker: parts.has('worker') };
  });

/** Every setting the server reads, with its default. Documented in `.env.example`. */
export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('./.data'),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().positive().default(10),
  REDIS_URL: z.string().url().optional(),
  ROLES: roles,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: bool.default(false),
  CORS_ORIGINS: list,
  ADMIN_EMAILS: list,

  JWT_ISSUER: z.string().default('video-window'),
  JWT_AUDIENCE: z.string().default('video-window-app'),
  ACCESS_TOKEN_SECONDS: seconds(900),
  SESSION_MAX_SECONDS: seconds(30 * 24 * 3600),
  /** Key-encryption keys for personal data: `id:base64(32 bytes)`, comma-separated, newest first. */
  DATA_ENCRYPTION_KEYS: z.string().optional(),
  /** Secret for look-up hashes (phone numbers, one-time codes); never rotated in place. */
  LOOKUP_SECRET: z.string().min(32).optional(),

  OTP_TTL_SECONDS: seconds(600),
  OTP_MAX_ATTEMPTS: z.coerce.number().int().positive().default(5),
  OTP_SENDS_PER_ADDRESS_PER_HOUR: z.coerce.number().int().positive().default(5),
  OTP_SENDS_PER_IP_PER_HOUR: z.coerce.number().int().positive().default(30),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),

  GOOGLE_CLIENT_IDS: list,
  GOOGLE_JWKS_URL: z.string().url().default('https://www.googleapis.com/oauth2/v3/certs'),
  GOOGLE_ISSUERS: list.transform((v) => (v.length ? v : ['https://accounts.google.com', 'accounts.google.com'])),
  APPLE_CLIENT_IDS: list,
  APPLE_JWKS_URL: z.string().url().default('https://appleid.apple.com/auth/keys'),
  APPLE_ISSUER: z.string().default('https://appleid.apple.com'),

  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Video Window <no-reply@video-window.local>'),
  SMS_PROVIDER: z.enum(['none', 'twilio']).default('none'),
  TWILIO_ACCOUNT_SID: z.string().optional(),
  TWILIO_AUTH_TOKEN: z.string().optional(),
  TWILIO_FROM: z.string().optional(),
  DEV_MAILBOX: bool.optional(),

  AUCTION_DURATION_SECONDS: seconds(259200),
  SOFT_CLOSE_SECONDS: seconds(600),
  MAKER_DECISION_SECONDS: seconds(86400),
  PAYMENT_WINDOW_SECONDS: seconds(86400),
  PLAYBACK_TOKEN_SECONDS: seconds(300),
  SEED_DEMO_DATA: bool.optional(),
});

export type ConfigInput = z.input<typeof configSchema>;
export type Config = z.output<typeof configSchema> & {
  /** The development mailbox collects email and SMS instead of sending them. */
  devMailbox: boolean;
};

export class ConfigError extends Error {}

/** Reads and validates the environment; throws a ConfigError listing every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const relevant = Object.fromEntries(
    Object.entries(env).filter(([k, v]) => k in configSchema.shape && v !== undefined && v !== ''),
  );
  const parsed = configSchema.safeParse(relevant);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const production = c.NODE_ENV === 'production';
  if (production && c.DEV_MAILBOX === true) {
    throw new ConfigError('Invalid configuration:\n  DEV_MAILBOX: never enabled in production');
  }
  if (production && !c.DATA_ENCRYPTION_KEYS) {
    throw new ConfigError('Invalid configuration:\n  DATA_ENCRYPTION_KEYS: required in production');
  }
  if (production && !c.LOOKUP_SECRET) {
    throw new ConfigError('Invalid configuration:\n  LOOKUP_SECRET: required in production');
  }
  const devMailbox = !production && (c.DEV_MAILBOX ?? !c.SMTP_URL);
  return { ...c, devMailbox };
}
