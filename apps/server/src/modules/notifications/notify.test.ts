import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../composition/runtime';
import { startTestServer } from '../../../test/harness';
import { DELIVER_TASK, deliverJobKey, SUPERSEDE_WINDOW_MS, supersedingJobKey } from './notify';
import { notifications } from './tables';

// API only: no worker, so the delivery jobs stay in the queue where the test can see them.
let runtime: Runtime;
beforeAll(async () => {
  runtime = await startTestServer({ env: { ROLES: 'api' } });
});
afterAll(async () => runtime?.stop());

async function rowsOf(userId: string) {
  return runtime.ctx.db.select().from(notifications).where(eq(notifications.userId, userId));
}

/** Delivery jobs of the given notifications (payload from the queue's own table; the public view omits it). */
async function jobsFor(notificationIds: string[]): Promise<{ key: string | null; payload: unknown }[]> {
  if (notificationIds.length === 0) return [];
  const keys = notificationIds.map((id) => sql`${deliverJobKey(id)}`);
  const res = await runtime.ctx.db.execute<{ key: string | null; payload: unknown }>(
    sql`select j.key, p.payload from graphile_worker.jobs j join graphile_worker._private_jobs p on p.id = j.id
        where j.task_identifier = ${DELIVER_TASK.name} and j.key in (${sql.join(keys, sql`, `)})`,
  );
  return res.rows;
}

async function deliverJobsForUser(userId: string) {
  return jobsFor((await rowsOf(userId)).map((r) => r.id));
}

const won = (userId: string, extra: Partial<{ dedupeKey: string; title: string }> = {}) => ({
  userId,
  kind: 'won' as const,
  title: extra.title ?? 'You won',
  body: 'Pay within 24 hours.',
  link: '/auctions/a1/payment',
  data: { auctionId: 'a1' },
  ...(extra.dedupeKey ? { dedupeKey: extra.dedupeKey } : {}),
});

describe('notify (outbox)', () => {
  it('a committed transaction leaves the notification and exactly one delivery job keyed by it', async () => {
    const userId = randomUUID();
    await runtime.ctx.db.transaction(async (tx) => {
      await runtime.modules.notifications.notify(tx, won(userId));
    });
    const rows = await rowsOf(userId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'won', title: 'You won', link: '/auctions/a1/payment', readAt: null });
    expect(rows[0]!.data).toEqual({ auctionId: 'a1' });
    const jobs = await jobsFor([rows[0]!.id]);
    expect(jobs).toEqual([{ key: deliverJobKey(rows[0]!.id), payload: { notificationId: rows[0]!.id } }]);
  });

  it('a transaction that fails after notify leaves neither notification nor job', async () => {
    const userId = randomUUID();
    const failure = runtime.ctx.db.transaction(async (tx) => {
      await runtime.modules.notifications.notify(tx, won(userId));
      // Visible inside the transaction…
      expect(await tx.select().from(notifications).where(eq(notifications.userId, userId))).toHaveLength(1);
      throw new Error('the bid was refused after all');
    });
    await expect(failure).rejects.toThrow('the bid was refused after all');
    // …and gone with it.
    expect(await rowsOf(userId)).toHaveLength(0);
    const orphanJobs = await runtime.ctx.db.execute(
      sql`select 1 from graphile_worker.jobs j where j.task_identifier = ${DELIVER_TASK.name}
          and not exists (select 1 from notifications.notifications n where ${'notifications.deliver:'} || n.id = j.key)`,
    );
    expect(orphanJobs.rows).toHaveLength(0);
  });

  it('a repeated dedupeKey is a no-op, in a later transaction or the same one', async () => {
    const userId = randomUUID();
    await runtime.ctx.db.transaction((tx) =>
      runtime.modules.notifications.notify(tx, won(userId, { dedupeKey: 'auction:a1:won' })),
    );
    await runtime.ctx.db.transaction(async (tx) => {
      await runtime.modules.notifications.notify(tx, won(userId, { dedupeKey: 'auction:a1:won', title: 'Again' }));
      await runtime.modules.notifications.notify(tx, won(userId, { dedupeKey: 'auction:a1:won', title: 'And again' }));
    });
    const rows = await rowsOf(userId);
    expect(rows.map((r) => r.title)).toEqual(['You won']);
    expect(await deliverJobsForUser(userId)).toHaveLength(1);
  });

  it('the dedupeKey is per user, and notifications without one are never merged', async () => {
    const a = randomUUID();
    const b = randomUUID();
    await runtime.ctx.db.transaction(async (tx) => {
      await runtime.modules.notifications.notify(tx, won(a, { dedupeKey: 'auction:a2:ended' }));
      await runtime.modules.notifications.notify(tx, won(b, { dedupeKey: 'auction:a2:ended' }));
      await runtime.modules.notifications.notify(tx, won(a));
      await runtime.modules.notifications.notify(tx, won(a));
    });
    expect(await rowsOf(a)).toHaveLength(3);
    expect(await rowsOf(b)).toHaveLength(1);
    expect(await deliverJobsForUser(a)).toHaveLength(3);
  });

  it('concurrent transactions with the same dedupeKey write it once', async () => {
    const userId = randomUUID();
    await Promise.all(
      Array.from({ length: 6 }, () =>
        runtime.ctx.db.transaction((tx) =>
          runtime.modules.notifications.notify(tx, won(userId, { dedupeKey: 'race' })),
        ),
      ),
    );
    expect(await rowsOf(userId)).toHaveLength(1);
    expect(await deliverJobsForUser(userId)).toHaveLength(1);
  });
});

