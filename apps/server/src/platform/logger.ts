import pino, { type Logger } from 'pino';

const EMAIL = /([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\.[A-Za-z]{2,})/g;
const PHONE = /\+[1-9]\d{6,14}/g;

/** Masks emails (`a***@example.com`) and phone numbers in a string. */
export function maskPersonalData(text: string): string {
  if (typeof text !== 'string') return text;
  return text.replace(EMAIL, '$1***@$2').replace(PHONE, '+***');
}

function maskDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskPersonalData(value);
  if (value === undefined) return value;
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return value;
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = maskDeep(v, depth + 1);
  return out;
}

export const redactedPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["idempotency-key"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.code',
  '*.refreshToken',
  '*.accessToken',
  '*.idToken',
  '*.secret',
  '*.token',
];

/** JSON logs with personal data masked and secrets redacted. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: redactedPaths, censor: '[redacted]' },
      formatters: { log: (obj) => maskDeep(obj) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          const masked = args.map((a) => (typeof a === 'string' ? maskPersonalData(a) : a));
          method.apply(this, masked as Parameters<typeof method>);
        },
      },
      serializers: {
        req: (req: { method?: string; url?: string; id?: string; raw?: { url?: string; method?: string } }) => ({
          id: req.id,
          method: req.method ?? req.raw?.method,
          url: maskPersonalData(req.url ?? req.raw?.url ?? ''),
        }),
        err: pino.stdSerializers.err,
      },
    },
    destination,
  );
}
