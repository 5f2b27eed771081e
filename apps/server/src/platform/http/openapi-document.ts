/**
 * What the OpenAPI document says beyond the routes' own schemas: an operationId for every
 * operation (the name generated clients give its function), the example bodies routes declare,
 * and the quick start `/docs` opens with.
 */
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';

declare module 'fastify' {
  interface FastifySchema {
    /**
     * Example bodies for the API document: the request's, and the successful answer's. Both are
     * checked against the route's own schemas when the document is built.
     */
    examples?: { request?: unknown; response?: unknown };
  }
}

type JsonSchema = Record<string, unknown>;

/**
 * The routes' zod schemas as JSON Schema (as `jsonSchemaTransform` does), with the declared
 * examples on the request body and the first 2xx answer. An example its schema refuses stops the
 * document: a wrong example would teach a wrong call.
 */
export const documentTransform: typeof jsonSchemaTransform = (input) => {
  const { examples, ...schema } = input.schema;
  const out = jsonSchemaTransform({ ...input, schema });
  if (!examples) return out;
  const where = `${[input.route.method].flat().join(',')} ${input.url}`;
  const transformed = out.schema as { body?: JsonSchema; response?: Record<string, JsonSchema> };
  if (examples.request !== undefined) {
    checkExample(schema.body, examples.request, `${where}: the request example`);
    if (!transformed.body) throw new Error(`${where}: a request example for a route without a body`);
    transformed.body = withExample(transformed.body, examples.request);
  }
  if (examples.response !== undefined) {
    const responses = (schema.response ?? {}) as Record<string, unknown>;
    const status = Object.keys(responses)
      .filter((code) => /^2\d\d$/.test(code))
      .sort()[0];
    if (!status || !transformed.response?.[status])
      throw new Error(`${where}: a response example for a route without a successful answer`);
    checkExample(responses[status], examples.response, `${where}: the response example`);
    transformed.response = {
      ...transformed.response,
      [status]: withExample(transformed.response[status], examples.response),
    };
  }
  return out;
};

/** `examples` beside a `$ref` would be dropped when the reference is resolved: the reference is wrapped. */
function withExample(schema: JsonSchema, example: unknown): JsonSchema {
  return '$ref' in schema ? { allOf: [schema], examples: [example] } : { ...schema, examples: [example] };
}

function checkExample(schema: unknown, example: unknown, what: string): void {
  if (!(schema instanceof z.ZodType)) return;
  const result = schema.safeParse(example);
  if (!result.success) throw new Error(`${what} does not match its schema: ${z.prettifyError(result.error)}`);
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);

/**
 * A stable, readable id from the method and the path: `POST /v1/stories/{id}/offers` →
 * `postStoriesByIdOffers`, `GET /v1/feed` → `getFeed`. The version prefix is left out; a path
 * parameter reads "by <name>", and a wildcard "rest".
 */
export function operationIdOf(method: string, path: string): string {
  const words = path
    .split('/')
    .filter((segment) => segment !== '' && segment !== 'v1')
    .flatMap((segment) => {
      if (segment === '*' || segment === '{*}') return ['rest'];
      const param = /^\{(.+)\}$/.exec(segment);
      if (param) return ['by', ...param[1]!.split(/[^A-Za-z0-9]+/)];
      return segment.split(/[^A-Za-z0-9]+/);
    })
    .filter(Boolean);
  const pascal = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
  return `${method.toLowerCase()}${pascal}`;
}

type Operations = Record<string, Record<string, unknown>>;

/** Gives every operation without one its generated operationId. */
export function addOperationIds<T>(document: T): T {
  const paths = (document as { paths?: Operations }).paths ?? {};
  // A route answering several methods shares one operation object between them: each gets its own.
  const seen = new Set<object>();
  for (const [path, operations] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      if (!METHODS.has(method) || typeof operation !== 'object' || operation === null) continue;
      const op = seen.has(operation)
        ? { ...(operation as { operationId?: string }) }
        : (operation as { operationId?: string });
      if (seen.has(operation)) {
        delete op.operationId;
        operations[method] = op;
      }
      seen.add(op);
      op.operationId ??= operationIdOf(method, path);
    }
  }
  return document;
}

/** The document's description: what `/docs` shows above the operations. */
export const API_GUIDE = `The craft video marketplace API: makers publish stories of one-of-a-kind pieces, viewers make
offers, the first qualifying offer opens a 72-hour auction with proxy bids and soft close, the winner
pays through a hosted checkout, the maker ships and is paid once the buyer confirms.

JSON bodies use camelCase; money travels in integer minor units (\`amountMinor\`) with its
\`currency\`; times are ISO 8601 UTC. Errors answer \`{ "error": { "code", "message", "details?" } }\`
with a stable snake_case \`code\`. Actions that spend or commit (offers, bids, buy now, payments)
take an \`Idempotency-Key\` header: a retry with the same key answers the first outcome.

## Quick start (on \`npm start\`, which runs the development mailbox and local payments)

Sign in with a code sent by email, read from the development mailbox:

\`\`\`sh
curl -X POST localhost:8080/v1/auth/email/start -H 'content-type: application/json' \\
  -d '{"email":"you@example.com"}'
curl 'localhost:8080/v1/dev/mailbox?to=you@example.com'          # the code is in the newest message
curl -X POST localhost:8080/v1/auth/email/verify -H 'content-type: application/json' \\
  -d '{"email":"you@example.com","code":"<code>"}'                # → {"accessToken", ...}
TOKEN=<accessToken>
\`\`\`

Browse the feed and make an offer on a story (the first qualifying offer opens its auction):

\`\`\`sh
curl 'localhost:8080/v1/feed?limit=5'
curl -X POST localhost:8080/v1/stories/<storyId>/offers -H "authorization: Bearer $TOKEN" \\
  -H 'content-type: application/json' -H "idempotency-key: $(uuidgen)" -d '{"amountMinor":5000}'
curl localhost:8080/v1/auctions/<auctionId>                       # live state: high bid, next minimum, end
\`\`\`

Live updates arrive over the WebSocket at \`/v1/realtime\`: send
\`{"type":"subscribe","channel":"auction:<auctionId>"}\`. A typed TypeScript client generated from this
document is in \`packages/api-client\`.`;
