/**
 * Light or dark: the system's setting unless the person chose one on the account screen. The
 * choice is this device's (like the system setting it overrides), kept in localStorage, and
 * applied as `data-theme` on <html>, which sets `color-scheme` and so every `light-dark()` token.
 */
import { useSyncExternalStore } from 'react';

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

const KEY = 'vw.theme';
/** The browser's bar colours, the same as --color-bg in each theme. */
const BAR = { light: '#f7f7f4', dark: '#0b0b10' } as const;
const listeners = new Set<() => void>();

export function storedTheme(): Theme {
  try {
    const value = localStorage.getItem(KEY);
    return THEMES.includes(value as Theme) ? (value as Theme) : 'system';
  } catch {
    return 'system';
  }
}

function systemPrefersLight(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: light)').matches;
}

/** The theme in force: the chosen one, or the system's. */
export function effectiveTheme(theme: Theme = storedTheme()): 'light' | 'dark' {
  if (theme !== 'system') return theme;
  return systemPrefersLight() ? 'light' : 'dark';
}

/** Applies the stored choice to the document; called once before the first render. */
export function applyTheme(theme: Theme = storedTheme()): void {
  const root = document.documentElement;
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
  document.querySelector('meta[name="theme-color"]')?.setAttribute('content', BAR[effectiveTheme(theme)]);
}

export function setTheme(theme: Theme): void {
  try {
    if (theme === 'system') localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, theme);
  } catch {
    // Storage refused (private mode): the choice holds until the page closes.
  }
  applyTheme(theme);
  for (const listener of listeners) listener();
}

/** Follows the system's setting while the choice is "system" (the bar colour changes with it). */
export function followSystemTheme(): void {
  if (typeof matchMedia !== 'function') return;
  matchMedia('(prefers-color-scheme: light)').addEventListener('change', () => applyTheme());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useTheme(): [Theme, (theme: Theme) => void] {
  const theme = useSyncExternalStore(subscribe, storedTheme, (): Theme => 'system');
  return [theme, setTheme];
}
