import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../composition/runtime';
import { DomainError } from '../errors';
import { startTestServer } from '../../../test/harness';
import { spyOnPool } from '../../../test/pool-spy';
import { answerTaken, deferAnswer, recordRefusal, replayAnswer, type KeyedRequest } from './idempotency';
import { withIdempotency } from './idempotency';

let runtime: Runtime;
const user = '11111111-1111-4111-8111-111111111111';

beforeAll(async () => {
  runtime = await startTestServer();
  await runtime.ctx.pool.query('create table public.effects (id serial primary key, note text)');
});
afterAll(async () => runtime.stop());

const count = async () =>
  Number((await runtime.ctx.pool.query<{ n: string }>('select count(*) as n from public.effects')).rows[0]!.n);

function perform(key: string | null, note: string, fail = false) {
  return withIdempotency(
    runtime.ctx.db,
    { scope: 'test.effect', userId: user, key, request: { note }, successStatus: 201 },
    async (tx) => {
      const r = await tx.execute<{ id: number }>(sql`insert into public.effects (note) values (${note}) returning id`);
      if (fail) throw new DomainError('auction_closed', 'no');
      return { id: r.rows[0]!.id, note };
    },
  );
}

describe('Idempotency-Key', () => {
  it('gives the first answer again for the same key and body, without doing it twice', async () => {
    const first = await perform('key-aaaaaaaa', 'a');
    const again = await perform('key-aaaaaaaa', 'a');
    expect(first.replayed).toBe(false);
    expect(again).toEqual({ status: 201, body: first.body, replayed: true });
    expect(await count()).toBe(1);
  });

  it('answers 422 for the same key with another body', async () => {
    await perform('key-bbbbbbbb', 'b');
    await expect(perform('key-bbbbbbbb', 'different')).rejects.toMatchObject({ code: 'idempotency_key_reused' });
  });

  it('runs once under ten concurrent duplicates', async () => {
    const before = await count();
    const results = await Promise.all(Array.from({ length: 10 }, () => perform('key-cccccccc', 'c')));
    expect(await count()).toBe(before + 1);
    expect(new Set(results.map((r) => JSON.stringify(r.body))).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
  });

  it('remembers a refusal and rolls back its effects', async () => {
    const before = await count();
    await expect(perform('key-dddddddd', 'd', true)).rejects.toMatchObject({ code: 'auction_closed' });
    await expect(perform('key-dddddddd', 'd')).rejects.toMatchObject({ code: 'auction_closed' });
    expect(await count()).toBe(before);
  });

  it('does nothing special without a key', async () => {
    const before = await count();
    await perform(null, 'e');
    await perform(null, 'e');
    expect(await count()).toBe(before + 2);
  });

  it('remembers a refusal from the read-only first step, and hands what it read to the operation', async () => {
    let reads = 0;
    const attempt = (key: string, refuse: boolean) =>
      withIdempotency(
        runtime.ctx.db,
        { scope: 'test.read', userId: user, key, request: { refuse } },
        async (tx, read: { seen: number }) => {
          await tx.execute(sql`insert into public.effects (note) values ('after read')`);
          return { seen: read.seen };
        },
        async () => {
          reads += 1;
          if (refuse) throw new DomainError('bid_too_low', 'refused from the read');
          return { seen: reads };
        },
      );
    const before = await count();
    await expect(attempt('key-read-aaaa', true)).rejects.toMatchObject({ code: 'bid_too_low' });
    await expect(attempt('key-read-aaaa', true)).rejects.toMatchObject({ code: 'bid_too_low' });
    expect(reads).toBe(1);
    expect(await count()).toBe(before);
    const ok = await attempt('key-read-bbbb', false);
    expect(ok.body).toEqual({ seen: 2 });
    expect(await count()).toBe(before + 1);
  });

  it('records a deferred answer with the commit, and fails the transaction whose key was recorded first', async () => {
    const keyed: KeyedRequest = { scope: 'test.deferred', userId: user, key: 'key-deferred-1', request: { note: 'd' } };
    const write = (note: string) =>
      runtime.ctx.db.transaction(async (tx) => {
        await tx.execute(sql`insert into public.effects (note) values (${note})`);
        await deferAnswer(tx, keyed, 201, { note });
      });
    const before = await count();
    await write('first');
    expect(await replayAnswer(runtime.ctx.db, keyed)).toMatchObject({ status: 201, body: { note: 'first' } });
    const second = await write('second').then(
      () => null,
      (err: unknown) => err,
    );
    expect(answerTaken(second)).toBe(true);
    // The second transaction wrote nothing: the first answer stands, alone.
    expect(await count()).toBe(before + 1);
    expect(await replayAnswer(runtime.ctx.db, keyed)).toMatchObject({ body: { note: 'first' } });
    expect(answerTaken(new Error('something else'))).toBe(false);
  });

  it('records refusals that arrive together in one statement, each answered as its own', async () => {
    const refused = new DomainError('bid_too_low', 'Too low', { minNextBidMinor: 1200 });
    const keyed = (key: string): KeyedRequest => ({ scope: 'test.refusals', userId: user, key, request: { key } });
    await runtime.ctx.db.transaction((tx) => deferAnswer(tx, keyed('refusal-taken'), 201, { won: true }));
    const sent = countAnswerStatements();
    try {
      const keys = ['refusal-a', 'refusal-b', 'refusal-taken', 'refusal-c', 'refusal-c', 'refusal-d', 'refusal-e'];
      const recorded = await Promise.all(keys.map((key) => recordRefusal(runtime.ctx.db, keyed(key), refused)));
      // The first goes out alone; the six that arrive while it is in flight go out together.
      expect(sent.count).toBe(2);
      // A key recorded before, or twice in the group, is not this refusal's: the caller replays it.
      expect(recorded).toEqual([true, true, false, true, false, true, true]);
    } finally {
      sent.stop();
    }
    await expect(replayAnswer(runtime.ctx.db, keyed('refusal-taken'))).resolves.toMatchObject({ body: { won: true } });
    for (const key of ['refusal-a', 'refusal-c', 'refusal-e']) {
      const replayed = await replayAnswer(runtime.ctx.db, keyed(key)).catch((err: unknown) => err);
      expect(replayed).toBeInstanceOf(DomainError);
      expect(replayed).toMatchObject({ code: 'bid_too_low', details: { minNextBidMinor: 1200 } });
    }
  });

  it('fails every refusal of a statement that failed, and records the next ones', async () => {
    const refused = new DomainError('bid_too_low', 'Too low');
    const keyed = (key: string, userId = user): KeyedRequest => ({ scope: 'test.refusals', userId, key, request: {} });
    const alone = recordRefusal(runtime.ctx.db, keyed('refusal-alone'), refused);
    // These two wait for the first and go out together; a user id that is no uuid fails their statement.
    const broken = recordRefusal(runtime.ctx.db, keyed('refusal-broken', 'not-a-uuid'), refused);
    const beside = recordRefusal(runtime.ctx.db, keyed('refusal-beside'), refused);
    await expect(alone).resolves.toBe(true);
    await expect(broken).rejects.toThrow();
    await expect(beside).rejects.toThrow();
    await expect(replayAnswer(runtime.ctx.db, keyed('refusal-beside'))).resolves.toBeNull();
    await expect(recordRefusal(runtime.ctx.db, keyed('refusal-after'), refused)).resolves.toBe(true);
  });
});

/** Counts the statements that record answers, sent on the server's pool until `stop`. */
function countAnswerStatements(): { count: number; stop(): void } {
  const counter = { count: 0, stop: () => spy.stop() };
  const spy = spyOnPool(runtime.ctx.pool, (text, send) => {
    if (text !== undefined && /^\s*insert\b[\s\S]*idempotency_keys/i.test(text)) counter.count++;
    return send();
  });
  return counter;
}
