import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestApi } from './helpers/test-api';

/** The API serves the built web app from the same origin; its own routes stay its own. */
describe('serving the web app (e2e)', () => {
  let api: TestApi;
  let dir: string;
  const INLINE = "document.documentElement.setAttribute('data-x', '1');";
  const INDEX = `<!doctype html><html lang="kk"><head><script>${INLINE}</script></head><body><div id="root"></div>web-app-index</body></html>`;

  beforeAll(async () => {
    // a build of our own, so this test does not depend on vite's output names
    dir = mkdtempSync(join(tmpdir(), 'yvc-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), INDEX);
    writeFileSync(
      join(dir, 'assets', 'index-AbC123.js'),
      `console.log(${JSON.stringify('x'.repeat(4000))});`,
    );
    writeFileSync(join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    writeFileSync(join(dir, 'manifest.webmanifest'), '{"name":"yvc"}');
    api = await TestApi.start({ WEB_DIST_DIR: dir });
  });
  afterAll(async () => {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const page = (path: string) =>
    api.http.get(path).set('Accept', 'text/html,application/xhtml+xml,*/*;q=0.8');

  it('serves index.html for the app routes, no-cache, with a CSP', async () => {
    for (const path of [
      '/',
      '/events/5c3f0a7e-8b7e-4f7e-9a3e-0d6f2b0c1a11',
      '/login',
      '/me',
      '/some/deep/route',
      // the account e-mails' links: the web app's pages when it is built
      '/account/verify-email?token=abc',
      '/account/reset-password?token=abc',
    ]) {
      const res = await page(path);
      expect(res.status).toBe(200);
      expect(res.text).toContain('web-app-index');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    }
  });

  it("allows the entry page's own inline script by its hash, and no other inline script", async () => {
    const csp = String((await page('/')).headers['content-security-policy']);
    const hash = createHash('sha256').update(INLINE, 'utf8').digest('base64');
    const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1];
    expect(scriptSrc).toBe(`'self' 'sha256-${hash}'`);
    expect(csp).not.toContain("unsafe-inline' ; script");
  });

  it('caches hashed assets for a year, gzips text, revalidates the service worker and manifest', async () => {
    const asset = await api.http.get('/assets/index-AbC123.js').set('Accept-Encoding', 'gzip');
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-encoding']).toBe('gzip');
    for (const f of ['/sw.js', '/manifest.webmanifest']) {
      const res = await api.http.get(f);
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
    }
    expect((await api.http.get('/sw.js')).headers['content-type']).toMatch(/javascript/);
    expect((await api.http.get('/manifest.webmanifest')).headers['content-type']).toMatch(
      /application\/manifest\+json/,
    );
    // the service worker precaches /index.html and answers navigations with it: same CSP
    const index = await api.http.get('/index.html');
    expect(index.headers['cache-control']).toBe('no-cache');
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    const missing = await api.http.get('/assets/index-gone.js');
    expect(missing.status).toBe(404);
  });

  it("leaves the API's routes to the API: GraphQL, health, files and pages keep working, unknown ones 404", async () => {
    const gql = await api.gql(`{ units { code } }`);
    expect(gql.data.units.length).toBeGreaterThan(5);
    expect((await api.http.get('/health/live')).status).toBe(200);
    expect((await page('/.well-known/jwks.json')).headers['content-type']).toMatch(/json/);
    // a client not asking for HTML still gets the API's own page behind the e-mail link
    const verifyEmail = await api.http.get('/account/verify-email?token=nope').set('Accept-Language', 'en');
    expect(verifyEmail.text).toContain('This link is invalid or has expired.');
    const ev = await api.event();
    const ics = await api.http.get(`/events/${ev.id}.ics`);
    expect(ics.status).toBe(200);
    expect(ics.headers['content-type']).toMatch(/text\/calendar/);
    // GET /graphql* stays Apollo's (its landing page outside production), never the SPA
    expect((await page('/graphql/nope')).text).not.toContain('web-app-index');
    for (const path of [
      '/health/nope',
      '/verify/nope/more',
      '/calendar/nope.ics',
      '/certificates/nope.pdf',
      '/qr/nope',
      '/badges/nope/more',
      '/credentials/nope',
      '/.well-known/nope',
      '/account/nope',
      '/engagement/nope.csv',
      '/events/nope.ics',
      '/events/5c3f0a7e-8b7e-4f7e-9a3e-0d6f2b0c1a11/attendance.csv',
      '/check-in/nope',
      '/favicon-missing.png',
    ]) {
      const res = await page(path);
      expect({ path, spa: res.text.includes('web-app-index') }).toEqual({ path, spa: false });
      expect({ path, status: res.status }).toEqual({ path, status: expect.any(Number) as number });
      expect({ path, ok: res.status >= 400 }).toEqual({ path, ok: true });
    }
    // JSON clients (fetch without Accept: text/html) never get the SPA either
    expect((await api.http.get('/nope').set('Accept', 'application/json')).status).toBe(404);
  });

  it('boots without a web build (the API alone)', async () => {
    const bare = await TestApi.start({ WEB_DIST_DIR: join(dir, 'missing') });
    try {
      expect((await bare.gql(`{ units { code } }`)).data.units.length).toBeGreaterThan(5);
      expect((await bare.http.get('/').set('Accept', 'text/html')).status).toBe(404);
      // without the web app, the e-mail links keep their server pages
      const verify = await bare.http
        .get('/account/verify-email?token=nope')
        .set('Accept', 'text/html')
        .set('Accept-Language', 'en');
      expect(verify.text).toContain('This link is invalid or has expired.');
    } finally {
      await bare.close();
    }
  });
});
