import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../src/platform/db/embedded';
import { migrateDatabase } from '../src/platform/db/migrate';
import { migrationSets } from '../src/composition/migrations';
import { fixtureClip } from '../src/modules/media/fixture-clip';
import { findLeaks } from './log-scan';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A connection string to the server's maintenance database (for CREATE DATABASE). */
    adminDatabaseUrl: string;
    /** A migrated database each test file clones. */
    templateDatabase: string;
    runId: string;
    /** Where every test server writes its log lines; scanned for leaks when the run ends. */
    logDir: string;
  }
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * One PostgreSQL for the whole run: the embedded one by default, or the server that
 * TEST_DATABASE_URL / DATABASE_URL names. A migrated template is cloned per test file.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let embedded: EmbeddedDatabase | null = null;
  let dataDir: string | null = null;
  let admin: pg.Client | null = null;
  let fixtureDir: string | null = null;
  const runId = randomBytes(4).toString('hex');
  const template = `vw_tpl_${runId}`;

  /** Drops this run's databases and stops what the setup started: also when the setup itself fails. */
  const release = async () => {
    if (admin !== null) {
      const dbs = await admin.query<{ datname: string }>(
        `select datname from pg_database where datname like $1 or datname = $2`,
        [`vw_t_${runId}_%`, template],
      );
      for (const { datname } of dbs.rows) {
        await admin.query(`drop database if exists ${datname} with (force)`).catch(() => {});
      }
      await admin.end();
    }
    await embedded?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    if (fixtureDir) await rm(fixtureDir, { recursive: true, force: true });
  };

  try {
    let adminUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
    if (!adminUrl) {
      dataDir = await mkdtemp(path.join(os.tmpdir(), 'vw-test-pg-'));
      embedded = await startEmbeddedPostgres(path.join(dataDir, 'pg'), { persistent: false });
      adminUrl = withDatabase(embedded.url, 'postgres');
    }
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    admin = client;
    await admin.query(`create database ${template}`);
    // The clip most tests play is transcoded once, beside the migrations, before any test starts.
    fixtureDir = await mkdtemp(path.join(os.tmpdir(), 'vw-test-fixtures-'));
    // Both settle before anything is released: dropping the template under a running migration
    // would break its connection.
    const prepared = await Promise.allSettled([
      migrateDatabase(withDatabase(adminUrl, template), migrationSets),
      fixtureClip(fixtureDir, 1),
    ]);
    for (const step of prepared) if (step.status === 'rejected') throw step.reason;

    project.provide('adminDatabaseUrl', adminUrl);
    project.provide('templateDatabase', template);
    project.provide('runId', runId);
    project.provide('fixtureDir', fixtureDir);
  } catch (err) {
    await release().catch(() => {});
    throw err;
  }
  const logDir = await mkdtemp(path.join(os.tmpdir(), 'vw-test-logs-'));
  project.provide('logDir', logDir);

  return async () => {
    await release();
    await checkLogs(logDir);
  };
}

/**
 * The whole run's logs hold no personal data and no credential: a leak fails the run, with the
 * kind of data and the file (named after the test file) it appeared in.
 */
async function checkLogs(dir: string): Promise<void> {
  const { lines, leaks } = await findLeaks(dir);
  if (leaks.length > 0) {
    const list = leaks.map((l) => `  ${l.kind} in ${l.file}: ${l.sample}`).join('\n');
    // The run fails: the test runner reports an error thrown here without changing its status.
    process.exitCode = 1;
    throw new Error(`personal data or credentials in the logs of the test run (kept in ${dir}):\n${list}`);
  }
  console.log(`logs of the test run: ${lines} lines, no personal data or credentials`);
  if (process.env.TEST_KEEP_LOGS) console.log(`logs kept in ${dir}`);
  else await rm(dir, { recursive: true, force: true });
}
