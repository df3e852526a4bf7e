#!/usr/bin/env node
// Check-in at the door: S scanners check in R registrations at once over HTTP GraphQL, with
// duplicates (a share of the codes scanned twice, half of those by two scanners at the same moment).
// Self-contained:
//   node bench/check-in.mjs [--registrations 5000] [--scanners 50] [--duplicates 0.1]
//        [--staff coordinator|admin] [--database yvc_bench] [--port 3400] [--tree head|worktree] [--skip-build]
// It finds (or starts) PostgreSQL and Redis like `npm start`, makes the database fresh (DROP and
// CREATE), builds the last commit (git archive HEAD into a temporary directory, `npm run build`
// there, once per commit; --tree worktree: this checkout's dist/, rebuilt when older than the
// sources), starts that API on 127.0.0.1, inserts an event starting in 30
// minutes (check-in is open), R members with REGISTERED registrations and a staff account with one
// session per scanner (tokens minted here with the API's secret, no argon2), scans, and checks in
// PostgreSQL that exactly R rows are ATTENDED. Prints markdown table rows; exit code 1 when a check
// fails. Timings are printed, never asserted.
import { spawn, spawnSync } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import net from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { ROOT, ensureServices, portAnswers } from '../scripts/services.mjs';

const { values } = parseArgs({
  options: {
    registrations: { type: 'string', default: '5000' },
    scanners: { type: 'string', default: '50' },
    duplicates: { type: 'string', default: '0.1' },
    staff: { type: 'string', default: 'coordinator' },
    database: { type: 'string', default: 'yvc_bench' },
    port: { type: 'string', default: '3400' },
    tree: { type: 'string', default: 'head' },
    'skip-build': { type: 'boolean', default: false },
  },
});
const R = Number(values.registrations);
const S = Number(values.scanners);
const DUP_SHARE = Number(values.duplicates);
const STAFF_ROLE = values.staff.toUpperCase();
const DB_NAME = values.database;
for (const [name, v] of Object.entries({ R, S })) {
  if (!Number.isInteger(v) || v < 1) throw new Error(`${name} must be a positive integer`);
}
if (!(DUP_SHARE >= 0 && DUP_SHARE <= 1)) throw new Error('--duplicates must be a share between 0 and 1');
if (!['COORDINATOR', 'ADMIN'].includes(STAFF_ROLE)) throw new Error('--staff must be coordinator or admin');
if (!['worktree', 'head'].includes(values.tree)) throw new Error('--tree must be worktree or head');
if (!/^[a-z_][a-z0-9_]*$/.test(DB_NAME) || ['postgres', 'yvc', 'yvc_test'].includes(DB_NAME)) {
  throw new Error(`--database ${DB_NAME}: use a dedicated name such as yvc_bench (it is dropped)`);
}

const log = (msg) => console.log(`[check-in] ${msg}`);
const cleanups = [];
let cleaning = false;
async function cleanup() {
  if (cleaning) return;
  cleaning = true;
  for (const fn of cleanups.reverse()) await fn().catch((e) => log(`cleanup: ${e.message}`));
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => cleanup().finally(() => process.exit(130)));
}

