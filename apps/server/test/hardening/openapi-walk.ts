/** Walks the published OpenAPI document: its operations and a plausible valid body for each. */
import { randomUUID } from 'node:crypto';
import type { Runtime } from '../../src/composition/runtime';

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  pattern?: string;
  minItems?: number;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
}

export interface Operation {
  method: string;
  path: string;
  key: string;
  parameters: Parameter[];
  body: JsonSchema | null;
  bodyType: string | null;
}

interface RawOperation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

/** Every operation the running app publishes. */
export function operationsOf(runtime: Runtime): Operation[] {
  const doc = runtime.app!.swagger() as { paths?: Record<string, Record<string, RawOperation>> };
  const out: Operation[] = [];
  for (const [path, ops] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(ops)) {
      const content = op.requestBody?.content ?? {};
      const bodyType = Object.keys(content)[0] ?? null;
      out.push({
        method: method.toUpperCase(),
        path,
        key: `${method.toUpperCase()} ${path}`,
        parameters: op.parameters ?? [],
        body: bodyType ? (content[bodyType]!.schema ?? null) : null,
        bodyType,
      });
    }
  }
  return out;
}

/** A value that satisfies the schema (required fields only), for calls that must pass validation. */
export function sampleOf(schema: JsonSchema | undefined, depth = 0): unknown {
  if (!schema || depth > 6) return null;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const alt = schema.anyOf ?? schema.oneOf;
  if (alt) return sampleOf(alt.find((s) => s.type !== 'null') ?? alt[0], depth + 1);
  if (schema.allOf) return sampleOf(schema.allOf[0], depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (type === undefined) return null;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const name of schema.required ?? []) out[name] = sampleOf(schema.properties?.[name], depth + 1);
      return out;
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => sampleOf(schema.items, depth + 1));
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 1, (schema.exclusiveMinimum ?? 0) + 1);
    case 'boolean':
      return true;
    case 'string':
      if (schema.format === 'uuid') return randomUUID();
      if (schema.format === 'email') return 'sample@example.com';
      if (schema.format === 'uri') return 'https://example.com/x';
      if (schema.format === 'date-time') return new Date().toISOString();
      return 'x'.repeat(Math.max(schema.minLength ?? 1, 4)).slice(0, schema.maxLength ?? 64);
    default:
      return null;
  }
}
