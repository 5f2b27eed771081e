import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyTheme, effectiveTheme } from '../../shared/theme/theme';
import { renderWithApp } from '../../test/render';
import { AppearanceSetting } from './appearance-setting';

function systemPrefers(scheme: 'light' | 'dark') {
  vi.stubGlobal(
    'matchMedia',
    (query: string) =>
      ({
        matches: query === `(prefers-color-scheme: ${scheme})`,
        addEventListener: () => undefined,
      }) as unknown as MediaQueryList,
  );
}

afterEach(() => {
  localStorage.clear();
  delete document.documentElement.dataset.theme;
  vi.unstubAllGlobals();
});

describe('appearance', () => {
  it('follows the device until a theme is chosen, then keeps the choice on this device', async () => {
    systemPrefers('light');
    const meta = document.createElement('meta');
    meta.name = 'theme-color';
    document.head.append(meta);
    applyTheme();
    expect(document.documentElement.dataset.theme).toBeUndefined();
    expect(effectiveTheme()).toBe('light');
    expect(meta.getAttribute('content')).toBe('#f7f7f4');

    renderWithApp(<AppearanceSetting />);
    const select = screen.getByLabelText('Appearance');
    expect((select as HTMLSelectElement).value).toBe('system');
    await userEvent.selectOptions(select, 'Dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(localStorage.getItem('vw.theme')).toBe('dark');
    expect(meta.getAttribute('content')).toBe('#0b0b10');

    await userEvent.selectOptions(select, 'Same as this device');
    expect(document.documentElement.dataset.theme).toBeUndefined();
    expect(localStorage.getItem('vw.theme')).toBeNull();
    meta.remove();
  });

  it('applies a stored choice at start, and ignores a value it does not know', () => {
    systemPrefers('dark');
    localStorage.setItem('vw.theme', 'light');
    applyTheme();
    expect(document.documentElement.dataset.theme).toBe('light');
    localStorage.setItem('vw.theme', 'sepia');
    applyTheme();
    expect(document.documentElement.dataset.theme).toBeUndefined();
    expect(effectiveTheme()).toBe('dark');
  });
});
