import { trace } from '@opentelemetry/api';
import pino, { type Logger } from 'pino';

// A match may only start where a run of address characters starts: scanning a long run without
// an "@" then costs one pass, not one pass per position (a hostile request could otherwise make
// the masking quadratic and stall the process).
const EMAIL = /(?<![A-Za-z0-9._%+-])([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\.[A-Za-z]{2,})/g;
const PHONE = /\+[1-9]\d{6,14}/g;
/** Longer strings are cut (after masking) before they are logged. */
export const LOGGED_STRING_LIMIT = 10_000;

/** Masks emails (`a***@example.com`) and phone numbers in a string, cut to the logged length. */
export function maskPersonalData(text: string): string {
  if (typeof text !== 'string') return text;
  const masked = text.replace(EMAIL, '$1***@$2').replace(PHONE, '+***');
  return masked.length > LOGGED_STRING_LIMIT
    ? `${masked.slice(0, LOGGED_STRING_LIMIT)}…[${masked.length - LOGGED_STRING_LIMIT} more characters]`
    : masked;
}

/** Query parameters whose values are credentials wherever they appear. */
const SECRET_PARAM = /^(code|token|access_?token|refresh_?token|id_?token|mfa_?token|secret|signature|password|key)$/i;

/**
 * A request URL fit for the logs: percent-encoding undone first (an address in a query string
 * arrives as `a%40b.com`, a phone number as `%2B44…`, which the patterns would miss), personal
 * data masked, and credential-like query values dropped.
 */
export function maskUrl(url: string): string {
  const q = url.indexOf('?');
  const path = maskPersonalData(safeDecode(q < 0 ? url : url.slice(0, q)));
  if (q < 0) return path;
  const query = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = safeDecode(eq < 0 ? pair : pair.slice(0, eq));
      if (eq < 0) return maskPersonalData(name);
      const value = SECRET_PARAM.test(name) ? '[redacted]' : maskPersonalData(safeDecode(pair.slice(eq + 1)));
      return `${maskPersonalData(name)}=${value}`;
    })
    .join('&');
  return `${path}?${query}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The keys whose values the serializers below (and the HTTP server's, for `res`) turn into a few
 * masked fields. Walked here, they would be copied whole first: a request or reply object is
 * hundreds of properties deep (most of a request's logging cost), and the copy loses what the
 * serializer reads from their prototypes (a reply's `statusCode`).
 */
const SERIALIZED = new Set(['req', 'res', 'err']);

/**
 * Keys whose values are credentials wherever they appear in a line (compared in lower case):
 * passwords, sign-in codes, tokens, secrets, and the headers that carry them.
 */
const CREDENTIAL_KEYS = new Set([
  'password',
  'code',
  'token',
  'accesstoken',
  'refreshtoken',
  'idtoken',
  'secret',
  'authorization',
  'cookie',
  'set-cookie',
  'idempotency-key',
]);
const CENSORED = '[redacted]';

/**
 * A log line's fields, personal data masked and credentials censored (what a serializer shapes is
 * masked by it).
 */
function maskFields(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) {
    out[k] = SERIALIZED.has(k) ? v : isCredential(k) ? CENSORED : maskDeep(v, 1, false);
  }
  return out;
}

function isCredential(key: string): boolean {
  return CREDENTIAL_KEYS.has(key.toLowerCase());
}

/**
 * Masks every string and censors every credential key, however deep (to a bound). Inside an error
 * (`inError`), `code` is the error's own code (`23505`, `ECONNREFUSED`) and is kept.
 */
function maskDeep(value: unknown, depth: number, inError: boolean): unknown {
  if (typeof value === 'string') return maskPersonalData(value);
  if (value === undefined) return value;
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return value;
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, depth + 1, inError));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = isCredential(k) && !(inError && k === 'code') ? CENSORED : maskDeep(v, depth + 1, inError);
  }
  return out;
}

const TRACE_BOUND = Symbol('traceIdBound');

/**
 * A child logger whose lines all carry `traceId` (a request's, bound before its span is active);
 * its descendants inherit the mark, so the active-span lookup below does not repeat the key.
 */
export function childWithTraceId<T extends object>(
  logger: { child(bindings: pino.Bindings, options?: pino.ChildLoggerOptions): T },
  bindings: pino.Bindings,
  traceId: string,
  options?: pino.ChildLoggerOptions,
): T {
  const child = logger.child({ ...bindings, traceId }, options);
  Object.defineProperty(child, TRACE_BOUND, { value: true });
  return child;
}

/** `traceId` of the active span (a job's, when tracing is on); nothing when none is active. */
function activeTrace(_obj: object, _level: number, logger: Logger): object {
  if ((logger as Logger & { [TRACE_BOUND]?: boolean })[TRACE_BOUND]) return {};
  const span = trace.getActiveSpan();
  return span ? { traceId: span.spanContext().traceId } : {};
}

/**
 * A failed query's error carries its parameters, as a property and inside its message ("Failed
 * query: …\nparams: …"); they are left out of the logs.
 */
function withoutQueryParams(err: Error, serialized: object): Record<string, unknown> {
  const out = { ...serialized } as Record<string, unknown>;
  const params = (err as { params?: unknown }).params;
  if (!Array.isArray(params)) return out;
  const shown = `\nparams: ${String(params)}`;
  for (const key of ['message', 'stack']) {
    const text = out[key];
    if (typeof text === 'string') out[key] = text.split(shown).join('\nparams: [not logged]');
  }
  delete out.params;
  return out;
}

/** Parameters a failed query's error showed inside some other message's text ("…\nparams: …"). */
const SHOWN_PARAMS = /(\n\s*params: )[^\n']*/g;

/** `text` with the parameters of any failed query it quotes left out. */
export function withoutQuotedParams(text: string): string {
  return text.replace(SHOWN_PARAMS, '$1[not logged]');
}

/** An error as it is logged: masked, without its query's parameters. */
export function serializeError(err: Error): Record<string, unknown> {
  return maskDeep(withoutQueryParams(err, pino.stdSerializers.err(err)), 0, true) as Record<string, unknown>;
}

/** Lines wait in memory until this many bytes are ready, or for at most LOG_FLUSH_MS. */
const LOG_BUFFER_BYTES = 4096;
const LOG_FLUSH_MS = 1000;
/** A destination that stops taking lines (a stalled pipe) costs at most this much memory; later lines are dropped. */
const LOG_BACKLOG_BYTES = 16 * 1024 * 1024;

/**
 * Where a process writes its log (standard output, or a file): written in batches of a few
 * kilobytes, off the request's path, instead of one write per line — a write per line cost a
 * tenth of a busy API process's time. Lines still reach the destination within a second, and
 * whatever is buffered is written out when the process exits, crashes included.
 */
export function logDestination(dest: number | string = 1): pino.DestinationStream {
  const stream = pino.destination({ dest, sync: false, minLength: LOG_BUFFER_BYTES, maxLength: LOG_BACKLOG_BYTES });
  // Flushing while a file is still opening, or once it is closed (a timer may fire between the two
  // steps of closing), is an error: the timer starts once it is open and skips a closed stream.
  const closed = stream as unknown as { destroyed: boolean };
  let timer: NodeJS.Timeout | undefined;
  const start = () => {
    timer = setInterval(() => {
      if (!closed.destroyed) stream.flush();
    }, LOG_FLUSH_MS);
    timer.unref();
  };
  if (typeof dest === 'number') start();
  else stream.once('ready', start);
  stream.once('close', () => clearInterval(timer));
  return stream;
}

/**
 * JSON logs with personal data masked and secrets redacted; lines written inside a traced span
 * carry its `traceId`. Written through `logDestination()` unless told otherwise.
 */
export function createLogger(level: string, destination: pino.DestinationStream = logDestination()): Logger {
  return pino(
    {
      level,
      mixin: activeTrace,
      formatters: { log: maskFields },
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
          url: maskUrl(req.url ?? req.raw?.url ?? ''),
        }),
        // Errors are serialized after the masking above runs, so they are masked here; a failed
        // query's parameters (addresses, look-up hashes, ciphertexts) are left out altogether.
        err: serializeError,
      },
    },
    destination,
  );
}
