import { describe, expect, it } from 'vitest';
import { createProgressTracker } from './progress.js';

describe('progress tracker', () => {
  it('reports increasing whole percentages, held below 100 until the end', () => {
    const seen: number[] = [];
    const tracker = createProgressTracker(4, (p) => seen.push(p));
    for (const line of [
      'frame=1',
      'out_time_us=1000000',
      'out_time_us=1000000',
      'out_time_us=500000',
      'out_time_us=3990000',
      'out_time_us=9000000',
      'progress=end',
    ]) {
      tracker.onLine(line);
    }
    tracker.finish();
    tracker.finish();
    expect(seen).toEqual([0, 25, 99, 100]);
  });

  it('ignores malformed values', () => {
    const seen: number[] = [];
    const tracker = createProgressTracker(2, (p) => seen.push(p));
    tracker.onLine('out_time_us=N/A');
    tracker.onLine('out_time_us=-5');
    expect(seen).toEqual([0]);
  });
});
