import { isIP } from 'node:net';
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

const isAddressRange = (v: string): boolean => {
  const [address = '', prefix, ...rest] = v.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
};

/**
 * Who may say which address a request came from: nobody (`false`, the default), the number of
 * proxies in front of the app (each appends to X-Forwarded-For), or the proxies' address ranges.
 * Trusting every hop (`true`) would let a client choose the address its limits are counted against.
 */
const trustProxy = z
  .string()
  .default('false')
  .transform((v, ctx): false | number | string[] => {
    const value = v.trim().toLowerCase();
    if (value === 'false' || value === 'no' || value === '0') return false;
    if (value === 'true' || value === 'yes') {
      ctx.addIssue({
        code: 'custom',
        message:
          'trusting every hop lets a client choose its own address; give the number of proxies in front ' +
          '(e.g. 2 for CloudFront → load balancer) or their address ranges (CIDR list)',
      });
      return z.NEVER;
    }
    if (/^\d+$/.test(value)) return Number(value);
    const ranges = value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const bad = ranges.filter((r) => !isAddressRange(r));
    if (bad.length || !ranges.length) {
      ctx.addIssue({
        code: 'custom',
        message: `expected false, a number of proxies or a list of addresses/CIDR ranges; not understood: ${bad.join(', ') || v}`,
      });
      return z.NEVER;
    }
    return ranges;
  });

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
  /**
   * Unset means production: the development stand-ins (local payments, development mailbox,
   * generated secrets) run only when `development` or `test` is asked for by name.
   */
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('./.data'),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().positive().default(10),
  /** Opening a connection (or waiting for a free one) fails after this; the request answers 503. */
  DATABASE_CONNECT_TIMEOUT_SECONDS: seconds(5),
  /** A query without an answer for this long fails (a silent network, not a slow query plan). */
  DATABASE_QUERY_TIMEOUT_SECONDS: seconds(15),
  /**
   * A worker process records its job workers as alive this often; jobs held by a worker silent
   * for three beats (its process was killed) go back to the queue.
   */
  JOB_HEARTBEAT_SECONDS: seconds(10),
  /** Transcodes run at once in a worker process; unset: one fewer than its CPUs (at least one). */
  MEDIA_JOB_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  REDIS_URL: z.string().url().optional(),
  /**
   * The operations port: `/metrics`, detailed `/ready` and `/health`, for scrapers and probes
   * inside the cluster (never exposed publicly). Unset: a worker-only process serves nothing.
   */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** Bearer token for `/metrics` and detailed `/ready` on the public port (in production they need it). */
  METRICS_TOKEN: z.string().min(32).optional(),
  ROLES: roles,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: trustProxy,
  CORS_ORIGINS: list,
  ADMIN_EMAILS: list,

  /** OpenTelemetry traces go to `<this>/v1/traces` (OTLP/HTTP); unset, with the next one: tracing off. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url().optional(),
  /** The traces URL itself, used as given; wins over OTEL_EXPORTER_OTLP_ENDPOINT. */
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.string().url().optional(),
  /** `service.name` of the traces; a single-role process appends its role (`video-window-worker`). */
  OTEL_SERVICE_NAME: z.string().min(1).default('video-window'),
  /** Turns tracing off even with an endpoint set. */
  OTEL_SDK_DISABLED: bool.default(false),

  JWT_ISSUER: z.string().default('video-window'),
  JWT_AUDIENCE: z.string().default('video-window-app'),
  ACCESS_TOKEN_SECONDS: seconds(900),
  SESSION_MAX_SECONDS: seconds(30 * 24 * 3600),
  /**
   * How long an API process may answer a request's session check from memory (0: never). Changes
   * are announced on the event bus and drop the entry at once; this bounds the staleness only when
   * an announcement is lost with the bus still up (with it down, nothing is answered from memory).
   */
  SESSION_STANDING_CACHE_MS: z.coerce.number().int().min(0).max(300_000).default(30_000),
  /** Sessions whose check an API process keeps in memory; the least recently used go first. */
  SESSION_STANDING_CACHE_ENTRIES: z.coerce.number().int().positive().default(10_000),
  /** How long an access-token signing key signs before the next one takes over. */
  SIGNING_KEY_ROTATION_SECONDS: seconds(30 * 24 * 3600),
  /** Lifetime of a Google/Apple sign-in nonce issued by the server. */
  FEDERATED_NONCE_SECONDS: seconds(600),
  /** Key-encryption keys for personal data: `id:base64(32 bytes)`, comma-separated, newest first. */
  DATA_ENCRYPTION_KEYS: z.string().optional(),
  /** Secret for look-up hashes (phone numbers, one-time codes); never rotated in place. */
  LOOKUP_SECRET: z.string().min(32).optional(),
  /** Signs internal tokens (playback, receipts, local payment events); its own secret, never LOOKUP_SECRET. */
  INTERNAL_SIGNING_SECRET: z.string().min(32).optional(),

  OTP_TTL_SECONDS: seconds(600),
  OTP_MAX_ATTEMPTS: z.coerce.number().int().positive().default(5),
  OTP_SENDS_PER_ADDRESS_PER_HOUR: z.coerce.number().int().positive().default(5),
  OTP_SENDS_PER_IP_PER_HOUR: z.coerce.number().int().positive().default(30),
  /** Wrong sign-in codes per address per day, across all its codes; then verification stops for the day. */
  OTP_FAILED_VERIFICATIONS_PER_ADDRESS_PER_DAY: z.coerce.number().int().positive().default(20),
  /** Maker profiles created per client address per day. */
  MAKER_SIGNUPS_PER_IP_PER_DAY: z.coerce.number().int().positive().default(10),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
  /** Bids per signed-in user per minute (on top of the per-IP limit). */
  BID_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(60),
  /** Real-time endpoint caps: channels per connection, bytes per message, messages a second per connection. */
  REALTIME_MAX_SUBSCRIPTIONS: z.coerce.number().int().positive().default(100),
  REALTIME_MAX_MESSAGE_BYTES: z.coerce.number().int().min(256).default(4096),
  REALTIME_MESSAGES_PER_SECOND: z.coerce.number().int().positive().default(20),
  /** Concurrent real-time connections per client address, in each API process. */
  REALTIME_CONNECTIONS_PER_ADDRESS: z.coerce.number().int().positive().default(20),
  /** Bytes waiting to be sent to one real-time connection before it is closed as a slow consumer (4008). */
  REALTIME_MAX_BUFFERED_BYTES: z.coerce.number().int().min(16_384).default(262_144),
  /** At most one frame per channel per this many ms to a connection that takes batches (`?batch=1`). */
  REALTIME_BATCH_INTERVAL_MS: z.coerce.number().int().min(0).max(1000).default(100),
  /** The longest one slice of a fan-out writes frames before other work runs (ms). */
  REALTIME_SEND_SLICE_MS: z.coerce.number().int().min(0).max(1000).default(1),
  /** Anonymous views one client address may have counted per story per day (fresh client ids beyond: not counted). */
  ANONYMOUS_VIEWS_PER_ADDRESS_PER_STORY_PER_DAY: z.coerce.number().int().positive().default(20),
  /** Analytics event batches per client id (or signed-in user), and per client address, per minute. */
  ANALYTICS_BATCHES_PER_CLIENT_PER_MINUTE: z.coerce.number().int().positive().default(30),
  ANALYTICS_BATCHES_PER_ADDRESS_PER_MINUTE: z.coerce.number().int().positive().default(120),
  /** Upload creations per signed-in user per hour (on top of the per-IP limit). */
  UPLOAD_RATE_LIMIT_PER_HOUR: z.coerce.number().int().positive().default(20),
  /** Studio edits (each a full re-transcode) per signed-in user per hour. */
  EDIT_RATE_LIMIT_PER_HOUR: z.coerce.number().int().positive().default(10),

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
  /** Web push (VAPID) key pair, base64url as `web-push generate-vapid-keys` prints; unset outside production: generated into DATA_DIR. */
  VAPID_PUBLIC_KEY: z.string().optional(),
  VAPID_PRIVATE_KEY: z.string().optional(),
  /** Contact the push services may use about our traffic: `mailto:` or `https:` URL. */
  VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:|https:)/, 'must start with mailto: or https:')
    .default('mailto:no-reply@video-window.local'),
  /**
   * Lets web-push endpoints resolve to private addresses (a push service stand-in on this machine);
   * never in production. Otherwise an endpoint must resolve to public addresses only.
   */
  WEB_PUSH_ALLOW_PRIVATE_ENDPOINTS: bool.default(false),
  /** Mobile push through Firebase Cloud Messaging HTTP v1 (Android, and iOS via the APNs key uploaded to Firebase). */
  FCM_PROJECT_ID: z.string().optional(),
  /** The Firebase service account key (its JSON, or that JSON base64-encoded). */
  FCM_SERVICE_ACCOUNT_JSON: z.string().optional(),
  FCM_API_URL: z.string().url().default('https://fcm.googleapis.com'),

  AUCTION_DURATION_SECONDS: seconds(259200),
  SOFT_CLOSE_SECONDS: seconds(600),
  MAKER_DECISION_SECONDS: seconds(86400),
  PAYMENT_WINDOW_SECONDS: seconds(86400),
  /** Accounts without a paid purchase bid and offer at most this many times the current price. */
  BID_CAP_MULTIPLE: z.coerce.number().int().positive().default(10),
  /** Open payment windows one buyer may hold; buy-now beyond it is refused. */
  OPEN_PAYMENT_WINDOWS_PER_BUYER: z.coerce.number().int().positive().default(2),
  PLAYBACK_TOKEN_SECONDS: seconds(300),
  /**
   * At least this long the image of a shared link's preview (og:image) keeps working: chat apps
   * fetch it when the link is posted and again later, long after a page's playback tokens expire.
   */
  SHARE_IMAGE_TOKEN_SECONDS: seconds(7 * 86400),
  /** How long an anonymous feed page is served from the cache (0: never cached). */
  FEED_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(2000),

  /** Stripe (Connect Express, hosted Checkout); unset: the embedded local payment provider. */
  STRIPE_SECRET_KEY: z.string().optional(),
  /** Signing secret of the Stripe webhook endpoint (`whsec_…`); required with STRIPE_SECRET_KEY. */
  STRIPE_WEBHOOK_SECRET: z.string().optional(),
  /** Another Stripe API base URL (tests point it at a local stand-in); refused in production. */
  STRIPE_API_BASE: z.string().url().optional(),
  /** The platform's share of each sale, in percent (two decimals at most). */
  PLATFORM_FEE_PERCENT: z.coerce.number().min(0).max(100).default(10),
  ORDER_AUTO_DELIVERY_SECONDS: seconds(14 * 86400),
  SHIPPING_REMINDER_SECONDS: seconds(3 * 86400),
  SHIPPING_OVERDUE_SECONDS: seconds(5 * 86400),

  /** Where uploads and renditions live: `local` (DATA_DIR) or an S3-compatible bucket. */
  STORAGE_DRIVER: z.enum(['local', 's3']).optional(),
  S3_BUCKET: z.string().optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_ENDPOINT: z.string().url().optional(),
  S3_FORCE_PATH_STYLE: bool.default(false),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  MAX_UPLOAD_BYTES: z.coerce.number().int().positive().default(2_147_483_648),
  /** Largest image upload (gallery and process-step pictures), checked at creation like MAX_UPLOAD_BYTES. */
  MAX_IMAGE_UPLOAD_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(20 * 1024 * 1024),
  MAX_VIDEO_SECONDS: seconds(180),
  /** An upload request whose body sends nothing for this long is cut off (it can be resumed). */
  UPLOAD_IDLE_TIMEOUT_SECONDS: seconds(30),
  /** ... or less than this on average over that time (a trickle holding the connection open). */
  UPLOAD_MIN_BYTES_PER_SECOND: z.coerce.number().int().min(0).default(1024),
  /** x264 preset of the transcode (`ultrafast` … `medium`). */
  MEDIA_X264_PRESET: z.enum(['ultrafast', 'superfast', 'veryfast', 'faster', 'fast', 'medium']).default('veryfast'),
  /** A processing job renews its lease this often; an unrenewed lease means its worker died. */
  MEDIA_LEASE_SECONDS: seconds(120),
  /** Public base URL of the CDN serving `/v1/play/…` (CloudFront signed-cookie mode when set with the key). */
  CDN_BASE_URL: z.string().url().optional(),
  CLOUDFRONT_KEY_PAIR_ID: z.string().optional(),
  /** PEM of the CloudFront key pair's private key (`\n` escapes allowed). */
  CLOUDFRONT_PRIVATE_KEY: z.string().optional(),
  /** Domain the CloudFront cookies are set for (a parent of both the API and the CDN host). */
  CLOUDFRONT_COOKIE_DOMAIN: z.string().optional(),
  SEED_DEMO_DATA: bool.optional(),
});

