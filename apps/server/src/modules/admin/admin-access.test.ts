import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, type Session } from '../../../test/client';
import { startTestServer } from '../../../test/harness';
import type { Runtime } from '../../platform/runtime';
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
  admin = await api.signIn('gate-admin@example.com');
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
