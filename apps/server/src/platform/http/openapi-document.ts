/**
 * What the OpenAPI document says beyond the routes' own schemas: an operationId for every
 * operation (the name generated clients give its function) and the quick start `/docs` opens with.
 */

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
