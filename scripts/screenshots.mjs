#!/usr/bin/env node
// The README's screenshots, made again from a running app with the demo data (`npm start`):
//   node scripts/screenshots.mjs [--url http://localhost:3000] [--out docs/screenshots] [--only events,login]
// For each page in PAGES, at a phone's size (390x844) and a laptop's (1280x800), in Kazakh, Debian's
// Chromium (/usr/bin/chromium, or CHROMIUM_PATH) through playwright-core opens the page (logging
// in as the demo student first when the page needs it), waits until it is ready and saves what
// the screen shows as docs/screenshots/<name>-<phone|laptop>.png. When ImageMagick's `convert` is
// on the PATH the PNGs are reduced to a 256-colour palette (a third of the size or less; UI
// screenshots lose nothing visible). Look at each PNG before committing it.
// A new page: add an entry to PAGES (and a line to the README's gallery).
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { ROOT } from './services.mjs';

/* global document, localStorage */ // (in page.evaluate / addInitScript: the browser's)

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: process.env.PUBLIC_URL ?? 'http://localhost:3000' },
    out: { type: 'string', default: join(ROOT, 'docs', 'screenshots') },
    only: { type: 'string' },
  },
});
const BASE = values.url.replace(/\/$/, '');
const STUDENT = { email: 'student@demo.yvc.kz', password: 'Demo-2026!' };
const COORDINATOR = { email: 'coordinator01@demo.yvc.kz', password: 'Demo-2026!' };
const TARAZ_OFFICER = { email: 'commission.taraz@demo.yvc.kz', password: 'Demo-2026!' };
const SIZES = { phone: { width: 390, height: 844 }, laptop: { width: 1280, height: 800 } };

/**
 * The pages, in the README's order. `path`: where to go, or a function of the page that finds it
 * (e.g. an event's address from the list); `member`: log in as the demo student first (`staff`: as
 * the demo coordinator; `as`: as another demo account); `ready`: a selector that is on the page once its data has arrived.
 */
const PAGES = [
  { name: 'events', path: '/', ready: '[data-testid="event-card"]' },
  {
    name: 'event',
    path: async (page) => {
      await page.goto(`${BASE}/`);
      const link = page.locator('[data-testid="event-card"] a[href^="/events/"]').first();
      await link.waitFor();
      return link.getAttribute('href');
    },
    ready: 'main h1',
  },
  { name: 'login', path: '/login', ready: 'form input[type=email]' },
  { name: 'me', path: '/me', member: true, ready: 'main h1' },
  { name: 'signup', path: '/signup', ready: 'form input[type=email]' },
  { name: 'my-events', path: '/my-events', member: true, ready: 'main h2' },
  { name: 'badges', path: '/me/badges', member: true, ready: 'main h1' },
  { name: 'settings', path: '/me/settings', member: true, ready: 'main form' },
  {
    name: 'certificate',
    path: '/me/certificate',
    member: true,
    prepare: ensureCertificate,
    ready: '[data-testid="certificate-qr"] img',
  },
  {
    name: 'notifications',
    path: '/notifications',
    member: true,
    prepare: ensureNotification,
    ready: '[data-testid="notification"]',
  },
  // the coordinator's console
  { name: 'console', path: '/console', staff: true, ready: '[data-testid="console-club"]' },
  {
    name: 'console-club',
    staff: true,
    path: async (page) => {
      await page.goto(`${BASE}/console`);
      const link = page.locator('[data-testid="console-club"] a').first();
      await link.waitFor();
      return link.getAttribute('href');
    },
    ready: '[data-testid="club-member"]',
  },
  {
    name: 'console-event',
    staff: true,
    path: async (page) => {
      await page.goto(`${BASE}/console?status=COMPLETED`);
      const link = page.locator('[data-testid="console-event"] a').first();
      await link.waitFor();
      return `${await link.getAttribute('href')}`;
    },
    ready: '[data-testid="person"]',
  },
  { name: 'console-event-new', path: '/console/events/new', staff: true, ready: '[data-testid="title"]' },
  // administration (issue 14), as the Taraz commission officer
  { name: 'admin-clubs', path: '/admin/clubs', as: TARAZ_OFFICER, ready: '[data-testid="admin-club"]' },
  {
    name: 'admin-club',
    path: (page) => firstLink(page, '/admin/clubs', '[data-testid="admin-club"] a[href^="/admin/clubs/"]'),
    as: TARAZ_OFFICER,
    ready: '[data-testid="club-member"]',
  },
  {
    name: 'admin-member',
    path: async (page) =>
      firstLink(
        page,
        await firstLink(page, '/admin/clubs', '[data-testid="admin-club"] a[href^="/admin/clubs/"]'),
        '[data-testid="club-member"] a',
      ),
    as: TARAZ_OFFICER,
    ready: '[data-testid="member-badge"]',
  },
];

