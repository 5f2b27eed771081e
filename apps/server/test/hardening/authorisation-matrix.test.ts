/**
 * Every published operation, called by each kind of caller on resources someone else owns; the
 * expected outcome of every cell comes from AUTHORISATION. Denied cells run first (a correct
 * server changes nothing for them); allowed cells run after, with the calls that end the caller's
 * session or account last, each on a fresh session.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../src/composition/runtime';
import { startTestServer } from '../harness';
import { AUTHORISATION } from './authorisation-table';
import { operationsOf, sampleOf, type Operation } from './openapi-walk';
import { buildWorld, nextAddress, ROLES, urlFor, WORLD_ENV, type Role, type World } from './world';

const ADMIN = 'hardening-admin@example.com';
const SESSION_ENDING = ['POST /v1/auth/sign-out', 'POST /v1/auth/sign-out-everywhere', 'DELETE /v1/me'];

let runtime: Runtime;
let world: World;
let operations: Operation[];

beforeAll(async () => {
  runtime = await startTestServer({ env: { ...WORLD_ENV, ADMIN_EMAILS: ADMIN } });
  world = await buildWorld(runtime, ADMIN);
  operations = operationsOf(runtime);
}, 120_000);
afterAll(async () => runtime?.stop());

async function callAs(op: Operation, role: Role, token?: string): Promise<{ status: number; why: string }> {
  const session = role === 'anonymous' ? undefined : world.sessions[role];
  const bearer = token ?? session?.accessToken;
  const body = op.bodyType === 'application/json' ? sampleOf(op.body ?? undefined) : undefined;
  const res = await runtime.app!.inject({
    method: op.method as 'GET',
    url: urlFor(world, op.method, op.path),
    remoteAddress: nextAddress(),
    headers: {
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(op.method === 'GET' || op.method === 'HEAD' ? {} : { 'idempotency-key': `matrix-${role}-${op.key}` }),
      ...(op.path.startsWith('/v1/uploads') ? { 'tus-resumable': '1.0.0', 'upload-offset': '0' } : {}),
      ...(op.key === 'PATCH /v1/uploads/{mediaId}' ? { 'content-type': 'application/offset+octet-stream' } : {}),
    },
    ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
  });
  return { status: res.statusCode, why: res.body.slice(0, 160) };
}

const granted = (status: number) => status >= 200 && status < 400;

describe('scoped answers', () => {
  it("shows a viewer and another maker none of the story's offers", async () => {
    for (const role of ['viewer', 'otherMaker'] as const) {
      const token = world.sessions[role].accessToken;
      for (const status of ['pending', 'opened_auction']) {
        const res = await world.api.call<{ items: unknown[] }>(
          'GET',
          `/v1/stories/${world.storyId}/offers?status=${status}`,
          { token },
        );
        expect({ role, status: res.status, items: res.body.items }).toEqual({ role, status: 200, items: [] });
      }
    }
  });
});

describe('authorisation matrix', () => {
  it('has exactly one row for every published operation', () => {
    const published = operations.map((op) => op.key).sort();
    expect(published.filter((key) => !(key in AUTHORISATION))).toEqual([]);
    expect(Object.keys(AUTHORISATION).filter((key) => !published.includes(key))).toEqual([]);
    for (const row of Object.values(AUTHORISATION)) expect(row).toMatch(/^[AD]{5}$/);
  });

  it('grants nothing to a caller the table denies, and reaches the route for one it allows', async () => {
    const failures: string[] = [];
    const cells = operations.flatMap((op) =>
      ROLES.map((role, i) => ({ op, role, expected: AUTHORISATION[op.key]?.[i] ?? 'D' })),
    );
    for (const { op, role } of cells.filter((c) => c.expected === 'D')) {
      const { status, why } = await callAs(op, role);
      if (granted(status)) failures.push(`${op.key} as ${role}: expected denied, got ${status} ${why}`);
    }
    const allowed = cells.filter((c) => c.expected === 'A');
    const last = allowed.filter((c) => SESSION_ENDING.includes(c.op.key));
    for (const { op, role } of allowed.filter((c) => !SESSION_ENDING.includes(c.op.key))) {
      const { status, why } = await callAs(op, role);
      if (status === 401 || status === 403)
        failures.push(`${op.key} as ${role}: expected allowed, got ${status} ${why}`);
    }
    last.sort((a, b) => SESSION_ENDING.indexOf(a.op.key) - SESSION_ENDING.indexOf(b.op.key));
    for (const { op, role } of last) {
      const fresh =
        role === 'anonymous'
          ? undefined
          : (await world.api.signIn(world.emails[role], { remoteAddress: nextAddress() })).accessToken;
      const { status, why } = await callAs(op, role, fresh);
      if (status === 401 || status === 403)
        failures.push(`${op.key} as ${role}: expected allowed, got ${status} ${why}`);
    }
    expect(failures).toEqual([]);
  }, 180_000);
});
