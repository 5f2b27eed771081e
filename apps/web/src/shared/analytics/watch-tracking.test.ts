import { describe, expect, it } from 'vitest';
import type { AnalyticsEvent } from './analytics-queue';
import { trackWatching } from './watch-tracking';

const STORY_ID = '5d1c7f0e-2b7b-4a53-8a41-3c0d3e1b2f44';
const MEDIA_ID = '0b8e2a4c-6a43-4f7e-9d55-1f1f3c2b9a10';

function fakeVideo(duration: number, loop = false) {
  const element = document.createElement('video');
  element.loop = loop;
  let time = 0;
  Object.defineProperty(element, 'duration', { get: () => duration });
  Object.defineProperty(element, 'currentTime', { get: () => time });
  return {
    element,
    at(seconds: number, event = 'timeupdate') {
      time = seconds;
      element.dispatchEvent(new Event(event));
    },
  };
}

describe('trackWatching', () => {
  it('reports one play when frames first show and one watch-through near the end, not again on every loop', () => {
    const events: AnalyticsEvent[] = [];
    const video = fakeVideo(20);
    const stop = trackWatching(video.element, { storyId: STORY_ID, mediaId: MEDIA_ID }, (e) => events.push(e));
    video.at(0.2, 'playing');
    video.at(5);
    video.at(18.9);
    expect(events).toEqual([{ type: 'play', storyId: STORY_ID, mediaId: MEDIA_ID, positionMs: 200 }]);
    video.at(19.1);
    video.at(0.1, 'playing'); // looped
    video.at(19.5);
    expect(events).toEqual([
      { type: 'play', storyId: STORY_ID, mediaId: MEDIA_ID, positionMs: 200 },
      { type: 'watch_through', storyId: STORY_ID, mediaId: MEDIA_ID, positionMs: 19_100, durationMs: 20_000 },
    ]);
    stop();
    video.at(1, 'playing');
    expect(events).toHaveLength(2);
  });

  it('counts a looping video that wrapped to its start from near its end as watched through', () => {
    const events: AnalyticsEvent[] = [];
    const video = fakeVideo(2, true);
    trackWatching(video.element, { storyId: STORY_ID, mediaId: null }, (e) => events.push(e));
    video.at(0, 'playing');
    video.at(1.6);
    video.at(0.9); // the viewer went back, not a wrap from near the end
    expect(events.map((e) => e.type)).toEqual(['play']);
    video.at(1.7);
    video.at(0.1); // wrapped between two timeupdates
    expect(events).toEqual([
      { type: 'play', storyId: STORY_ID, positionMs: 0 },
      { type: 'watch_through', storyId: STORY_ID, positionMs: 2000, durationMs: 2000 },
    ]);
  });

  it('counts a watch-through on `ended`, and nothing before the video has played or while its length is unknown', () => {
    const events: AnalyticsEvent[] = [];
    const unknown = fakeVideo(Number.NaN);
    trackWatching(unknown.element, { storyId: STORY_ID, mediaId: null }, (e) => events.push(e));
    unknown.at(100);
    unknown.at(0, 'playing');
    unknown.at(100);
    expect(events).toEqual([{ type: 'play', storyId: STORY_ID, positionMs: 0 }]);

    const short = fakeVideo(10);
    const more: AnalyticsEvent[] = [];
    trackWatching(short.element, { storyId: STORY_ID, mediaId: null }, (e) => more.push(e));
    short.at(9.9);
    expect(more).toEqual([]);
    short.at(0, 'playing');
    short.at(10, 'ended');
    expect(more.map((e) => e.type)).toEqual(['play', 'watch_through']);
  });
});
