import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { queryKeys } from '../../shared/queries/keys';
import { FakeSocket } from '../../test/fake-socket';
import { renderWithApp } from '../../test/render';
import { ReconnectingBanner } from './reconnecting-banner';

const socket = (i: number) => FakeSocket.instances[i]!;

describe('ReconnectingBanner', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('says "Reconnecting…" while the connection is down, resyncs the live queries when it is back, then goes', async () => {
    const { realtime, queryClient } = renderWithApp(<ReconnectingBanner />);
    queryClient.setQueryData(queryKeys.auction('a1'), { id: 'a1', version: 3 });
    queryClient.setQueryData(queryKeys.story('s1'), { id: 's1' });
    queryClient.setQueryData(queryKeys.payment('a1'), { status: 'pending' });
    act(() => {
      realtime.subscribe('auction:a1', () => undefined);
      socket(0).open();
    });
    expect(screen.queryByText('Reconnecting…')).toBeNull();

    act(() => socket(0).drop());
    const banner = await screen.findByText('Reconnecting…');
    expect(banner.closest('[role="status"]')).not.toBeNull();
    expect(queryClient.getQueryState(queryKeys.auction('a1'))?.isInvalidated).toBe(false);

    act(() => {
      realtime.wake();
      socket(1).open();
    });
    await vi.waitFor(() => expect(screen.queryByText('Reconnecting…')).toBeNull());
    expect(queryClient.getQueryState(queryKeys.auction('a1'))?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(queryKeys.story('s1'))?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(queryKeys.payment('a1'))?.isInvalidated).toBe(true);
  });

  it('shows nothing while the first connection is being made, nor after one closed on purpose', async () => {
    const { realtime, queryClient } = renderWithApp(<ReconnectingBanner />);
    queryClient.setQueryData(queryKeys.auction('a1'), { id: 'a1', version: 3 });
    let stop = () => undefined as unknown;
    act(() => {
      stop = realtime.subscribe('auction:a1', () => undefined);
      socket(0).drop();
    });
    expect(realtime.status()).toBe('reconnecting');
    expect(screen.queryByText('Reconnecting…')).toBeNull();
    act(() => {
      realtime.wake();
      socket(1).open();
      stop();
      realtime.close();
    });
    await Promise.resolve();
    expect(screen.queryByText('Reconnecting…')).toBeNull();
    expect(queryClient.getQueryState(queryKeys.auction('a1'))?.isInvalidated).toBe(false);
  });

  it('leaves the word to the offline notice while the browser is offline', async () => {
    const { realtime } = renderWithApp(<ReconnectingBanner />);
    act(() => {
      realtime.subscribe('auction:a1', () => undefined);
      socket(0).open();
    });
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    act(() => {
      window.dispatchEvent(new Event('offline'));
      socket(0).drop();
    });
    await Promise.resolve();
    expect(screen.queryByText('Reconnecting…')).toBeNull();
  });
});
