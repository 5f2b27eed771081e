import { describe, expect, it } from 'vitest';
import { addDays, dayBounds, daysBetween, isDay, isSettled, liveFrom, utcDay } from './days';

describe('UTC days', () => {
  it('cuts days at UTC midnight', () => {
    expect(utcDay(new Date('2026-03-01T23:59:59.999Z'))).toBe('2026-03-01');
    expect(utcDay(new Date('2026-03-02T00:00:00.000Z'))).toBe('2026-03-02');
    expect(dayBounds('2026-02-28')).toEqual({
      start: new Date('2026-02-28T00:00:00.000Z'),
      end: new Date('2026-03-01T00:00:00.000Z'),
    });
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(daysBetween('2025-12-30', '2026-01-02')).toEqual(['2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02']);
  });

  it('accepts only real calendar days', () => {
    expect(isDay('2026-02-28')).toBe(true);
    expect(isDay('2026-02-30')).toBe(false);
    expect(isDay('2026-2-3')).toBe(false);
  });

  it('trusts a rollup only when it ran after the day ended plus the grace', () => {
    expect(isSettled('2026-01-01', undefined)).toBe(false);
    expect(isSettled('2026-01-01', new Date('2026-01-01T23:00:00Z'))).toBe(false);
    expect(isSettled('2026-01-01', new Date('2026-01-02T00:00:30Z'))).toBe(false);
    expect(isSettled('2026-01-01', new Date('2026-01-02T00:01:00Z'))).toBe(true);
  });

  it('goes live from the first unsettled day', () => {
    const settled = new Date('2026-01-10T00:00:00Z');
    const runs = new Map([
      ['2026-01-05', settled],
      ['2026-01-06', settled],
      ['2026-01-08', settled],
    ]);
    expect(liveFrom('2026-01-05', '2026-01-09', runs)).toBe('2026-01-07');
    expect(liveFrom('2026-01-08', '2026-01-09', runs)).toBe('2026-01-09');
  });
});
