import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const here = fileURLToPath(new URL('.', import.meta.url));
const api = `http://127.0.0.1:${process.env.PORT ?? '3000'}`;

// The API's own routes (see apps/api/src/web/web-app.ts): `npm run dev:web` sends them to the API.
const API_ROUTES = [
  '/graphql',
  '/health',
  '/verify',
  '/calendar',
  '/certificates',
  '/qr',
  '/badges',
  '/credentials',
  '/.well-known',
  '/unsubscribe',
  '/account',
  '/engagement',
  '/admin/queues',
  '^/events/[^/]+\\.ics$',
  '^/events/[^/]+/attendance\\.csv$',
];

/** A navigation to one of the API's own pages (never answered by the app's shell offline). */
const API_NAVIGATIONS = API_ROUTES.map(
  (r) => new RegExp(r.startsWith('^') ? r : `^${r.replace('.', '\\.')}(/|$|\\?)`),
);

/**
 * The installable app: manifest (Kazakh name), icons (scripts/make-icons.mjs) and a service worker
 * (Workbox, generated) that precaches the shell and every route's chunk, so a page seen once opens
 * with no network; GraphQL answers are not cached by it (POSTs, per member): My events saves its
 * own (shared/offline/cache.ts). The API serves sw.js and the manifest with no-cache.
 */
const pwa = VitePWA({
  registerType: 'autoUpdate',
  injectRegister: false, // main.tsx registers it after the first render, out of the entry's way
  includeAssets: ['favicon.svg', 'icons/apple-touch-icon.png'],
  manifest: {
    id: '/',
    name: 'Жас сайлаушылар клубы',
    short_name: 'Жас сайлаушы',
    description: 'Жамбыл облысының жас сайлаушылар клубтары: іс-шаралар, тіркелу, кіру QR коды.',
    lang: 'kk',
    dir: 'ltr',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#1c4e80',
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
  workbox: {
    globPatterns: ['**/*.{js,css,html,svg,png}'],
    // nothing big in the precache (a phone downloads all of it): charts and .wasm, when they come,
    // stay out and load on demand
    globIgnores: ['**/*.wasm', '**/*chart*'],
    maximumFileSizeToCacheInBytes: 600 * 1024,
    navigateFallback: 'index.html',
    navigateFallbackDenylist: API_NAVIGATIONS,
    cleanupOutdatedCaches: true,
    clientsClaim: true,
    skipWaiting: true,
  },
});

export default defineConfig({
  root: here,
  plugins: [react(), pwa],
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // the entry is ~150 KB gz (React, router, Mantine, i18next, urql): budget 170 KB gz, see docs
    chunkSizeWarningLimit: 600,
  },
  server: {
    port: 5173,
    proxy: Object.fromEntries(API_ROUTES.map((r) => [r, { target: api, changeOrigin: false }])),
  },
});
