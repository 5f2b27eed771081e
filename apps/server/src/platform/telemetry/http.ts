import { context } from '@opentelemetry/api';
import type { FastifyPluginCallback, FastifyReply, FastifyRequest } from 'fastify';
import type { HttpApp } from '../http/types';

/** A server span per HTTP request from `@fastify/otel`, continuing the caller's W3C trace context. */
export interface RequestTracing {
  /** Registers the plugin and the hooks around it; before any other hook or route. */
  register(app: HttpApp): Promise<void>;
}

export function requestTracing(plugin: FastifyPluginCallback): RequestTracing {
  return {
    async register(app) {
      // A WebSocket upgrade lasts as long as its connection: not traced.
      app.addHook('onRoute', (route) => {
        if (route.websocket) route.config = { ...route.config, otel: false };
      });
      await app.register(plugin);
      // Runs after the plugin's hook, inside the request's span.
      app.addHook('onRequest', (req: FastifyRequest, reply: FastifyReply, done) => {
        const telemetry = req.opentelemetry();
        if (telemetry.instrumented && telemetry.context) {
          // Fastify parses the body from the socket's events, and others read the raw streams
          // themselves (tus reads upload bodies): their listeners run in the request's context too.
          context.bind(telemetry.context, req.raw);
          context.bind(telemetry.context, reply.raw);
        }
        done();
      });
    },
  };
}
