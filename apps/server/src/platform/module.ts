import type { Cache } from './cache';
import type { Logger } from 'pino';
import type pg from 'pg';
import type { Config } from '../config';
import type { Clock } from './clock';
import type { Secrets } from './crypto/secrets';
import type { Database, Executor } from './db/client';
import type { HttpApp } from './http/types';
import type { TaskDefinition } from './jobs';
import type { Mailer } from './mail/mailer';
import type { Metrics } from './metrics';
import type { Realtime } from './realtime/realtime';

/** What every module is built from. */
export interface AppContext {
  config: Config;
  db: Database;
  pool: pg.Pool;
  logger: Logger;
  clock: Clock;
  secrets: Secrets;
  metrics: Metrics;
  mailer: Mailer;
  realtime: Realtime;
  /** Short-lived shared answers (this process, or Redis when REDIS_URL is set). */
  cache: Cache;
  /** What this deployment's keys are prefixed with in a shared Redis (`redisScope`). */
  redisScope: string;
}

/** A module as the process sees it: its tables, routes and jobs. */
export interface AppModule {
  name: string;
  routes?: (app: HttpApp) => void | Promise<void>;
  /** The module's jobs, each declared with `defineTask`. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list mixes tasks of different payloads
  tasks?: readonly TaskDefinition<any>[];
  /** graphile-worker crontab lines. */
  crontab?: string[];
  /** Adds the module's records to a user's data export. */
  exportUserData?: (userId: string) => Promise<Record<string, unknown>>;
  /** Erases or anonymises the module's personal data of a deleted user, inside the deletion transaction. */
  eraseUserData?: (tx: Executor, userId: string) => Promise<void>;
  /** Readiness checks beyond the database and job queue. */
  readiness?: () => Promise<void>;
  close?: () => Promise<void>;
}
