import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, type Session } from '../../../test/client';
import { createTestDatabase, startTestServer } from '../../../test/harness';
import type { Runtime } from '../../composition/runtime';
import { adminOperations, concreteUrl, type AdminOperation } from './test-support';

let runtime: Runtime;
let api: ReturnType<typeof apiClient>;
let viewer: Session;
let maker: Session;
let admin: Session;
let operations: AdminOperation[];

beforeAll(async () => {
  runtime = await startTestServer({ env: { ADMIN_EMAILS: 'gate-admin@example.com' } });
  api = apiClient(runtime);
  viewer = await api.signIn('gate-viewer@example.com');
  maker = await api.signInMaker('gate-maker@example.com', 'Gate Maker');
  admin = await api.signInAdmin('gate-admin@example.com');
  operations = adminOperations(runtime);
});
afterAll(async () => runtime.stop());

// Deliberately malformed input: the gate must answer before validation would.
const call = (op: AdminOperation, token?: string) =>
  api.call(op.method, concreteUrl(op.path), {
    ...(token ? { token } : {}),
    ...(op.method === 'GET' ? {} : { body: { unexpected: 'x'.repeat(5) } }),
  });

describe('every /v1/admin route', () => {
  it('is found in the published API (the routes this suite knows of are all there)', () => {
    const listed = operations.map((op) => `${op.method} ${op.path}`);
    expect(listed).toEqual(
      expect.arrayContaining([
        'GET /v1/admin/reports',
        'POST /v1/admin/reports/{id}/resolve',
        'POST /v1/admin/stories/{id}/unpublish',
        'POST /v1/admin/stories/{id}/archive',
        'POST /v1/admin/users/{id}/suspend',
        'POST /v1/admin/users/{id}/reinstate',
        'POST /v1/admin/auctions/{id}/bids/{bidId}/void',
        'GET /v1/admin/audit-log',
        'GET /v1/admin/analytics/export',
      ]),
    );
  });

  it('answers 401 to anonymous callers, before looking at their input', async () => {
    for (const op of operations) {
      const res = await call(op);
      expect({ op, status: res.status }).toEqual({ op, status: 401 });
    }
  });

  it('answers 403 to viewers and makers, before looking at their input', async () => {
    for (const op of operations) {
      for (const who of [viewer, maker]) {
        const res = await call(op, who.accessToken);
        expect({ op, status: res.status }).toEqual({ op, status: 403 });
      }
    }
  });

  it('lets an admin through to the route itself (validation or a missing target, never 401/403)', async () => {
    for (const op of operations) {
      const res = await call(op, admin.accessToken);
      expect({ op, reached: ![401, 403].includes(res.status) }).toEqual({ op, reached: true });
    }
  });
});

describe('the admin role', () => {
  it('security review: admin actions need TOTP turned on (403 totp_required until then)', async () => {
    const email = 'gate-admin-2@example.com';
    const server = await startTestServer({ env: { ADMIN_EMAILS: email } });
    try {
      const client = apiClient(server);
      const session = await client.signIn(email);
      const refused = await client.call<{ error: { code: string } }>('GET', '/v1/admin/audit-log', {
        token: session.accessToken,
      });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('totp_required');
      await client.enrolTotp(session);
      expect((await client.call('GET', '/v1/admin/audit-log', { token: session.accessToken })).status).toBe(200);
    } finally {
      await server.stop();
    }
  });

  it('security review: removing an address from ADMIN_EMAILS revokes the role at the next request', async () => {
    const databaseUrl = await createTestDatabase();
    const email = 'former-admin@example.com';
    const before = await startTestServer({ databaseUrl, env: { ADMIN_EMAILS: email } });
    let session: Session;
    try {
      session = await apiClient(before).signInAdmin(email);
      expect((await apiClient(before).call('GET', '/v1/admin/audit-log', { token: session.accessToken })).status).toBe(
        200,
      );
    } finally {
      await before.stop();
    }
    const after = await startTestServer({ databaseUrl, env: { ADMIN_EMAILS: 'someone-else@example.com' } });
    try {
      const client = apiClient(after);
      // The same, unexpired access token (its claims still say admin) and a refreshed one.
      expect((await client.call('GET', '/v1/admin/audit-log', { token: session.accessToken })).status).toBe(403);
      const me = await client.call<{ roles: string[] }>('GET', '/v1/me', { token: session.accessToken });
      expect(me.body.roles).not.toContain('admin');
      const refreshed = await client.call<{ accessToken: string }>('POST', '/v1/auth/refresh', {
        body: { refreshToken: session.refreshToken },
      });
      expect(refreshed.status).toBe(200);
      expect((await client.call('GET', '/v1/admin/audit-log', { token: refreshed.body.accessToken })).status).toBe(403);
    } finally {
      await after.stop();
    }
  });
});
