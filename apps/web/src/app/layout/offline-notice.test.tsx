import { act, screen } from '@testing-library/react';
import { renderWithI18n } from '../../test/render';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OfflineNotice } from './offline-notice';

const setOnline = (online: boolean) => {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(online);
  window.dispatchEvent(new Event(online ? 'online' : 'offline'));
};

describe('OfflineNotice', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('appears when the browser goes offline and goes when it is back', () => {
    renderWithI18n(<OfflineNotice />);
    expect(screen.queryByText(/you’re offline/i)).toBeNull();
    act(() => setOnline(false));
    const notice = screen.getByText(/you’re offline/i);
    expect(notice.closest('[role="status"]')).not.toBeNull();
    act(() => setOnline(true));
    expect(screen.queryByText(/you’re offline/i)).toBeNull();
  });

  it('shows at once when the app opens offline', () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    renderWithI18n(<OfflineNotice />);
    expect(screen.getByText(/you’re offline/i)).toBeTruthy();
  });
});
