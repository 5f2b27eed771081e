/**
 * The job library prints a stack trace (`console.trace`) each time one of its workers exits on a
 * lost connection. Tests that take the database away expect exactly that; they capture those
 * traces instead of printing them into the run's output, and check that each one is a lost
 * connection — anything else still fails the test, with the error shown.
 */
import { afterAll, beforeAll, expect, vi, type MockInstance } from 'vitest';

/** Error codes and messages of a connection that was refused, reset, cut or timed out. */
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', '57P01', '08006', '08003']);
const CONNECTION_MESSAGES =
  /ECONNREFUSED|ECONNRESET|Connection terminated|connection timeout|timeout exceeded when trying to connect|Query read timeout|terminating connection/i;

export function isConnectionLoss(value: unknown): boolean {
  if (!(value instanceof Error)) return false;
  const code = (value as { code?: unknown }).code;
  if (typeof code === 'string' && CONNECTION_CODES.has(code)) return true;
  if (CONNECTION_MESSAGES.test(value.message)) return true;
  return value.cause !== undefined && isConnectionLoss(value.cause);
}

export interface ExpectedTraces {
  /** Everything traced so far in this file. */
  readonly captured: unknown[];
}

/**
 * Captures `console.trace` for the whole test file; when the file ends, every capture must be a
 * lost connection.
 */
export function captureConnectionTraces(): ExpectedTraces {
  const captured: unknown[] = [];
  let spy: MockInstance<typeof console.trace> | undefined;
  beforeAll(() => {
    spy = vi.spyOn(console, 'trace').mockImplementation((...args: unknown[]) => {
      captured.push(args[0]);
    });
  });
  afterAll(() => {
    spy?.mockRestore();
    const unexpected = captured.filter((value) => !isConnectionLoss(value));
    expect(unexpected, 'traces other than a lost database connection').toEqual([]);
  });
  return { captured };
}
