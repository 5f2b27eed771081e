import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock';
import type { Runtime } from '../../composition/runtime';
import { apiClient } from '../../../test/client';
import { startTestServer } from '../../../test/harness';

const clock = new ManualClock(Date.now());
let runtime: Runtime;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  runtime = await startTestServer({ clock, env: { OTP_SENDS_PER_IP_PER_HOUR: '12' } });
  api = apiClient(runtime);
});
afterAll(async () => runtime.stop());

const start = (email: string, ip = '10.0.0.1') =>
  api.call('POST', '/v1/auth/email/start', { body: { email }, remoteAddress: ip });
const verify = (email: string, code: string) =>
  api.call<Record<string, unknown>>('POST', '/v1/auth/email/verify', { body: { email, code } });
const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('email one-time codes', () => {
  it('answers start the same way for new and existing accounts', async () => {
    await api.signIn('existing@example.com');
    const a = await start('existing@example.com', '10.0.1.1');
    const b = await start('nobody-yet@example.com', '10.0.1.1');
    expect(a.status).toBe(202);
    expect(b.status).toBe(202);
    expect(a.body).toEqual(b.body);
  });

  it('creates the account on first sign-in with a username from the email', async () => {
    const s = await api.signIn('Jane.Doe+shop@Example.com');
    const me = await api.call<{ email: string; username: string; roles: string[] }>('GET', '/v1/me', {
      token: s.accessToken,
    });
    expect(me.status).toBe(200);
    expect(me.body.email).toBe('jane.doe+shop@example.com');
    expect(me.body.username).toBe('jane.doe');
    expect(me.body.roles).toEqual(['viewer']);
    // a second account from the same local part gets a unique username
    const t = await api.signIn('jane.doe@other.example');
    const me2 = await api.call<{ username: string }>('GET', '/v1/me', { token: t.accessToken });
    expect(me2.body.username).not.toBe('jane.doe');
    expect(me2.body.username.startsWith('jane.doe')).toBe(true);
  });

  it('kills a code after 5 wrong tries: the 6th wrong and even the right code fail', async () => {
    const email = 'guesser@example.com';
    const before = Date.now() - 5;
    await start(email, '10.0.2.1');
    const code = await api.latestCode(email, before);
    for (let i = 0; i < 5; i++) {
      const res = await verify(email, wrong(code));
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ error: { code: 'invalid_code' } });
    }
    expect((await verify(email, wrong(code))).status).toBe(401);
    const right = await verify(email, code);
    expect(right.status).toBe(401);
  });

  it('accepts the right code after 4 wrong ones, once only', async () => {
    const email = 'persistent@example.com';
    const before = Date.now() - 5;
    await start(email, '10.0.3.1');
    const code = await api.latestCode(email, before);
    for (let i = 0; i < 4; i++) expect((await verify(email, wrong(code))).status).toBe(401);
    const ok = await verify(email, code);
    expect(ok.status).toBe(200);
    expect(ok.body.accessToken).toBeTypeOf('string');
    expect((await verify(email, code)).status).toBe(401);
  });

  it('refuses a code older than 10 minutes', async () => {
    const email = 'slow@example.com';
    const before = Date.now() - 5;
    await start(email, '10.0.4.1');
    const code = await api.latestCode(email, before);
    clock.advance(10 * 60_000 + 1000);
    try {
      expect((await verify(email, code)).status).toBe(401);
    } finally {
      clock.advance(-(10 * 60_000 + 1000));
    }
  });

  it('only the newest code works once a new one is sent', async () => {
    const email = 'twice@example.com';
    let before = Date.now() - 5;
    await start(email, '10.0.5.1');
    const first = await api.latestCode(email, before);
    await new Promise((r) => setTimeout(r, 20));
    before = Date.now() - 1;
    await start(email, '10.0.5.1');
    const second = await api.latestCode(email, before);
    if (first !== second) expect((await verify(email, first)).status).toBe(401);
    expect((await verify(email, second)).status).toBe(200);
  });

  it('refuses the 6th send to one address within an hour with 429 and Retry-After', async () => {
    const email = 'popular@example.com';
    for (let i = 0; i < 5; i++) expect((await start(email, `10.0.6.${i}`)).status).toBe(202);
    const sixth = await start(email, '10.0.6.9');
    expect(sixth.status).toBe(429);
    expect(sixth.body).toMatchObject({ error: { code: 'too_many_codes' } });
    const retry = Number(sixth.headers['retry-after']);
    expect(retry).toBeGreaterThan(3000);
    expect(retry).toBeLessThanOrEqual(3600);
    clock.advance(3601_000);
    try {
      expect((await start(email, '10.0.6.10')).status).toBe(202);
    } finally {
      clock.advance(-3601_000);
    }
  });

  it('limits sends per client IP (configured to 12 here)', async () => {
    const ip = '10.9.9.9';
    for (let i = 0; i < 12; i++) expect((await start(`ip-${i}@example.com`, ip)).status).toBe(202);
    const res = await start('ip-last@example.com', ip);
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toBeDefined();
    expect((await start('ip-last@example.com', '10.9.9.10')).status).toBe(202);
  });

  it('holds the per-address limit under concurrent requests', async () => {
    const email = 'burst@example.com';
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => start(email, `10.1.0.${i}`)));
    expect(results.filter((r) => r.status === 202)).toHaveLength(5);
    expect(results.filter((r) => r.status === 429)).toHaveLength(7);
  });

  it('rejects malformed input with 400 and a stable code', async () => {
    const bad = await api.call('POST', '/v1/auth/email/start', { body: { email: 'not-an-email' } });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { code: 'validation_failed' } });
    const badCode = await verify('x@example.com', '12ab56');
    expect(badCode.status).toBe(400);
  });
});

