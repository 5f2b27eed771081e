import { and, eq, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import type { Database, Executor } from '../db/client';
import { StatementGroups } from '../db/statement-groups';
import { deferWrite } from '../db/unit-of-work';
import { DomainError, type ErrorCode } from '../errors';
import { errorStatus } from './error-status';
import { idempotencyKeys } from '../tables';

export interface IdempotentAnswer<T> {
  status: number;
  body: T;
  /** True when this is the remembered answer of an earlier request with the same key. */
  replayed: boolean;
}

const KEY = /^[A-Za-z0-9_.:-]{8,128}$/;

/** Reads and checks the `Idempotency-Key` header (optional). */
export function idempotencyKeyOf(req: FastifyRequest): string | null {
  const raw = req.headers['idempotency-key'];
  if (raw === undefined) return null;
  if (typeof raw !== 'string' || !KEY.test(raw)) {
    throw new DomainError(
      'invalid_idempotency_key',
      'Idempotency-Key must be 8–128 letters, digits, "_", "-", "." or ":"',
    );
  }
  return raw;
}

function hashRequest(body: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(body ?? null))
    .digest('base64url');
}

/**
 * Whether a request with this key was seen (answered, or in progress), as a condition for a
 * statement that reads other things too: a seen key is answered with `replayAnswer`, with no
 * need to decide anything.
 */
export function idempotencyKeySeen(options: {
  scope: SQLWrapper | string;
  userId: SQLWrapper | string;
  key: SQLWrapper | string | null;
}): SQL<boolean> {
  if (options.key === null) return sql<boolean>`false`;
  return sql<boolean>`exists (select 1 from ${idempotencyKeys} where ${idempotencyKeys.userId} = ${options.userId}
    and ${idempotencyKeys.scope} = ${options.scope} and ${idempotencyKeys.key} = ${options.key})`;
}

/**
 * Runs `operation` in a transaction that also records its answer under the key. A second request
 * with the same key and body gets the first answer; with another body, 422. Concurrent duplicates
 * wait on the key's row until the first commits. Domain errors (4xx) are remembered too, so a
 * retry cannot succeed where the first attempt was refused for a reason that no longer shows.
 */
export async function withIdempotency<T, R = undefined>(
  db: Database,
  options: { scope: string; userId: string; key: string | null; request: unknown; successStatus?: number },
  operation: (tx: Executor, read: R) => Promise<T>,
  /**
   * A read-only first step (it must write nothing): a domain error it throws is the answer, with
   * no savepoint to take and roll back. What it returns is passed to `operation`.
   */
  read: (tx: Executor) => Promise<R> = () => Promise.resolve(undefined as R),
): Promise<IdempotentAnswer<T>> {
  const successStatus = options.successStatus ?? 200;
  if (!options.key) {
    const body = await db.transaction(async (tx) => operation(tx, await read(tx)));
    return { status: successStatus, body, replayed: false };
  }
  const requestHash = hashRequest(options.request);
  const where = and(
    eq(idempotencyKeys.userId, options.userId),
    eq(idempotencyKeys.scope, options.scope),
    eq(idempotencyKeys.key, options.key),
  );
  type Outcome = { replay: typeof idempotencyKeys.$inferSelect } | { error: DomainError } | { body: T };
  const outcome = await db.transaction(async (tx): Promise<Outcome> => {
    // Claim the key; a concurrent holder makes this wait until it commits or rolls back.
    const claimed = await tx
      .insert(idempotencyKeys)
      .values({
        scope: options.scope,
        userId: options.userId,
        key: options.key!,
        requestHash,
        statusCode: 0,
        responseBody: sql`'null'::jsonb`,
      })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (claimed.length === 0) {
      const [prior] = await tx.select().from(idempotencyKeys).where(where);
      if (!prior) throw new DomainError('idempotency_conflict', 'Retry the request');
      if (prior.requestHash !== requestHash) {
        throw new DomainError('idempotency_key_reused', 'This Idempotency-Key was used with a different request');
      }
      return { replay: prior };
    }
    const remember = async (err: DomainError): Promise<Outcome> => {
      await tx
        .update(idempotencyKeys)
        .set({ statusCode: errorStatus(err.code), responseBody: storedError(err) })
        .where(where);
      return { error: err };
    };
    let first: R;
    try {
      first = await read(tx);
    } catch (err) {
      if (err instanceof DomainError) return remember(err);
      throw err;
    }
    try {
      const body = await tx.transaction((inner) => operation(inner, first));
      await tx.update(idempotencyKeys).set({ statusCode: successStatus, responseBody: body }).where(where);
      return { body };
    } catch (err) {
      if (err instanceof DomainError) return remember(err);
      throw err;
    }
  });
  if ('error' in outcome) throw outcome.error;
  if ('replay' in outcome) return answerOf<T>(outcome.replay);
  return { status: successStatus, body: outcome.body, replayed: false };
}

/** An error as its key stores it, to be raised again by a replay. */
function storedError(err: DomainError) {
  return {
    error: { code: err.code, message: err.message, ...(err.details === undefined ? {} : { details: err.details }) },
  };
}

