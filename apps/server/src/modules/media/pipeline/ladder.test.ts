import { describe, expect, it } from 'vitest';
import { chooseLadder } from './ladder.js';

const names = (width: number, height: number): string[] => chooseLadder({ width, height }).rungs.map((r) => r.name);

describe('chooseLadder', () => {
  it('keeps only the rungs at or below the source, judged by its short side', () => {
    expect(names(1080, 1920)).toEqual(['1080p', '720p', '480p']);
    expect(names(2160, 3840)).toEqual(['1080p', '720p', '480p']);
    expect(names(720, 1280)).toEqual(['720p', '480p']);
    expect(names(1000, 1778)).toEqual(['720p', '480p']);
    expect(names(480, 854)).toEqual(['480p']);
    expect(names(1920, 1080)).toEqual(['1080p', '720p', '480p']);
    expect(names(1280, 720)).toEqual(['720p', '480p']);
  });

  it('composes on the top rung and fills a 9:16 source, blur-pads anything else', () => {
    expect(chooseLadder({ width: 1080, height: 1920 })).toMatchObject({
      fit: 'fill',
      canvas: { width: 1080, height: 1920 },
    });
    expect(chooseLadder({ width: 1080, height: 1916 }).fit).toBe('fill');
    expect(chooseLadder({ width: 1920, height: 1080 })).toMatchObject({
      fit: 'blur_pad',
      canvas: { width: 1080, height: 1920 },
    });
    expect(chooseLadder({ width: 1080, height: 1350 }).fit).toBe('blur_pad');
    expect(chooseLadder({ width: 1000, height: 1000 })).toMatchObject({
      fit: 'blur_pad',
      canvas: { width: 720, height: 1280 },
    });
  });

  it('gives a source below the smallest rung one rung of its own, 9:16 with even sides', () => {
    const portrait = chooseLadder({ width: 360, height: 640 });
    expect(portrait.rungs).toHaveLength(1);
    expect(portrait.rungs[0]).toMatchObject({ name: '360p', width: 360, height: 640 });
    expect(portrait.fit).toBe('fill');

    const odd = chooseLadder({ width: 641, height: 361 }).rungs[0];
    expect(odd).toMatchObject({ width: 360, height: 640 });
    const tiny = chooseLadder({ width: 101, height: 177 }).rungs[0];
    expect(tiny).toMatchObject({ width: 100, height: 176 });
    expect(((tiny?.width ?? 1) % 2) + ((tiny?.height ?? 1) % 2)).toBe(0);
  });

  it('gives every rung a bitrate that shrinks with its size', () => {
    const rungs = chooseLadder({ width: 1080, height: 1920 }).rungs;
    const rates = rungs.map((r) => r.videoMaxrateKbps);
    expect(rates).toEqual([...rates].sort((a, b) => b - a));
    const own = chooseLadder({ width: 240, height: 426 }).rungs[0];
    expect(own?.videoMaxrateKbps).toBeGreaterThanOrEqual(250);
    expect(own?.videoMaxrateKbps).toBeLessThan(rates[rates.length - 1] ?? 0);
  });
});
