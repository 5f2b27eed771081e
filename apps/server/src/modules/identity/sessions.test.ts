import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock';
import type { Runtime } from '../../composition/runtime';
import { apiClient } from '../../../test/client';
import { startTestServer } from '../../../test/harness';

const clock = new ManualClock(Date.now());
let runtime: Runtime;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  runtime = await startTestServer({ clock });
  api = apiClient(runtime);
});
afterAll(async () => runtime.stop());

type Pair = { accessToken: string; refreshToken: string; expiresIn: number };
const refresh = (refreshToken: string) =>
  api.call<Pair & { error?: { code: string } }>('POST', '/v1/auth/refresh', { body: { refreshToken } });

describe('refresh tokens', () => {
  it('rotate on every use: the new pair works, the old refresh token is spent', async () => {
    const s = await api.signIn('rotate@example.com');
    const first = await refresh(s.refreshToken);
    expect(first.status).toBe(200);
    expect(first.body.refreshToken).not.toBe(s.refreshToken);
    expect(first.body.expiresIn).toBe(900);
    expect((await api.call('GET', '/v1/me', { token: first.body.accessToken })).status).toBe(200);
    const second = await refresh(first.body.refreshToken);
    expect(second.status).toBe(200);
  });

  it('reuse of a rotated token revokes the whole session, including the newer tokens', async () => {
    const s = await api.signIn('reuse@example.com');
    const rotated = await refresh(s.refreshToken);
    expect(rotated.status).toBe(200);
    const replay = await refresh(s.refreshToken);
    expect(replay.status).toBe(401);
    expect(replay.body.error?.code).toBe('refresh_token_reused');
    const newer = await refresh(rotated.body.refreshToken);
    expect(newer.status).toBe(401);
    expect((await api.call('GET', '/v1/me', { token: rotated.body.accessToken })).status).toBe(401);
  });

  it('refuses an unknown refresh token', async () => {
    const res = await refresh('rt_made_up');
    expect(res.status).toBe(401);
    expect(res.body.error?.code).toBe('invalid_refresh_token');
  });

  it('end after the absolute session lifetime of 30 days', async () => {
    const s = await api.signIn('longlived@example.com');
    clock.advance(29 * 86400_000);
    const ok = await refresh(s.refreshToken);
    expect(ok.status).toBe(200);
    clock.advance(2 * 86400_000);
    try {
      expect((await refresh(ok.body.refreshToken)).status).toBe(401);
    } finally {
      clock.advance(-31 * 86400_000);
    }
  });
});

describe('sign out', () => {
  it('ends this session at once (access and refresh) and leaves the others', async () => {
    const a = await api.signIn('twodevices@example.com');
    const b = await api.signIn('twodevices@example.com');
    expect((await api.call('POST', '/v1/auth/sign-out', { token: a.accessToken })).status).toBe(204);
    expect((await api.call('GET', '/v1/me', { token: a.accessToken })).status).toBe(401);
    expect((await refresh(a.refreshToken)).status).toBe(401);
    expect((await api.call('GET', '/v1/me', { token: b.accessToken })).status).toBe(200);
  });

  it('everywhere ends every session of the user', async () => {
    const a = await api.signIn('everywhere@example.com');
    const b = await api.signIn('everywhere@example.com');
    expect((await api.call('POST', '/v1/auth/sign-out-everywhere', { token: a.accessToken })).status).toBe(204);
    expect((await api.call('GET', '/v1/me', { token: b.accessToken })).status).toBe(401);
    expect((await refresh(b.refreshToken)).status).toBe(401);
  });
});
