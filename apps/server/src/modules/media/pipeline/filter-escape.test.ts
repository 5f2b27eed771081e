import { describe, expect, it } from 'vitest';
import { escapeFilterValue, escapeGraphLevel, escapeOptionLevel } from './filter-escape.js';

describe('filter graph escaping', () => {
  it('matches the worked example of the ffmpeg-filters manual', () => {
    const text = "this is a 'string': may contain one, or more, special characters";
    expect(escapeOptionLevel(text)).toBe("this is a \\'string\\'\\: may contain one, or more, special characters");
    expect(escapeFilterValue(text)).toBe(
      "this is a \\\\\\'string\\\\\\'\\\\: may contain one\\, or more\\, special characters",
    );
  });

  it('escapes backslashes, brackets and semicolons and leaves unicode alone', () => {
    expect(escapeGraphLevel('a\\b[c];d')).toBe('a\\\\b\\[c\\]\\;d');
    expect(escapeFilterValue('/fonts/陶器/ü.ttf')).toBe('/fonts/陶器/ü.ttf');
    expect(escapeOptionLevel(' padded ')).toBe('\\ padded\\ ');
  });
});
