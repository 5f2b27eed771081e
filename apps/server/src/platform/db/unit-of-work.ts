/**
 * The unit of work: every transaction opened with `db.transaction` collects the effects that must
 * wait for its commit (live messages, cache drops) and runs them, in the order they were
 * registered, once it has committed — never after a rollback. A savepoint (`tx.transaction`) that
 * rolls back drops what was registered inside it while the outer transaction goes on. An effect
 * that fails is logged; the commit it follows stands.
 */
import type { Database, Executor } from './client';

/** Work to do once the transaction has committed. */
export type AfterCommit = () => Promise<void> | void;

/** Where a failing after-commit effect is reported. */
export interface AfterCommitLogger {
  error(details: Record<string, unknown>, message: string): void;
}

interface Scope {
  effects: AfterCommit[];
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

/** A transaction whose callback also receives `afterCommit`, for use cases that open their own. */
export function inTransaction<T>(
  db: Database,
  work: (tx: Executor, uow: { afterCommit(fn: AfterCommit): void }) => Promise<T>,
): Promise<T> {
  return db.transaction((tx) => work(tx, { afterCommit: (fn) => afterCommit(tx, fn) }));
}

/**
 * Runs `open` (which opens one top-level transaction and calls `run` inside it) as a unit of work:
 * the effects registered on its transaction run after it resolved, each failure logged.
 */
export async function runUnitOfWork<T, Tx extends object>(
  open: (run: (tx: Tx) => Promise<T>) => Promise<T>,
  run: (tx: Tx) => Promise<T>,
  logger: AfterCommitLogger,
): Promise<T> {
  const scope: Scope = { effects: [] };
  const result = await open((tx) => {
    // A retried callback starts from nothing: only the attempt that commits counts.
    scope.effects = [];
    track(tx, scope);
    return run(tx);
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
    const inner: Scope = { effects: [] };
    const result = await nested((innerTx) => {
      inner.effects = [];
      track(innerTx, inner);
      return run(innerTx);
    }, config);
    // Released: what the savepoint registered now waits for the outer commit.
    scope.effects.push(...inner.effects);
    return result;
  };
  handle.transaction = savepoint;
}