/** The address of the first link matching `selector` on the page at `path`. */
async function firstLink(page, path, selector) {
  await page.goto(`${BASE}${path}`);
  const link = page.locator(selector).first();
  await link.waitFor();
  return link.getAttribute('href');
}

async function logIn(page, account = STUDENT) {
  await page.goto(`${BASE}/login`);
  await page.locator('input[type=email]').fill(account.email);
  await page.locator('input[type=password]').fill(account.password);
  await page.locator('form button[type=submit]').click();
  await page.locator('nav a[href="/me"]').waitFor({ state: 'attached' });
}

/** One GraphQL call to the app (as the demo accounts would make it); throws on an error. */
async function gql(query, variables = {}, token) {
  const res = await fetch(`${BASE}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'apollo-require-preflight': 'true',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors)
    throw new Error(`${query.slice(0, 40)}…: ${body.errors[0].extensions?.code ?? body.errors[0].message}`);
  return body.data;
}

const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken member { id } } }`;
const login = (email) => gql(LOGIN, { e: email, p: STUDENT.password }).then((d) => d.login);

/** The demo student holds a membership certificate (issued by the demo administrator once). */
async function ensureCertificate() {
  const student = await login(STUDENT.email);
  const { me } = await gql(`{ me { certificate { status } } }`, {}, student.accessToken);
  if (me.certificate?.status === 'VALID') return;
  const admin = await login('admin@demo.yvc.kz');
  await gql(
    `mutation($m: ID!) { issueCertificate(memberId: $m) { id } }`,
    { m: student.member.id },
    admin.accessToken,
  );
}

/**
 * The demo student has something in the notification list: a registration for an upcoming event
 * they are not registered for yet (the worker then writes its notification; waited for here).
 */
async function ensureNotification() {
  const student = await login(STUDENT.email);
  const count = async () =>
    (await gql(`{ notifications(first: 1) { totalCount } }`, {}, student.accessToken)).notifications
      .totalCount;
  if ((await count()) > 0) return;
  const { publicEvents } = await gql(`{ publicEvents(first: 20) { edges { node { id seatsLeft } } } }`);
  for (const { node } of publicEvents.edges.filter((e) => e.node.seatsLeft > 0)) {
    const registered = await gql(
      `mutation($id: ID!) { registerForEvent(eventId: $id) { id } }`,
      { id: node.id },
      student.accessToken,
    ).then(
      () => true,
      () => false, // already registered there: the next one
    );
    if (registered) break;
  }
  for (let i = 0; i < 60 && (await count()) === 0; i++) await new Promise((r) => setTimeout(r, 1000));
}

/** Smaller PNGs with what is on the PATH: pngquant (a 256-colour palette), then optipng (lossless). */
function shrink(file) {
  const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'pipe' }).status === 0;
  const quantised = run('pngquant', [
    '--quality=80-100',
    '--strip',
    '--skip-if-larger',
    '--force',
    '--output',
    file,
    file,
  ]);
  const optimised = run('optipng', ['-quiet', '-o2', '-strip', 'all', file]);
  return quantised || optimised;
}

async function main() {
  const health = await fetch(`${BASE}/health/ready`).catch(() => null);
  if (!health?.ok) throw new Error(`no ready app at ${BASE}: run npm start first (or pass --url)`);
  mkdirSync(values.out, { recursive: true });
  const only = values.only?.split(',');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--hide-scrollbars'],
  });
  try {
    for (const p of PAGES.filter((x) => !only || only.includes(x.name))) {
      await p.prepare?.();
      for (const [size, viewport] of Object.entries(SIZES)) {
        const context = await browser.newContext({
          viewport,
          locale: 'kk-KZ',
          timezoneId: 'Asia/Almaty',
          reducedMotion: 'reduce',
        });
        await context.addInitScript(() => localStorage.setItem('yvc.lang', 'kk'));
        const page = await context.newPage();
        if (p.member || p.staff || p.as) await logIn(page, p.as ?? (p.staff ? COORDINATOR : STUDENT));
        const path = typeof p.path === 'function' ? await p.path(page) : p.path;
        await page.goto(`${BASE}${path}`);
        await page.locator(p.ready).first().waitFor();
        await page.waitForLoadState('networkidle');
        // no caret or focus ring caught mid-blink
        await page.evaluate(() => document.activeElement?.blur?.());
        const file = join(values.out, `${p.name}-${size}.png`);
        await page.screenshot({ path: file, animations: 'disabled' });
        const before = statSync(file).size;
        const shrunk = shrink(file);
        console.log(
          `${file.replace(`${ROOT}/`, '')}: ${path}, ${viewport.width}x${viewport.height}, ${(statSync(file).size / 1024).toFixed(0)} KB${shrunk ? ` (from ${(before / 1024).toFixed(0)} KB)` : ''}`,
        );
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
}

main().catch((err) => {
  console.error(`[screenshots] ${err.message}`);
  process.exit(1);
});
