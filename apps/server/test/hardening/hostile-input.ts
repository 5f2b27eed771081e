/** fast-check arbitraries for hostile requests, derived from an operation's OpenAPI schemas. */
import fc from 'fast-check';
import { sampleOf, type JsonSchema, type Operation, type Parameter } from './openapi-walk';

export interface HostileRequest {
  what: string;
  /** True when the request certainly breaks the operation's schema: it must never succeed. */
  violates: boolean;
  url: string;
  headers: Record<string, string>;
  payload?: string;
}

const deep = (depth: number, leaf: string) => `${'['.repeat(depth)}${leaf}${']'.repeat(depth)}`;
const deepObject = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

export const hostileString = fc.oneof(
  fc.constantFrom(
    "' OR 1=1 --",
    "'; DROP TABLE identity.users; --",
    '1; SELECT pg_sleep(10)',
    '../../../../etc/passwd',
    '..%2f..%2f..%2fetc%2fpasswd',
    '%00',
    '\u0000',
    '__proto__',
    'constructor',
    'prototype',
    '${jndi:ldap://x}',
    '<script>alert(1)</script>',
    '{{7*7}}',
    'NaN',
    '-1',
    '1e309',
    '\u202e\u200b\ufeff',
    '👩‍👩‍👧‍👦'.repeat(500),
    '\ud800',
    'a'.repeat(100_000),
    ' ',
    '',
  ),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

/** JSON text that is hostile whatever the schema: pollution keys, deep nesting, odd scalars. */
const hostileJsonText = fc.oneof(
  fc.constant('{"__proto__":{"isAdmin":true,"roles":["admin"]},"constructor":{"prototype":{"polluted":1}}}'),
  fc.constant(deep(5_000, '1')),
  fc.constant(deepObject(2_000)),
  fc.constant('{"a":1,"a":2}'),
  fc.constant('not json at all'),
  fc.constant('{"unterminated": "'),
  fc.constant('1e999999'),
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v) ?? 'null'),
  hostileString.map((s) => JSON.stringify(s)),
  fc.dictionary(hostileString, hostileString, { maxKeys: 5 }).map((d) => JSON.stringify(d)),
);

/** A JSON value of some type other than the schema's, or null when the type is not simple. */
function wrongFor(schema: JsonSchema | undefined): fc.Arbitrary<unknown> | null {
  if (!schema || schema.anyOf || schema.oneOf || schema.allOf) return null;
  if (schema.enum || schema.const !== undefined) {
    const allowed = schema.enum ?? [schema.const];
    return fc.oneof(hostileString, fc.integer()).filter((v) => !allowed.includes(v));
  }
  const type = schema.type;
  if (Array.isArray(type) || type === undefined) return null;
  const others: fc.Arbitrary<unknown>[] = [];
  if (type !== 'string') others.push(hostileString);
  if (type !== 'number' && type !== 'integer') others.push(fc.double(), fc.integer());
  if (type !== 'boolean') others.push(fc.boolean());
  if (type !== 'array') others.push(fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }));
  if (type !== 'object') others.push(fc.dictionary(hostileString, fc.jsonValue({ maxDepth: 2 })));
  if (type === 'string' && schema.maxLength !== undefined) others.push(fc.constant('z'.repeat(schema.maxLength + 1)));
  if (type === 'integer') others.push(fc.constant(1.5));
  return fc.oneof(...others);
}

/** A JSON scalar as the text a client would put in a URL. */
const text = (v: unknown): string => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));

// Lone surrogates cannot be percent-encoded; a client would send the replacement character.
const encode = (s: string) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, '\ufffd'));

const headerSafe = (s: string) => s.replace(/[^\x20-\x7e]/g, '').slice(0, 4_000);

const hostileHeaders = fc.record(
  {
    authorization: fc.oneof(
      hostileString.map((s) => `Bearer ${headerSafe(s)}`),
      fc.constant('Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4Iiwicm9sZXMiOlsiYWRtaW4iXX0.'),
      fc.constant('Basic YWRtaW46YWRtaW4='),
    ),
    'idempotency-key': hostileString.map(headerSafe),
    'x-forwarded-for': hostileString.map(headerSafe),
    'tus-resumable': fc.constantFrom('1.0.0', '0.2', 'x'),
    'upload-offset': fc.constantFrom('-1', 'abc', '99999999999999999999', '0'),
    'upload-length': fc.constantFrom('-1', 'abc', '1e400', '0'),
    'upload-metadata': hostileString.map(headerSafe),
    cookie: hostileString.map((s) => `vw_playback=${headerSafe(s)}`),
  },
  { requiredKeys: [] },
);

