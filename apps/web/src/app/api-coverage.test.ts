import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../../..');
const webSrc = path.join(root, 'apps/web/src');
/** The server's OpenAPI document as generated into the client package (`npm run api:generate`; CI checks it is current). */
const documentFile = path.join(root, 'packages/api-client/openapi.json');

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head'] as const;

/**
 * Operations no person reaches through a screen of the app: machines, protocols and pages the
 * browser opens by itself. Each says who calls it.
 */
const MACHINE_ONLY = new Set([
  // Probes and monitoring (load balancer, orchestrator, Prometheus).
  'GET /health',
  'GET /ready',
  'GET /metrics',
  // Whoever verifies access tokens (the realtime gateway, other services).
  'GET /.well-known/jwks.json',
  // The session's own fetch rotates tokens (shared/api/auth-fetch.ts), beneath the typed client.
  'POST /v1/auth/refresh',
  // tus 1.0 resumable uploads, spoken by tus-js-client in the studio and the maker profile (shared/upload/use-tus-upload.ts).
  'POST /v1/uploads',
  'HEAD /v1/uploads/{mediaId}',
  'PATCH /v1/uploads/{mediaId}',
  'DELETE /v1/uploads/{mediaId}',
  // HLS playlists and segments, fetched by the player (hls.js or the browser's own HLS).
  'GET /v1/play/{token}/{mediaId}/{*}',
  // CloudFront signed cookies, for deployments that serve /v1/play from a CDN.
  'GET /v1/playback/cookies',
  // Stripe's webhook (and the local provider's events, signed the same way).
  'POST /v1/payments/stripe/webhook',
  // The local payment provider's hosted pages: the checkout page, its form post and its receipt page,
  // opened by the browser as Stripe's would be.
  'GET /v1/payments/local/{sessionId}',
  'POST /v1/payments/local/{sessionId}/complete',
  'GET /v1/payments/local/{sessionId}/receipt',
  // The receipt page (HTML), opened from the receipt link in emails and the payment screen.
  'GET /v1/orders/{id}/receipt',
  // Push tokens of the native mobile app (the web app subscribes to web push instead).
  'POST /v1/notifications/mobile-push/tokens',
  'DELETE /v1/notifications/mobile-push/tokens',
  // Shared links' preview pages, read by chat apps' crawlers; the story and maker pages' share
  // buttons hand these URLs on (shared/ui/share-button.tsx) and a browser opening one starts the app.
  'GET /s/{storyId}',
  'GET /m/{makerId}',
]);

/**
 * Operations meant for people that no screen reaches yet. The test fails when one of them is in
 * fact called, so this list only shrinks.
 */
const STILL_WITHOUT_SCREEN = new Set<string>([]);

interface Operation {
  key: string;
  summary: string;
}

function operations(): Operation[] {
  const doc = JSON.parse(readFileSync(documentFile, 'utf8')) as {
    paths: Record<string, Partial<Record<(typeof METHODS)[number], { summary?: string }>>>;
  };
  return Object.entries(doc.paths).flatMap(([pathName, item]) =>
    METHODS.filter((m) => item[m]).map((m) => ({
      key: `${m.toUpperCase()} ${pathName}`,
      summary: item[m]?.summary ?? '',
    })),
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'test' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** `METHOD /path` of every call through the typed client (`api.GET('/v1/…'`) in the app's code (tests aside). */
function calledOperations(): Map<string, string> {
  const called = new Map<string, string>();
  for (const file of sourceFiles(webSrc)) {
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/\bapi\s*\.\s*(GET|PUT|POST|DELETE|PATCH|HEAD)\s*\(\s*['"`]([^'"`]+)['"`]/g)) {
      const key = `${m[1]} ${m[2]}`;
      if (!called.has(key)) called.set(key, path.relative(root, file));
    }
  }
  return called;
}

describe('the app reaches every operation meant for people', () => {
  const all = operations();
  const keys = new Set(all.map((o) => o.key));
  const called = calledOperations();

  it('reads the document and the app’s calls (so the checks below cannot pass empty)', () => {
    expect(all.length).toBeGreaterThan(50);
    expect(called.get('GET /v1/feed')).toBe('apps/web/src/shared/queries/feed/use-feed-query.ts');
  });

  it('calls every operation meant for people through the typed client, or lists it as still without a screen', () => {
    const missing = all
      .filter((o) => !called.has(o.key) && !MACHINE_ONLY.has(o.key) && !STILL_WITHOUT_SCREEN.has(o.key))
      .map((o) => `${o.key} — ${o.summary}`);
    expect(missing).toEqual([]);
  });

  it('lists as still without a screen only what no screen calls (the list only shrinks)', () => {
    const reached = [...STILL_WITHOUT_SCREEN].filter((key) => called.has(key)).map((k) => `${k} (${called.get(k)})`);
    expect(reached).toEqual([]);
  });

  it('names only operations the server has, and none in both lists', () => {
    expect([...MACHINE_ONLY, ...STILL_WITHOUT_SCREEN].filter((key) => !keys.has(key))).toEqual([]);
    expect([...MACHINE_ONLY].filter((key) => STILL_WITHOUT_SCREEN.has(key))).toEqual([]);
    expect([...called.keys()].filter((key) => !keys.has(key))).toEqual([]);
  });

  it('keeps machine-only operations out of the app’s typed calls', () => {
    expect([...MACHINE_ONLY].filter((key) => called.has(key))).toEqual([]);
  });
});
