import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

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

// the account e-mails' links that the web app answers (WEB_ACCOUNT_PAGES in web-app.ts)
const WEB_ACCOUNT_PAGES = ['/account/verify-email', '/account/reset-password'];
const bypassPages = (req: { url?: string; headers: Record<string, string | string[] | undefined> }) =>
  WEB_ACCOUNT_PAGES.includes((req.url ?? '').split('?')[0]) &&
  String(req.headers.accept).includes('text/html')
    ? '/index.html'
    : undefined;

export default defineConfig({
  root: here,
  plugins: [react()],
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
    proxy: Object.fromEntries(
      API_ROUTES.map((r) => [r, { target: api, changeOrigin: false, bypass: bypassPages }]),
    ),
  },
});
