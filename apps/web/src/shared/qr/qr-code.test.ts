import { describe, expect, it } from 'vitest';
import { encodeQr } from './qr-code';

// Checked with a real scanner (zbarimg decodes it as "hello").
const HELLO = [
  '#######..##...#######',
  '#.....#..##...#.....#',
  '#.###.#..#..#.#.###.#',
  '#.###.#...##..#.###.#',
  '#.###.#..##.#.#.###.#',
  '#.....#.#..##.#.....#',
  '#######.#.#.#.#######',
  '...........##........',
  '#..#.##.##...#.#.....',
  '..#.##....#...#....##',
  '...##.####..##...##.#',
  '###.##..#..#.....#.##',
  '.##.#.##..#.#.#.#....',
  '........##.#...##.#.#',
  '#######...#..#.#.###.',
  '#.....#.#.####.##....',
  '#.###.#....#..###...#',
  '#.###.#.##.#...#.####',
  '#.###.#..##.#...#.#.#',
  '#.....#..##..##......',
  '#######.#####..#.#.#.',
];

const render = (modules: boolean[][]) => modules.map((row) => row.map((d) => (d ? '#' : '.')).join(''));

describe('encodeQr', () => {
  it('encodes a short text as the version-1 symbol a scanner reads', () => {
    expect(render(encodeQr('hello'))).toEqual(HELLO);
  });

  it('grows the version with the text and keeps the finder patterns and dark module', () => {
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
    expect(modules[size - 8]?.[8]).toBe(true);
  });
});
