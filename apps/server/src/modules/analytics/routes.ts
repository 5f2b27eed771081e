import type { FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { recordAudit } from '../../platform/audit';
import { callerOf } from '../../platform/http/auth';
import { errorResponses } from '../../platform/http/error-body';
import { enforce, keyedLimit } from '../../platform/http/address-limit';
import type { HttpApp } from '../../platform/http/types';
import type { AnalyticsDeps } from './deps';
import { exportEventLines, exportRange } from './export-events';
import { ingestClientEvents } from './ingest-events';
import { readDashboard } from './read-dashboard';
import * as s from './schemas';

const secured = [{ bearer: [] }];

/**
 * The anonymous client's id: the `X-Client-Id` header, or the batch's `clientId` for a beacon
 * (which cannot set headers). Both are checked as UUIDs by the route's schema.
 */
function anonymousIdOf(req: FastifyRequest): string | null {
  const header = req.headers['x-client-id'];
  if (typeof header === 'string') return header;
  const body = req.body as { clientId?: unknown } | undefined;
  return typeof body?.clientId === 'string' ? body.clientId : null;
}

/** Client events in, the maker dashboard and the admin's NDJSON export out. */
export function analyticsRoutes(
  app: HttpApp,
  deps: AnalyticsDeps,
  limits: { batchesPerClientPerMinute: number; batchesPerAddressPerMinute: number },
): void {
  const { guard } = deps;
  const perClient = keyedLimit(app, {
    name: 'analytics-client',
    max: limits.batchesPerClientPerMinute,
    windowMs: 60_000,
    key: (req) => (req.caller ? `u:${req.caller.userId}` : `c:${anonymousIdOf(req) ?? ''}`),
  });
  const perAddress = keyedLimit(app, {
    name: 'analytics-address',
    max: limits.batchesPerAddressPerMinute,
    windowMs: 60_000,
    key: (req) => req.ip,
  });

  app.post(
    '/v1/analytics/events',
    {
      preHandler: guard.optionalUser,
      schema: {
        tags: ['analytics'],
        summary: `Report what the viewer saw and did (at most ${s.MAX_EVENTS_PER_BATCH} events a call)`,
        description:
          "Sign-in optional: anonymous clients send a random UUID they generated in `X-Client-Id` (or, from `navigator.sendBeacon`, which cannot set headers, as the batch's `clientId`; a Blob of type `application/json`). Only the fields listed are accepted: any other field (an email, an IP, …) is refused with 400.",
        examples: {
          request: {
            events: [
              {
                type: 'feed_impression',
                storyId: '6f1d3c2a-9b8e-4f7a-8c1d-2e3f4a5b6c7d',
                feedPosition: 0,
                durationMs: 2400,
                clientTime: '2025-06-01T12:00:00Z',
              },
              {
                type: 'play',
                storyId: '6f1d3c2a-9b8e-4f7a-8c1d-2e3f4a5b6c7d',
                mediaId: '0b7e4c91-3d2a-4e5f-9a8b-7c6d5e4f3a21',
                positionMs: 0,
              },
            ],
          },
          response: { accepted: 2, dropped: 0 },
        },
        headers: s.clientIdHeaders,
        body: s.eventBatch,
        response: { 202: s.batchAccepted, ...errorResponses },
      },
    },
    async (req, reply) => {
      await enforce(perAddress, req, 'Too many analytics events from this address');
      await enforce(perClient, req, 'Too many analytics events from this client');
      const result = await ingestClientEvents(deps, {
        caller: req.caller,
        clientId: anonymousIdOf(req),
        events: req.body.events,
      });
      return reply.status(202).send(result);
    },
  );

  app.get(
    '/v1/makers/me/dashboard',
    {
      preHandler: guard.requireRole('maker'),
      schema: {
        tags: ['analytics'],
        security: secured,
        summary: "The caller's maker dashboard: active listings, funnel, revenue by day, fulfilment tasks",
        description:
          'Figures are fresh within seconds of the events: days not yet rolled up are computed live. The funnel and revenue cover the last `days` UTC days, today included; listing views and likes are since publication.',
        querystring: s.dashboardQuery,
        response: { 200: s.dashboard, ...errorResponses },
      },
    },
    async (req) => readDashboard(deps, callerOf(req).userId, req.query),
  );

  app.get(
    '/v1/admin/analytics/export',
    {
      preHandler: guard.requireRole('admin'),
      schema: {
        tags: ['admin'],
        security: secured,
        summary: 'Admin: export the analytics events of a time range as NDJSON (one event a line)',
        description:
          'Streams `application/x-ndjson`, oldest first; each line is an `ExportedAnalyticsEvent`. `from` inclusive, `to` exclusive. The export is recorded in the audit log.',
        querystring: s.exportQuery,
        response: {
          200: {
            description: 'One JSON event per line',
            content: { 'application/x-ndjson': { schema: s.exportedEvent } },
          },
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const range = exportRange(req.query);
      await recordAudit(deps.db, {
        actorId: callerOf(req).userId,
        action: 'analytics.export',
        targetType: 'analytics_events',
        targetId: `${range.start.toISOString()}/${range.end.toISOString()}`,
      });
      // A stream is sent as it is (never serialised): the generic reply type says so.
      const raw: FastifyReply = reply;
      return raw
        .header('content-type', 'application/x-ndjson; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(Readable.from(exportEventLines(deps.db, range)));
    },
  );
}