function pathParams(op: Operation): Parameter[] {
  return op.parameters.filter((p) => p.in === 'path');
}

/** Whether any value for this path parameter other than the sample is certainly invalid. */
function strictPathParam(p: Parameter): boolean {
  return p.schema?.format === 'uuid';
}

/** Hostile requests for one operation; `bodyFuzz` false keeps the body out (binary endpoints). */
export function hostileRequests(op: Operation, bodyFuzz: boolean): fc.Arbitrary<HostileRequest> {
  const params = pathParams(op);
  const query = op.parameters.filter((p) => p.in === 'query');
  const pathWith = (overrides: Record<string, string> = {}) =>
    op.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
      name in overrides ? overrides[name]! : text(sampleOf(params.find((p) => p.name === name)?.schema) ?? 'x'),
    );
  const validPath = () => pathWith();
  const jsonBody = bodyFuzz && op.bodyType === 'application/json' && op.body ? op.body : null;
  const validBody = jsonBody ? JSON.stringify(sampleOf(jsonBody)) : undefined;
  const base = (what: string, violates: boolean, url: string, payload?: string) => ({ what, violates, url, payload });

  const options: fc.Arbitrary<Omit<HostileRequest, 'headers'>>[] = [
    // Anything at all, everywhere: only the absence of 5xx is asserted.
    fc
      .tuple(
        fc.array(hostileString, { minLength: params.length, maxLength: params.length }),
        fc.dictionary(hostileString, hostileString, { maxKeys: 4 }),
        hostileJsonText,
      )
      .map(([values, q, body]) => {
        let i = 0;
        const path = op.path.replace(/\{[^}]+\}/g, () => encode(values[i++] ?? 'x') || 'x');
        return base('anything', false, `${path}?${new URLSearchParams(q).toString()}`, bodyFuzz ? body : undefined);
      }),
  ];
  const strict = params.filter(strictPathParam);
  if (strict.length > 0) {
    options.push(
      fc.tuple(fc.constantFrom(...strict), hostileString).map(([p, value]) => {
        const path = pathWith({ [p.name]: encode(value) || '%20' });
        return base(`path ${p.name}`, true, path, validBody);
      }),
    );
  }
  for (const q of query) {
    const wrong = wrongFor(q.schema);
    // Booleans are coerced from any text, so no query text certainly breaks them.
    if (!wrong || q.schema?.type === 'string' || q.schema?.type === 'boolean') continue;
    options.push(
      wrong
        .filter((v) => typeof v !== 'object' && text(v) !== '' && !(q.schema?.enum ?? []).map(text).includes(text(v)))
        .filter(
          (v) => !['number', 'integer'].includes(String(q.schema?.type)) || Number.isNaN(Number(text(v).trim() || 'x')),
        )
        .map((v) =>
          base(
            `query ${q.name}`,
            true,
            `${validPath()}?${new URLSearchParams({ [q.name]: text(v) }).toString()}`,
            validBody,
          ),
        ),
    );
  }
  if (jsonBody && jsonBody.type === 'object') {
    options.push(
      fc
        .oneof(
          hostileString.map((s) => JSON.stringify(s)),
          fc.integer().map(String),
          fc.constant('null'),
          fc.constant(deep(3_000, '1')),
        )
        .map((payload) => base('body not an object', true, validPath(), payload)),
    );
    for (const [name, schema] of Object.entries(jsonBody.properties ?? {})) {
      const wrong = wrongFor(schema);
      if (!wrong) continue;
      options.push(
        wrong.map((v) => {
          const body = { ...(sampleOf(jsonBody) as Record<string, unknown>), [name]: v };
          return base(`body ${name}`, true, validPath(), JSON.stringify(body));
        }),
      );
    }
  }
  return fc.tuple(fc.oneof(...options), hostileHeaders).map(([req, headers]) => ({ ...req, headers }));
}
