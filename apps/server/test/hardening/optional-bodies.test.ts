import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../src/composition/runtime';
import { apiClient, type Session } from '../client';
import { startTestServer } from '../harness';

interface RawOperation {
  requestBody?: { required?: boolean; content?: Record<string, unknown> };
}

let runtime: Runtime;
let admin: Session;

/** An admin with TOTP on, so admin routes get as far as validating their input. */
async function signInAdmin(): Promise<Session> {
  const api = apiClient(runtime);
  const session = await api.signIn('optional-bodies-admin@example.com');
  const enrol = await api.call<{ secret: string }>('POST', '/v1/auth/totp/enroll', { token: session.accessToken });
  const totp = new TOTP({ secret: Secret.fromBase32(enrol.body.secret), digits: 6, period: 30, algorithm: 'SHA1' });
  const code = totp.generate({ timestamp: runtime.ctx.clock.now().getTime() });
  await api.call('POST', '/v1/auth/totp/confirm', { token: session.accessToken, body: { code } });
  return session;
}

beforeAll(async () => {
  runtime = await startTestServer({ env: { ADMIN_EMAILS: 'optional-bodies-admin@example.com' } });
  admin = await signInAdmin();
}, 60_000);
afterAll(async () => runtime?.stop());

/** Operations whose request body the API document marks as optional. */
function optionalBodyOperations(): { method: string; url: string }[] {
  const doc = runtime.app!.swagger() as { paths?: Record<string, Record<string, RawOperation>> };
  const out: { method: string; url: string }[] = [];
  for (const [path, ops] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(ops)) {
      if (!op.requestBody || op.requestBody.required !== false) continue;
      const url = path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
      out.push({ method: method.toUpperCase(), url });
    }
  }
  return out;
}

describe('security review: optional bodies — every action whose body is optional accepts no body', () => {
  it('marks optional bodies as optional in the API document (the admin suspension among them)', () => {
    const found = optionalBodyOperations().map((o) => `${o.method} ${o.url}`);
    expect(found).toContain('POST /v1/admin/users/00000000-0000-4000-8000-000000000000/suspend');
  });

  it('answers no validation_failed to any of them called without a body (or with JSON null)', async () => {
    const refused: string[] = [];
    const calls = [{ headers: {} }, { headers: { 'content-type': 'application/json' }, payload: 'null' }];
    for (const { method, url } of optionalBodyOperations()) {
      for (const call of calls) {
        const res = await runtime.app!.inject({
          method: method as 'POST',
          url,
          headers: { authorization: `Bearer ${admin.accessToken}`, ...call.headers },
          ...(call.payload ? { payload: call.payload } : {}),
        });
        const code = res.headers['content-type']?.toString().includes('json')
          ? res.json<{ error?: { code?: string } }>().error?.code
          : undefined;
        if (code === 'validation_failed') refused.push(`${method} ${url} ${JSON.stringify(call)} → ${res.body}`);
      }
    }
    expect(refused).toEqual([]);
  });

  it('suspends a user when the admin gives no reason (no body at all)', async () => {
    const user = await apiClient(runtime).signIn('suspended-without-reason@example.com');
    const res = await runtime.app!.inject({
      method: 'POST',
      url: `/v1/admin/users/${user.userId}/suspend`,
      headers: { authorization: `Bearer ${admin.accessToken}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<{ status: string }>().status).toBe('suspended');
  });
});
