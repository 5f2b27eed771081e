import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { renderWithI18n } from '../../test/render';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PlayerMode } from './media-playback';
import { VideoPlayer } from './video-player';

type Listener = (event: string, data: unknown) => void;

const fake = vi.hoisted(() => {
  /** Stands in for hls.js: records what the player asks of it and lets a test emit its events. */
  class FakeHls {
    static instances: FakeHls[] = [];
    static Events = {
      MANIFEST_PARSED: 'hlsManifestParsed',
      FRAG_LOADED: 'hlsFragLoaded',
      SUBTITLE_TRACKS_UPDATED: 'hlsSubtitleTracksUpdated',
      ERROR: 'hlsError',
    };
    static ErrorTypes = { NETWORK_ERROR: 'networkError', MEDIA_ERROR: 'mediaError', OTHER_ERROR: 'otherError' };
    static isSupported() {
      return true;
    }
    calls: string[] = [];
    sources: string[] = [];
    destroyed = false;
    subtitleDisplay = false;
    subtitleTrack = -1;
    subtitleTracks: unknown[] = [];
    /** Three renditions, as the transcoder's ladder makes. */
    levels: unknown[] = [{}, {}, {}];
    private listeners = new Map<string, Listener[]>();
    constructor(readonly config: Record<string, unknown>) {
      FakeHls.instances.push(this);
    }
    on(event: string, listener: Listener) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    }
    emit(event: string, data: unknown = {}) {
      for (const listener of this.listeners.get(event) ?? []) listener(event, data);
    }
    loadSource(url: string) {
      this.sources.push(url);
    }
    attachMedia() {
      this.calls.push('attachMedia');
    }
    startLoad(position = -1) {
      this.calls.push(`startLoad(${position})`);
    }
    stopLoad() {
      this.calls.push('stopLoad');
    }
    pauseBuffering() {
      this.calls.push('pauseBuffering');
    }
    resumeBuffering() {
      this.calls.push('resumeBuffering');
    }
    recoverMediaError() {
      this.calls.push('recoverMediaError');
    }
    swapAudioCodec() {
      this.calls.push('swapAudioCodec');
    }
    destroy() {
      this.destroyed = true;
    }
  }
  return { FakeHls, report: vi.fn(() => Promise.resolve()) };
});

vi.mock('./load-hls', () => ({ loadHls: () => Promise.resolve(fake.FakeHls) }));
vi.mock('../analytics/report-playback-error', () => ({ reportPlaybackError: fake.report }));

const MEDIA_ID = '0b8e2a4c-6a43-4f7e-9d55-1f1f3c2b9a10';
const STORY_ID = '5d1c7f0e-2b7b-4a53-8a41-3c0d3e1b2f44';
const SRC = `/v1/play/tok1/${MEDIA_ID}/master.m3u8`;

const fatal = (details: string, code?: number, type = 'networkError') => ({
  type,
  details,
  fatal: true,
  ...(code === undefined ? {} : { response: { code, text: '' } }),
});

function player(mode: PlayerMode, extra: { onExpired?: () => void } = {}) {
  return (
    <VideoPlayer
      src={SRC}
      mode={mode}
      muted
      label="Video: Walnut bowl"
      sessionId={null}
      storyId={STORY_ID}
      {...extra}
    />
  );
}

async function attached() {
  await act(async () => {
    await Promise.resolve();
  });
  const hls = fake.FakeHls.instances.at(-1);
  if (!hls) throw new Error('no hls.js instance');
  return hls;
}

