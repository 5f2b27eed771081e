import { describe, expect, it } from 'vitest';
import { assertValidKey, assertValidPrefix, contentTypeForKey, resolveRange } from './keys.js';

describe('storage keys', () => {
  it('accepts plain relative keys', () => {
    for (const key of ['a', 'videos/v1/720p/seg_001.m4s', 'a/b c/ü.txt', 'a/b..c']) {
      expect(() => assertValidKey(key)).not.toThrow();
    }
  });

  it('rejects escapes, absolute paths, NUL and hidden segments', () => {
    for (const key of [
      '..',
      'a/..',
      '../a',
      '/a',
      'a\u0000',
      'a\nb',
      'a\\b',
      'a//b',
      'a/',
      '',
      '.x',
      'x'.repeat(1025),
    ]) {
      expect(() => assertValidKey(key), JSON.stringify(key)).toThrow(
        expect.objectContaining({ code: 'storage_key_invalid' }),
      );
    }
  });

  it('accepts empty, slash-terminated and partial prefixes only', () => {
    for (const prefix of ['', 'a/', 'a/b', 'videos/v1']) expect(() => assertValidPrefix(prefix)).not.toThrow();
    for (const prefix of ['/', '//', '../', 'a/..', '/a/']) {
      expect(() => assertValidPrefix(prefix), prefix).toThrow(
        expect.objectContaining({ code: 'storage_prefix_invalid' }),
      );
    }
  });

  it('derives content types from the extension', () => {
    expect(contentTypeForKey('v/master.m3u8')).toBe('application/vnd.apple.mpegurl');
    expect(contentTypeForKey('v/720p/init_0.mp4')).toBe('video/mp4');
    expect(contentTypeForKey('v/storyboard.VTT')).toBe('text/vtt; charset=utf-8');
    expect(contentTypeForKey('v/.hidden')).toBe('application/octet-stream');
    expect(contentTypeForKey('v/noext')).toBe('application/octet-stream');
  });

  it('resolves ranges against the size', () => {
    expect(resolveRange({ start: 0 }, 10)).toEqual({ start: 0, end: 9 });
    expect(resolveRange({ start: 3, end: 99 }, 10)).toEqual({ start: 3, end: 9 });
    expect(() => resolveRange({ start: 10 }, 10)).toThrow(
      expect.objectContaining({ code: 'storage_range_not_satisfiable' }),
    );
    expect(() => resolveRange({ start: 1.5 }, 10)).toThrow(expect.objectContaining({ code: 'storage_range_invalid' }));
  });
});
