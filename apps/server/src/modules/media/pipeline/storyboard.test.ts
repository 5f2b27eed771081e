import { describe, expect, it } from 'vitest';
import { buildStoryboardVtt, layoutStoryboard, planStoryboard } from './storyboard.js';

describe('storyboard', () => {
  it('plans one thumbnail per interval, sized to the canvas shape', () => {
    expect(planStoryboard(3, { width: 360, height: 640 })).toEqual({
      intervalSeconds: 2,
      count: 2,
      thumbWidth: 144,
      thumbHeight: 256,
    });
    expect(planStoryboard(4, { width: 360, height: 640 }).count).toBe(2);
    expect(planStoryboard(0.4, { width: 100, height: 176 })).toMatchObject({
      count: 1,
      thumbWidth: 100,
      thumbHeight: 176,
    });
  });

  it('lengthens the interval so a long clip stays within 100 thumbnails', () => {
    expect(planStoryboard(180, { width: 1080, height: 1920 }, 1)).toMatchObject({ intervalSeconds: 2, count: 90 });
    expect(planStoryboard(180, { width: 1080, height: 1920 }, 1).count).toBeLessThanOrEqual(100);
  });

  it('lays out rows of at most ten, never more thumbnails than planned', () => {
    const plan = planStoryboard(180, { width: 1080, height: 1920 });
    expect(layoutStoryboard(plan, 90)).toMatchObject({ count: 90, columns: 10, rows: 9 });
    expect(layoutStoryboard(plan, 91)).toMatchObject({ count: 90, columns: 10, rows: 9 });
    expect(layoutStoryboard(plan, 23)).toMatchObject({ count: 23, columns: 10, rows: 3 });
    expect(layoutStoryboard(planStoryboard(3, { width: 360, height: 640 }), 2)).toMatchObject({ columns: 2, rows: 1 });
  });

  it('indexes each thumbnail by time and position', () => {
    const layout = layoutStoryboard(planStoryboard(25, { width: 360, height: 640 }), 13);
    const vtt = buildStoryboardVtt(layout, 25, 'storyboard.jpg');
    const lines = vtt.split('\n');
    expect(lines[0]).toBe('WEBVTT');
    expect(vtt).toContain('00:00:00.000 --> 00:00:02.000\nstoryboard.jpg#xywh=0,0,144,256');
    expect(vtt).toContain('00:00:20.000 --> 00:00:22.000\nstoryboard.jpg#xywh=0,256,144,256');
    expect(vtt).toContain('00:00:24.000 --> 00:00:25.000\nstoryboard.jpg#xywh=288,256,144,256');
    expect(lines.filter((l) => l.includes('-->'))).toHaveLength(13);
  });
});
