import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { act } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { listenForInstallPrompt } from '../../shared/pwa/install-prompt';
import { renderWithI18n } from '../../test/render';
import { InstallApp } from './install-app';

const IPHONE_SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1';
const IPHONE_CHROME =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/138.0 Mobile/15E148 Safari/604.1';

/** The browser offers to install: a `beforeinstallprompt` whose dialog answers `outcome`. */
function offerInstall(outcome: 'accepted' | 'dismissed') {
  const event = new Event('beforeinstallprompt', { cancelable: true }) as Event & {
    prompt: () => Promise<void>;
    userChoice: Promise<{ outcome: string }>;
  };
  event.prompt = vi.fn(async () => undefined);
  event.userChoice = Promise.resolve({ outcome });
  act(() => {
    window.dispatchEvent(event);
  });
  return event;
}

describe('InstallApp', () => {
  beforeAll(() => listenForInstallPrompt());
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('offers "Install app" once the browser allows it and shows the browser’s dialog when pressed', async () => {
    renderWithI18n(<InstallApp />);
    expect(screen.queryByRole('button', { name: 'Install app' })).toBeNull();
    const event = offerInstall('accepted');
    expect(event.defaultPrevented).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Install app' }));
    expect(event.prompt).toHaveBeenCalledOnce();
    expect(await screen.findByText(/is installed/i)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Install app' })).toBeNull();
  });

  it('forgets the offer once the app is installed another way', () => {
    renderWithI18n(<InstallApp />);
    offerInstall('dismissed');
    expect(screen.getByRole('button', { name: 'Install app' })).toBeTruthy();
    act(() => {
      window.dispatchEvent(new Event('appinstalled'));
    });
    expect(screen.queryByRole('button', { name: 'Install app' })).toBeNull();
  });

  it('explains Add to Home Screen in Safari on an iPhone, which notifications need there', () => {
    vi.spyOn(navigator, 'userAgent', 'get').mockReturnValue(IPHONE_SAFARI);
    renderWithI18n(<InstallApp />);
    const hint = screen.getByRole('region', { name: 'Add to Home Screen' });
    expect(hint.textContent).toMatch(/notifications/i);
    expect(hint.textContent).toMatch(/Share/);
  });

  it('says nothing in another iPhone browser, nor once the app runs from the Home Screen', () => {
    vi.spyOn(navigator, 'userAgent', 'get').mockReturnValue(IPHONE_CHROME);
    const { container, unmount } = renderWithI18n(<InstallApp />);
    expect(container.innerHTML).toBe('');
    unmount();
    vi.spyOn(navigator, 'userAgent', 'get').mockReturnValue(IPHONE_SAFARI);
    Object.defineProperty(navigator, 'standalone', { value: true, configurable: true });
    const installed = renderWithI18n(<InstallApp />);
    expect(installed.container.innerHTML).toBe('');
    Reflect.deleteProperty(navigator, 'standalone');
  });
});
