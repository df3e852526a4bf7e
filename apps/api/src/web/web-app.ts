import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync, readFileSync } from 'node:fs';
import type { FastifyReply } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { join, resolve } from 'node:path';
import { API_PATH_PREFIXES, WEB_ACCOUNT_PAGES } from './api-paths';
import { entryHeaders } from './entry-headers';

export { API_PATH_PREFIXES, WEB_ACCOUNT_PAGES };

/** Where `vite build` puts the web app (WEB_DIST_DIR moves it), relative to the working directory. */
export function webDistDir(): string {
  return resolve(process.env.WEB_DIST_DIR ?? join(process.cwd(), 'dist', 'web'));
}

const isApiPath = (path: string) =>
  API_PATH_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`) || path.startsWith(`${p}?`));

const ENTRY = '/index.html';

/** True when the web app is built in `dir` (else the API runs alone). */
export const webAppBuilt = (dir: string) => existsSync(join(dir, 'index.html'));

/**
 * The SPA fallback, as Fastify's `rewriteUrl` (it runs before routing): any GET or HEAD for a page
 * (no file extension, not an API path or one of the account pages the app answers, asking for
 * HTML: a browser's navigation says so, a script's fetch or a bare client does not) is routed to
 * /index.html, which the static files below serve with the entry page's headers. Undefined
 * without a build.
 */
export function spaRewrite(dir = webDistDir()): ((req: IncomingMessage) => string) | undefined {
  if (!webAppBuilt(dir)) return undefined;
  return (req) => {
    const url = req.url ?? '/';
    if (req.method !== 'GET' && req.method !== 'HEAD') return url;
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    const page =
      (!isApiPath(path) || WEB_ACCOUNT_PAGES.includes(path)) &&
      !/\.[A-Za-z0-9]+$/.test(path) &&
      (req.headers.accept ?? '').includes('text/html');
    return page ? ENTRY : url;
  };
}

/**
 * Compression for every text answer over 1 KB (the API's JSON too; gzip or deflate, as before),
 * then the built web app from the same origin: hashed files under /assets/ cached for a year,
 * everything else (index.html, sw.js, the manifest, icons) revalidated on each use; pages reach
 * /index.html through spaRewrite. Without a build (API tests, or before the first `vite build`)
 * only compression is added and the API runs as before.
 */
export async function mountWebApp(app: NestFastifyApplication, dir = webDistDir()): Promise<boolean> {
  await app.register(fastifyCompress, { global: true, threshold: 1024, encodings: ['gzip', 'deflate'] });
  if (!webAppBuilt(dir)) return false;
  const entryPageHeaders = entryHeaders(readFileSync(join(dir, 'index.html'), 'utf8'));
  await app.register(fastifyStatic, {
    root: dir,
    prefix: '/',
    index: false,
    redirect: false,
    wildcard: true,
    // the queue dashboard registers its own copy (with reply.sendFile) in its own scope
    decorateReply: false,
    setHeaders: (reply: FastifyReply, path: string) => {
      const rel = path.slice(dir.length).replace(/\\/g, '/');
      reply.header(
        'Cache-Control',
        rel.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
      reply.header('X-Content-Type-Options', 'nosniff');
      // the service worker precaches /index.html and answers every navigation with it, headers
      // included: it must carry the entry page's CSP (pages reach it through spaRewrite)
      if (rel === ENTRY) reply.headers(entryPageHeaders);
    },
  });
  return true;
}