// ---------------------------------------------------------------- build, database, API, tokens

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (!entry.name.endsWith('.spec.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Returns the directory whose dist/ runs. `head` (the default): the last commit, exported with
 * `git archive` into a temporary directory (node_modules linked) and built there with
 * `npm run build` once per commit, so that other people's uncommitted work (and their builds, which
 * empty dist/) neither breaks nor colours the figures. `worktree`: this checkout's dist/, built with
 * `npm run build` when it is missing or older than the sources (--skip-build: never).
 */
function prepareBuild() {
  if (values.tree === 'head') {
    const sha = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
    if (!/^[0-9a-f]{40}$/.test(sha)) throw new Error('git rev-parse HEAD failed');
    const name = `yvc-bench-${sha.slice(0, 12)}`;
    const dir = join(tmpdir(), name);
    APP_LABEL = `commit ${sha.slice(0, 12)}`;
    if (
      existsSync(join(dir, 'dist/apps/api/src/main.js')) &&
      existsSync(join(dir, 'dist/apps/cli/src/main.js'))
    ) {
      log(`HEAD ${sha.slice(0, 12)} already built in ${dir}`);
      return dir;
    }
    // older commits' builds go; a build in progress (a .tmp- directory) is left alone
    for (const old of readdirSync(tmpdir())) {
      if (/^yvc-bench-[0-9a-f]{12}$/.test(old) && old !== name)
        rmSync(join(tmpdir(), old), { recursive: true, force: true });
    }
    const work = `${dir}.tmp-${process.pid}`;
    log(`building HEAD ${sha.slice(0, 12)} in ${dir}`);
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    try {
      const archive = spawnSync('sh', ['-c', `git archive --format=tar HEAD | tar -x -C "${work}"`], {
        cwd: ROOT,
        stdio: 'inherit',
      });
      if (archive.status !== 0) throw new Error('git archive HEAD failed');
      symlinkSync(join(ROOT, 'node_modules'), join(work, 'node_modules'), 'dir');
      const res = spawnSync('npm', ['run', '--silent', 'build'], { cwd: work, stdio: 'inherit' });
      if (res.status !== 0) throw new Error(`npm run build of HEAD failed (exit ${res.status})`);
      if (!existsSync(dir)) renameSync(work, dir);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
    return dir;
  }
  APP_LABEL = 'working tree';
  const marker = join(ROOT, 'dist/apps/api/src/main.js');
  const cli = join(ROOT, 'dist/apps/cli/src/main.js');
  const sources = Math.max(...['apps', 'libs', 'migrations', 'data'].map((d) => newestMtime(join(ROOT, d))));
  if (existsSync(marker) && existsSync(cli) && statSync(marker).mtimeMs >= sources) return ROOT;
  if (values['skip-build']) {
    log('dist/ is missing or older than the sources, but --skip-build was given');
    return ROOT;
  }
  log('building (npm run build)');
  const res = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (res.status !== 0) throw new Error(`npm run build failed (exit ${res.status})`);
  return ROOT;
}
let APP_LABEL = '';
let APP_ROOT = ROOT;

function cli(env, ...args) {
  const res = spawnSync(process.execPath, ['dist/apps/cli/src/main.js', ...args], {
    cwd: APP_ROOT,
    env,
    encoding: 'utf8',
  });
  if (res.status !== 0) throw new Error(`cli ${args.join(' ')} failed:\n${res.stdout}${res.stderr}`);
  return res.stdout.trim();
}

async function freshDatabase(serverUrl, name) {
  const client = new pg.Client({ connectionString: `${serverUrl}/postgres` });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

async function pickPort(preferred) {
  if (!(await portAnswers(preferred))) return preferred;
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Starts the API from dist/ and resolves once /health/ready answers; returns { base, stop, problems }. */
async function startApi(env, port) {
  const child = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
    cwd: APP_ROOT,
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const problems = [];
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => problems.push(line));
  }
  let exited = false;
  child.once('exit', () => (exited = true));
  const stop = () =>
    new Promise((resolve) => {
      if (exited) return resolve();
      const timer = setTimeout(() => child.kill('SIGKILL'), 10000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });
  cleanups.push(stop);
  const base = `http://127.0.0.1:${port}`;
  const until = Date.now() + 60000;
  while (Date.now() < until) {
    if (exited) throw new Error(`the API exited at start:\n${problems.join('\n')}`);
    const res = await fetch(`${base}/health/ready`).catch(() => null);
    if (res?.ok) return { base, stop, problems, pid: child.pid };
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the API did not become ready within 60 s');
}

/** The API runs with LOG_LEVEL=warn: whatever it logged is worth a look; grouped by message. */
function reportApiLog(lines) {
  if (!lines.length) return log('the API logged no warning or error');
  const groups = new Map();
  for (const line of lines) {
    let key = line;
    try {
      const entry = JSON.parse(line);
      key = `${entry.level >= 50 ? 'error' : 'warn'}: ${entry.err?.message ?? entry.msg ?? line}`;
    } catch {
      // not JSON: keep the line
    }
    groups.set(key.slice(0, 300), (groups.get(key.slice(0, 300)) ?? 0) + 1);
  }
  log(`the API logged ${lines.length} line(s) at warn or above:`);
  for (const [key, count] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, 10)) log(`  ${count} x ${key}`);
}

/** HS256 access tokens as AuthService issues them: { sub, sid, role }, issuer yvc, 15 minutes. */
async function tokenSigner(secret) {
  try {
    const { default: jwt } = await import('jsonwebtoken');
    return (claims) => jwt.sign(claims, secret, { algorithm: 'HS256', issuer: 'yvc', expiresIn: 900 });
  } catch {
    const b64 = (v) => Buffer.from(JSON.stringify(v)).toString('base64url');
    return (claims) => {
      const now = Math.floor(Date.now() / 1000);
      const body = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ ...claims, iat: now, exp: now + 900, iss: 'yvc' })}`;
      return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
    };
  }
}
// ---------------------------------------------------------------- measuring

/** Runs `fn` over `tasks` with `concurrency` in flight; per-task latency and wall time. */
async function run(tasks, concurrency, fn) {
  const times = new Array(tasks.length);
  const ends = new Array(tasks.length);
  const outcomes = new Array(tasks.length);
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, tasks.length) }, async () => {
      while (next < tasks.length) {
        const i = next++;
        const t = performance.now();
        try {
          outcomes[i] = { ok: true, value: await fn(tasks[i], i) };
        } catch (err) {
          outcomes[i] = { ok: false, error: err };
        }
        times[i] = performance.now() - t;
        ends[i] = (performance.now() - started) / 1000;
      }
    }),
  );
  return { times, ends, outcomes, seconds: (performance.now() - started) / 1000 };
}

function row(name, times, concurrency, seconds) {
  const sorted = [...times].sort((a, b) => a - b);
  const p = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(1);
  const rate = seconds ? (times.length / seconds).toFixed(0) : '-';
  const wall = seconds ? seconds.toFixed(2) : '-';
  return `| ${name} | ${times.length} | ${concurrency} | ${wall} | ${rate} | ${p(0.5)} | ${p(0.95)} | ${p(0.99)} |`;
}

const TABLE_HEAD = [
  '| scenario | requests | conc. | wall s | req/s | p50 ms | p95 ms | p99 ms |',
  '|---|---:|---:|---:|---:|---:|---:|---:|',
];

/** CPU seconds of a process from /proc (utime + stime); 0 where there is no /proc. */
const CLK_TCK = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim()) || 100;
function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
  } catch {
    return 0;
  }
}

/** Where the CPU went: the API process, the PostgreSQL backends of this database, this process. */
async function cpuSnapshot(db, apiPid) {
  const { rows } = await db.query(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
  );
  const usage = process.cpuUsage();
  return {
    api: apiPid ? cpuSeconds(apiPid) : 0,
    pg: new Map(rows.map((r) => [r.pid, cpuSeconds(r.pid)])),
    client: (usage.user + usage.system) / 1e6,
  };
}

async function cpuSince(db, before, apiPid) {
  const after = await cpuSnapshot(db, apiPid);
  let pgSeconds = 0;
  for (const [pid, cpu] of after.pg) pgSeconds += cpu - (before.pg.get(pid) ?? 0);
  return { api: after.api - before.api, pg: pgSeconds, client: after.client - before.client };
}

/**
 * Samples pg_stat_activity every 50 ms while `promise` runs: on average how many of this database's
 * backends were running a statement, waiting for a lock (the event row), or idle inside a
 * transaction (waiting for the client to send the next statement).
 */
async function sampleBackends(serverUrl, promise) {
  const probe = new pg.Client({ connectionString: serverUrl });
  await probe.connect();
  const totals = { samples: 0, running: 0, lock: 0, idleInTx: 0, idle: 0 };
  let done = false;
  const finished = promise.finally(() => (done = true));
  while (!done) {
    const {
      rows: [r],
    } = await probe.query(
      `SELECT count(*) FILTER (WHERE state = 'active' AND wait_event_type IS DISTINCT FROM 'Lock')::int AS running,
              count(*) FILTER (WHERE state = 'active' AND wait_event_type = 'Lock')::int AS lock,
              count(*) FILTER (WHERE state LIKE 'idle in transaction%')::int AS idle_in_tx,
              count(*) FILTER (WHERE state = 'idle')::int AS idle
       FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
    );
    totals.samples++;
    totals.running += r.running;
    totals.lock += r.lock;
    totals.idleInTx += r.idle_in_tx;
    totals.idle += r.idle;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await probe.end();
  const avg = (k) => (totals.samples ? totals[k] / totals.samples : 0).toFixed(1);
  return {
    result: await finished,
    backends: `running a statement ${avg('running')}, waiting for a lock ${avg('lock')}, idle in transaction ${avg('idleInTx')}, idle ${avg('idle')}`,
  };
}

const cpuLine = (label, cpu, seconds) =>
  `CPU seconds during ${label} (wall ${seconds.toFixed(1)} s, 2 cores): ${cpu.api ? `API process ${cpu.api.toFixed(1)}, ` : ''}PostgreSQL backends ${cpu.pg.toFixed(1)}, load generator ${cpu.client.toFixed(1)}`;

// ---------------------------------------------------------------- fixtures

/**
 * An event of `R` seats in zhambyl.taraz starting in 30 minutes (check-in opens 2 hours before), `R`
 * members each REGISTERED with a random code (seats_taken = R), and a staff account (a COORDINATOR
 * assigned to the unit, or an ADMIN) with one open session per scanner.
 */
async function insertFixtures(db, unitId) {
  const {
    rows: [event],
  } = await db.query(
    `INSERT INTO events (title, kind, status, unit_id, starts_at, ends_at, capacity, seats_taken, published_at)
     VALUES ('Bench check-in forum', 'FORUM', 'PUBLISHED', $1, now() + interval '30 minutes',
             now() + interval '4 hours', $2, $2, now() - interval '1 day')
     RETURNING id`,
    [unitId, R],
  );
  const { rows: members } = await db.query(
    `INSERT INTO members (full_name, email, birth_date, password_hash, role, status, membership_number, unit_id)
     SELECT 'Бенчмарк Қатысушы ' || g, format('scan.%s@bench.yvc.kz', g), DATE '2006-05-05', 'x',
            'MEMBER', 'ACTIVE', format('BEN-2026-%s', lpad(g::text, 6, '0')), $1
     FROM generate_series(1, $2::int) g
     RETURNING id`,
    [unitId, R],
  );
  const codes = members.map(() => randomBytes(32).toString('base64url'));
  await db.query(
    `INSERT INTO registrations (event_id, member_id, status, check_in_code)
     SELECT $1, m, 'REGISTERED', c FROM unnest($2::uuid[], $3::text[]) AS u(m, c)`,
    [event.id, members.map((m) => m.id), codes],
  );
  const {
    rows: [staff],
  } = await db.query(
    `INSERT INTO members (full_name, email, password_hash, role, status, unit_id)
     VALUES ('Бенчмарк Үйлестіруші', 'scanner@bench.yvc.kz', 'x', $1, 'ACTIVE', $2) RETURNING id`,
    [STAFF_ROLE, unitId],
  );
  if (STAFF_ROLE === 'COORDINATOR') {
    await db.query(`INSERT INTO staff_assignments (member_id, unit_id) VALUES ($1, $2)`, [staff.id, unitId]);
  }
  const { rows: sessions } = await db.query(
    `INSERT INTO sessions (member_id) SELECT $1 FROM generate_series(1, $2::int) RETURNING id`,
    [staff.id, S],
  );
  return { eventId: event.id, codes, staffId: staff.id, sessions: sessions.map((s) => s.id) };
}

/**
 * Every code once, in random order; a share of them a second time: half right after the first scan
 * (two scanners at the same moment), half at the end (someone comes back to the door).
 */
function scanQueue(codes) {
  const order = codes.map((code) => ({ code, duplicate: false, pair: null }));
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const dupCount = Math.round(codes.length * DUP_SHARE);
  const step = dupCount ? order.length / dupCount : 0;
  const picked = new Set(Array.from({ length: dupCount }, (_, k) => Math.floor(k * step)));
  const queue = [];
  const later = [];
  let n = 0;
  for (const [i, scan] of order.entries()) {
    queue.push(scan);
    if (!picked.has(i)) continue;
    const again = { code: scan.code, duplicate: true, pair: scan, concurrent: n++ % 2 === 0 };
    if (again.concurrent) queue.push(again);
    else later.push(again);
  }
  return [...queue, ...later];
}

// ---------------------------------------------------------------- main

async function main() {
  const loadAtStart = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  const services = await ensureServices({ log });
  cleanups.push(() => services.stop());
  const databaseUrl = `${services.databaseServerUrl}/${DB_NAME}`;
  const redactedServer = services.databaseServerUrl.replace(/:[^:@/]+@/, ':***@');
  if (!/@(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?$/.test(services.databaseServerUrl)) {
    throw new Error(
      `PostgreSQL at ${redactedServer} is not on this machine; the benchmark loads 127.0.0.1 only`,
    );
  }
  const secret = randomBytes(32).toString('base64url');
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    REDIS_URL: services.redisUrl,
    REDIS_PREFIX: 'yvc-bench',
    LOG_LEVEL: 'warn',
    JWT_SECRET: secret,
    IIN_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    IIN_HASH_KEY: randomBytes(24).toString('base64url'),
    PUBLIC_URL: 'http://127.0.0.1',
  };

  APP_ROOT = prepareBuild();
  log(`database ${DB_NAME} on ${redactedServer} (fresh), redis ${services.redisUrl}`);
  await freshDatabase(services.databaseServerUrl, DB_NAME);
  cli(env, 'migrate');
  cli(env, 'units:import');

  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  cleanups.push(() => db.end());
  const {
    rows: [taraz],
  } = await db.query(`SELECT id FROM units WHERE code = 'zhambyl.taraz'`);
  const sign = await tokenSigner(secret);
  const t0 = performance.now();
  const fx = await insertFixtures(db, taraz.id);
  await db.query('ANALYZE');
  const tokens = fx.sessions.map((sid) => sign({ sub: fx.staffId, sid, role: STAFF_ROLE }));
  log(
    `fixtures: 1 event, ${R} REGISTERED registrations, 1 ${STAFF_ROLE} with ${S} sessions (${(performance.now() - t0).toFixed(0)} ms)`,
  );

  const port = await pickPort(Number(values.port));
  const api = await startApi(env, port);
  log(`API ready at ${api.base} (node ${process.version}, ${new Date().toISOString()})`);
  const gql = async (query, variables, token) => {
    const res = await fetch(`${api.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = await res.json().catch(() => ({ errors: [{ message: `HTTP ${res.status}, not JSON` }] }));
    if (body.errors?.length) {
      const e = body.errors[0];
      throw new Error(
        `${e.extensions?.code ?? res.status} ${e.extensions?.reason ?? ''} ${e.message}`.trim(),
      );
    }
    return body.data;
  };

  // Warm-up (not measured): opens keep-alive sockets and the API's pool, warms the JIT.
  const warm = await run(
    Array.from({ length: 4 * S }, (_, i) => i),
    S,
    (i) => gql('query($id: ID!) { event(id: $id) { id } }', { id: fx.eventId }, tokens[i % S]),
  );
  const warmFailed = warm.outcomes.filter((o) => !o.ok);
  if (warmFailed.length)
    log(`warm-up: ${warmFailed.length} request(s) failed, e.g. ${warmFailed[0].error.message}`);

  const queue = scanQueue(fx.codes);
  const CHECK_IN = 'mutation($e: ID!, $c: String!) { checkIn(eventId: $e, code: $c) { alreadyCheckedIn } }';
  log(`scanning: ${queue.length} checkIn over HTTP (${queue.length - R} duplicates), ${S} scanners`);
  const cpuBefore = await cpuSnapshot(db, api.pid);
  const sampled = await sampleBackends(
    databaseUrl,
    run(queue, S, async (scan, i) => {
      const started = performance.now();
      const data = await gql(CHECK_IN, { e: fx.eventId, c: scan.code }, tokens[i % S]);
      scan.interval = [started, performance.now()];
      return data.checkIn.alreadyCheckedIn;
    }),
  );
  const scans = sampled.result;
  const cpu = await cpuSince(db, cpuBefore, api.pid);
  await api.stop();
  reportApiLog(api.problems);

  const failures = [];
  const errors = new Map();
  scans.outcomes.forEach((o) => {
    if (!o.ok) errors.set(o.error.message, (errors.get(o.error.message) ?? 0) + 1);
  });
  for (const [message, count] of errors) failures.push(`${count} scan(s) failed: ${message}`);
  const said = (v) => scans.outcomes.filter((o) => o.ok && o.value === v).length;
  const fresh = said(false);
  const again = said(true);
  const dupes = queue.length - R;
  if (fresh !== R) failures.push(`alreadyCheckedIn false ${fresh} times, expected ${R}`);
  if (again !== dupes) failures.push(`alreadyCheckedIn true ${again} times, expected ${dupes}`);
  // Of each code's two scans exactly one may say false.
  const firstSaid = new Map();
  let doubleFresh = 0;
  queue.forEach((scan, i) => {
    const o = scans.outcomes[i];
    if (!o.ok || o.value) return;
    if (firstSaid.has(scan.code)) doubleFresh++;
    firstSaid.set(scan.code, true);
  });
  if (doubleFresh)
    failures.push(`${doubleFresh} code(s) checked in twice (alreadyCheckedIn false on both scans)`);
  const overlapping = queue.filter(
    (s) => s.duplicate && s.interval && s.pair.interval && s.interval[0] < s.pair.interval[1],
  ).length;

  const {
    rows: [state],
  } = await db.query(
    `SELECT count(*) FILTER (WHERE r.status = 'ATTENDED')::int AS attended,
            count(*) FILTER (WHERE r.status <> 'ATTENDED')::int AS other,
            count(*) FILTER (WHERE r.status = 'ATTENDED' AND (r.checked_in_by IS DISTINCT FROM $2
                             OR r.check_in_method IS DISTINCT FROM 'QR' OR r.checked_in_at IS NULL))::int AS odd,
            (SELECT seats_taken FROM events WHERE id = $1) AS seats_taken,
            (SELECT walk_ins FROM events WHERE id = $1) AS walk_ins
     FROM registrations r WHERE r.event_id = $1`,
    [fx.eventId, fx.staffId],
  );
  if (state.attended !== R) failures.push(`${state.attended} rows ATTENDED, expected exactly ${R}`);
  if (state.other) failures.push(`${state.other} registration(s) not ATTENDED`);
  if (state.odd) failures.push(`${state.odd} ATTENDED row(s) without checked_in_by/at or method QR`);
  if (state.seats_taken !== R || state.walk_ins !== 0)
    failures.push(`seats_taken ${state.seats_taken} / walk_ins ${state.walk_ins}, expected ${R} / 0`);

  const { rows: pgVersion } = await db.query(`SELECT current_setting('server_version') AS v`);
  console.log('');
  console.log(
    `Check-in, ${new Date().toISOString().slice(0, 10)}: ${R} registrations, ${S} scanners (${STAFF_ROLE}), ${dupes} duplicate scans, node ${process.version}, PostgreSQL ${pgVersion[0].v}, ${cpus().length} cores, load average at start ${loadAtStart}, code: ${APP_LABEL}`,
  );
  console.log('');
  console.log(TABLE_HEAD.join('\n'));
  console.log(row(`checkIn over HTTP (all scans)`, scans.times, S, scans.seconds));
  console.log(
    row(
      '  of which first scans',
      scans.times.filter((_, i) => !queue[i].duplicate),
      S,
    ),
  );
  console.log(
    row(
      '  of which duplicate scans',
      scans.times.filter((_, i) => queue[i].duplicate),
      S,
    ),
  );
  console.log('');
  if (process.platform === 'linux') console.log(cpuLine('the scans', cpu, scans.seconds));
  console.log(`PostgreSQL backends during the scans, on average: ${sampled.backends}`);
  console.log(
    `Duplicate scans: ${dupes} (${queue.filter((s) => s.duplicate && s.concurrent).length} sent right after the first scan, ${overlapping} of them actually in flight together with it)`,
  );
  console.log('');
  console.log('| check | expected | got | result |');
  console.log('|---|---:|---:|---|');
  const check = (name, want, got) =>
    console.log(`| ${name} | ${want} | ${got} | ${want === got ? 'PASS' : 'FAIL'} |`);
  check(
    'scans answered without error',
    queue.length,
    queue.length - [...errors.values()].reduce((a, b) => a + b, 0),
  );
  check('alreadyCheckedIn: false', R, fresh);
  check('alreadyCheckedIn: true', dupes, again);
  check('rows ATTENDED in PostgreSQL', R, state.attended);
  check('rows still REGISTERED (or other)', 0, state.other);
  console.log('');
  if (failures.length) {
    console.log('Checks: FAIL');
    for (const f of failures) console.log(`  - ${f}`);
    process.exitCode = 1;
  } else console.log('Checks: PASS');
}

main()
  .catch((err) => {
    console.error(`[check-in] ${err.stack ?? err.message}`);
    process.exitCode = 1;
  })
  .finally(cleanup);
