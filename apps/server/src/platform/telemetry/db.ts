import { context, SpanKind, SpanStatusCode, trace, type Span, type Tracer } from '@opentelemetry/api';
import {
  ATTR_DB_NAMESPACE,
  ATTR_DB_OPERATION_NAME,
  ATTR_DB_QUERY_TEXT,
  ATTR_DB_RESPONSE_STATUS_CODE,
  ATTR_DB_SYSTEM_NAME,
  ATTR_ERROR_TYPE,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  DB_SYSTEM_NAME_VALUE_POSTGRESQL,
} from '@opentelemetry/semantic-conventions';
import type pg from 'pg';

/** Statements are parameterised, so their text holds no values; very long ones are cut. */
const MAX_QUERY_TEXT = 4096;

type QueryFn = (...args: unknown[]) => unknown;
type ConnectCallback = Parameters<Extract<pg.Pool['connect'], (callback: never) => void>>[0];

function textOf(first: unknown): string | undefined {
  if (typeof first === 'string') return first;
  if (first && typeof first === 'object' && 'text' in first && typeof first.text === 'string') return first.text;
  return undefined;
}

/** Ends a statement's span; a failure records its SQLSTATE (`db.response.status_code`) and message. */
function endSpan(span: Span, err: unknown): void {
  if (err) {
    const code = typeof err === 'object' && 'code' in err && typeof err.code === 'string' ? err.code : null;
    if (code) span.setAttribute(ATTR_DB_RESPONSE_STATUS_CODE, code);
    span.setAttribute(ATTR_ERROR_TYPE, code ?? (err instanceof Error ? err.name : 'error'));
    if (err instanceof Error) span.recordException(err);
    span.setStatus({ code: SpanStatusCode.ERROR, message: err instanceof Error ? err.message : 'query failed' });
  }
  span.end();
}

function traceClient(client: pg.PoolClient, tracer: Tracer): void {
  const query = client.query.bind(client) as QueryFn;
  const replacement: QueryFn = (...args) => {
    const parent = context.active();
    const first = args[0];
    // Only statements run for a traced request or job get a span (the queue's polling and the
    // event bus's listening are not); cursors and streams pass through untraced.
    if (!trace.getSpan(parent)) return query(...args);
    if (first && typeof first === 'object' && ('submit' in first || 'callback' in first)) return query(...args);
    const text = textOf(first);
    const operation = text ? /^\s*([A-Za-z]+)/.exec(text)?.[1]?.toUpperCase() : undefined;
    const span = tracer.startSpan(
      operation ?? DB_SYSTEM_NAME_VALUE_POSTGRESQL,
      {
        kind: SpanKind.CLIENT,
        attributes: {
          [ATTR_DB_SYSTEM_NAME]: DB_SYSTEM_NAME_VALUE_POSTGRESQL,
          ...(client.database ? { [ATTR_DB_NAMESPACE]: client.database } : {}),
          ...(operation ? { [ATTR_DB_OPERATION_NAME]: operation } : {}),
          ...(text ? { [ATTR_DB_QUERY_TEXT]: text.slice(0, MAX_QUERY_TEXT) } : {}),
          [ATTR_SERVER_ADDRESS]: client.host,
          [ATTR_SERVER_PORT]: client.port,
        },
      },
      parent,
    );
    const last = args.length - 1;
    const callback = args[last];
    if (typeof callback === 'function') {
      args[last] = (err: unknown, ...rest: unknown[]) => {
        endSpan(span, err);
        return (callback as QueryFn)(err, ...rest);
      };
    }
    try {
      const result = query(...args);
      if (typeof callback !== 'function') {
        void Promise.resolve(result).then(
          () => endSpan(span, null),
          (err: unknown) => endSpan(span, err),
        );
      }
      return result;
    } catch (err) {
      endSpan(span, err);
      throw err;
    }
  };
  client.query = replacement as typeof client.query;
}

/**
 * SQL spans for every connection of the pool: a CLIENT span per statement, child of the span
 * active when the statement was issued. The pool hands out a busy pool's next free connection from
 * whichever caller released it, so checkouts are bound to their own caller's context first.
 */
export function traceDatabase(pool: pg.Pool, tracer: Tracer): void {
  const connect = pool.connect.bind(pool) as (callback?: ConnectCallback) => unknown;
  const replacement = (callback?: ConnectCallback) =>
    callback ? connect(context.bind(context.active(), callback)) : connect();
  pool.connect = replacement as typeof pool.connect;
  pool.on('connect', (client) => traceClient(client, tracer));
}
