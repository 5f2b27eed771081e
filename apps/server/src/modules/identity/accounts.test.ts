import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../composition/runtime';
import { apiClient, type Session } from '../../../test/client';
import { startTestServer } from '../../../test/harness';

let runtime: Runtime;
let api: ReturnType<typeof apiClient>;
let admin: Session;

beforeAll(async () => {
  runtime = await startTestServer({ env: { ADMIN_EMAILS: 'Boss@Example.com, ops@example.com' } });
  api = apiClient(runtime);
  admin = await api.signInAdmin('boss@example.com');
});
afterAll(async () => runtime.stop());

describe('roles', () => {
  it('gives the admin role to ADMIN_EMAILS accounts only', async () => {
    const me = await api.call<{ roles: string[] }>('GET', '/v1/me', { token: admin.accessToken });
    expect(me.body.roles).toEqual(expect.arrayContaining(['viewer', 'admin']));
    const viewer = await api.signIn('plain@example.com');
    const vme = await api.call<{ roles: string[] }>('GET', '/v1/me', { token: viewer.accessToken });
    expect(vme.body.roles).toEqual(['viewer']);
  });

  it('makes the caller a maker with POST /v1/makers, once', async () => {
    const s = await api.signIn('potter@example.com');
    const res = await api.call<{ userId: string; displayName: string; country: string }>('POST', '/v1/makers', {
      token: s.accessToken,
      body: {
        displayName: 'Clay & Co',
        bio: 'Wheel-thrown stoneware',
        city: 'Porto',
        country: 'pt',
        legalName: 'Maria Silva',
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ userId: s.userId, displayName: 'Clay & Co', country: 'PT' });
    const me = await api.call<{ roles: string[]; maker: { displayName: string } }>('GET', '/v1/me', {
      token: s.accessToken,
    });
    expect(me.body.roles).toContain('maker');
    expect(me.body.maker.displayName).toBe('Clay & Co');
    const again = await api.call<{ error: { code: string } }>('POST', '/v1/makers', {
      token: s.accessToken,
      body: { displayName: 'Twice' },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('maker_profile_exists');
    const pub = await api.call<{ displayName: string }>('GET', `/v1/makers/${s.userId}`);
    expect(pub.body.displayName).toBe('Clay & Co');
    expect(JSON.stringify(pub.body)).not.toContain('Maria Silva');
    const raw = await runtime.ctx.pool.query<{ legal_name_encrypted: string }>(
      'select legal_name_encrypted from identity.maker_profiles where user_id = $1',
      [s.userId],
    );
    expect(raw.rows[0]!.legal_name_encrypted).not.toContain('Maria');
  });

  it('validates maker input', async () => {
    const s = await api.signIn('badmaker@example.com');
    const res = await api.call('POST', '/v1/makers', {
      token: s.accessToken,
      body: { displayName: '', country: 'Portugal' },
    });
    expect(res.status).toBe(400);
  });

  it('lets a user change their username, unique case-insensitively', async () => {
    const a = await api.signIn('first-name@example.com');
    const b = await api.signIn('second-name@example.com');
    expect(
      (await api.call('PATCH', '/v1/me', { token: a.accessToken, body: { username: 'Weaver.Anna' } })).status,
    ).toBe(200);
    const taken = await api.call<{ error: { code: string } }>('PATCH', '/v1/me', {
      token: b.accessToken,
      body: { username: 'weaver.anna' },
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('username_taken');
    expect((await api.call('PATCH', '/v1/me', { token: b.accessToken, body: { username: 'a b' } })).status).toBe(400);
  });

  it('keeps the country purchases ship to: set, kept apart from the username, cleared by a blank', async () => {
    const user = await api.signIn('ship-to@example.com', { country: null });
    const me = () =>
      api.call<{ country: string | null; username: string }>('GET', '/v1/me', { token: user.accessToken });
    expect((await me()).body.country).toBeNull();
    const set = await api.call<{ country: string | null }>('PATCH', '/v1/me', {
      token: user.accessToken,
      body: { country: 'pt' },
    });
    expect(set.status).toBe(200);
    expect(set.body.country).toBe('PT');
    const before = (await me()).body.username;
    await api.call('PATCH', '/v1/me', { token: user.accessToken, body: { username: 'ship.to.pt' } });
    expect((await me()).body).toMatchObject({ country: 'PT', username: 'ship.to.pt' });
    expect(before).not.toBe('ship.to.pt');
    for (const body of [{ country: 'Portugal' }, {}]) {
      const bad = await api.call<{ error: { code: string } }>('PATCH', '/v1/me', { token: user.accessToken, body });
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe('validation_failed');
    }
    await api.call('PATCH', '/v1/me', { token: user.accessToken, body: { country: '' } });
    expect((await me()).body.country).toBeNull();
  });
});

describe('suspension', () => {
  it('is admin only', async () => {
    const viewer = await api.signIn('nosy@example.com');
    const res = await api.call('POST', `/v1/admin/users/${viewer.userId}/suspend`, {
      token: viewer.accessToken,
      body: {},
    });
    expect(res.status).toBe(403);
    expect((await api.call('POST', `/v1/admin/users/${viewer.userId}/suspend`, { body: {} })).status).toBe(401);
  });

  it('takes effect at once, even for unexpired access tokens, and reinstating restores access', async () => {
    const user = await api.signIn('suspect@example.com');
    const res = await api.call<{ status: string }>('POST', `/v1/admin/users/${user.userId}/suspend`, {
      token: admin.accessToken,
      body: { reason: 'fraudulent bids' },
    });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('suspended');
    const me = await api.call<{ error: { code: string } }>('GET', '/v1/me', { token: user.accessToken });
    expect(me.status).toBe(403);
    expect(me.body.error.code).toBe('account_suspended');
    expect((await api.call('POST', '/v1/auth/refresh', { body: { refreshToken: user.refreshToken } })).status).toBe(
      403,
    );
    // signing in again is refused with 403
    const before = Date.now() - 5;
    await api.call('POST', '/v1/auth/email/start', { body: { email: 'suspect@example.com' } });
    const code = await api.latestCode('suspect@example.com', before);
    const signIn = await api.call<{ error: { code: string } }>('POST', '/v1/auth/email/verify', {
      body: { email: 'suspect@example.com', code },
    });
    expect(signIn.status).toBe(403);
    expect(signIn.body.error.code).toBe('account_suspended');

    expect(
      (
        await api.call('POST', `/v1/admin/users/${user.userId}/reinstate`, {
          token: admin.accessToken,
          body: { reason: 'appeal upheld' },
        })
      ).status,
    ).toBe(200);
    const back = await api.signIn('suspect@example.com');
    expect((await api.call('GET', '/v1/me', { token: back.accessToken })).status).toBe(200);
    const audit = await runtime.ctx.pool.query<{ action: string; reason: string; actor_id: string }>(
      `select action, reason, actor_id from platform.audit_log where target_id = $1 order by created_at`,
      [user.userId],
    );
    expect(audit.rows).toEqual([
      { action: 'user.suspend', reason: 'fraudulent bids', actor_id: admin.userId },
      { action: 'user.reinstate', reason: 'appeal upheld', actor_id: admin.userId },
    ]);
  });

  it('answers 403 for every call of a suspended account that still holds a token', async () => {
    const user = await api.signIn('frozen@example.com');
    await api.call('POST', `/v1/admin/users/${user.userId}/suspend`, { token: admin.accessToken, body: {} });
    for (const [method, url, body] of [
      ['POST', '/v1/makers', { displayName: 'Nope' }],
      ['GET', '/v1/me/export', undefined],
      ['POST', '/v1/auth/totp/enroll', undefined],
      ['DELETE', '/v1/me', undefined],
    ] as const) {
      const res = await api.call(method, url, { token: user.accessToken, ...(body ? { body } : {}) });
      expect(res.status, `${method} ${url}`).toBe(403);
    }
  });

  it('answers 404 for unknown users and 400 for malformed ids', async () => {
    expect(
      (
        await api.call('POST', '/v1/admin/users/00000000-0000-4000-8000-000000000000/suspend', {
          token: admin.accessToken,
          body: {},
        })
      ).status,
    ).toBe(404);
    expect(
      (await api.call('POST', '/v1/admin/users/not-a-uuid/suspend', { token: admin.accessToken, body: {} })).status,
    ).toBe(400);
  });
});

describe('privacy', () => {
  it('exports the user data as JSON', async () => {
    const s = await api.signInMaker('exporter@example.com', 'Exporter');
    const res = await api.call<{ account: { email: string; maker: { displayName: string } }; sessions: unknown[] }>(
      'GET',
      '/v1/me/export',
      { token: s.accessToken },
    );
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    expect(res.body.account.email).toBe('exporter@example.com');
    expect(res.body.account.maker.displayName).toBe('Exporter');
    expect(res.body.sessions.length).toBeGreaterThan(0);
  });

  it('deletes the account: personal data erased, sessions ended, the address free for a new account', async () => {
    const s = await api.signInMaker('leaver@example.com', 'Leaver Studio');
    expect((await api.call('DELETE', '/v1/me', { token: s.accessToken })).status).toBe(204);
    expect((await api.call('GET', '/v1/me', { token: s.accessToken })).status).toBe(401);
    expect((await api.call('POST', '/v1/auth/refresh', { body: { refreshToken: s.refreshToken } })).status).toBe(401);
    const row = await runtime.ctx.pool.query<{ email: string | null; username: string; status: string }>(
      'select email, username, status from identity.users where id = $1',
      [s.userId],
    );
    expect(row.rows[0]).toMatchObject({ email: null, status: 'deleted' });
    expect(row.rows[0]!.username).toMatch(/^deleted-/);
    const maker = await runtime.ctx.pool.query<{ display_name: string; bio: string | null }>(
      'select display_name, bio from identity.maker_profiles where user_id = $1',
      [s.userId],
    );
    expect(maker.rows[0]!.display_name).toBe('Former maker');
    const fresh = await api.signIn('leaver@example.com');
    expect(fresh.userId).not.toBe(s.userId);
  });
});

describe('maker sign-ups', () => {
  it('security review: a client address can create only so many maker profiles a day', async () => {
    const limited = await startTestServer({ env: { MAKER_SIGNUPS_PER_IP_PER_DAY: '2' } });
    try {
      const client = apiClient(limited);
      const become = async (who: string, remoteAddress: string) => {
        const s = await client.signIn(`${who}@example.com`, { remoteAddress });
        return client.call<{ error?: { code: string } }>('POST', '/v1/makers', {
          token: s.accessToken,
          body: { displayName: who },
          remoteAddress,
        });
      };
      expect((await become('farm-1', '10.66.0.1')).status).toBe(201);
      expect((await become('farm-2', '10.66.0.1')).status).toBe(201);
      const third = await become('farm-3', '10.66.0.1');
      expect(third.status).toBe(429);
      expect(third.body.error?.code).toBe('maker_sign_up_limit');
      expect((await become('elsewhere', '10.66.0.2')).status).toBe(201);
    } finally {
      await limited.stop();
    }
  });
});
