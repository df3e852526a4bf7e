#!/usr/bin/env node
// What a phone downloads to show the web app's student pages: a report, not a timed test.
//   node bench/web-bundle.mjs [--dist <dir>] [--keep]
// Builds this checkout's apps/web with Vite into a temporary directory (`vite build --manifest`,
// dist/web is left alone; --dist reads a build made with --manifest instead) and, from Vite's
// manifest, prints gzipped (zlib level 6, what the API's `compression` sends):
//   - the first load: the entry chunk and every chunk it imports statically (what index.html loads
//     and modulepreloads), then for each route of apps/web/src/app/routes.tsx the extra chunks of
//     its lazy page (its own chunk and its static imports; its dynamic imports load later) and the
//     total for a first visit straight to that route;
//   - the CSS of the entry and of each route;
//   - the service worker's precache, when the build has one (sw.js / service-worker.js / workbox-*.js
//     at the top of the build): the files of the build its text names, raw (what Cache Storage
//     keeps and what Workbox's size limits count) and gzipped.
// Budgets (issue 12): the first-load JavaScript of every student route <= 170 KB gzipped; the
// precache < 1 MB (raw). Issue 13: the door scanner's JavaScript beyond the app's first load (its
// page's chunks, the workers those chunks start, its feature catalogue in Kazakh) <= 60 KB gzipped. Prints PASS or FAIL per budget and exits 0 either way (it is a report);
// a failed build exits 1. Staff pages (routes or files named staff, coordinator, commission, admin,
// scan..., console, dashboard) are listed but kept out of the student budget.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { ROOT } from '../scripts/services.mjs';

