import type { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import type { NextFunction, Request, Response } from 'express';
import { existsSync, readFileSync } from 'node:fs';
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

/**
 * Compression for every text answer (the API's JSON too), then the built web app from the same
 * origin: hashed files under /assets/ cached for a year, everything else (index.html, sw.js, the
 * manifest, icons) revalidated on each use; any other GET for a page (no file extension, not an
 * API path, asking for HTML) is the SPA's index.html. Without a build (API tests, or before the
 * first `vite build`) only compression is added and the API runs as before.
 */
export function mountWebApp(app: NestExpressApplication, dir = webDistDir()): boolean {
  app.use(compression());
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return false;
  const entryPageHeaders = entryHeaders(readFileSync(index, 'utf8'));
  app.useStaticAssets(dir, {
    index: false,
    redirect: false,
    setHeaders: (res, path) => {
      const rel = path.slice(dir.length).replace(/\\/g, '/');
      res.setHeader(
        'Cache-Control',
        rel.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
      res.setHeader('X-Content-Type-Options', 'nosniff');
      // the service worker precaches /index.html and answers every navigation with it, headers
      // included: it must carry the entry page's CSP like the SPA fallback below
      if (rel === '/index.html') res.set(entryPageHeaders);
    },
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    const path = req.path;
    const page =
      (req.method === 'GET' || req.method === 'HEAD') &&
      (!isApiPath(path) || WEB_ACCOUNT_PAGES.includes(path)) &&
      !/\.[A-Za-z0-9]+$/.test(path) &&
      // a browser's navigation says so; a script's fetch or a bare client does not get the app
      (req.headers.accept ?? '').includes('text/html');
    if (!page) return next();
    res.set(entryPageHeaders);
    res.sendFile(index, (err) => err && next(err));
  });
  return true;
}
