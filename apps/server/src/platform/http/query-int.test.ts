import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { queryInt } from './query-int';

describe('queryInt', () => {
  const limit = queryInt({ min: 1, max: 50 }).default(20);
  const bound = queryInt({ min: 0 }).optional();

  it('reads whole numbers within the bounds, and the default when absent', () => {
    expect(limit.parse('7')).toBe(7);
    expect(limit.parse(' 12 ')).toBe(12);
    expect(limit.parse(undefined)).toBe(20);
    expect(bound.parse('0')).toBe(0);
    expect(bound.parse(undefined)).toBeUndefined();
  });

  it('refuses blank, sign-only, fractional, exponent and out-of-range values instead of reading them as 0', () => {
    for (const raw of ['', ' ', '+', '-', '1.5', '1e3', '0x10', 'abc', '-1']) {
      expect(bound.safeParse(raw).success, JSON.stringify(raw)).toBe(false);
    }
    expect(limit.safeParse('51').success).toBe(false);
    expect(limit.safeParse('0').success).toBe(false);
  });

  it('is published as an integer with its bounds', () => {
    expect(z.toJSONSchema(queryInt({ min: 1, max: 50 }), { io: 'input' })).toMatchObject({
      type: 'integer',
      minimum: 1,
      maximum: 50,
    });
  });
});
