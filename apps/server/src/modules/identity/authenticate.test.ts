/**
 * A signed-in request's session check is answered from the API process's memory after the first,
 * and a change made through another process (sign-out, suspension, roles, language, deletion)
 * reaches it over the event bus within a second. The memory is kept for a minute here, far longer
 * than the second these tests allow, so only the announcement can make them pass.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../platform/clock';
import type { Runtime } from '../../composition/runtime';
import { apiClient, type Session, type TestResponse } from '../../../test/client';
import { createTestDatabase, startTestServer } from '../../../test/harness';
import { portOpen } from '../../../test/net';

type Answer = TestResponse<{ error?: { code: string } }>;

const CACHE = { SESSION_STANDING_CACHE_MS: '60000' };
/** Only the session check (`findSessionStanding`) reads this. */
const STANDING_READ = '"identity"."sessions"."revoked_at" is not null';

/** Counts the session checks `runtime` reads from the database from now on. */
function standingReads(runtime: Runtime): () => number {
  const spy = vi.spyOn(runtime.ctx.pool, 'query');
  const textOf = (q: unknown) => (typeof q === 'string' ? q : ((q as { text?: string } | null)?.text ?? ''));
  return () => spy.mock.calls.filter(([q]) => textOf(q).includes(STANDING_READ)).length;
}

/** Calls `attempt` until `done` holds or `ms` have passed; the last answer. */
async function within(ms: number, attempt: () => Promise<Answer>, done: (a: Answer) => boolean): Promise<Answer> {
  const deadline = Date.now() + ms;
  for (;;) {
    const answer = await attempt();
    if (done(answer) || Date.now() >= deadline) return answer;
    await new Promise((r) => setTimeout(r, 20));
  }
}

const sidOf = (token: string): string =>
  (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { sid: string }).sid;

const redisUp = await portOpen(6379);
const buses = [
  { bus: 'PostgreSQL LISTEN/NOTIFY', env: {} as Record<string, string>, runs: true, postgres: true },
  {
    bus: 'Redis pub/sub; needs Redis at 127.0.0.1:6379, skipped without it',
    env: { REDIS_URL: 'redis://127.0.0.1:6379' } as Record<string, string>,
    runs: redisUp,
    postgres: false,
  },
];

