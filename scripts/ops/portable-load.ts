import path from 'node:path';
import type pg from 'pg';
import { migrateDatabase, type MigrationSet } from '../../apps/server/src/platform/db/migrate';
import { ident, withClient } from './database-target';
import { readRowBatches } from './jsonl';
import type { DatabaseSection, PortableTable } from './manifest';
import { migrationSetsAtLevel, readAppliedMigrations } from './schema-at-level';

type PortableSection = Extract<DatabaseSection, { method: 'portable' }>;

/**
 * Restores a portable dump: recreates the schema exactly as the backup had it (the migrations it
 * had applied, no more), then loads every row and sequence position in one transaction. The
 * caller migrates forward afterwards when this version has newer migrations.
 */
export async function loadPortable(options: {
  url: string;
  extractedDir: string;
  workDir: string;
  section: PortableSection;
  migrationSets: MigrationSet[];
  clean: boolean;
  log: (line: string) => void;
}): Promise<void> {
  const { url, extractedDir, section } = options;
  const applied = await readAppliedMigrations(extractedDir, section.tables);
  const atLevel = await migrationSetsAtLevel(options.migrationSets, applied, options.workDir);
  if (options.clean) await dropProductSchemas(url, section.tables, options.migrationSets);
  options.log('recreating the schema at the backup’s migration level');
  await migrateDatabase(url, atLevel);
  await withClient(url, async (client) => {
    await client.query('begin');
    try {
      await client.query('set local session_replication_role = replica').catch((err: Error) => {
        throw new Error(
          `restoring rows needs a role that may set session_replication_role (a superuser or rds_superuser): ${err.message}`,
        );
      });
      await truncateAll(client, section.tables);
      for (const table of section.tables) {
        await loadTable(client, path.join(extractedDir, ...table.file.split('/')), table);
      }
      for (const s of section.sequences) {
        await client.query('select setval($1::regclass, $2::bigint, $3)', [
          `${ident(s.schema)}.${ident(s.name)}`,
          s.lastValue,
          s.isCalled,
        ]);
      }
      await client.query('commit');
    } catch (err) {
      await client.query('rollback').catch(() => {});
      throw err;
    }
  });
  options.log(`loaded ${section.tables.reduce((n, t) => n + t.rows, 0)} rows in ${section.tables.length} tables`);
}

/** Drops what the product owns so the restore starts from nothing (`--clean`). */
async function dropProductSchemas(url: string, tables: PortableTable[], sets: MigrationSet[]): Promise<void> {
  const schemas = new Set([...tables.map((t) => t.schema), ...sets.map((s) => s.name), 'drizzle', 'graphile_worker']);
  await withClient(url, async (client) => {
    for (const schema of schemas) {
      if (schema === 'public') continue;
      await client.query(`drop schema if exists ${ident(schema)} cascade`);
    }
    // The public schema also holds extensions and grants: only the product's tables go.
    for (const t of tables.filter((t) => t.schema === 'public')) {
      await client.query(`drop table if exists public.${ident(t.name)} cascade`);
    }
  });
}

async function truncateAll(client: pg.Client, tables: PortableTable[]): Promise<void> {
  // Migrations may have written rows (their own bookkeeping, seeds): the backup's rows replace them.
  const schemas = [...new Set(tables.map((t) => t.schema))];
  const r = await client.query<{ q: string }>(
    `select format('%I.%I', n.nspname, c.relname) as q from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where c.relkind in ('r', 'p') and not c.relispartition and n.nspname = any($1::text[])`,
    [schemas],
  );
  if (r.rows.length)
    await client.query(`truncate table ${r.rows.map((row) => row.q).join(', ')} restart identity cascade`);
}

async function loadTable(client: pg.Client, file: string, table: PortableTable): Promise<void> {
  const target = `${ident(table.schema)}.${ident(table.name)}`;
  const r = await client.query<{ name: string }>(
    `select a.attname::text as name from pg_attribute a
     where a.attrelid = to_regclass($1) and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''`,
    [target],
  );
  const existing = new Set(r.rows.map((row) => row.name));
  if (existing.size === 0) throw new Error(`table ${table.schema}.${table.name} of the backup does not exist here`);
  const missing = table.columns.filter((c) => !existing.has(c));
  if (missing.length)
    throw new Error(`column ${table.schema}.${table.name}.${missing[0]} of the backup does not exist here`);
  if (table.rows === 0) return;
  const cols = table.columns.map(ident).join(', ');
  const insert = `insert into ${target} (${cols}) overriding system value
    select ${cols} from jsonb_populate_recordset(null::${target}, $1::jsonb)`;
  let loaded = 0;
  for await (const batch of readRowBatches(file)) {
    await client.query(insert, [`[${batch.join(',')}]`]);
    loaded += batch.length;
  }
  if (loaded !== table.rows)
    throw new Error(`${table.schema}.${table.name}: expected ${table.rows} rows, read ${loaded}`);
}
