// Regenerates packages/api-client from the server's OpenAPI document. `--check` fails when the
// committed client is stale instead of writing it.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { format } from 'prettier';
import { buildOpenApiDocument } from '../apps/server/src/composition/openapi';

const root = path.resolve(import.meta.dirname, '..');
const docPath = path.join(root, 'packages/api-client/openapi.json');
const schemaPath = path.join(root, 'packages/api-client/src/schema.ts');

const doc = await buildOpenApiDocument();
const docText = `${JSON.stringify(doc, null, 2)}\n`;
const ast = await openapiTS(doc as unknown as Parameters<typeof openapiTS>[0]);
const schemaText = await format(
  `// Generated from the server's OpenAPI document by \`npm run api:generate\`. Do not edit.\n${astToString(ast)}`,
  { parser: 'typescript', printWidth: 120, singleQuote: true },
);

if (process.argv.includes('--check')) {
  const [oldDoc, oldSchema] = await Promise.all([
    readFile(docPath, 'utf8').catch(() => ''),
    readFile(schemaPath, 'utf8').catch(() => ''),
  ]);
  if (oldDoc !== docText || oldSchema !== schemaText) {
    console.error('packages/api-client is stale: run `npm run api:generate` and commit the result');
    process.exit(1);
  }
  console.log('api client matches the server');
} else {
  await writeFile(docPath, docText);
  await writeFile(schemaPath, schemaText);
  console.log(`wrote ${path.relative(root, docPath)} and ${path.relative(root, schemaPath)}`);
}
