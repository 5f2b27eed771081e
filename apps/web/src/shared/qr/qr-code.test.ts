import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { encodeQr } from './qr-code';

/** Reads a symbol back the way a camera would: a picture with the quiet zone, scanned by jsQR. */
function scan(modules: boolean[][], scale = 4, quiet = 4): string | undefined {
  const side = (modules.length + quiet * 2) * scale;
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
  modules.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (!dark) return;
      for (let dy = 0; dy < scale; dy += 1) {
        for (let dx = 0; dx < scale; dx += 1) {
          const offset = (((y + quiet) * scale + dy) * side + (x + quiet) * scale + dx) * 4;
          pixels.fill(0, offset, offset + 3);
        }
      }
    }),
  );
  return jsQR(pixels, side, side, { inversionAttempts: 'dontInvert' })?.data;
}

const render = (modules: boolean[][]) => modules.map((row) => row.map((d) => (d ? '#' : '.')).join(''));

describe('encodeQr', () => {
  it('encodes a short text as a version-1 symbol that scans back to the text', () => {
    const modules = encodeQr('hello');
    expect(modules).toHaveLength(21);
    expect(scan(modules)).toBe('hello');
  });

  it('grows the version with the text; an authenticator URL scans back whole', () => {
    const url = `otpauth://totp/Video%20Window:maker%40example.com?secret=${'A'.repeat(32)}&issuer=Video%20Window`;
    const modules = encodeQr(url);
    const size = modules.length;
    expect((size - 17) % 4).toBe(0);
    expect(size).toBeGreaterThan(21);
    for (const [x, y] of [
      [0, 0],
      [size - 7, 0],
      [0, size - 7],
    ] as const) {
      expect(render(modules.slice(y, y + 7).map((r) => r.slice(x, x + 7)))).toEqual([
        '#######',
        '#.....#',
        '#.###.#',
        '#.###.#',
        '#.###.#',
        '#.....#',
        '#######',
      ]);
    }
    expect(scan(modules)).toBe(url);
  });

  it('keeps text beyond ASCII intact', () => {
    expect(scan(encodeQr('Töpferei – Schale №3'))).toBe('Töpferei – Schale №3');
  });
});
