import { describe, expect, it } from 'vitest';
import { resolveTrim } from './trim.js';

describe('resolveTrim', () => {
  it('keeps the whole source when no trim is asked', () => {
    expect(resolveTrim(undefined, 12.5)).toEqual({
      startSeconds: 0,
      endSeconds: 12.5,
      durationSeconds: 12.5,
      trims: false,
    });
    expect(resolveTrim({}, 0.4).trims).toBe(false);
  });

  it('resolves open ends and clamps the end to the source', () => {
    expect(resolveTrim({ startMs: 1500 }, 10)).toMatchObject({
      startSeconds: 1.5,
      endSeconds: 10,
      durationSeconds: 8.5,
      trims: true,
    });
    expect(resolveTrim({ endMs: 60_000 }, 10)).toMatchObject({ startSeconds: 0, endSeconds: 10, trims: false });
  });

  it.each([
    [{ startMs: -1 }],
    [{ startMs: 1.5 }],
    [{ startMs: 10_000 }],
    [{ startMs: 5000, endMs: 5500 }],
    [{ startMs: 6000, endMs: 5000 }],
  ])('rejects %j', (trim) => {
    expect(() => resolveTrim(trim, 10)).toThrow(expect.objectContaining({ code: 'trim_invalid' }));
  });
});