export type ConfigInput = z.input<typeof configSchema>;
export type Config = Omit<z.output<typeof configSchema>, 'STORAGE_DRIVER'> & {
  /** Resolved: `s3` when S3_BUCKET is set and no driver is named, else `local`. */
  STORAGE_DRIVER: 'local' | 's3';
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
  // What production requires is checked at start, all at once (start-check.ts).
  const standIns = c.NODE_ENV === 'development' || c.NODE_ENV === 'test';
  if (Boolean(c.VAPID_PUBLIC_KEY) !== Boolean(c.VAPID_PRIVATE_KEY)) {
    throw new ConfigError('Invalid configuration:\n  VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY: set both or neither');
  }
  if (Boolean(c.FCM_PROJECT_ID) !== Boolean(c.FCM_SERVICE_ACCOUNT_JSON)) {
    throw new ConfigError('Invalid configuration:\n  FCM_PROJECT_ID, FCM_SERVICE_ACCOUNT_JSON: set both or neither');
  }
  const storageDriver = c.STORAGE_DRIVER ?? (c.S3_BUCKET ? 's3' : 'local');
  if (storageDriver === 's3' && !c.S3_BUCKET) {
    throw new ConfigError('Invalid configuration:\n  S3_BUCKET: required when STORAGE_DRIVER is s3');
  }
  if (Boolean(c.CLOUDFRONT_KEY_PAIR_ID) !== Boolean(c.CLOUDFRONT_PRIVATE_KEY)) {
    throw new ConfigError(
      'Invalid configuration:\n  CLOUDFRONT_KEY_PAIR_ID, CLOUDFRONT_PRIVATE_KEY: set both or neither',
    );
  }
  if (Boolean(c.STRIPE_SECRET_KEY) !== Boolean(c.STRIPE_WEBHOOK_SECRET)) {
    throw new ConfigError('Invalid configuration:\n  STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET: set both or neither');
  }
  const devMailbox = standIns && (c.DEV_MAILBOX ?? !c.SMTP_URL);
  return { ...c, STORAGE_DRIVER: storageDriver, devMailbox };
}
