import type pg from 'pg';

/**
 * Sees each statement sent on `pool` outside a transaction (a transaction's run on a client it
 * checked out) until `stop`: `intercept` gets its text and a function that sends it, and answers in
 * its place (to count it, or hold it in flight).
 */
export function spyOnPool(
  pool: pg.Pool,
  intercept: (text: string | undefined, send: () => Promise<unknown>) => Promise<unknown>,
): { stop(): void } {
  const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
  Object.assign(pool, {
    query: (...args: unknown[]) => {
      const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string }).text;
      return intercept(text, () => query(...args));
    },
  });
  return { stop: () => Reflect.deleteProperty(pool, 'query') };
}
