import type { Config } from './config';

interface Started {
  /** The address the server listens on, as Fastify reports it; null when no API role runs. */
  url: string | null;
  /** The database connection string; printed only when it is the embedded one. */
  databaseUrl: string;
}

/**
 * The lines a developer needs after `npm start` or `npm run dev`: where the app, the API
 * documentation and the development mailbox are, and how to reach the embedded database. Only
 * outside production: a production process logs JSON and names no connection string.
 */
export function startBanner(config: Config, started: Started): string | null {
  if (config.NODE_ENV === 'production' || !started.url) return null;
  const base = (config.PUBLIC_URL ?? `http://localhost:${new URL(started.url).port}`).replace(/\/$/, '');
  const rows: [string, string][] = [
    ['App', `${base}/`],
    ['API docs', `${base}/docs`],
  ];
  if (config.devMailbox) rows.push(['Mailbox', `${base}/v1/dev/mailbox?to=you@example.com`]);
  if (!config.DATABASE_URL) rows.push(['Database', `${started.databaseUrl} (embedded, in ${config.DATA_DIR})`]);
  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  return [
    '',
    'Video Window is running',
    ...rows.map(([label, value]) => `  ${`${label}:`.padEnd(width)}${value}`),
    '',
  ].join('\n');
}