for (const { bus, env, runs, postgres } of buses) {
  describe.runIf(runs)(`session checks answered from memory, changed through another process (${bus})`, () => {
    let a: Runtime;
    let b: Runtime;
    let admin: Session;
    let reads: () => number;
    const viaA = () => apiClient(a);
    const viaB = () => apiClient(b);
    const me = (token: string) => viaB().call<Answer['body']>('GET', '/v1/me', { token });
    /** B's answer to the token once it is no longer `status` (or after a second). */
    const meOnceNot = (token: string, status = 200) =>
      within(
        1_000,
        () => me(token),
        (r) => r.status !== status,
      );

    beforeAll(async () => {
      const databaseUrl = await createTestDatabase();
      const shared = { ...env, ...CACHE, ADMIN_EMAILS: 'moderator@example.com,promoted@example.com' };
      a = await startTestServer({ databaseUrl, env: shared });
      b = await startTestServer({ databaseUrl, env: { ...shared, ROLES: 'api' } });
      admin = await viaA().signInAdmin('moderator@example.com');
      reads = standingReads(b);
    }, 60_000);
    afterAll(async () => {
      vi.restoreAllMocks();
      await b?.stop();
      await a?.stop();
    });

    it('reads a session’s standing from the database once, then from memory', async () => {
      const user = await viaA().signIn('often@example.com');
      const before = reads();
      for (let i = 0; i < 3; i++) expect((await me(user.accessToken)).status).toBe(200);
      expect(reads() - before).toBe(1);
    });

    it('sign-out through A: B answers 401 session_ended within a second', async () => {
      const user = await viaA().signIn('leaves@example.com');
      expect((await me(user.accessToken)).status).toBe(200);
      expect((await viaA().call('POST', '/v1/auth/sign-out', { token: user.accessToken })).status).toBe(204);
      const after = await meOnceNot(user.accessToken);
      expect(after.status).toBe(401);
      expect(after.body.error?.code).toBe('session_ended');
    });

    it('a refresh token used twice through A: B answers 401 session_ended within a second', async () => {
      const user = await viaA().signIn('leaked@example.com');
      const refresh = (refreshToken: string) =>
        viaA().call<{ accessToken: string }>('POST', '/v1/auth/refresh', { body: { refreshToken } });
      const rotated = await refresh(user.refreshToken);
      expect((await me(rotated.body.accessToken)).status).toBe(200);
      expect((await refresh(user.refreshToken)).status).toBe(401);
      const after = await meOnceNot(rotated.body.accessToken);
      expect(after.status).toBe(401);
      expect(after.body.error?.code).toBe('session_ended');
    });

    it('suspension through A: B answers 403 account_suspended within a second; reinstatement, 401', async () => {
      const user = await viaA().signIn('suspect@example.com');
      expect((await me(user.accessToken)).status).toBe(200);
      const admins = (action: string) =>
        viaA().call('POST', `/v1/admin/users/${user.userId}/${action}`, { token: admin.accessToken, body: {} });
      expect((await admins('suspend')).status).toBe(200);
      const suspended = await meOnceNot(user.accessToken);
      expect(suspended.status).toBe(403);
      expect(suspended.body.error?.code).toBe('account_suspended');
      // Reinstated, the account signs in again; the suspension revoked the old session.
      expect((await admins('reinstate')).status).toBe(200);
      const reinstated = await meOnceNot(user.accessToken, 403);
      expect(reinstated.body.error?.code).toBe('session_ended');
    });

    it('account deletion through A: B answers 401 session_ended within a second', async () => {
      const user = await viaA().signIn('goes@example.com');
      expect((await me(user.accessToken)).status).toBe(200);
      expect((await viaA().call('DELETE', '/v1/me', { token: user.accessToken })).status).toBe(204);
      const after = await meOnceNot(user.accessToken);
      expect(after.status).toBe(401);
      expect(after.body.error?.code).toBe('session_ended');
    });

    it('roles gained through A (a maker profile; TOTP on for an admin address) apply in B within a second', async () => {
      const dashboard = (token: string) => viaB().call<Answer['body']>('GET', '/v1/makers/me/dashboard', { token });
      const maker = await viaA().signIn('new-maker@example.com');
      expect((await dashboard(maker.accessToken)).status).toBe(403);
      const created = await viaA().call('POST', '/v1/makers', {
        token: maker.accessToken,
        body: { displayName: 'New Maker' },
      });
      expect(created.status).toBe(201);
      expect(
        (
          await within(
            1_000,
            () => dashboard(maker.accessToken),
            (r) => r.status !== 403,
          )
        ).status,
      ).toBe(200);

      const auditLog = (token: string) => viaB().call<Answer['body']>('GET', '/v1/admin/audit-log', { token });
      const promoted = await viaA().signIn('promoted@example.com');
      expect((await auditLog(promoted.accessToken)).body.error?.code).toBe('totp_required');
      await viaA().enrolTotp(promoted);
      expect(
        (
          await within(
            1_000,
            () => auditLog(promoted.accessToken),
            (r) => r.status !== 403,
          )
        ).status,
      ).toBe(200);
    });

    it('a language chosen through A: B reads the standing again within a second', async () => {
      const user = await viaA().signIn('polyglot@example.com');
      expect((await me(user.accessToken)).status).toBe(200);
      const before = reads();
      expect((await me(user.accessToken)).status).toBe(200);
      expect(reads()).toBe(before);
      const patched = await viaA().call('PATCH', '/v1/me', { token: user.accessToken, body: { locale: 'pt' } });
      expect(patched.status).toBe(200);
      await vi.waitFor(
        async () => {
          expect((await me(user.accessToken)).status).toBe(200);
          expect(reads()).toBeGreaterThan(before);
        },
        { timeout: 1_000, interval: 20 },
      );
    });

    it.runIf(postgres)(
      'with the bus lost, B answers from the database, and drops what it kept once it hears again',
      async () => {
        const user = await viaA().signIn('unheard@example.com');
        const other = await viaA().signIn('unheard-too@example.com');
        expect((await me(user.accessToken)).status).toBe(200);
        expect((await me(other.accessToken)).status).toBe(200);
        await a.ctx.pool.query(
          `select pg_terminate_backend(pid) from pg_stat_activity
           where application_name = 'video-window-realtime' and datname = current_database()`,
        );
        await vi.waitFor(() => expect(b.ctx.realtime.accessSubscription()).toBeNull(), { timeout: 5_000 });
        // Revoked behind the bus's back: no process is told.
        const revoke = (token: string) =>
          a.ctx.pool.query('update identity.sessions set revoked_at = now() where id = $1', [sidOf(token)]);
        await revoke(user.accessToken);
        expect((await me(user.accessToken)).status).toBe(401);
        await revoke(other.accessToken);
        await vi.waitFor(() => expect(b.ctx.realtime.accessSubscription()).not.toBeNull(), { timeout: 10_000 });
        expect((await me(other.accessToken)).status).toBe(401);
      },
      20_000,
    );
  });
}

describe('a session check kept in memory', () => {
  const clock = new ManualClock(Date.now());
  let runtime: Runtime;

  beforeAll(async () => {
    runtime = await startTestServer({ clock, env: { ...CACHE, ACCESS_TOKEN_SECONDS: String(40 * 86400) } });
  }, 60_000);
  afterAll(async () => {
    vi.restoreAllMocks();
    await runtime?.stop();
  });

  it('still ends with its session: it keeps when the session expires, not whether it had', async () => {
    const api = apiClient(runtime);
    const user = await api.signIn('lasting@example.com');
    const reads = standingReads(runtime);
    expect((await api.call('GET', '/v1/me', { token: user.accessToken })).status).toBe(200);
    const before = reads();
    clock.advance(31 * 86400_000);
    try {
      const res = await api.call<Answer['body']>('GET', '/v1/me', { token: user.accessToken });
      expect(res.status).toBe(401);
      expect(res.body.error?.code).toBe('session_ended');
      expect(reads()).toBe(before);
    } finally {
      clock.advance(-31 * 86400_000);
    }
  });
});
