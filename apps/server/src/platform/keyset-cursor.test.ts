import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeCursor, decodeCursorText, encodeCursor, pageOf } from './keyset-cursor';

describe('keyset cursors', () => {
  it('round-trip a position and refuse anything else', () => {
    const position = { at: new Date('2026-05-01T10:00:00.123Z'), id: randomUUID() };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
    expect(encodeCursor(position)).toMatch(/^[A-Za-z0-9_-]+$/);
    for (const bad of [
      '',
      'x',
      Buffer.from('[]').toString('base64url'),
      Buffer.from('{"t":"2026","i":"1"}').toString('base64url'),
      Buffer.from(`2026-05-01T10:00:00Z|${randomUUID()}`).toString('base64url'),
      Buffer.from(JSON.stringify({ t: 'not-a-date', i: randomUUID() })).toString('base64url'),
      Buffer.from(JSON.stringify({ t: '2026-05-01T10:00:00Z', i: "'; drop" })).toString('base64url'),
    ]) {
      expect(() => decodeCursor(bad)).toThrow(expect.objectContaining({ code: 'invalid_cursor' }));
    }
  });

  it('split a limit+1 read into a page and the next cursor', () => {
    const rows = [1, 2, 3].map((n) => ({ at: new Date(n * 1000), id: randomUUID() }));
    const full = pageOf(rows, 2, (r) => r);
    expect(full.items).toEqual(rows.slice(0, 2));
    expect(decodeCursor(full.nextCursor!)).toEqual(rows[1]);
    expect(pageOf(rows, 3, (r) => r)).toEqual({ items: rows, nextCursor: null });
  });
});

describe('a cursor over the database text of a time', () => {
  it('keeps the microseconds a JS date would drop', () => {
    const position = { at: '2026-05-01 10:00:00.123456+00', id: randomUUID() };
    expect(decodeCursorText(encodeCursor(position))).toEqual(position);
  });
});
