import { lingui } from '@lingui/vite-plugin';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/** Paths the server answers itself: the service worker must never serve the app shell for them. */
const SERVER_PATHS = [
  /^\/v1\//,
  /^\/docs/,
  /^\/openapi\.json/,
  /^\/health/,
  /^\/ready/,
  /^\/metrics/,
  /^\/\.well-known\//,
];

export default defineConfig({
  plugins: [
    react(),
    // Macros (<Trans>, t) compiled natively; .po catalogs compiled on import, and a build fails
    // when a language lacks a message.
    lingui({
      macroTransform: true,
      failOnMissing: true,
      failOnCompileError: true,
      configPath: `${import.meta.dirname}/lingui.config.ts`,
    }),
    VitePWA({
      registerType: 'autoUpdate',
      // Registered from src/app/register-service-worker.ts: the server's CSP forbids inline scripts.
      injectRegister: false,
      includeAssets: ['favicon.svg', 'apple-touch-icon.png', 'push-handler.js'],
      manifest: {
        name: 'Video Window',
        short_name: 'Video Window',
        description: 'One-of-a-kind handmade pieces, told in short videos. Watch, bid, own.',
        lang: 'en',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        background_color: '#0b0b10',
        theme_color: '#0b0b10',
        categories: ['shopping', 'lifestyle'],
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // The app shell and every screen's chunk, so the app opens (and navigates) offline.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: SERVER_PATHS,
        // API answers, media and HLS are never cached: they are per-user, short-lived or signed.
        runtimeCaching: [],
        cleanupOutdatedCaches: true,
        // Web push display and clicks live in a small hand-written worker script.
        importScripts: ['/push-handler.js'],
      },
    }),
  ],
  build: {
    target: 'es2022',
    sourcemap: 'hidden',
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: {
      '/v1': { target: 'http://localhost:8080', ws: true },
      '/.well-known': 'http://localhost:8080',
    },
  },
});
