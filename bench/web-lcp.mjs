#!/usr/bin/env node
// The events list's Largest Contentful Paint on a slow phone: a report, not a timed test.
//   node bench/web-lcp.mjs [--runs 7] [--path /] [--database yvc_bench_web] [--port 3410]
//        [--tree head|worktree] [--skip-build] [--rtt 150] [--down 1600] [--up 750] [--cpu 4]
// It finds (or starts) PostgreSQL and Redis like `npm start`, makes the database fresh (DROP and
// CREATE), builds the last commit (git archive HEAD into a temporary directory, `npm run build`
// there, web app included, once per commit; --tree worktree: this checkout's dist/, rebuilt when
// older than the sources), loads the demo region like `npm start` (migrate, badges:import,
// seed:demo), starts that API (NODE_ENV=production, serving dist/web with compression) on 127.0.0.1
// and opens the events list in Debian's Chromium (/usr/bin/chromium, or CHROMIUM_PATH) through
// playwright-core at 390x844 (mobile, DPR 1.75, as Lighthouse's phone), with Chromium's own
// emulation of a slow phone on every page (CDP): Network.emulateNetworkConditions (--rtt ms,
// --down / --up kbit/s: Lighthouse's mobile profile, 150 ms, 1.6 Mbit/s, 750 kbit/s) and
// Emulation.setCPUThrottlingRate (--cpu, 4x). Each run: a fresh browser context (empty cache,
// storage, service worker) opens the page (first visit), waits for the event cards, reads the LCP
// (PerformanceObserver 'largest-contentful-paint', buffered: the last entry's startTime), then a new
// page in the same context opens it again (repeat visit: HTTP cache, and the service worker if the
// app has one, warm). Prints per run and the median and p75 of LCP, FCP, response start and bytes,
// and what the LCP element was; goals (issue 12): 2.5 s first visit, 1 s repeat visit. Exit code 1
// only when a page did not show the events; timings are printed, never asserted.
// --waterfall: also prints run 1's requests (first and repeat visit): when each started and ended
// after the navigation, its bytes and where it came from (network, HTTP cache, service worker), and
// the main thread's long tasks: where the time before the first paint goes.
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { ensureServices } from '../scripts/services.mjs';
import { pickPort, reportApiLog, startApi } from './lib/api.mjs';
import { cli, credentialKeys, prepareBuild, productionEnv } from './lib/build.mjs';
import { cleanupStack, printVerdict, runMain } from './lib/cleanup.mjs';
import { assertBenchDatabaseName, assertLocalServer, freshDatabase, redact } from './lib/db.mjs';
import { loadAverage, ms, quantile } from './lib/stats.mjs';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    path: { type: 'string', default: '/' },
    database: { type: 'string', default: 'yvc_bench_web' },
    port: { type: 'string', default: '3410' },
    tree: { type: 'string', default: 'head' },
    'skip-build': { type: 'boolean', default: false },
    rtt: { type: 'string', default: '150' },
    down: { type: 'string', default: '1600' },
    up: { type: 'string', default: '750' },
    cpu: { type: 'string', default: '4' },
    waterfall: { type: 'boolean', default: false },
  },
});
const RUNS = Number(values.runs);
const RTT = Number(values.rtt);
const DOWN_KBPS = Number(values.down);
const UP_KBPS = Number(values.up);
const CPU = Number(values.cpu);
for (const [name, v] of Object.entries({ runs: RUNS, rtt: RTT, down: DOWN_KBPS, up: UP_KBPS, cpu: CPU })) {
  if (!(v >= (name === 'rtt' ? 0 : 1))) throw new Error(`--${name} must be a positive number`);
}
if (!values.path.startsWith('/')) throw new Error('--path must start with /');
assertBenchDatabaseName(values.database, 'yvc_bench_web');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FIRST_GOAL = 2500;
const REPEAT_GOAL = 1000;

const log = (msg) => console.log(`[web-lcp] ${msg}`);
const { defer, cleanup } = cleanupStack(log);

// page.evaluate callbacks run in the browser
/* global document, window */

/** The slow phone on this page's CDP session (emulation is per page, so every new page gets it). */
async function throttle(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: RTT,
    downloadThroughput: (DOWN_KBPS * 1000) / 8,
    uploadThroughput: (UP_KBPS * 1000) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU });
  return cdp;
}