describe('notifyMany (one statement for many users)', () => {
  it('writes each notification with one delivery job, and a repeat for the same users writes nothing', async () => {
    const users = [randomUUID(), randomUUID(), randomUUID()];
    const story = randomUUID();
    const inputs = (who: string[]) =>
      who.map((userId) => ({
        userId,
        kind: 'new_story' as const,
        title: 'Ada Clay published a new story',
        body: 'A walnut bowl',
        link: `/stories/${story}`,
        data: { storyId: story },
        dedupeKey: `new_story:${story}`,
      }));
    const first = await runtime.ctx.db.transaction((tx) =>
      runtime.modules.notifications.notifyMany(tx, inputs(users.slice(0, 2))),
    );
    expect(first).toBe(2);
    // One user again and one new: only the new one is written.
    const second = await runtime.ctx.db.transaction((tx) =>
      runtime.modules.notifications.notifyMany(tx, inputs(users.slice(1))),
    );
    expect(second).toBe(1);
    for (const userId of users) {
      const rows = await rowsOf(userId);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ kind: 'new_story', link: `/stories/${story}` });
      expect(await jobsFor([rows[0]!.id])).toEqual([
        { key: deliverJobKey(rows[0]!.id), payload: { notificationId: rows[0]!.id } },
      ]);
    }
  });

  it('splits more users than one statement can carry (65,535 parameters) into several', async () => {
    const story = randomUUID();
    const many = Array.from({ length: 7_500 }, () => ({
      userId: randomUUID(),
      kind: 'new_story' as const,
      title: 'A new story',
      body: 'A walnut bowl',
      dedupeKey: `new_story:${story}`,
    }));
    const written = await runtime.ctx.db.transaction((tx) => runtime.modules.notifications.notifyMany(tx, many));
    expect(written).toBe(7_500);
    const count = await runtime.ctx.db.execute<{ n: number }>(
      sql`select count(*)::int as n from notifications.notifications where dedupe_key = ${`new_story:${story}`}`,
    );
    expect(count.rows[0]!.n).toBe(7_500);
  });

  it('writes nothing when its transaction rolls back', async () => {
    const userId = randomUUID();
    await expect(
      runtime.ctx.db.transaction(async (tx) => {
        await runtime.modules.notifications.notifyMany(tx, [{ ...won(userId), dedupeKey: 'x' }]);
        throw new Error('the cause failed');
      }),
    ).rejects.toThrow('the cause failed');
    expect(await rowsOf(userId)).toEqual([]);
  });
});

