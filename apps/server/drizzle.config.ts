import { defineConfig } from 'drizzle-kit';

// One migration set per module: MODULE picks which (see scripts/generate-migrations.ts).
const moduleName = process.env.MODULE ?? 'identity';
const base = moduleName === 'platform' ? './src/platform' : `./src/modules/${moduleName}`;

export default defineConfig({
  dialect: 'postgresql',
  schema: `${base}/tables.ts`,
  out: `${base}/migrations`,
  schemaFilter: [moduleName],
  casing: 'snake_case',
});