/** Opens `url` in a new page of `context`, waits for the events, reads the paint timings. */
async function visit(context, url, waterfall = false) {
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  const cdp = await throttle(context, page);
  let bytes = 0;
  let requests = 0;
  const seen = new Map();
  cdp.on('Network.requestWillBeSent', (e) => {
    if (!seen.has(e.requestId)) seen.set(e.requestId, { url: e.request.url, start: e.timestamp });
  });
  cdp.on('Network.responseReceived', (e) => {
    const r = seen.get(e.requestId);
    if (r) r.source = e.response.fromServiceWorker ? 'sw' : e.response.fromDiskCache ? 'cache' : 'net';
  });
  cdp.on('Network.loadingFinished', (e) => {
    bytes += e.encodedDataLength;
    requests += 1;
    const r = seen.get(e.requestId);
    if (r) Object.assign(r, { end: e.timestamp, bytes: e.encodedDataLength });
  });
  if (waterfall)
    await page.addInitScript(() => {
      window.__longTasks = [];
      new PerformanceObserver((l) =>
        window.__longTasks.push(...l.getEntries().map((t) => [t.startTime, t.duration])),
      ).observe({ type: 'longtask', buffered: true });
    });
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  // the list is there: the count line (rendered with the query's answer), then a quiet moment so
  // that the last LCP candidate (a card's text, the heading) has been painted and reported
  await page.locator('[data-testid="events-count"]').waitFor({ timeout: 120_000 });
  await page.waitForLoadState('networkidle', { timeout: 120_000 });
  await page.waitForTimeout(500);
  const paint = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const entries = [];
        new PerformanceObserver((list) => entries.push(...list.getEntries())).observe({
          type: 'largest-contentful-paint',
          buffered: true,
        });
        setTimeout(() => {
          const last = entries.at(-1);
          const el = last?.element;
          const nav = performance.getEntriesByType('navigation')[0];
          const fcp = performance.getEntriesByName('first-contentful-paint')[0];
          resolve({
            lcp: last?.startTime ?? null,
            element: el
              ? `<${el.tagName.toLowerCase()}${el.dataset?.testid ? ` data-testid=${el.dataset.testid}` : ''}> "${(el.textContent ?? '').trim().slice(0, 40)}"`
              : last?.url || '(none)',
            fcp: fcp?.startTime ?? null,
            responseStart: nav?.responseStart ?? null,
            domContentLoaded: nav?.domContentLoadedEventEnd ?? null,
            cards: document.querySelectorAll('main h2, main h3').length,
            longTasks: window.__longTasks ?? [],
            entries: entries.map(
              (e) =>
                `${Math.round(e.startTime)} ms ${e.size} px² ${e.element ? `<${e.element.tagName.toLowerCase()}>` : '(removed)'}`,
            ),
          });
        }, 100);
      }),
  );
  await page.close();
  if (waterfall) {
    const all = [...seen.values()].sort((a, b) => a.start - b.start);
    const t0 = all[0]?.start ?? 0;
    const at = (t) => (t === undefined ? '-' : String(Math.round((t - t0) * 1000)));
    console.log('');
    console.log('| start ms | end ms | KB | from | request |');
    console.log('|---:|---:|---:|---|---|');
    for (const r of all)
      console.log(
        `| ${at(r.start)} | ${at(r.end)} | ${((r.bytes ?? 0) / 1024).toFixed(1)} | ${r.source ?? '-'} | ${r.url.replace(/^https?:\/\/[^/]+/, '')} |`,
      );
    console.log(`LCP entries: ${paint.entries.join('; ')}`);
    console.log(
      `long tasks (start+duration ms): ${paint.longTasks.map(([s, d]) => `${Math.round(s)}+${Math.round(d)}`).join(', ') || 'none'}; LCP ${Math.round(paint.lcp)} ms`,
    );
    console.log('');
  }
  return { ...paint, bytes, requests, problems };
}

