/**
 * Fuzzing every published operation with hostile input generated from its OpenAPI schemas: wrong
 * types, huge and odd strings, deep nesting, prototype-pollution keys, SQL- and path-looking text,
 * forged headers. No answer may be a 5xx, no request that breaks the schema may succeed, and the
 * service must still be ready afterwards.
 *
 * FUZZ_RUNS (default 200) sets the cases per operation; FUZZ_SEED replays a run (the seed is
 * printed). The tus upload endpoints take a binary body, so only their headers and parameters are
 * fuzzed; the WebSocket endpoint is not an HTTP operation in the document and is not fuzzed here.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../src/composition/runtime';
import { apiClient } from '../client';
import { startTestServer } from '../harness';
import { hostileRequests } from './hostile-input';
import { operationsOf, type Operation } from './openapi-walk';
import { nextAddress, WORLD_ENV } from './world';

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const ADMIN = 'fuzz-admin@example.com';
// Calls that would end the fuzzing caller's own session or account are made anonymously.
const SESSION_ENDING = ['POST /v1/auth/sign-out', 'POST /v1/auth/sign-out-everywhere', 'DELETE /v1/me'];
const BINARY_BODY = (op: Operation) => op.path.startsWith('/v1/uploads');

let runtime: Runtime;
let token: string;

beforeAll(async () => {
  console.log(`hostile-input fuzzing: FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS}`);
  runtime = await startTestServer({ env: { ...WORLD_ENV, ADMIN_EMAILS: ADMIN } });
  // An admin who is also a maker reaches every route's validation.
  token = (await apiClient(runtime).signInMaker(ADMIN, 'Fuzz Maker')).accessToken;
}, 120_000);
afterAll(async () => runtime?.stop());

describe('hostile input', () => {
  it('never answers 5xx, never accepts input that breaks the schema, and stays ready', async () => {
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let violating = 0;
    for (const op of operationsOf(runtime)) {
      const arb = hostileRequests(op, !BINARY_BODY(op));
      const signed = !SESSION_ENDING.includes(op.key);
      await fc
        .assert(
          fc.asyncProperty(arb, fc.boolean(), async (req, asCaller) => {
            const headers: Record<string, string> = {
              ...(req.payload !== undefined ? { 'content-type': 'application/json' } : {}),
              ...req.headers,
              ...(asCaller && signed ? { authorization: `Bearer ${token}` } : {}),
            };
            const res = await runtime.app!.inject({
              method: op.method as 'GET',
              url: req.url,
              remoteAddress: nextAddress(),
              headers,
              ...(req.payload !== undefined ? { payload: req.payload } : {}),
            });
            statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
            if (req.violates) violating += 1;
            const bad = res.statusCode >= 500 || (req.violates && res.statusCode >= 200 && res.statusCode < 300);
            if (bad) {
              failures.push(
                `${op.key} [${req.what}] ${res.statusCode} url=${req.url.slice(0, 120)} body=${String(req.payload).slice(0, 120)} → ${res.body.slice(0, 200)}`,
              );
            }
            return !bad;
          }),
          { numRuns: RUNS, seed: SEED, endOnFailure: true },
        )
        .catch((err: unknown) => {
          failures.push(`${op.key}: ${String(err).slice(0, 300)}`);
        });
    }
    console.log(`statuses: ${JSON.stringify(Object.fromEntries(statuses))}; schema-breaking cases: ${violating}`);
    expect(failures).toEqual([]);
    // No body managed to write through __proto__ / constructor.prototype into the shared prototype.
    const probe: Record<string, unknown> = {};
    expect([probe.polluted, probe.isAdmin, probe.roles]).toEqual([undefined, undefined, undefined]);
    const ready = await runtime.app!.inject({ method: 'GET', url: '/ready' });
    expect(ready.statusCode).toBe(200);
  }, 600_000);
});