describe('VideoPlayer', () => {
  let play: ReturnType<typeof vi.spyOn>;

  beforeEach(() => {
    fake.FakeHls.instances = [];
    fake.report.mockClear();
    play = vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
    vi.spyOn(HTMLMediaElement.prototype, 'pause').mockImplementation(() => undefined);
    vi.spyOn(HTMLMediaElement.prototype, 'load').mockImplementation(() => undefined);
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('starts loading once the master playlist is parsed, and an idle item pauses buffering instead of stopping', async () => {
    const view = renderWithI18n(player('active'));
    const hls = await attached();
    // The source is absolute: the server hands out relative URLs when no CDN is configured.
    expect(hls.sources).toEqual([`http://localhost:8080${SRC}`]);
    expect(hls.calls).toEqual(['attachMedia']);
    act(() => hls.emit('hlsManifestParsed'));
    expect(hls.calls).toEqual(['attachMedia', 'startLoad(-1)']);
    expect(play).toHaveBeenCalled();

    view.rerender(player('idle'));
    view.rerender(player('active'));
    expect(hls.calls).toEqual(['attachMedia', 'startLoad(-1)', 'pauseBuffering', 'resumeBuffering']);
  });

  it('keeps a start asked for before the master playlist arrived, even after going idle meanwhile', async () => {
    const view = renderWithI18n(player('preload'));
    const hls = await attached();
    view.rerender(player('idle'));
    view.rerender(player('active'));
    act(() => hls.emit('hlsManifestParsed'));
    expect(hls.calls).toEqual(['attachMedia', 'startLoad(-1)']);
  });

  it('sends every request with the freshest token, relative URLs included', async () => {
    renderWithI18n(player('active'));
    const hls = await attached();
    const xhrSetup = hls.config.xhrSetup as (xhr: { open: (...args: unknown[]) => void }, url: string) => void;
    const open = vi.fn();
    xhrSetup({ open }, SRC);
    expect(open).toHaveBeenCalledWith('GET', `http://localhost:8080${SRC}`, true);
    xhrSetup({ open }, `http://localhost:8080/v1/play/tok0/${MEDIA_ID}/720p/seg_001.m4s`);
    expect(open).toHaveBeenLastCalledWith(
      'GET',
      `http://localhost:8080/v1/play/tok1/${MEDIA_ID}/720p/seg_001.m4s`,
      true,
    );
  });

  it('shows a segment that is gone as a failure with Retry, reports it, and plays again on Retry', async () => {
    renderWithI18n(player('active'));
    const first = await attached();
    act(() => first.emit('hlsManifestParsed'));
    act(() => first.emit('hlsError', fatal('fragLoadError', 404)));

    expect(screen.getByRole('alert').textContent).toMatch(/This video cannot play right now/);
    expect(first.calls).toContain('stopLoad');
    expect(fake.report).toHaveBeenCalledTimes(1);
    expect(fake.report).toHaveBeenCalledWith(
      expect.objectContaining({
        failure: { cause: 'not_found', detail: 'fragLoadError' },
        storyId: STORY_ID,
        mediaId: MEDIA_ID,
      }),
    );

    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    const second = await attached();
    expect(second).not.toBe(first);
    expect(first.destroyed).toBe(true);
    expect(screen.queryByRole('alert')).toBeNull();
    act(() => second.emit('hlsManifestParsed'));
    expect(second.calls).toEqual(['attachMedia', 'startLoad(-1)']);
  });

  it('tells the viewer at once when every rendition answers that its segment is gone', async () => {
    renderWithI18n(player('active'));
    const hls = await attached();
    act(() => hls.emit('hlsManifestParsed'));
    const gone = { ...fatal('fragLoadError', 404), fatal: false };
    // hls.js tries the segment in another rendition after each of the first two.
    act(() => hls.emit('hlsError', gone));
    act(() => hls.emit('hlsError', gone));
    expect(screen.queryByRole('alert')).toBeNull();
    // A segment arriving means the stream plays: the count starts again.
    act(() => hls.emit('hlsFragLoaded'));
    act(() => hls.emit('hlsError', gone));
    act(() => hls.emit('hlsError', gone));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(hls.calls).not.toContain('stopLoad');

    act(() => hls.emit('hlsError', gone));
    expect(screen.getByRole('alert').textContent).toMatch(/This video cannot play right now/);
    expect(hls.calls).toContain('stopLoad');
    expect(fake.report).toHaveBeenCalledWith(
      expect.objectContaining({ failure: { cause: 'not_found', detail: 'fragLoadError' } }),
    );
  });

  it('does not count a slow or failing server as a segment that is gone', async () => {
    renderWithI18n(player('active'));
    const hls = await attached();
    act(() => hls.emit('hlsManifestParsed'));
    for (let i = 0; i < 5; i++) act(() => hls.emit('hlsError', { ...fatal('fragLoadError', 503), fatal: false }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(hls.calls).not.toContain('stopLoad');
  });

  it('renews a refused token twice, then gives up on the third refusal', async () => {
    vi.useFakeTimers();
    const onExpired = vi.fn();
    renderWithI18n(player('active', { onExpired }));
    const hls = await attached();
    act(() => hls.emit('hlsManifestParsed'));

    act(() => hls.emit('hlsError', fatal('levelLoadError', 403)));
    expect(onExpired).toHaveBeenCalledTimes(1);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1500);
    });
    expect(hls.calls.filter((c) => c === 'startLoad(-1)')).toHaveLength(2);
    act(() => hls.emit('hlsError', fatal('fragLoadError', 403)));
    expect(onExpired).toHaveBeenCalledTimes(2);
    expect(screen.queryByRole('alert')).toBeNull();

    act(() => hls.emit('hlsError', fatal('fragLoadError', 403)));
    expect(screen.getByRole('alert').textContent).toMatch(/not available to you/);
    expect(fake.report).toHaveBeenCalledWith(
      expect.objectContaining({ failure: { cause: 'token_refused', detail: 'fragLoadError' } }),
    );
  });

  it('loads a master playlist that did not arrive again, rather than waiting for it forever', async () => {
    vi.useFakeTimers();
    renderWithI18n(player('active'));
    const hls = await attached();
    act(() => hls.emit('hlsError', fatal('manifestLoadError', 0)));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(2000);
    });
    expect(hls.sources).toHaveLength(2);
    act(() => hls.emit('hlsManifestParsed'));
    expect(hls.calls).toContain('startLoad(-1)');
  });

  it('ignores errors hls.js recovers from by itself', async () => {
    renderWithI18n(player('active'));
    const hls = await attached();
    act(() => hls.emit('hlsError', { type: 'mediaError', details: 'bufferStalledError', fatal: false }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(fake.report).not.toHaveBeenCalled();
  });
});
