import { describe, expect, it } from 'vitest';
import type { SessionStanding } from './session-repo';
import { SessionStandingCache } from './session-standing-cache';

const standing = (over: Partial<SessionStanding> = {}): SessionStanding => ({
  status: 'active',
  roles: ['viewer'],
  email: 'someone@example.com',
  totp: false,
  locale: null,
  revoked: false,
  expiresAt: new Date(Date.now() + 86_400_000),
  ...over,
});

/** A cache over a bus subscription the test sets, and a database whose reads it counts. */
function setUp(ttlMs = 60_000) {
  const bus = { subscription: 1 as number | null };
  const cache = new SessionStandingCache({ ttlMs, maxEntries: 100, subscription: () => bus.subscription });
  const db = { reads: 0, row: standing() };
  const read = (sessionId = 's1', userId = 'u1') =>
    cache.read(sessionId, userId, async () => {
      db.reads += 1;
      return db.row;
    });
  return { bus, cache, db, read };
}

describe('the session checks a process keeps in memory', () => {
  it('reads the database once per session while the bus is heard', async () => {
    const { db, read } = setUp();
    await read();
    await read();
    await read('s2');
    expect(db.reads).toBe(2);
  });

  it('forgets one session, or every session of a user, and no other', async () => {
    const { cache, db, read } = setUp();
    for (const [s, u] of [
      ['s1', 'u1'],
      ['s2', 'u1'],
      ['s3', 'u2'],
    ] as const)
      await read(s, u);
    cache.forget({ userId: 'u1', sessionId: 's1' });
    await read('s1', 'u1');
    await read('s2', 'u1');
    expect(db.reads).toBe(4);
    cache.forget({ userId: 'u1' });
    await read('s1', 'u1');
    await read('s2', 'u1');
    await read('s3', 'u2');
    expect(db.reads).toBe(6);
  });

  it('does not keep a read that was under way when the change was announced', async () => {
    const { cache, db } = setUp();
    let release: () => void = () => {};
    const slow = cache.read('s1', 'u1', async () => {
      db.reads += 1;
      await new Promise<void>((resolve) => (release = resolve));
      return standing();
    });
    cache.forget({ userId: 'u1', sessionId: 's1' });
    release();
    expect((await slow)?.revoked).toBe(false);
    db.row = standing({ revoked: true });
    expect((await cache.read('s1', 'u1', async () => db.row))?.revoked).toBe(true);
  });

  it('answers from the database while the bus is not heard, and drops everything when it is heard anew', async () => {
    const { bus, db, read } = setUp();
    await read();
    bus.subscription = null;
    db.row = standing({ revoked: true });
    // Announcements made now would be lost: nothing is answered from memory, nothing is kept.
    expect((await read())?.revoked).toBe(true);
    expect((await read())?.revoked).toBe(true);
    expect(db.reads).toBe(3);
    bus.subscription = 2;
    expect((await read())?.revoked).toBe(true);
    expect(db.reads).toBe(4);
    await read();
    expect(db.reads).toBe(4);
  });

  it('keeps nothing past its TTL, and nothing at all with a TTL of 0', async () => {
    const short = setUp(30);
    await short.read();
    await new Promise((r) => setTimeout(r, 60));
    await short.read();
    expect(short.db.reads).toBe(2);
    const off = setUp(0);
    await off.read();
    await off.read();
    expect(off.db.reads).toBe(2);
  });
});
