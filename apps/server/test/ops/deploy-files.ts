import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

/** The repository root. */
export const root = path.resolve(import.meta.dirname, '../../../..');

export const read = (rel: string): string => readFileSync(path.join(root, rel), 'utf8');

/** Files under a folder of the repository (relative paths), recursively. */
export function filesUnder(rel: string, suffixes: string[]): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(root, rel), { withFileTypes: true })) {
    const child = `${rel}/${entry.name}`;
    if (entry.isDirectory()) out.push(...filesUnder(child, suffixes));
    else if (suffixes.some((s) => entry.name.endsWith(s))) out.push(child);
  }
  return out.sort();
}

/** Every document of a YAML file; throws on the first syntax error. Merge keys (`<<:`) as Compose reads them. */
export function yamlDocuments(rel: string): unknown[] {
  return parseAllDocuments(read(rel), { merge: true }).map((doc) => {
    if (doc.errors.length) throw new Error(`${rel}: ${doc.errors[0]!.message}`);
    return doc.toJS() as unknown;
  });
}

/** The single document of a YAML file. */
export function yamlDocument<T>(rel: string): T {
  const docs = yamlDocuments(rel);
  if (docs.length !== 1) throw new Error(`${rel}: expected one document, found ${docs.length}`);
  return docs[0] as T;
}
