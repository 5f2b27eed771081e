/**
 * The unit of work: every transaction opened with `db.transaction` collects the effects that must
 * wait for its commit (live messages, cache drops) and runs them, in the order they were
 * registered, once it has committed — never after a rollback. A savepoint (`tx.transaction`) that
 * rolls back drops what was registered inside it while the outer transaction goes on. An effect
 * that fails is logged; the commit it follows stands.
 *
 * It also holds the transaction's deferred writes (`deferWrite`): writes whose answer nobody in
 * the transaction needs, sent together as one statement just before it commits.
 */
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Database, Executor } from './client';

/** Work to do once the transaction has committed. */
export type AfterCommit = () => Promise<void> | void;

/** Where a failing after-commit effect is reported. */
export interface AfterCommitLogger {
  error(details: Record<string, unknown>, message: string): void;
}

interface Scope {
  effects: AfterCommit[];
  /** Deferred writes in the order made; a keyed write replaces the earlier one of its key. */
  writes: Map<string | symbol, SQL>;
}

type Transactional = { transaction: Database['transaction'] };

const scopes = new WeakMap<object, Scope>();

/**
 * Runs `fn` once the transaction `tx` has committed (in registration order, after the client went
 * back to the pool). `tx` must be a transaction, not the database: outside a transaction there is
 * no commit to wait for, which is a bug in the caller.
 */
export function afterCommit(tx: Executor, fn: AfterCommit): void {
  const scope = scopes.get(tx);
  if (scope === undefined) throw new Error('afterCommit needs a transaction opened with db.transaction');
  scope.effects.push(fn);
}

/**
 * A write whose answer nobody in the transaction needs (an index row kept current, an appended
 * event): held, and sent with the transaction's other deferred writes as one statement just before
 * it commits, so a transaction on a hot path pays one round trip for all of them. It commits or
 * rolls back with the transaction (a rolled-back savepoint drops it). Outside a transaction it runs
 * at once.
 *
 * Nothing later in the transaction may read what it writes (it is not written yet), and two
 * deferred writes must not change the same row (one statement changes a row once): a write that
 * overwrites a row's current facts takes a `key`, and a later write with the same key replaces it.
 */
export async function deferWrite(tx: Executor, write: SQLWrapper, options: { key?: string } = {}): Promise<void> {
  const scope = scopes.get(tx);
  if (scope === undefined) {
    await tx.execute(write.getSQL());
    return;
  }
  keep(scope.writes, options.key ?? Symbol('write'), write.getSQL());
}

function keep(writes: Scope['writes'], key: string | symbol, write: SQL): void {
  writes.delete(key);
  writes.set(key, write);
}

/** The deferred writes as one statement: each but the last in a `with` of its own. */
async function flushWrites(tx: Executor, scope: Scope): Promise<void> {
  const writes = [...scope.writes.values()];
  scope.writes.clear();
  const last = writes.pop();
  if (last === undefined) return;
  if (writes.length === 0) {
    await tx.execute(last);
    return;
  }
  const steps = writes.map((write, i) => sql`${sql.raw(`deferred_${i}`)} as (${write})`);
  await tx.execute(sql`with ${sql.join(steps, sql`, `)} ${last}`);
}

/** A transaction whose callback also receives `afterCommit`, for use cases that open their own. */
export function inTransaction<T>(
  db: Database,
  work: (tx: Executor, uow: { afterCommit(fn: AfterCommit): void }) => Promise<T>,
): Promise<T> {
  return db.transaction((tx) => work(tx, { afterCommit: (fn) => afterCommit(tx, fn) }));
}

/**
 * Runs `open` (which opens one top-level transaction and calls `run` inside it) as a unit of work:
 * once `run` has resolved its deferred writes are sent (before the commit), and the effects
 * registered on its transaction run after it committed, each failure logged.
 */
export async function runUnitOfWork<T, Tx extends object>(
  open: (run: (tx: Tx) => Promise<T>) => Promise<T>,
  run: (tx: Tx) => Promise<T>,
  logger: AfterCommitLogger,
): Promise<T> {
  const scope: Scope = { effects: [], writes: new Map() };
  const result = await open(async (tx) => {
    // A retried callback starts from nothing: only the attempt that commits counts.
    scope.effects = [];
    scope.writes = new Map();
    track(tx, scope);
    const answer = await run(tx);
    await flushWrites(tx as unknown as Executor, scope);
    return answer;
  });
  for (const effect of scope.effects) {
    try {
      await effect();
    } catch (err) {
      logger.error({ err }, 'an after-commit effect failed; the transaction stays committed');
    }
  }
  return result;
}

/** Registers a transaction handle, and makes its savepoints scopes of their own. */
function track(tx: object, scope: Scope): void {
  scopes.set(tx, scope);
  const handle = tx as Partial<Transactional>;
  const nested = handle.transaction?.bind(tx);
  if (nested === undefined) return;
  const savepoint: Database['transaction'] = async (run, config) => {
    const inner: Scope = { effects: [], writes: new Map() };
    const result = await nested((innerTx) => {
      inner.effects = [];
      inner.writes = new Map();
      track(innerTx, inner);
      return run(innerTx);
    }, config);
    // Released: what the savepoint registered now waits for the outer commit.
    scope.effects.push(...inner.effects);
    for (const [key, write] of inner.writes) keep(scope.writes, key, write);
    return result;
  };
  handle.transaction = savepoint;
}
