/**
 * Security headers on every answer (the API's, the app's files, 404s), from helmet's middleware
 * built once at start-up. Built per request, as a Fastify plugin around helmet does it, it parses
 * the content security policy again for every request: about an eighth of the CPU of a cached feed
 * page.
 */
import helmet, { type HelmetOptions } from 'helmet';
import type { HttpApp } from './types';

export const SECURITY_HEADERS: Readonly<HelmetOptions> = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
      mediaSrc: ["'self'", 'blob:', 'https:'],
      connectSrc: ["'self'", 'ws:', 'wss:', 'https:'],
      workerSrc: ["'self'", 'blob:'],
      frameAncestors: ["'none'"],
      formAction: ["'self'", 'https://checkout.stripe.com'],
    },
  },
  crossOriginEmbedderPolicy: false,
};

export function registerSecurityHeaders(app: HttpApp, options: Readonly<HelmetOptions> = SECURITY_HEADERS): void {
  const apply = helmet(options);
  app.addHook('onRequest', (req, reply, done) => {
    apply(req.raw, reply.raw, (err) => done(err instanceof Error ? err : undefined));
  });
}
