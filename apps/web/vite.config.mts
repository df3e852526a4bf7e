import react from '@vitejs/plugin-react';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import postcss from 'postcss';
import { type Plugin, build, defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { API_PATH_PREFIXES, WEB_ACCOUNT_PAGES } from '../api/src/web/api-paths';

const here = fileURLToPath(new URL('.', import.meta.url));
const generated = fileURLToPath(new URL('./src/gql/graphql.ts', import.meta.url));

/**
 * GraphQL Code Generator's `graphql()` looks documents up in a map of EVERY document of the app
 * (src/gql/gql.ts), and bundlers split by module, not by export: either way each page would ship
 * all pages' queries in the entry chunk. Like the preset's babel plugin, this replaces each
 * graphql(`query Name ...`) in the source with its generated document (`NameDocument`, or
 * `NameFragmentDoc` for a fragment, from src/gql/graphql.ts), inlined, so a document travels with
 * the chunk that uses it. Types are unchanged (tsc still sees graphql()); a document with no
 * generated counterpart fails the build (run `npm run codegen`).
 */
function graphqlDocuments(): Plugin {
  let documents: Map<string, string> | null = null;
  const load = () => {
    const text = readFileSync(generated, 'utf8');
    const found = new Map<string, string>();
    const re = /^export const (\w+) = (\{[\s\S]*?\n\}) as unknown as DocumentNode<[^;]*>;$/gm;
    for (let m = re.exec(text); m; m = re.exec(text)) found.set(m[1], m[2]);
    return found;
  };
  return {
    name: 'yvc-graphql-documents',
    enforce: 'pre',
    buildStart() {
      documents = null;
    },
    watchChange(id) {
      if (id === generated) documents = null;
    },
    transform(code, id) {
      if (!/\.tsx?$/.test(id) || id.includes('/src/gql/') || !code.includes('graphql(`')) return null;
      documents ??= load();
      const docs = documents;
      const out = code.replace(/\bgraphql\(\s*`([^`]*)`\s*\)/g, (call, doc: string) => {
        const m = /^\s*(?:#[^\n]*\n\s*)*(query|mutation|subscription|fragment)\s+([A-Za-z_]\w*)/.exec(doc);
        const name = m && (m[1] === 'fragment' ? `${m[2]}FragmentDoc` : `${m[2]}Document`);
        const inlined = name ? docs.get(name) : undefined;
        if (!inlined)
          this.error(`${id}: no generated document for ${call.slice(0, 60)}… (run npm run codegen)`);
        return `(${inlined})`;
      });
      return { code: out, map: null };
    },
  };
}

/**
 * Mantine's one stylesheet styles all its ~100 components (240 KB, 35 KB gzipped, render-blocking)
 * while a page uses a dozen. Each component's rules are keyed by its own generated classes
 * (`.m_77c9d27d`), which only the JavaScript of the components in the bundle names; so after the
 * build this drops every selector naming an `m_` class that no chunk (entry or lazy page) names,
 * and the rules left with no selector. Everything else (variables, the reset, our CSS modules) stays.
 * Automatic for any component a page starts using: no per-component CSS imports to keep in step.
 */
function dropUnusedMantineCss(): Plugin {
  return {
    name: 'yvc-drop-unused-mantine-css',
    apply: 'build',
    enforce: 'post',
    async generateBundle(_options, bundle) {
      const used = new Set<string>();
      for (const file of Object.values(bundle))
        if (file.type === 'chunk') for (const m of file.code.matchAll(/\bm_[0-9a-f]{8}\b/g)) used.add(m[0]);
      for (const file of Object.values(bundle)) {
        if (file.type !== 'asset' || !file.fileName.endsWith('.css')) continue;
        const before = String(file.source);
        if (!/\.m_[0-9a-f]{8}\b/.test(before)) continue;
        const root = postcss.parse(before);
        root.walkRules((rule) => {
          if (rule.parent?.type === 'atrule' && /keyframes$/i.test((rule.parent as postcss.AtRule).name))
            return;
          const keep = rule.selectors.filter((sel) =>
            [...sel.matchAll(/\.(m_[0-9a-f]{8})\b/g)].every((m) => used.has(m[1])),
          );
          if (keep.length === 0) rule.remove();
          else if (keep.length < rule.selectors.length) rule.selectors = keep;
        });
        // at-rules (@media, @supports, @layer) whose rules all went
        root.walkAtRules((at) => {
          if (at.nodes && at.nodes.length === 0) at.remove();
        });
        const source = root.toString();
        // the old name's hash was made from the whole stylesheet: name the file after what it holds
        // now, or a cached copy (immutable for a year) would outlive a page that starts using a
        // component whose rules it lacks
        const hash = createHash('sha256')
          .update(source)
          .digest('base64url')
          .slice(0, 8)
          .replace(/[-_]/g, 'x');
        const oldName = file.fileName;
        const newName = oldName.replace(/-[\w-]{8}\.css$/, `-${hash}.css`);
        delete bundle[oldName];
        this.emitFile({ type: 'asset', fileName: newName, source });
        for (const other of Object.values(bundle)) {
          if (other.type === 'asset' && other.fileName.endsWith('.html'))
            other.source = String(other.source).split(oldName).join(newName);
          if (other.type !== 'chunk') continue;
          if (other.code.includes(oldName))
            this.error(
              `${other.fileName} names ${oldName}, whose content changed: it would keep its own name`,
            );
          const css = other.viteMetadata?.importedCss;
          if (css?.delete(oldName)) css.add(newName);
        }
      }
    },
  };
}

/**
 * The events list's first screen in index.html (src/prerender.tsx): after the app is written, a
 * server-side build of src/prerender.tsx draws `/` with the app's own components (Kazakh, nobody
 * signed in, no data yet) and the markup goes into `#root`, marked `data-prerendered` until the
 * app has hydrated it. It runs before the service worker is generated (vite-plugin-pwa,
 * closeBundle), so the precache's revision of index.html is the prerendered file's.
 */
function prerenderFirstScreen(): Plugin {
  let outDir = '';
  return {
    name: 'yvc-prerender-first-screen',
    apply: (config, env) => env.command === 'build' && !config.build?.ssr,
    configResolved(config) {
      outDir = config.build.outDir;
    },
    writeBundle: {
      sequential: true,
      async handler() {
        // inside the project, so that Node finds the packages the server-side bundle imports
        const cache = fileURLToPath(new URL('../../node_modules/.cache/', import.meta.url));
        mkdirSync(cache, { recursive: true });
        const tmp = mkdtempSync(join(cache, 'yvc-prerender-'));
        try {
          await build({
            configFile: false,
            root: here,
            logLevel: 'warn',
            mode: 'production',
            plugins: [graphqlDocuments(), react()],
            build: {
              ssr: 'src/prerender.tsx',
              outDir: tmp,
              emptyOutDir: true,
              target: 'node20',
              rollupOptions: { output: { entryFileNames: 'prerender.mjs' } },
            },
          });
          const { render } = (await import(pathToFileURL(join(tmp, 'prerender.mjs')).href)) as {
            render: (path: string) => Promise<string>;
          };
          const markup = await render('/');
          const file = join(outDir, 'index.html');
          const html = readFileSync(file, 'utf8');
          const root = '<div id="root"></div>';
          if (!html.includes(root)) this.error(`${file} has no ${root}`);
          writeFileSync(file, html.replace(root, `<div id="root" data-prerendered>${markup}</div>`));
        } finally {
          rmSync(tmp, { recursive: true, force: true });
        }
      },
    },
  };
}

const api = `http://127.0.0.1:${process.env.PORT ?? '3000'}`;

// The API's own routes (apps/api/src/web/api-paths.ts, and two files with extensions):
// `npm run dev:web` sends them to the API.
const API_ROUTES = [...API_PATH_PREFIXES, '^/events/[^/]+\\.ics$', '^/events/[^/]+/attendance\\.csv$'];

// the account e-mails' links that the web app answers
const bypassPages = (req: { url?: string; headers: Record<string, string | string[] | undefined> }) =>
  WEB_ACCOUNT_PAGES.includes((req.url ?? '').split('?')[0]) &&
  String(req.headers.accept).includes('text/html')
    ? '/index.html'
    : undefined;

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
/** The staff pages' chunks (named after their page component): not precached, not preloaded. */
const STAFF_PAGES = [
  'ConsolePage',
  'ConsoleEventPage',
  'EventFormPage',
  'ClubMembersPage',
  'DashboardPage',
  'AdminPage',
  'AdminShell',
  'StaffPage',
  'ClubsAdminPage',
  'ClubAdminPage',
  'MemberAdminPage',
  'CertificatesAdminPage',
  'BadgeCatalogPage',
  'ScanPage',
];

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
    // the door scanner's page and its decoder worker (jsQR) are staff-only: kept out of every
    // student's precache, and cached at run time instead once a coordinator opens the scanner
    // (runtimeCaching below, features/scanner/offlineAssets.ts)
    // The staff pages (console, dashboard, administration) are laptop pages: out of the precache too
    // (their texts with them), cached at run time when first opened.
    globIgnores: [
      '**/*.wasm',
      '**/*chart*',
      '**/ScanPage-*',
      '**/decoder.worker-*',
      ...STAFF_PAGES.map((page) => `**/${page}-*`),
    ],
    // hashed /assets/ files not precached (staff pages and their workers) are kept when first
    // fetched: they never change under one name, so the cache answers first and works offline
    runtimeCaching: [
      {
        urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/assets/'),
        handler: 'CacheFirst',
        options: { cacheName: 'yvc-assets', expiration: { maxEntries: 100, maxAgeSeconds: 90 * 24 * 3600 } },
      },
    ],
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
  plugins: [graphqlDocuments(), react(), dropUnusedMantineCss(), prerenderFirstScreen(), pwa],
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // the entry is ~150 KB gz (React, router, Mantine, i18next, urql): budget 170 KB gz, see docs
    chunkSizeWarningLimit: 600,
    // A lazy route's import carries the list of chunks to preload with it, in the entry. Staff
    // pages have long lists (tables, tabs, forms); a student's phone would download them with every
    // first visit. For those pages the list is left out: their chunks load as the page imports them.
    modulePreload: {
      resolveDependencies: (filename, deps) =>
        STAFF_PAGES.some((page) => new RegExp(`(^|/)${page}-[^/]*\\.js$`).test(filename)) ? [] : deps,
    },
  },
  server: {
    port: 5173,
    proxy: Object.fromEntries(
      API_ROUTES.map((r) => [r, { target: api, changeOrigin: false, bypass: bypassPages }]),
    ),
  },
});
