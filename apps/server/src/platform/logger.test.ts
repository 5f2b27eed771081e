import { describe, expect, it } from 'vitest';
import { LOGGED_STRING_LIMIT, maskPersonalData } from './logger';

describe('masking what is logged', () => {
  it('masks addresses and phone numbers wherever they appear in a string', () => {
    expect(maskPersonalData('to rosalind.quill@example.com, x.y+z@sub.example.org and +447700900123')).toBe(
      'to r***@example.com, x***@sub.example.org and +***',
    );
  });

  it('handles a hostile megabyte of address characters in one pass and logs only the first part', () => {
    // One long run of characters an address may contain, with no "@" (or an "@" at the very end):
    // masked by scanning each position afresh, this took minutes and stalled the process.
    for (const hostile of ['a'.repeat(1_000_000), `${'.'.repeat(1_000_000)}@x`, `${'a@b'.repeat(300_000)}`]) {
      const logged = maskPersonalData(hostile);
      expect(logged.length).toBeLessThan(LOGGED_STRING_LIMIT + 40);
      expect(logged).toMatch(/…\[\d+ more characters\]$/);
    }
  });

  it('masks an address before cutting, so no part of its local part is left at the cut', () => {
    const text = `${'x '.repeat(LOGGED_STRING_LIMIT / 2 - 3)}rosalind.quill@example.com`;
    expect(maskPersonalData(text)).not.toContain('rosalind');
  });
});
