import { registerSW } from 'virtual:pwa-register';

/**
 * Registers the service worker that precaches the app shell (so the app opens offline). It never
 * caches API answers or media; new versions activate on the next launch.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  void registerSW({ immediate: true });
}