const { values } = parseArgs({
  options: {
    dist: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});

const KB = 1024;
const FIRST_LOAD_BUDGET = 170 * KB;
const PRECACHE_BUDGET = 1024 * KB;
const SCANNER_BUDGET = 60 * KB;
const STAFF = /(staff|coordinator|commission|admin|scan|console|dashboard)/i;
const log = (msg) => console.log(`[web-bundle] ${msg}`);

function build() {
  const out = mkdtempSync(join(tmpdir(), 'yvc-web-bundle-'));
  const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
  const args = ['build', '--config', 'apps/web/vite.config.mts', '--logLevel', 'warn'];
  const res = spawnSync(process.execPath, [vite, ...args, '--outDir', out, '--emptyOutDir', '--manifest'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (res.status !== 0) throw new Error(`vite build failed (exit ${res.status})`);
  return out;
}

const sizes = new Map();
/** { raw, gz } bytes of a file of the build (`rel` from its top). */
function size(dir, rel) {
  const key = join(dir, rel);
  if (!sizes.has(key)) {
    const bytes = readFileSync(key);
    sizes.set(key, { raw: bytes.length, gz: gzipSync(bytes, { level: 6 }).length });
  }
  return sizes.get(key);
}
const sum = (dir, files) =>
  [...files].reduce(
    (acc, f) => {
      const s = size(dir, f);
      return { raw: acc.raw + s.raw, gz: acc.gz + s.gz };
    },
    { raw: 0, gz: 0 },
  );
const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;

/** The chunk `key` and its static imports, transitively: { js: Set<file>, css: Set<file> }. */
function closure(manifest, key, seen = { js: new Set(), css: new Set(), keys: new Set() }) {
  if (seen.keys.has(key)) return seen;
  seen.keys.add(key);
  const chunk = manifest[key];
  if (!chunk) throw new Error(`the manifest has no ${key}`);
  if (chunk.file.endsWith('.js')) seen.js.add(chunk.file);
  for (const css of chunk.css ?? []) seen.css.add(css);
  for (const dep of chunk.imports ?? []) closure(manifest, dep, seen);
  return seen;
}
const minus = (a, b) => new Set([...a].filter((x) => !b.has(x)));

/**
 * The routes of routes.tsx: for each lazy `import('...')`, the nearest `path: '...'` (or `index`)
 * before it in the same object, as a label. Nested routes show their own segment only.
 */
function routeLabels() {
  const text = readFileSync(join(ROOT, 'apps/web/src/app/routes.tsx'), 'utf8');
  const labels = new Map();
  const re = /import\(\s*'([^']+)'\s*\)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const before = text.slice(0, m.index);
    const open = before.lastIndexOf('{');
    const own = before.slice(open);
    const path = /path:\s*'([^']*)'/.exec(own)?.[1];
    const label =
      path !== undefined ? `/${path}`.replace(/^\/\//, '/') : /index:\s*true/.test(own) ? '/' : '?';
    const src = join('apps/web/src/app', m[1]).replace(/^apps\/web\//, '');
    labels.set(src, label);
  }
  return labels;
}

function precache(dir) {
  const files = readdirSync(dir).filter((f) => /^(sw|service-worker|workbox-[^/]*)\.js$/.test(f));
  if (!files.length) return null;
  const all = new Set();
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== '.vite') walk(p);
      } else all.add(relative(dir, p));
    }
  };
  walk(dir);
  const named = new Set();
  for (const f of files) {
    const text = readFileSync(join(dir, f), 'utf8');
    // Workbox's manifest entries: {url:"…",revision:…} (minified) or "url": "…"; matching any quoted
    // string instead falls out of step at the loader's template literals
    for (const m of text.matchAll(/\burl"?\s*:\s*"([^"\s]{1,300})"/g)) {
      const rel = m[1].replace(/^\.?\//, '').replace(/[?#].*$/, '');
      if (all.has(rel) && !files.includes(rel)) named.add(rel);
    }
  }
  return { workers: files, files: named };
}

function main() {
  const dir = values.dist ? resolve(values.dist) : build();
  try {
    const manifestPath = join(dir, '.vite/manifest.json');
    if (!existsSync(manifestPath))
      throw new Error(
        `${manifestPath} is missing: build with \`vite build --manifest\` (or leave out --dist)`,
      );
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    const head = spawnSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
    const dirty = spawnSync('git', ['status', '--porcelain', 'apps/web'], { cwd: ROOT, encoding: 'utf8' });
    log(
      `${values.dist ? `build in ${dir}` : 'this checkout built into a temporary directory'}; commit ${head.stdout.trim()}${dirty.stdout.trim() ? ' + uncommitted changes in apps/web' : ''}; ${new Date().toISOString()}`,
    );

    const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
    const entry = closure(manifest, entryKey);
    const entryJs = sum(dir, entry.js);
    const entryCss = sum(dir, entry.css);
    const html = size(dir, 'index.html');

    console.log('');
    console.log('First load, entry (index.html and what it loads before any page):');
    console.log('| file | raw | gzip |');
    console.log('|---|---:|---:|');
    const rows = [...entry.js].map((f) => ({ f, ...size(dir, f) })).sort((a, b) => b.gz - a.gz);
    for (const r of rows) console.log(`| ${r.f} | ${kb(r.raw)} | ${kb(r.gz)} |`);
    for (const f of entry.css)
      console.log(`| ${f} (CSS) | ${kb(size(dir, f).raw)} | ${kb(size(dir, f).gz)} |`);
    console.log(`| index.html | ${kb(html.raw)} | ${kb(html.gz)} |`);
    console.log(`| **entry JavaScript** | ${kb(entryJs.raw)} | **${kb(entryJs.gz)}** |`);
    console.log(`| **entry CSS** | ${kb(entryCss.raw)} | **${kb(entryCss.gz)}** |`);

    const labels = routeLabels();
    const pages = Object.keys(manifest)
      .filter((k) => manifest[k].isDynamicEntry && manifest[k].src)
      .map((k) => {
        const src = manifest[k].src;
        const label = labels.get(src.replace(/\.(tsx|ts|jsx|js)$/, '')) ?? '(lazy, not a route)';
        const own = closure(manifest, k);
        const js = sum(dir, minus(own.js, entry.js));
        const css = sum(dir, minus(own.css, entry.css));
        const staff = STAFF.test(src) || STAFF.test(label);
        return { src, label, js, css, staff, total: entryJs.gz + js.gz, totalCss: entryCss.gz + css.gz };
      })
      .sort((a, b) => (a.label === '/' ? -1 : b.label === '/' ? 1 : a.label.localeCompare(b.label)));

    console.log('');
    console.log('Each route: its extra chunks (gzip), and the first load straight to it (entry + extra):');
    console.log('| route | page | extra JS | extra CSS | first-load JS | first-load CSS | student budget |');
    console.log('|---|---|---:|---:|---:|---:|---|');
    for (const p of pages) {
      const verdict =
        p.label === '(lazy, not a route)'
          ? '-'
          : p.staff
            ? 'n/a (staff)'
            : p.total <= FIRST_LOAD_BUDGET
              ? 'ok'
              : 'OVER';
      console.log(
        `| ${p.label} | ${p.src} | ${kb(p.js.gz)} | ${kb(p.css.gz)} | ${kb(p.total)} | ${kb(p.totalCss)} | ${verdict} |`,
      );
    }
    const student = pages.filter((p) => !p.staff && p.label !== '(lazy, not a route)');
    const worst = student.reduce((a, b) => (b.total > a.total ? b : a), {
      total: entryJs.gz,
      label: 'entry',
    });

    const all = [...new Set(Object.values(manifest).map((c) => c.file))].filter((f) => f.endsWith('.js'));
    const allJs = sum(dir, all);
    const allCss = sum(dir, new Set(Object.values(manifest).flatMap((c) => c.css ?? [])));
    console.log('');
    console.log(
      `The whole build: ${all.length} JavaScript files, ${kb(allJs.raw)} raw, ${kb(allJs.gz)} gzip; CSS ${kb(allCss.raw)} raw, ${kb(allCss.gz)} gzip.`,
    );

    // the scanner (issue 13): its page's extra chunks, the worker files they name (a worker is an
    // asset to Vite's manifest, not a chunk: found by its file name in the chunks' code) and its
    // feature catalogue (features/scanner/i18n/kk.ts, loaded before the page renders)
    const scanPage = pages.find((p) => p.label.startsWith('/scan'));
    let scanner = null;
    if (scanPage) {
      const key = Object.keys(manifest).find((k) => manifest[k].src === scanPage.src);
      const own = minus(closure(manifest, key).js, entry.js);
      const workers = new Set();
      for (const f of own)
        for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/assets\/[\w.-]+\.js/g))
          if (/worker/i.test(m[0]) && existsSync(join(dir, m[0]))) workers.add(m[0]);
      const catalogue = Object.keys(manifest).find((k) => /features\/scanner\/i18n\/kk\.ts$/.test(k));
      const files = new Set([
        ...own,
        ...workers,
        ...(catalogue ? minus(closure(manifest, catalogue).js, entry.js) : []),
      ]);
      scanner = { files, total: sum(dir, files) };
      console.log('');
      console.log(
        `The door scanner (${scanPage.label}) beyond the first load: ${kb(scanner.total.raw)} raw, ${kb(scanner.total.gz)} gzip:`,
      );
      for (const f of [...files].sort())
        console.log(`  ${f}: ${kb(size(dir, f).raw)} raw, ${kb(size(dir, f).gz)} gzip`);
    }

    const pc = precache(dir);
    let pcSize = null;
    if (pc) {
      pcSize = sum(dir, pc.files);
      console.log('');
      console.log(
        `Service worker (${pc.workers.join(', ')}) precaches ${pc.files.size} files: ${kb(pcSize.raw)} raw, ${kb(pcSize.gz)} gzip.`,
      );
      const big = [...pc.files].map((f) => ({ f, ...size(dir, f) })).sort((a, b) => b.raw - a.raw);
      for (const r of big.slice(0, 8)) console.log(`  ${r.f}: ${kb(r.raw)} raw, ${kb(r.gz)} gzip`);
    } else {
      console.log('');
      console.log('No service worker in the build (no sw.js, service-worker.js or workbox-*.js at its top).');
    }

    console.log('');
    console.log('Budgets:');
    console.log(
      `  ${worst.total <= FIRST_LOAD_BUDGET ? 'PASS' : 'FAIL'} first-load JavaScript of the student pages <= 170 KB gzip: the largest is ${kb(worst.total)} (${worst.label}); / is ${kb(pages.find((p) => p.label === '/')?.total ?? entryJs.gz)}`,
    );
    if (pcSize)
      console.log(
        `  ${pcSize.raw < PRECACHE_BUDGET ? 'PASS' : 'FAIL'} service-worker precache < 1 MB: ${kb(pcSize.raw)} raw (${kb(pcSize.gz)} gzip)`,
      );
    else console.log('  n/a  service-worker precache < 1 MB: no service worker yet');
    if (scanner)
      console.log(
        `  ${scanner.total.gz <= SCANNER_BUDGET ? 'PASS' : 'FAIL'} the door scanner's JavaScript beyond the first load <= 60 KB gzip: ${kb(scanner.total.gz)}`,
      );
  } finally {
    if (!values.dist && !values.keep) rmSync(dir, { recursive: true, force: true });
    else if (!values.dist) log(`kept the build in ${dir}`);
  }
}

try {
  main();
} catch (err) {
  console.error(`[web-bundle] ${err.stack ?? err.message}`);
  process.exitCode = 1;
}