describe('SMS one-time codes', () => {
  it('signs in by phone with the same rules and stores the number encrypted', async () => {
    const phone = '+14155550123';
    const before = Date.now() - 5;
    expect(
      (
        await api.call('POST', '/v1/auth/sms/start', {
          body: { phone: '+1 (415) 555-0123' },
          remoteAddress: '10.2.0.1',
        })
      ).status,
    ).toBe(202);
    const code = await api.latestCode(phone, before);
    for (let i = 0; i < 5; i++) {
      expect((await api.call('POST', '/v1/auth/sms/verify', { body: { phone, code: wrong(code) } })).status).toBe(401);
    }
    expect((await api.call('POST', '/v1/auth/sms/verify', { body: { phone, code } })).status).toBe(401);
    const before2 = Date.now() - 5;
    await api.call('POST', '/v1/auth/sms/start', { body: { phone }, remoteAddress: '10.2.0.1' });
    const code2 = await api.latestCode(phone, before2);
    const ok = await api.call<{ accessToken: string }>('POST', '/v1/auth/sms/verify', { body: { phone, code: code2 } });
    expect(ok.status).toBe(200);
    const me = await api.call<{ phone: string }>('GET', '/v1/me', { token: ok.body.accessToken });
    expect(me.body.phone).toBe(phone);
    const raw = await runtime.ctx.pool.query<{ phone_encrypted: string }>(
      'select phone_encrypted from identity.users where phone_lookup is not null',
    );
    expect(raw.rows[0]!.phone_encrypted).not.toContain('4155550123');
    expect(raw.rows[0]!.phone_encrypted.startsWith('v2.')).toBe(true);
  });

  it('rejects a number that is not E.164', async () => {
    const res = await api.call('POST', '/v1/auth/sms/start', { body: { phone: '0415 555' } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'invalid_phone' } });
  });
});

describe('wrong codes across many codes', () => {
  it('security review: an address gets only so many wrong codes a day, then verification stops and the owner is told', async () => {
    const capped = await startTestServer({ env: { OTP_FAILED_VERIFICATIONS_PER_ADDRESS_PER_DAY: '3' } });
    try {
      const client = apiClient(capped);
      const email = 'slow-guess@example.com';
      const verify = (code: string) =>
        client.call<{ accessToken?: string; error?: { code: string } }>('POST', '/v1/auth/email/verify', {
          body: { email, code },
        });
      const since = Date.now() - 5;
      await client.call('POST', '/v1/auth/email/start', { body: { email } });
      const code = await client.latestCode(email, since);
      const wrong = code === '000000' ? '111111' : '000000';
      for (let i = 0; i < 3; i++) expect((await verify(wrong)).status).toBe(401);
      const refused = await verify(code);
      expect(refused.status).toBe(429);
      expect(refused.body.error?.code).toBe('sign_in_locked');
      // A fresh code does not reopen the day.
      await client.call('POST', '/v1/auth/email/start', { body: { email } });
      expect((await verify(await client.latestCode(email, since))).status).toBe(429);
      const mailbox = await client.call<{ messages: { subject: string }[] }>(
        'GET',
        `/v1/dev/mailbox?to=${encodeURIComponent(email)}`,
      );
      const deadline = Date.now() + 5_000;
      let subjects = mailbox.body.messages.map((m) => m.subject);
      while (!subjects.some((s) => /trying to sign in/i.test(s)) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
        subjects = (
          await client.call<{ messages: { subject: string }[] }>(
            'GET',
            `/v1/dev/mailbox?to=${encodeURIComponent(email)}`,
          )
        ).body.messages.map((m) => m.subject);
      }
      expect(subjects.filter((s) => /trying to sign in/i.test(s))).toHaveLength(1);
    } finally {
      await capped.stop();
    }
  });
});