/** A stored answer, replayed: its body, or the error it was. */
function answerOf<T>(prior: typeof idempotencyKeys.$inferSelect): IdempotentAnswer<T> {
  if (prior.statusCode === 0) throw new DomainError('idempotency_conflict', 'Retry the request');
  if (prior.statusCode >= 400) {
    // The stored answer of an error this server raised: its code is one of ours.
    const e = (prior.responseBody as { error: { code: ErrorCode; message: string; details?: unknown } }).error;
    throw new DomainError(e.code, e.message, e.details);
  }
  return { status: prior.statusCode, body: prior.responseBody as T, replayed: true };
}

/** A request under an `Idempotency-Key`, for the pair below. */
export interface KeyedRequest {
  scope: string;
  userId: string;
  key: string;
  /** What the request asked (its body): a key used again for another request is refused. */
  request: unknown;
}

/** The row that records `keyed`'s answer. */
function answerRow(keyed: KeyedRequest, status: number, body: unknown) {
  return {
    scope: keyed.scope,
    userId: keyed.userId,
    key: keyed.key,
    requestHash: hashRequest(keyed.request),
    statusCode: status,
    responseBody: body,
  };
}

/**
 * The other way to honour a key, for an operation that only writes when it succeeds: it records
 * its answer in the transaction that did the work, as a deferred write (see `deferWrite`) sent
 * with the transaction's other deferred writes just before it commits — no claim, no update, no
 * round trip of its own — and a refusal with `recordRefusal`. When a request with the same key
 * recorded its answer first, that statement fails and the transaction rolls back:
 * `answerTaken(err)` tells that error apart, and the caller then `replayAnswer`s.
 */
export async function deferAnswer(tx: Executor, keyed: KeyedRequest, status: number, body: unknown): Promise<void> {
  await deferWrite(tx, tx.insert(idempotencyKeys).values(answerRow(keyed, status, body)));
}

const ANSWER_TAKEN = 'idempotency_keys_user_id_scope_key_pk';

/** True for the failure of a transaction whose deferred answer found its key recorded first. */
export function answerTaken(err: unknown): boolean {
  // The query builder wraps the driver's error; PostgreSQL's is the cause.
  const cause = ((err as { cause?: unknown }).cause ?? err) as { code?: string; constraint?: string };
  return cause.code === '23505' && cause.constraint === ANSWER_TAKEN;
}

/**
 * Records a refusal under its key, for a refusal that wrote nothing else, and
 * resolves once it is committed: false when a request with the same key recorded (or was
 * recording) its answer first, to be replayed (`replayAnswer`). The refusals recorded while one is in flight go out together, as
 * one statement (see `StatementGroups`): on a hot auction most bids lose the race and each records
 * its refusal, and together they cost one round trip, not one each.
 */
export function recordRefusal(db: Database, keyed: KeyedRequest, err: DomainError): Promise<boolean> {
  return refusals.submit(db, answerRow(keyed, errorStatus(err.code), storedError(err)));
}

type AnswerRow = ReturnType<typeof answerRow>;

/**
 * One statement for a group of refusals: true for each recorded, false for a key recorded before
 * (or twice in the group: only its first is the row inserted).
 */
const refusals = new StatementGroups<Database, AnswerRow, boolean>(async (db, rows) => {
  const recorded = await insertAnswers(db, rows);
  const claimed = new Set<string>();
  return rows.map((row) => {
    const id = answerId(row);
    const first = recorded.has(id) && !claimed.has(id);
    claimed.add(id);
    return first;
  });
});

function answerId(row: { userId: string; scope: string; key: string }): string {
  return `${row.userId.toLowerCase()}\u0000${row.scope}\u0000${row.key}`;
}

/** Inserts the answers not yet recorded, in one statement; the ids (`answerId`) of those inserted. */
async function insertAnswers(db: Database, rows: AnswerRow[]): Promise<Set<string>> {
  const t = idempotencyKeys;
  const columns = [t.scope, t.userId, t.key, t.requestHash, t.statusCode, t.responseBody].map((c) =>
    sql.identifier(c.name),
  );
  const inserted = await db.execute<{ user_id: string; scope: string; key: string }>(sql`
    insert into ${t} (${sql.join(columns, sql`, `)})
    select r.scope, r."userId", r.key, r."requestHash", r."statusCode", r."responseBody"
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as r(scope text, "userId" uuid, key text, "requestHash" text, "statusCode" int, "responseBody" jsonb)
    on conflict do nothing
    returning ${sql.identifier(t.userId.name)} as user_id, ${sql.identifier(t.scope.name)} as scope, ${sql.identifier(t.key.name)} as key`);
  return new Set(inserted.rows.map((row) => answerId({ userId: row.user_id, scope: row.scope, key: row.key })));
}

/** The answer recorded under the key (422 when it was recorded for another request); null when none is. */
export async function replayAnswer<T>(db: Executor, keyed: KeyedRequest): Promise<IdempotentAnswer<T> | null> {
  const [prior] = await db
    .select()
    .from(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.userId, keyed.userId),
        eq(idempotencyKeys.scope, keyed.scope),
        eq(idempotencyKeys.key, keyed.key),
      ),
    );
  if (!prior) return null;
  if (prior.requestHash !== hashRequest(keyed.request)) {
    throw new DomainError('idempotency_key_reused', 'This Idempotency-Key was used with a different request');
  }
  return answerOf<T>(prior);
}