describe('notices that supersede each other', () => {
  const outbid = (userId: string, auctionId: string, n: number) => ({
    userId,
    kind: 'outbid' as const,
    title: `Outbid at ${n}`,
    body: 'Bid again',
    dedupeKey: `outbid:${auctionId}:${n}`,
    supersedeKey: `outbid:${auctionId}`,
  });

  async function pendingFor(userId: string, auctionId: string) {
    const res = await runtime.ctx.db.execute<{
      id: string;
      payload: { notificationId: string };
      wait: number;
      run_at: string;
    }>(
      sql`select id, payload, extract(epoch from run_at - now()) * 1000 as wait, run_at
            from graphile_worker._private_jobs where key = ${supersedingJobKey(userId, `outbid:${auctionId}`)}`,
    );
    return res.rows;
  }

  it("while one waits for delivery, the next takes its place: one job, for the latest, at the end of the first one's window; every notice in the inbox", async () => {
    const userId = randomUUID();
    const auctionId = randomUUID();
    const runAts: string[] = [];
    for (let n = 1; n <= 3; n++) {
      await runtime.ctx.db.transaction((tx) => runtime.modules.notifications.notify(tx, outbid(userId, auctionId, n)));
      const [job] = await pendingFor(userId, auctionId);
      if (n === 1) {
        expect(Number(job!.wait)).toBeGreaterThan(SUPERSEDE_WINDOW_MS - 1_000);
        expect(Number(job!.wait)).toBeLessThanOrEqual(SUPERSEDE_WINDOW_MS);
      }
      runAts.push(job!.run_at);
    }
    expect(new Set(runAts).size).toBe(1);
    const rows = await rowsOf(userId);
    expect(rows.map((r) => r.title).sort()).toEqual(['Outbid at 1', 'Outbid at 2', 'Outbid at 3']);
    const latest = rows.find((r) => r.title === 'Outbid at 3')!;
    const jobs = await pendingFor(userId, auctionId);
    expect(jobs.map((j) => j.payload)).toEqual([{ notificationId: latest.id }]);
    // No job of its own for any of them.
    expect(await jobsFor(rows.map((r) => r.id))).toEqual([]);

    // Another auction, or another person, is not superseded.
    const other = randomUUID();
    await runtime.ctx.db.transaction((tx) => runtime.modules.notifications.notify(tx, outbid(userId, other, 1)));
    expect(await pendingFor(userId, other)).toHaveLength(1);
    expect(await pendingFor(userId, auctionId)).toHaveLength(1);
  });

  it('a notice whose delivery has begun is delivered; the next one gets a job of its own', async () => {
    const userId = randomUUID();
    const auctionId = randomUUID();
    await runtime.ctx.db.transaction((tx) => runtime.modules.notifications.notify(tx, outbid(userId, auctionId, 1)));
    const [running] = await pendingFor(userId, auctionId);
    // As a worker does when it takes the job.
    await runtime.ctx.db.execute(
      sql`update graphile_worker._private_jobs set locked_at = now(), locked_by = 'a worker' where id = ${running!.id}`,
    );
    await runtime.ctx.db.transaction((tx) => runtime.modules.notifications.notify(tx, outbid(userId, auctionId, 2)));
    const jobs = await runtime.ctx.db.execute<{ payload: { notificationId: string }; locked_by: string | null }>(
      sql`select payload, locked_by from graphile_worker._private_jobs
          where payload->>'notificationId' in (select id::text from notifications.notifications where user_id = ${userId})
          order by id`,
    );
    const rows = await rowsOf(userId);
    const idOf = (title: string) => rows.find((r) => r.title === title)!.id;
    expect(jobs.rows).toEqual([
      { payload: { notificationId: idOf('Outbid at 1') }, locked_by: 'a worker' },
      { payload: { notificationId: idOf('Outbid at 2') }, locked_by: null },
    ]);
    await runtime.ctx.db.execute(sql`delete from graphile_worker._private_jobs where id = ${running!.id}`);
  });
});
