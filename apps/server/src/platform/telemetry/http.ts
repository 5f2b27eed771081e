import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Context,
  type Span,
  type Tracer,
} from '@opentelemetry/api';
import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_NETWORK_PROTOCOL_VERSION,
  ATTR_URL_PATH,
  HTTP_REQUEST_METHOD_VALUE_OTHER,
} from '@opentelemetry/semantic-conventions';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpApp } from '../http/types';
import { maskPersonalData } from '../logger';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'CONNECT', 'TRACE']);

interface RequestSpan {
  span: Span;
  ctx: Context;
  method: string;
  ended: boolean;
}

/** One server span per HTTP request, continuing the caller's W3C trace context. */
export interface RequestTracing {
  /**
   * Starts the request's span as soon as Fastify sees the request (where its logger is built, so
   * the very first log line can carry the trace id); returns that trace id, or null for requests
   * that are not traced (WebSocket upgrades, which last as long as the connection).
   */
  startSpan(raw: IncomingMessage): string | null;
  /** Hooks that name the span by route, run the request inside it and end it with the response. */
  register(app: HttpApp): void;
}

export function requestTracing(tracer: Tracer): RequestTracing {
  const open = new WeakMap<IncomingMessage, RequestSpan>();

  /** Ends the span once: with the response's status, or as aborted (`status` null). */
  const finish = (entry: RequestSpan, raw: IncomingMessage, status: number | null) => {
    if (entry.ended) return;
    entry.ended = true;
    open.delete(raw);
    if (status === null) {
      entry.span.setAttribute(ATTR_ERROR_TYPE, 'aborted');
      entry.span.setStatus({ code: SpanStatusCode.ERROR, message: 'the connection closed before the response ended' });
    } else {
      entry.span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, status);
      if (status >= 500) {
        entry.span.setAttribute(ATTR_ERROR_TYPE, String(status));
        entry.span.setStatus({ code: SpanStatusCode.ERROR });
      }
    }
    entry.span.end();
  };

  return {
    startSpan(raw) {
      if (raw.headers.upgrade) return null;
      const parent = propagation.extract(ROOT_CONTEXT, raw.headers);
      const method = raw.method && METHODS.has(raw.method) ? raw.method : HTTP_REQUEST_METHOD_VALUE_OTHER;
      const span = tracer.startSpan(
        method === HTTP_REQUEST_METHOD_VALUE_OTHER ? 'HTTP' : method,
        {
          kind: SpanKind.SERVER,
          attributes: {
            [ATTR_HTTP_REQUEST_METHOD]: method,
            [ATTR_URL_PATH]: maskPersonalData((raw.url ?? '/').split('?')[0] ?? '/'),
            [ATTR_NETWORK_PROTOCOL_VERSION]: raw.httpVersion,
          },
        },
        parent,
      );
      open.set(raw, { span, ctx: trace.setSpan(parent, span), method, ended: false });
      return span.spanContext().traceId;
    },

    register(app) {
      app.addHook('onRequest', (req, reply, done) => {
        const entry = open.get(req.raw);
        if (!entry) return done();
        const route = req.routeOptions.url;
        if (route) {
          entry.span.setAttribute(ATTR_HTTP_ROUTE, route);
          if (entry.method !== HTTP_REQUEST_METHOD_VALUE_OTHER) entry.span.updateName(`${entry.method} ${route}`);
        }
        // Fastify keeps its own body parsing and the handler in this context; listeners others put
        // on the raw streams (tus reads upload bodies itself) run from the socket, so bind them too.
        context.bind(entry.ctx, req.raw);
        context.bind(entry.ctx, reply.raw);
        const res: ServerResponse = reply.raw;
        res.once('close', () => {
          if (!res.writableFinished) finish(entry, req.raw, null);
        });
        context.with(entry.ctx, done);
      });
      app.addHook('onError', (req, reply, err, done) => {
        const entry = open.get(req.raw);
        if (entry && reply.statusCode >= 500) entry.span.recordException(err);
        done();
      });
      app.addHook('onResponse', (req, reply, done) => {
        const entry = open.get(req.raw);
        if (entry) finish(entry, req.raw, reply.statusCode);
        done();
      });
    },
  };
}
