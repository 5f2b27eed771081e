import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import type pg from 'pg';
import { ident, withClient } from './database-target';
import type { PortableSequence, PortableTable } from './manifest';

/** Schemas PostgreSQL owns; everything else in the database belongs to the product. */
export const SYSTEM_SCHEMA_FILTER = `n.nspname not in ('pg_catalog', 'information_schema')
  and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp%'`;

const FETCH_ROWS = 2000;

export interface PortableDump {
  serverVersion: string;
  tables: PortableTable[];
  sequences: PortableSequence[];
}

/**
 * Writes every table's rows as JSON lines plus every sequence's position, all read in one
 * repeatable-read snapshot (the same consistency pg_dump gives). The schema itself is not
 * written: the migrations that made it recreate it on restore, so the format does not depend on
 * the server's version (a backup of the embedded server restores into a managed one and back).
 */
export async function dumpPortable(url: string, stagingDir: string, folder = 'database'): Promise<PortableDump> {
  await mkdir(path.join(stagingDir, folder), { recursive: true });
  return withClient(url, async (client) => {
    await client.query('begin isolation level repeatable read read only');
    try {
      const version = await client.query<{ v: string }>(`select current_setting('server_version') as v`);
      const tables = await listTables(client);
      const dumped: PortableTable[] = [];
      for (const [i, t] of tables.entries()) {
        const file = `${folder}/${String(i + 1).padStart(4, '0')}.jsonl`;
        const rows = await dumpTable(client, t.schema, t.name, path.join(stagingDir, file));
        dumped.push({ ...t, file, rows });
      }
      const sequences = await readSequences(client);
      await client.query('commit');
      return { serverVersion: version.rows[0]!.v.split(' ')[0]!, tables: dumped, sequences };
    } catch (err) {
      await client.query('rollback').catch(() => {});
      throw err;
    }
  });
}

async function listTables(client: pg.Client): Promise<{ schema: string; name: string; columns: string[] }[]> {
  // Partitions are read through their parent; generated columns are recomputed on insert.
  const r = await client.query<{ schema: string; name: string; columns: string[] }>(
    `select n.nspname as schema, c.relname as name,
            array(select a.attname::text from pg_attribute a
                  where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
                  order by a.attnum) as columns
     from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where c.relkind in ('r', 'p') and not c.relispartition and c.relpersistence <> 't' and ${SYSTEM_SCHEMA_FILTER}
     order by n.nspname, c.relname`,
  );
  return r.rows;
}

async function dumpTable(client: pg.Client, schema: string, name: string, file: string): Promise<number> {
  const out = createWriteStream(file, { mode: 0o600 });
  let rows = 0;
  try {
    await client.query(
      `declare dump_rows no scroll cursor for select to_jsonb(t)::text as r from ${ident(schema)}.${ident(name)} t`,
    );
    for (;;) {
      const batch = await client.query<{ r: string }>(`fetch ${FETCH_ROWS} from dump_rows`);
      if (batch.rows.length === 0) break;
      rows += batch.rows.length;
      // JSON text never holds a raw newline, so one row per line is unambiguous.
      if (!out.write(batch.rows.map((row) => row.r).join('\n') + '\n')) await once(out, 'drain');
    }
    await client.query('close dump_rows');
  } finally {
    out.end();
    await once(out, 'close');
  }
  return rows;
}

async function readSequences(client: pg.Client): Promise<PortableSequence[]> {
  const r = await client.query<{ schema: string; name: string }>(
    `select n.nspname as schema, c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where c.relkind = 'S' and ${SYSTEM_SCHEMA_FILTER} order by 1, 2`,
  );
  const out: PortableSequence[] = [];
  for (const s of r.rows) {
    const v = await client.query<{ last_value: string; is_called: boolean }>(
      `select last_value::text as last_value, is_called from ${ident(s.schema)}.${ident(s.name)}`,
    );
    out.push({ ...s, lastValue: v.rows[0]!.last_value, isCalled: v.rows[0]!.is_called });
  }
  return out;
}