async function main() {
  const loadAtStart = loadAverage();
  const services = await ensureServices({ log });
  defer(() => services.stop());
  assertLocalServer(services.databaseServerUrl);
  const { env } = productionEnv(services, { database: values.database, redisPrefix: 'yvc-bench-web' });
  const build = prepareBuild({
    tree: values.tree,
    skipBuild: values['skip-build'],
    needs: ['dist/web/index.html'],
    log,
  });
  log(
    `database ${values.database} on ${redact(services.databaseServerUrl)} (fresh), redis ${services.redisUrl}`,
  );
  await freshDatabase(services.databaseServerUrl, values.database);
  cli(build.root, env, 'migrate');
  cli(build.root, env, 'badges:import');
  credentialKeys(build.root, env, defer);
  const t0 = performance.now();
  cli(build.root, env, 'seed:demo');
  log(`demo region loaded (${((performance.now() - t0) / 1000).toFixed(1)} s)`);

  const port = await pickPort(Number(values.port));
  const api = await startApi({ root: build.root, env, port, defer });
  const url = `${api.base}${values.path}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'],
  });
  defer(() => browser.close());
  log(
    `${url} (${build.label}), ${browser.version()}, ${cpus().length} x ${cpus()[0]?.model ?? '?'}, ` +
      `${(totalmem() / 2 ** 30).toFixed(0)} GB, node ${process.version}, load average ${loadAtStart}`,
  );
  log(
    `emulation: ${RTT} ms RTT, ${DOWN_KBPS} kbit/s down, ${UP_KBPS} kbit/s up, CPU ${CPU}x slower, 390x844 mobile DPR 1.75`,
  );

  // warm-up (not measured): the API's JIT, pools and caches; the page once without throttling
  {
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const p = await ctx.newPage();
    await p.goto(url);
    await p.locator('[data-testid="events-count"]').waitFor({ timeout: 60_000 });
    await ctx.close();
  }

  const rows = [];
  console.log('');
  console.log(
    '| run | visit | LCP ms | FCP ms | response start ms | DOMContentLoaded ms | requests | KB transferred | LCP element |',
  );
  console.log('|---:|---|---:|---:|---:|---:|---:|---:|---|');
  for (let i = 1; i <= RUNS; i++) {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 1.75,
      isMobile: true,
      hasTouch: true,
      locale: 'kk-KZ',
      timezoneId: 'Asia/Almaty',
    });
    for (const kind of ['first', 'repeat']) {
      const r = await visit(context, url, values.waterfall);
      rows.push({ kind, ...r });
      console.log(
        `| ${i} | ${kind} | ${ms(r.lcp, 0)} | ${ms(r.fcp, 0)} | ${ms(r.responseStart, 0)} | ${ms(r.domContentLoaded, 0)} | ${r.requests} | ${(r.bytes / 1024).toFixed(1)} | ${r.element.replace(/\|/g, '/')} |`,
      );
    }
    await context.close();
  }
  await api.stop();
  reportApiLog(api.problems, log);

  console.log('');
  console.log(
    '| visit | runs | LCP median ms | LCP p75 ms | FCP median ms | KB transferred (median) | goal |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---|');
  const failures = [];
  for (const [kind, goal] of [
    ['first', FIRST_GOAL],
    ['repeat', REPEAT_GOAL],
  ]) {
    const these = rows.filter((r) => r.kind === kind);
    const lcp = these.map((r) => r.lcp).filter((v) => v !== null);
    const p50 = quantile(lcp, 0.5);
    const p75 = quantile(lcp, 0.75, { rank: 'ceil' });
    const verdict = p75 <= goal ? 'met (p75)' : p50 <= goal ? 'median only' : 'MISSED';
    console.log(
      `| ${kind} | ${lcp.length} | ${ms(p50, 0)} | ${ms(p75, 0)} | ${ms(
        quantile(
          these.map((r) => r.fcp ?? NaN),
          0.5,
        ),
        0,
      )} | ${(
        quantile(
          these.map((r) => r.bytes),
          0.5,
        ) / 1024
      ).toFixed(1)} | ${goal} ms: ${verdict} |`,
    );
    if (lcp.length < these.length)
      failures.push(`${kind} visit: no LCP entry in ${these.length - lcp.length} run(s)`);
    for (const r of these) for (const p of r.problems) failures.push(`${kind} visit: ${p}`);
  }
  log(`load average at the end ${loadAverage()}`);
  printVerdict(
    'web-lcp',
    failures,
    'every run showed the events list; the goals above are figures, not a verdict',
  );
}

runMain(main, 'web-lcp', cleanup);
