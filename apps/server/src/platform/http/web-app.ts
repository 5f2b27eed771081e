import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { HttpApp } from './types';

const WEB_DIST = path.resolve(import.meta.dirname, '../../../../web/dist');
const API_PREFIXES = ['/v1/', '/docs', '/openapi.json', '/health', '/ready', '/metrics', '/.well-known/'];

const PLACEHOLDER = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Video Window</title></head>
<body><main><h1>Video Window</h1><p>The craft video marketplace. The API is described at <a href="/docs">/docs</a>.</p></main></body></html>`;

const shells = new Map<string, Promise<string>>();

/**
 * The app's page (`index.html` of the production build, else a placeholder that links to the API
 * docs), read once per process: what `/` and every client-side route answer, and what shared
 * links put their preview tags into.
 */
export function readAppShell(distDir = WEB_DIST): Promise<string> {
  let shell = shells.get(distDir);
  if (!shell) {
    const file = path.join(distDir, 'index.html');
    shell = existsSync(file) ? readFile(file, 'utf8') : Promise.resolve(PLACEHOLDER);
    shells.set(distDir, shell);
  }
  return shell;
}

/**
 * Serves the web app's production build at `/` (hashed assets cached for a year, the shell never),
 * and the app shell for any other non-API GET so client-side routes survive a reload.
 */
export async function registerWebApp(app: HttpApp, distDir = WEB_DIST): Promise<void> {
  const built = existsSync(path.join(distDir, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, {
      root: distDir,
      wildcard: false,
      index: false,
      setHeaders: (res, filePath) => {
        const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
        res.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  const shell = await readAppShell(distDir);
  const sendShell = (reply: {
    header: (k: string, v: string) => unknown;
    type: (t: string) => { send: (b: string) => unknown };
  }) => {
    reply.header('cache-control', 'no-cache');
    return reply.type('text/html; charset=utf-8').send(shell);
  };
  app.get('/', { schema: { hide: true } }, async (_req, reply) => sendShell(reply));
  app.get('/*', { schema: { hide: true } }, async (req, reply) => {
    const url = req.url.split('?')[0] ?? '/';
    if (API_PREFIXES.some((p) => url.startsWith(p)) || path.extname(url) !== '') {
      return reply.status(404).send({ error: { code: 'not_found', message: `No route for GET ${url}` } });
    }
    return sendShell(reply);
  });
}
