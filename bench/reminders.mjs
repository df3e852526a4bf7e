#!/usr/bin/env node
// Reminders: N registrations go through the notification pipeline (outbox relay -> `dispatch`
// job -> confirmation email + one delayed `reminder` job each), the reminders come due, and every
// email and SMS is delivered to local sinks. Self-contained:
//   node bench/reminders.mjs [--registrations 100000 | --quick] [--events 4] [--sms-share 0.3]
//        [--workers 2] [--offset-minutes 30] [--lead-seconds auto] [--rate 5000]
//        [--mail-sink light|catcher] [--raw-jobs N] [--skip-raw] [--skip-bare] [--sink-check 2000] [--vacuum-every 0]
//        [--reminders-only] (no outbox rows, no confirmations, no calibration: the bench queues the
//        events' plan-reminders jobs itself, --lead-seconds (default 45) ahead; the burst alone)
//        [--cpu-prof DIR] (each worker writes DIR/worker-<pid>.cpuprofile when stopped; summarise
//        with node bench/lib/cpuprofile-top.mjs DIR/*.cpuprofile)
//        [--worker-env KEY=VALUE ...] (settings for the workers, e.g. SMTP_POOL_SIZE=20; the bare send
//        uses as many SMTP connections)
//        [--database yvc_bench_reminders] [--timeout-minutes 15] [--tree head|worktree] [--skip-build]
// It finds (or starts) PostgreSQL and Redis like `npm start`, makes its database fresh (DROP and
// CREATE), builds the last commit (git archive HEAD into a temporary directory, shared with the
// other benchmarks), migrates and imports the units with that build's CLI, starts the SMS gateway
// stub (the built @yvc/notifications) and a mail sink in this process, inserts members, events,
// registrations in SQL, and runs `dist/apps/worker/src/main.js` (--workers processes) on its own
// REDIS_PREFIX. Phases:
//   1. calibration: a few thousand registrations of an event 10 days ahead go through the outbox;
//      their time to be scheduled and confirmed sets how far ahead the measured reminders fall due;
//   2. the measured run: N outbox rows of kind REGISTERED in one INSERT; the reminder jobs in the
//      `notifications` delayed set are counted over time (scheduled/s), confirmations arrive;
//   3. the reminders come due (the events start `--offset-minutes` after, so none goes stale) and
//      are delivered; each arrival at a sink is matched to its delivery (Message-ID `<deliveryId@host>`
//      for email, Idempotency-Key = reference = delivery id for SMS) and to its due time;
//   4. with the workers stopped: the bare-send baseline (bench/lib/bare-send.mjs: the same number of
//      reminder emails and SMS, same templates, same mail library and SMS client, to the same sinks,
//      no database, no queue), the raw BullMQ rate on this machine (addBulk of trivial jobs, then a
//      Worker with concurrency 50 and a no-op processor) and the mail sinks' own rates.
// "Dispatched" counts the REGISTERED notifications of the run's events: a dispatch writes its
// confirmation after it made sure of the reminder job (per registration before the delivery pump,
// per event since), so it measures both versions of the code alike. Worker RSS is sampled each
// second (/proc/<pid>/status) and its peak during the reminders reported.
// Prints markdown table rows. Exit code 1 on a duplicate or a missing delivery (or a timeout).
// --registrations takes at least 1,000 (the calibration's registrations come from the same members).
// Duration on the 2-core machine: --quick about 4 minutes; 100,000 registrations 23-33 minutes
// (230,000 deliveries), so pass --timeout-minutes 45. --vacuum-every S runs VACUUM (ANALYZE) of the
// pipeline's tables every S seconds, as autovacuum would on a server that runs it (this machine's
// PostgreSQL has autovacuum off; the output says which).
// Cleans up: workers stopped, sinks closed, this run's Redis keys deleted, services it started
// stopped; the database stays for inspection (the next run drops it).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Queue, Worker } from 'bullmq';
import Redis from 'ioredis';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { ROOT, ensureServices } from '../scripts/services.mjs';
import { startProcess } from './lib/api.mjs';
import { cli, credentialKeys, prepareBuild, productionEnv } from './lib/build.mjs';
import { cleanupStack, printVerdict, runMain } from './lib/cleanup.mjs';
import { assertBenchDatabaseName, assertLocalServer, freshDatabase, redact } from './lib/db.mjs';
import { CLK_TCK, cpuSeconds } from './lib/load.mjs';
import { ms as fmt, loadAverage, quantile } from './lib/stats.mjs';

const { values } = parseArgs({
  options: {
    registrations: { type: 'string' },
    quick: { type: 'boolean', default: false },
    events: { type: 'string', default: '4' },
    'sms-share': { type: 'string', default: '0.3' },
    workers: { type: 'string', default: '2' },
    'offset-minutes': { type: 'string', default: '30' },
    'lead-seconds': { type: 'string', default: 'auto' },
    rate: { type: 'string', default: '5000' },
    'mail-sink': { type: 'string', default: 'light' },
    'raw-jobs': { type: 'string' },
    'skip-raw': { type: 'boolean', default: false },
    'skip-bare': { type: 'boolean', default: false },
    'cpu-prof': { type: 'string' },
    'reminders-only': { type: 'boolean', default: false },
    'sink-check': { type: 'string', default: '2000' },
    'vacuum-every': { type: 'string', default: '0' },
    database: { type: 'string', default: 'yvc_bench_reminders' },
    'timeout-minutes': { type: 'string', default: '15' },
    tree: { type: 'string', default: 'head' },
    'skip-build': { type: 'boolean', default: false },
    'worker-env': { type: 'string', multiple: true, default: [] },
  },
});
/** --worker-env KEY=VALUE (repeatable): settings for the workers, e.g. SMTP_POOL_SIZE=20 */
const WORKER_ENV = Object.fromEntries(
  values['worker-env'].map((kv) => {
    const m = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(kv);
    if (!m) throw new Error(`--worker-env takes KEY=VALUE, not ${kv}`);
    return [m[1], m[2]];
  }),
);
const N = Number(values.registrations ?? (values.quick ? 10000 : 100000));
const EVENTS = Number(values.events);
const SMS_PERCENT = Math.round(Number(values['sms-share']) * 100);
const WORKERS = Number(values.workers);
const OFFSET = Number(values['offset-minutes']);
const RATE = Number(values.rate);
const RAW_JOBS = Number(values['raw-jobs'] ?? N);
const SINK_CHECK = Number(values['sink-check']);
const VACUUM_EVERY = Number(values['vacuum-every']);
const TIMEOUT_MS = Number(values['timeout-minutes']) * 60_000;
const CALIBRATION = Math.max(1000, Math.round(N * 0.03));
const DB_NAME = values.database;
const PREFIX = `yvc-bench-rem-${process.pid}`;
const STAGGER_MS = 10_000; // the events start 10 s apart
const REMINDERS_ONLY = values['reminders-only'];
for (const [name, v] of Object.entries({ N, EVENTS, WORKERS, OFFSET, RATE, RAW_JOBS })) {
  if (!Number.isInteger(v) || v < 1) throw new Error(`${name} must be a positive integer`);
}
// the calibration registers its first CALIBRATION members (of N) and waits for all of them
if (N < CALIBRATION)
  throw new Error(
    `--registrations must be at least ${CALIBRATION} (the calibration registers that many of the members and waits for all of them)`,
  );
if (!(SMS_PERCENT >= 0 && SMS_PERCENT <= 100)) throw new Error('--sms-share must be between 0 and 1');
if (!Number.isInteger(SINK_CHECK) || SINK_CHECK < 0) throw new Error('--sink-check must be >= 0');
if (!(VACUUM_EVERY >= 0)) throw new Error('--vacuum-every must be >= 0 (seconds; 0 = never)');
if (!(TIMEOUT_MS > 0)) throw new Error('--timeout-minutes must be positive');
if (OFFSET > 43200) throw new Error('--offset-minutes must be at most 43200 (events_offsets_chk)');
if (Math.ceil(N / EVENTS) > 100000) throw new Error('at most 100,000 registrations per event (capacity)');
if (!['worktree', 'head'].includes(values.tree)) throw new Error('--tree must be worktree or head');
if (!['light', 'catcher'].includes(values['mail-sink']))
  throw new Error('--mail-sink must be light or catcher');
if (values['lead-seconds'] !== 'auto' && !(Number(values['lead-seconds']) > 0))
  throw new Error('--lead-seconds must be auto or a positive number');
assertBenchDatabaseName(DB_NAME, 'yvc_bench_reminders');

const STARTED = Date.now();
const DEADLINE = STARTED + TIMEOUT_MS;
const log = (msg) =>
  console.log(`[reminders ${((Date.now() - STARTED) / 1000).toFixed(0).padStart(4)}s] ${msg}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const { defer, cleanup } = cleanupStack(log);
// The hard bound: whatever hangs, the run ends (and cleans up) two minutes past the timeout.
setTimeout(() => {
  console.error(`[reminders] hard timeout (${values['timeout-minutes']} min + 2): cleaning up and exiting`);
  cleanup().finally(() => process.exit(2));
}, TIMEOUT_MS + 120_000).unref();
const pastDeadline = () => Date.now() > DEADLINE;

// ---------------------------------------------------------------- sinks

/**
 * A minimal SMTP sink (smtp-server): accepts every message and keeps, per message, the Message-ID,
 * the Subject header (raw), the envelope recipients and the arrival time; bodies are read and
 * dropped, never parsed (the mail catcher's mailparser costs far more per message).
 */
async function startLightMailSink() {
  const received = [];
  const header = (head, name) => {
    const m = new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(head);
    return m ? m[1].trim() : undefined;
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let head = '';
      let complete = false;
      stream.on('data', (chunk) => {
        if (complete) return;
        head += chunk.toString('latin1');
        const end = head.indexOf('\r\n\r\n');
        if (end >= 0 || head.length > 65536) {
          head = head.slice(0, end >= 0 ? end : 65536).replace(/\r\n[ \t]+/g, ' ');
          complete = true;
        }
      });
      stream.once('end', () => {
        received.push({
          messageId: header(head, 'message-id'),
          subject: header(head, 'subject') ?? '',
          to: session.envelope.rcptTo.map((r) => r.address).join(','),
          at: Date.now(),
        });
        callback();
      });
      stream.once('error', (err) => callback(err));
    },
  });
  server.on('error', (err) => log(`mail sink: ${err.message}`));
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    kind: 'light (smtp-server, headers only)',
    smtpPort: server.server.address().port,
    received,
    arrivals: () => received,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/** The mail catcher of @yvc/notifications (mailparser for every message), arrivals normalised. */
async function startCatcherSink(lib) {
  const catcher = await lib.startMailCatcher({ smtpPort: 0, httpPort: 0 });
  return {
    kind: 'mail catcher (@yvc/notifications, mailparser)',
    smtpPort: catcher.smtpPort,
    received: catcher.received,
    arrivals: () =>
      catcher.received.map((m) => ({
        messageId: m.messageId,
        subject: m.subject,
        to: m.to.join(','),
        at: m.at.getTime(),
      })),
    close: () => catcher.close(),
  };
}

// ---------------------------------------------------------------- worker processes

/** What this benchmark runs from the build besides the API's and the CLI's main.js. */
const NEEDS = ['dist/apps/worker/src/main.js', 'dist/libs/notifications/src/index.js'];

/** Starts one worker from the build; its stdout/stderr lines (LOG_LEVEL=warn) are kept. */
function startWorker(root, env, index) {
  const worker = startProcess({
    root,
    script: 'dist/apps/worker/src/main.js',
    env,
    defer,
    killAfterMs: 15000,
  });
  return Object.assign(worker, { index });
}

/** What the workers logged at warn or above, grouped by message. */
function reportWorkerLog(workers) {
  const lines = workers.flatMap((w) => w.lines);
  if (!lines.length) return ['the worker(s) logged no warning or error'];
  const groups = new Map();
  for (const line of lines) {
    let key = line;
    try {
      const entry = JSON.parse(line);
      const level = entry.level >= 50 ? 'error' : entry.level >= 40 ? 'warn' : `level ${entry.level}`;
      key = `${level}: ${entry.msg ?? ''}${entry.err ? ` (${entry.err?.message ?? entry.err})` : ''}${entry.queue ? ` [${entry.queue}]` : ''}`;
    } catch {
      // not JSON: keep the line
    }
    groups.set(key.slice(0, 300), (groups.get(key.slice(0, 300)) ?? 0) + 1);
  }
  return [
    `the worker(s) logged ${lines.length} line(s) at warn or above:`,
    ...[...groups]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12)
      .map(([key, count]) => `  ${count} x ${key}`),
  ];
}

// ---------------------------------------------------------------- CPU accounting

/** Busy CPU seconds of the whole machine (all processes, /proc/stat), to see what else ran. */
function machineBusySeconds() {
  try {
    const [, ...f] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
    // user nice system idle iowait irq softirq steal
    return (f[0] + f[1] + f[2] + f[5] + f[6] + f[7]) / CLK_TCK;
  } catch {
    return 0;
  }
}

async function redisCpu(redis) {
  const info = await redis.info('cpu');
  const get = (k) => Number(new RegExp(`^${k}:([\\d.]+)`, 'm').exec(info)?.[1] ?? 0);
  return get('used_cpu_user') + get('used_cpu_sys');
}

/** CPU of the workers, of this database's PostgreSQL backends, of redis-server and of this process. */
// PostgreSQL backends come and go (pools close idle connections): the last CPU reading of every
// backend seen, refreshed by the sampler each second and at each snapshot
const pgCpuSeen = new Map();
const trackPgCpu = (pids) => {
  for (const pid of pids) {
    const cpu = cpuSeconds(pid);
    if (cpu > 0) pgCpuSeen.set(pid, cpu);
  }
};

async function cpuSnapshot(db, redis, workers) {
  const { rows } = await db.query(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
  );
  trackPgCpu(rows.map((r) => r.pid));
  const usage = process.cpuUsage();
  return {
    workers: workers.reduce((s, w) => s + cpuSeconds(w.pid), 0),
    pg: new Map(pgCpuSeen),
    redis: await redisCpu(redis),
    bench: (usage.user + usage.system) / 1e6,
    machine: machineBusySeconds(),
  };
}

function cpuDiff(before, after) {
  let pgSeconds = 0;
  for (const [pid, cpu] of after.pg) pgSeconds += cpu - (before.pg.get(pid) ?? 0);
  return {
    workers: after.workers - before.workers,
    pg: pgSeconds,
    redis: after.redis - before.redis,
    bench: after.bench - before.bench,
    machine: after.machine - before.machine,
  };
}

const cpuLine = (cpu) =>
  `worker process(es) ${cpu.workers.toFixed(1)}, PostgreSQL backends ${cpu.pg.toFixed(1)}, redis-server ${cpu.redis.toFixed(1)}, this process (sinks, polling) ${cpu.bench.toFixed(1)}; the whole machine ${cpu.machine.toFixed(1)}, of which other processes ${Math.max(0, cpu.machine - cpu.workers - cpu.pg - cpu.redis - cpu.bench).toFixed(1)}`;

/**
 * Samples pg_stat_activity every second: backends of this database running a statement, waiting
 * for a lock, idle in a transaction; and any statement running longer than 500 ms.
 */
function startBackendSampler(databaseUrl) {
  const probe = new pg.Client({ connectionString: databaseUrl });
  const totals = { samples: 0, running: 0, lock: 0, idleInTx: 0 };
  const slow = new Map();
  let stopped = false;
  const loop = (async () => {
    await probe.connect();
    while (!stopped) {
      const { rows } = await probe.query(
        `SELECT pid, state, wait_event_type, extract(epoch FROM now() - query_start) AS secs, left(regexp_replace(query, '\\s+', ' ', 'g'), 160) AS query
         FROM pg_stat_activity
         WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
      );
      totals.samples++;
      trackPgCpu(rows.map((r) => r.pid));
      for (const r of rows) {
        if (r.state === 'active' && r.wait_event_type === 'Lock') totals.lock++;
        else if (r.state === 'active') totals.running++;
        else if (r.state?.startsWith('idle in transaction')) totals.idleInTx++;
        if (r.state === 'active' && Number(r.secs) > 0.5) {
          const prev = slow.get(r.query) ?? { count: 0, max: 0 };
          slow.set(r.query, { count: prev.count + 1, max: Math.max(prev.max, Number(r.secs)) });
        }
      }
      await sleep(1000);
    }
    await probe.end();
  })().catch((err) => log(`backend sampler: ${err.message}`));
  return async () => {
    stopped = true;
    await loop;
    const avg = (k) => (totals.samples ? totals[k] / totals.samples : 0).toFixed(1);
    return {
      summary: `running a statement ${avg('running')}, waiting for a lock ${avg('lock')}, idle in transaction ${avg('idleInTx')}`,
      slow: [...slow].sort((a, b) => b[1].max - a[1].max).slice(0, 5),
    };
  };
}

// ---------------------------------------------------------------- fixtures

/** An Etc/GMT zone where it is about noon now (quiet hours are 22:00-08:00 local). */
function noonZone(now = new Date()) {
  let h = 12 - now.getUTCHours();
  if (now.getUTCMinutes() >= 30) h -= 1;
  if (h < -12) h += 24;
  if (h > 14) h -= 24;
  // Etc/GMT-5 is UTC+5 (POSIX signs)
  return h === 0 ? 'Etc/GMT' : h > 0 ? `Etc/GMT-${h}` : `Etc/GMT+${-h}`;
}

async function insertMembers(db, unitId, zone) {
  await db.query(
    `INSERT INTO members (full_name, email, phone, birth_date, password_hash, role, status, membership_number,
                          unit_id, sms_opt_in, time_zone)
     SELECT 'Бенчмарк Еске салу ' || g, format('rem.%s@bench.yvc.kz', g), '+7701' || lpad(g::text, 7, '0'),
            DATE '2006-05-05', 'x', 'MEMBER', 'ACTIVE', format('REM-2026-%s', lpad(g::text, 7, '0')), $1,
            (g % 100) < $2, $3
     FROM generate_series(1, $4::int) g`,
    [unitId, SMS_PERCENT, zone, N],
  );
}

async function insertEvents(db, unitId, label, count, firstStart, offsets) {
  const { rows } = await db.query(
    `INSERT INTO events (title, kind, status, unit_id, starts_at, ends_at, capacity, published_at, reminder_offsets_minutes)
     SELECT format('Reminder bench %s %s', $1::text, g), 'TRAINING', 'PUBLISHED', $2,
            $3::timestamptz + (g - 1) * make_interval(secs => $4),
            $3::timestamptz + (g - 1) * make_interval(secs => $4) + interval '2 hours', 100000, now(), $5::int[]
     FROM generate_series(1, $6::int) g ORDER BY g
     RETURNING id, starts_at`,
    [label, unitId, firstStart.toISOString(), STAGGER_MS / 1000, offsets, count],
  );
  return rows.map((r) => ({ id: r.id, startsAt: new Date(r.starts_at) }));
}

/** The first `count` bench members register (REGISTERED) for `events`, round-robin; seats_taken follows. */
async function insertRegistrations(db, events, count) {
  const ids = events.map((e) => e.id);
  await db.query(
    `INSERT INTO registrations (event_id, member_id, status, check_in_code)
     SELECT ($1::uuid[])[1 + (m.rn % cardinality($1::uuid[]))], m.id, 'REGISTERED',
            md5(random()::text || clock_timestamp()::text) || md5(($1::uuid[])[1 + (m.rn % cardinality($1::uuid[]))]::text || m.id::text)
     FROM (SELECT id, row_number() OVER (ORDER BY membership_number) AS rn
           FROM members WHERE membership_number LIKE 'REM-2026-%' ORDER BY membership_number LIMIT $2) m`,
    [ids, count],
  );
  await db.query(
    `UPDATE events e SET seats_taken = (SELECT count(*) FROM registrations r WHERE r.event_id = e.id AND r.status = 'REGISTERED')
     WHERE e.id = ANY($1::uuid[])`,
    [ids],
  );
}

/** One outbox row of kind REGISTERED per registration of `events`, in one statement; returns the row count. */
async function insertOutbox(db, events) {
  const { rowCount } = await db.query(
    `INSERT INTO notification_outbox (kind, member_id, event_id, registration_id, payload)
     SELECT 'REGISTERED', r.member_id, r.event_id, r.id, '{}'::jsonb FROM registrations r WHERE r.event_id = ANY($1::uuid[])`,
    [events.map((e) => e.id)],
  );
  return rowCount;
}

// ---------------------------------------------------------------- figures

const int = (v) => (Number.isFinite(v) ? Math.round(v).toLocaleString('en-US') : '-');

/** | stage | items | window s | per s | lag p50 s | p95 | p99 | max | */
function stageRow(name, count, seconds, lagsMs) {
  const sorted = [...lagsMs].sort((a, b) => a - b);
  const s = (q) => fmt(quantile(sorted, q, { rank: 'ceil', sorted: true }) / 1000);
  const lags = lagsMs.length
    ? [s(0.5), s(0.95), s(0.99), fmt(sorted[sorted.length - 1] / 1000)]
    : ['-', '-', '-', '-'];
  return `| ${name} | ${int(count)} | ${fmt(seconds)} | ${int(count / seconds)} | ${lags.join(' | ')} |`;
}

function redisConnection(url) {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
    maxRetriesPerRequest: null,
  };
}

/** addBulk of `count` trivial jobs (chunks of 1,000), then a Worker with concurrency 50 and a no-op processor. */
async function rawBullmq(connection, count) {
  const name = 'bench-raw';
  const opts = { connection, prefix: `${PREFIX}:bull` };
  const queue = new Queue(name, {
    ...opts,
    // the same job options as the application's queues
    defaultJobOptions: {
      attempts: 5,
      backoff: { type: 'exponential', delay: 5000 },
      removeOnComplete: { age: 24 * 3600, count: 10_000 },
      removeOnFail: { age: 7 * 24 * 3600, count: 50_000 },
    },
  });
  try {
    await queue.waitUntilReady();
    const t0 = performance.now();
    for (let i = 0; i < count; i += 1000) {
      await queue.addBulk(
        Array.from({ length: Math.min(1000, count - i) }, (_, k) => ({
          name: 'noop',
          data: { n: i + k },
          opts: { jobId: `raw-${i + k}` },
        })),
      );
    }
    const addSeconds = (performance.now() - t0) / 1000;
    let done = 0;
    let resolveDone;
    const finished = new Promise((r) => (resolveDone = r));
    const worker = new Worker(name, async () => {}, { ...opts, concurrency: 50, autorun: false });
    worker.on('completed', () => {
      if (++done === count) resolveDone();
    });
    const t1 = performance.now();
    worker.run().catch(() => {});
    await Promise.race([finished, sleep(Math.max(30_000, DEADLINE - Date.now()))]);
    const processSeconds = (performance.now() - t1) / 1000;
    await worker.close();
    return { addSeconds, processSeconds, processed: done };
  } finally {
    await queue.obliterate({ force: true }).catch(() => {});
    await queue.close();
  }
}

/**
 * The sink's own cost: a child process sends `count` messages shaped like a confirmation (text,
 * html, an .ics) through nodemailer (pool of 5, 10 in flight) to `port`; this process (the sink)
 * measures the wall time and its own CPU time per message.
 */
async function sinkRate(port, count) {
  const script = `
    const nodemailer = require('nodemailer');
    const [port, count] = process.argv.slice(1).map(Number);
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true, pool: true, maxConnections: 5 });
    const text = 'Сәлем! Сіз іс-шараға тіркелдіңіз. '.repeat(20);
    const html = '<p>' + text + '</p><p>' + text + '</p>';
    const ics = ('BEGIN:VCALENDAR\\r\\nVERSION:2.0\\r\\n' + 'X-PAD:'.padEnd(70, 'x') + '\\r\\n').repeat(8) + 'END:VCALENDAR\\r\\n';
    let next = 0;
    Promise.all(Array.from({ length: 10 }, async () => {
      while (next < count) {
        const i = next++;
        await transport.sendMail({ from: 'Жас сайлаушылар клубы <noreply@yvc.kz>', to: 'sink.' + i + '@bench.yvc.kz',
          subject: 'Еске салу: іс-шара жақында басталады', text, html, messageId: '<sink-' + i + '@127.0.0.1>',
          attachments: [{ filename: 'event.ics', content: ics, contentType: 'text/calendar; charset=utf-8' }] });
      }
    })).then(() => { transport.close(); }, (err) => { console.error(err.message); process.exit(1); });
  `;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const code = await new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', script, String(port), String(count)], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.once('exit', resolve);
  });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  if (code !== 0) throw new Error(`the sink check sender exited with ${code}`);
  return { rate: count / seconds, cpuMs: (cpu.user + cpu.system) / 1000 / count };
}

async function deletePrefix(redis) {
  let cursor = '0';
  let deleted = 0;
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${PREFIX}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) deleted += await redis.unlink(...keys);
  } while (cursor !== '0');
  return deleted;
}

// ---------------------------------------------------------------- main

async function main() {
  const loadAtStart = loadAverage();
  const services = await ensureServices({ log });
  defer(() => services.stop());
  assertLocalServer(services.databaseServerUrl);
  const { env: baseEnv, databaseUrl } = productionEnv(services, { database: DB_NAME, redisPrefix: PREFIX });
  const redis = new Redis(services.redisUrl, { maxRetriesPerRequest: null });
  defer(async () => {
    const deleted = await deletePrefix(redis);
    log(`deleted ${deleted} Redis key(s) under ${PREFIX}:`);
    redis.disconnect();
  });

  const build = prepareBuild({ tree: values.tree, skipBuild: values['skip-build'], needs: NEEDS, log });
  log(
    `database ${DB_NAME} on ${redact(services.databaseServerUrl)} (fresh), redis ${services.redisUrl} prefix ${PREFIX}`,
  );
  await freshDatabase(services.databaseServerUrl, DB_NAME);
  cli(build.root, baseEnv, 'migrate');
  cli(build.root, baseEnv, 'units:import');
  credentialKeys(build.root, baseEnv, defer);

  // the sinks, in this process
  const lib = await import(pathToFileURL(join(build.root, 'dist/libs/notifications/src/index.js')).href);
  const sms = await lib.startSmsStub({ port: 0 });
  defer(() => sms.close());
  const mail = values['mail-sink'] === 'light' ? await startLightMailSink() : await startCatcherSink(lib);
  defer(() => mail.close());
  log(`sinks: SMTP ${mail.kind} on 127.0.0.1:${mail.smtpPort}, SMS stub ${sms.url}`);

  const db = new pg.Pool({ connectionString: databaseUrl, max: 3 });
  defer(() => db.end());
  const {
    rows: [taraz],
  } = await db.query(`SELECT id FROM units WHERE code = 'zhambyl.taraz'`);
  const zone = noonZone();
  const tf = performance.now();
  await insertMembers(db, taraz.id, zone);
  const {
    rows: [{ sms_members: smsMembers }],
  } = await db.query(`SELECT count(*) FILTER (WHERE sms_opt_in)::int AS sms_members FROM members`);
  await db.query('ANALYZE');
  log(
    `fixtures: ${N} members (${smsMembers} with SMS, zone ${zone}) in ${((performance.now() - tf) / 1000).toFixed(1)} s`,
  );

  // the workers
  const workerEnv = {
    ...baseEnv,
    SMTP_URL: `smtp://127.0.0.1:${mail.smtpPort}`,
    SMS_GATEWAY_URL: sms.url,
    SMS_GATEWAY_TOKEN: 'dev-sms-token',
    EMAIL_RATE_PER_SECOND: String(RATE),
    SMS_RATE_PER_SECOND: String(RATE),
    ...WORKER_ENV,
    ...(values['cpu-prof']
      ? {
          NODE_OPTIONS: `--import ${pathToFileURL(join(ROOT, 'bench/lib/profile-on-sigterm.mjs')).href}`,
          BENCH_CPU_PROF_DIR: values['cpu-prof'],
          BENCH_CPU_PROF_NAME: 'worker',
        }
      : {}),
  };
  const connection = redisConnection(services.redisUrl);
  const queues = Object.fromEntries(
    ['notifications', 'email', 'sms'].map((q) => [q, new Queue(q, { connection, prefix: `${PREFIX}:bull` })]),
  );
  defer(() => Promise.all(Object.values(queues).map((q) => q.close())));
  const workers = Array.from({ length: WORKERS }, (_, i) => startWorker(build.root, workerEnv, i + 1));
  const readyBy = Date.now() + 180_000; // a loaded machine boots Nest slowly
  for (;;) {
    const dead = workers.find((w) => w.exited);
    if (dead) throw new Error(`worker ${dead.index} exited at start:\n${dead.lines.join('\n')}`);
    const counts = await Promise.all(Object.values(queues).map((q) => q.getWorkersCount()));
    if (counts.every((c) => c >= WORKERS)) break;
    if (Date.now() > readyBy) throw new Error(`the workers did not connect within 180 s (${counts})`);
    await sleep(200);
  }
  log(`${WORKERS} worker process(es) ready (pids ${workers.map((w) => w.pid).join(', ')})`);
  const {
    rows: [{ autovacuum }],
  } = await db.query(`SELECT current_setting('autovacuum') AS autovacuum`);
  // --vacuum-every S: what autovacuum would do on a server that runs it (this run's tables only)
  const vacuums = { count: 0, seconds: 0 };
  let vacuumTimer = null;
  if (VACUUM_EVERY > 0) {
    const vacuumOnce = async () => {
      const t = performance.now();
      await db.query('VACUUM (ANALYZE) notification_outbox, notifications, deliveries');
      vacuums.count++;
      vacuums.seconds += (performance.now() - t) / 1000;
    };
    const loop = () => {
      vacuumTimer = setTimeout(
        () =>
          vacuumOnce()
            .catch((err) => log(`vacuum: ${err.message}`))
            .finally(() => vacuumTimer && loop()),
        VACUUM_EVERY * 1000,
      );
    };
    loop();
    defer(async () => {
      clearTimeout(vacuumTimer);
      vacuumTimer = null;
    });
  }

  const delayedKey = `${PREFIX}:bull:notifications:delayed`;
  const mailCount = () => mail.received.length;
  const dispatchedCount = async (evs) =>
    (
      await db.query(
        `SELECT count(*)::int AS n FROM notifications WHERE kind = 'REGISTERED' AND event_id = ANY($1::uuid[])`,
        [evs.map((e) => e.id)],
      )
    ).rows[0].n;
  // worker RSS, sampled each second: the peak from the first due time on
  const rss = { peakMb: 0, byWorker: new Map() };
  let rssFrom = Infinity;
  const rssTimer = setInterval(() => {
    if (Date.now() < rssFrom) return;
    for (const w of workers) {
      try {
        const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${w.pid}/status`, 'utf8'))?.[1] ?? 0);
        const mb = kb / 1024;
        rss.byWorker.set(w.index, Math.max(rss.byWorker.get(w.index) ?? 0, mb));
        rss.peakMb = Math.max(rss.peakMb, mb);
      } catch {
        // the worker exited
      }
    }
  }, 1000);
  defer(() => clearInterval(rssTimer));

  // ---- phase 1: calibration (reminders 10 days ahead: scheduled, never due in this run)
  let calibrationEvent = null;
  const marks = { s25: null, s100: null, c25: null, c100: null };
  let baseline = 0;
  if (!REMINDERS_ONLY) {
    [calibrationEvent] = await insertEvents(
      db,
      taraz.id,
      'calibration',
      1,
      new Date(Date.now() + 10 * 86_400_000),
      [1],
    );
    await insertRegistrations(db, [calibrationEvent], CALIBRATION);
    const calibrationStart = performance.now();
    await insertOutbox(db, [calibrationEvent]);
    // steady-state rates: from a quarter of the calibration to all of it (the start is cold)
    while (Object.values(marks).some((v) => v === null)) {
      if (pastDeadline()) throw new Error('timeout during calibration');
      const t = (performance.now() - calibrationStart) / 1000;
      const scheduled = await dispatchedCount([calibrationEvent]);
      if (marks.s25 === null && scheduled >= CALIBRATION / 4) marks.s25 = t;
      if (marks.s100 === null && scheduled >= CALIBRATION) marks.s100 = t;
      if (marks.c25 === null && mailCount() >= CALIBRATION / 4) marks.c25 = t;
      if (marks.c100 === null && mailCount() >= CALIBRATION) marks.c100 = t;
      await sleep(50);
    }
    baseline = await redis.zcard(delayedKey);
  }
  const calScheduled = marks.s100;
  const calConfirmed = marks.c100;
  const calScheduleRate = (0.75 * CALIBRATION) / Math.max(0.1, marks.s100 - marks.s25);
  const calConfirmRate = (0.75 * CALIBRATION) / Math.max(0.1, marks.c100 - marks.c25);
  // scheduling must be complete before the first reminder is due (a later dispatch skips an offset
  // already past); the confirmations should be, so that the reminders meet an idle pipeline
  const leadSeconds =
    values['lead-seconds'] === 'auto'
      ? REMINDERS_ONLY
        ? 45
        : Math.ceil(Math.max((1.3 * N) / calScheduleRate, N / calConfirmRate) + 20)
      : Number(values['lead-seconds']);
  if (!REMINDERS_ONLY)
    log(
      `calibration: ${CALIBRATION} registrations dispatched in ${calScheduled.toFixed(1)} s (${calScheduleRate.toFixed(0)}/s steady), confirmed in ${calConfirmed.toFixed(1)} s (${calConfirmRate.toFixed(0)}/s); the reminders fall due ${leadSeconds} s after the outbox rows are written`,
    );
  if (Date.now() + (leadSeconds + 30) * 1000 > DEADLINE)
    log(`warning: the reminders fall due after ${leadSeconds} s, close to or past --timeout-minutes`);

  // ---- phase 2: the measured registrations
  const tfix = performance.now();
  const fireAt = new Date(Date.now() + 10_000 + leadSeconds * 1000);
  const events = await insertEvents(
    db,
    taraz.id,
    'event',
    EVENTS,
    new Date(fireAt.getTime() + OFFSET * 60_000),
    [OFFSET],
  );
  await insertRegistrations(db, events, N);
  await db.query('ANALYZE registrations');
  const {
    rows: [expected],
  } = await db.query(
    `SELECT count(*)::int AS registrations, count(*) FILTER (WHERE m.sms_opt_in)::int AS sms
     FROM registrations r JOIN members m ON m.id = r.member_id WHERE r.event_id = ANY($1::uuid[])`,
    [events.map((e) => e.id)],
  );
  const {
    rows: [seatCheck],
  } = await db.query(
    `SELECT bool_and(seats_taken = (SELECT count(*) FROM registrations r WHERE r.event_id = e.id AND r.status = 'REGISTERED')) AS ok
     FROM events e WHERE e.id = ANY($1::uuid[])`,
    [events.map((e) => e.id)],
  );
  if (!seatCheck.ok) throw new Error('fixture: seats_taken differs from the REGISTERED count');
  log(
    `fixtures: ${EVENTS} events, ${expected.registrations} registrations (${expected.sms} members with SMS) in ${((performance.now() - tfix) / 1000).toFixed(1)} s; first reminder due ${fireAt.toISOString()}`,
  );

  const stopSampler = startBackendSampler(databaseUrl);
  const cpuBefore = await cpuSnapshot(db, redis, workers);
  const mailBefore = mailCount();
  const smsBefore = sms.received.length;
  const t0 = Date.now();
  let outboxRows = 0;
  if (REMINDERS_ONLY) {
    // what the dispatches would have queued: one plan-reminders job per event (and offset)
    await queues.notifications.addBulk(
      events.map((e) => {
        const at = e.startsAt.getTime() - OFFSET * 60_000;
        return {
          name: 'plan-reminders',
          data: { eventId: e.id, offsetMinutes: OFFSET, startsAt: e.startsAt.toISOString() },
          opts: {
            jobId: `reminders-${e.id}-${OFFSET}-${e.startsAt.getTime()}-${at}`,
            delay: Math.max(0, at - Date.now()),
            removeOnComplete: true,
          },
        };
      }),
    );
    log(`${events.length} plan-reminders jobs queued`);
  } else {
    outboxRows = await insertOutbox(db, events);
    log(`${outboxRows} outbox rows written`);
  }
  const t0wall = performance.now();

  const wantReminders = expected.registrations; // one offset
  const wantMail = mailBefore + expected.registrations + (REMINDERS_ONLY ? 0 : expected.registrations);
  const wantSms = smsBefore + expected.sms;
  const lastDue = fireAt.getTime() + (EVENTS - 1) * STAGGER_MS;
  rssFrom = fireAt.getTime();
  let cpuAtDue = null;
  let dueWall = NaN;
  let scheduledAt = REMINDERS_ONLY ? 0 : null;
  let maxScheduled = 0;
  let relayedAt = null;
  let lastProgress = Date.now();
  let lastCounts = '';
  let lastLog = 0;
  let timedOut = false;
  let stalled = false;
  let idleSince = null;
  for (;;) {
    const now = Date.now();
    if (!cpuAtDue && now >= fireAt.getTime()) {
      cpuAtDue = await cpuSnapshot(db, redis, workers);
      dueWall = (performance.now() - t0wall) / 1000;
    }
    const scheduled = scheduledAt === null ? await dispatchedCount(events) : wantReminders;
    if (now < fireAt.getTime()) maxScheduled = Math.max(maxScheduled, scheduled);
    if (scheduledAt === null && scheduled >= wantReminders) scheduledAt = (performance.now() - t0wall) / 1000;
    if (relayedAt === null) {
      const {
        rows: [o],
      } = await db.query(`SELECT count(*)::int AS n FROM notification_outbox WHERE dispatched_at IS NULL`);
      if (o.n === 0) relayedAt = (performance.now() - t0wall) / 1000;
    }
    const counts = `${mailCount()}/${sms.received.length}`;
    if (counts !== lastCounts) {
      lastCounts = counts;
      lastProgress = now;
    }
    if (now - lastLog >= 15_000) {
      lastLog = now;
      log(
        `dispatched ${scheduled}/${wantReminders}, emails ${mailCount() - mailBefore}/${wantMail - mailBefore}, SMS ${sms.received.length - smsBefore}/${wantSms - smsBefore}${now < fireAt.getTime() ? `, first due in ${((fireAt.getTime() - now) / 1000).toFixed(0)} s` : ''}`,
      );
    }
    if (mailCount() >= wantMail && sms.received.length >= wantSms) {
      // everything arrived: wait until the queues are idle, then a grace period for late copies
      const c = await Promise.all(
        Object.values(queues).map((q) => q.getJobCounts('wait', 'active', 'prioritized')),
      );
      const busy = c.reduce((s, x) => s + x.wait + x.active + x.prioritized, 0);
      if (busy === 0) {
        idleSince ??= now;
        if (now - idleSince > 3000) break;
      } else idleSince = null;
    }
    if (pastDeadline()) {
      timedOut = true;
      break;
    }
    if (now > lastDue + 60_000 && now - lastProgress > 90_000) {
      stalled = true;
      break;
    }
    await sleep(250);
  }
  const endWall = (performance.now() - t0wall) / 1000;
  const cpuEnd = await cpuSnapshot(db, redis, workers);
  const backends = await stopSampler();
  clearTimeout(vacuumTimer);
  vacuumTimer = null;
  const { rows: tableStats } = await db.query(
    `SELECT relname, n_live_tup, n_dead_tup, last_analyze IS NOT NULL OR last_autoanalyze IS NOT NULL AS analyzed
     FROM pg_stat_user_tables WHERE relname IN ('notification_outbox', 'notifications', 'deliveries') ORDER BY relname`,
  );
  if (timedOut) log(`timeout (--timeout-minutes ${values['timeout-minutes']}): stopping with what arrived`);
  if (stalled) log('no arrival for 90 s after the last due time: stopping with what arrived');

  const jobCounts = {};
  for (const [name, q] of Object.entries(queues))
    jobCounts[name] = await q.getJobCounts('wait', 'active', 'delayed', 'failed', 'prioritized', 'completed');
  const failedJobs = [];
  for (const [name, q] of Object.entries(queues)) {
    for (const job of await q.getFailed(0, 4))
      failedJobs.push(`${name}/${job.name} ${job.id}: ${job.failedReason}`);
  }
  // deliver jobs still delayed or waiting, by delivery id (classified once the deliveries are read)
  const pendingDeliverJobs = [];
  for (const name of ['email', 'sms']) {
    for (const job of await queues[name].getJobs(['wait', 'delayed', 'active', 'prioritized'], 0, -1))
      pendingDeliverJobs.push({ queue: name, id: job.id, deliveryId: job.data?.deliveryId });
  }
  // the maintenance job that requeues deliveries left PENDING for over a minute: how many it added
  const maintenance = new Queue('maintenance', { connection, prefix: `${PREFIX}:bull` });
  let requeued = 0;
  let overdueMax = 0;
  for (const job of await maintenance.getCompleted(0, -1))
    if (job.name === 'requeue-stale-deliveries') {
      requeued += Number(job.returnvalue?.requeued ?? 0);
      overdueMax = Math.max(overdueMax, Number(job.returnvalue?.overdue ?? 0));
    }
  await maintenance.close();
  await Promise.all(workers.map((w) => w.stop()));
  const workerLog = reportWorkerLog(workers);
  log(`workers stopped after ${endWall.toFixed(1)} s of the measured run`);

  // ---- what arrived, matched to the deliveries in PostgreSQL
  const { rows: deliveryRows } = await db.query(
    `SELECT d.id, d.channel, d.status, d.attempts, d.last_error, n.kind, n.dedup_key, n.registration_id
     FROM deliveries d JOIN notifications n ON n.id = d.notification_id`,
  );
  const deliveries = new Map(deliveryRows.map((r) => [r.id, r]));
  const dueOf = (d) => {
    const m = /^reminder:[^:]+:(\d+):(\d+)$/.exec(d.dedup_key);
    return m ? Number(m[2]) - Number(m[1]) * 60_000 : null;
  };
  const calibrationIds = new Set(
    (
      await db.query(`SELECT id FROM registrations WHERE event_id = $1`, [calibrationEvent?.id ?? null])
    ).rows.map((r) => r.id),
  );

  const mailArrivals = mail.arrivals();
  const byMessageId = new Map();
  const mailDupes = [];
  const recipientSubject = new Map();
  let unknownMail = 0;
  const lag = { confirm: [], remEmail: [], remSms: [] };
  const seen = { confirm: 0, confirmCal: 0, remEmail: 0, remSms: 0 };
  const window = { confirmLast: 0, remFirstDue: Infinity, remEmailLast: 0, remSmsLast: 0 };
  for (const m of mailArrivals) {
    const id = /^<([^@>]+)@/.exec(m.messageId ?? '')?.[1];
    if (byMessageId.has(m.messageId)) {
      mailDupes.push(m.messageId);
      continue;
    }
    byMessageId.set(m.messageId, m);
    const d = id && deliveries.get(id);
    if (!d) {
      unknownMail++;
      continue;
    }
    if (d.kind === 'REMINDER') {
      const key = `${m.to}\n${m.subject}`;
      recipientSubject.set(key, (recipientSubject.get(key) ?? 0) + 1);
      const due = dueOf(d);
      seen.remEmail++;
      lag.remEmail.push(m.at - due);
      window.remFirstDue = Math.min(window.remFirstDue, due);
      window.remEmailLast = Math.max(window.remEmailLast, m.at);
    } else if (d.kind === 'REGISTERED') {
      if (!calibrationIds.has(d.registration_id)) {
        seen.confirm++;
        lag.confirm.push(m.at - t0);
        window.confirmLast = Math.max(window.confirmLast, m.at);
      } else seen.confirmCal++;
    }
  }
  const sameRecipientSubject = [...recipientSubject.values()].filter((c) => c > 1).length;
  const byKey = new Map();
  const smsDupes = [];
  const phoneText = new Map();
  let unknownSms = 0;
  for (const s of sms.received) {
    if (byKey.has(s.idempotencyKey) || (s.reference !== s.idempotencyKey && byKey.has(s.reference))) {
      smsDupes.push(s.idempotencyKey);
      continue;
    }
    byKey.set(s.idempotencyKey, s);
    const d = deliveries.get(s.reference);
    if (!d) {
      unknownSms++;
      continue;
    }
    const key = `${s.to}\n${s.text}`;
    phoneText.set(key, (phoneText.get(key) ?? 0) + 1);
    if (d.kind === 'REMINDER') {
      const due = dueOf(d);
      seen.remSms++;
      lag.remSms.push(s.at.getTime() - due);
      window.remFirstDue = Math.min(window.remFirstDue, due);
      window.remSmsLast = Math.max(window.remSmsLast, s.at.getTime());
    }
  }
  const samePhoneText = [...phoneText.values()].filter((c) => c > 1).length;

  // PostgreSQL's side: deliveries by kind, channel and status; retries
  const dbSummary = new Map();
  let retried = 0;
  const errors = new Map();
  for (const d of deliveryRows) {
    const k = `${d.kind} ${d.channel} ${d.status}`;
    dbSummary.set(k, (dbSummary.get(k) ?? 0) + 1);
    if (d.attempts > 1) retried++;
    if (d.last_error) errors.set(d.last_error, (errors.get(d.last_error) ?? 0) + 1);
  }
  const {
    rows: [notificationCounts],
  } = await db.query(
    `SELECT count(*) FILTER (WHERE kind = 'REMINDER')::int AS reminders,
            count(*) FILTER (WHERE kind = 'REGISTERED' AND registration_id <> ALL($1::uuid[]))::int AS confirmations
     FROM notifications`,
    [[...calibrationIds]],
  );

  // ---- the bare-send baseline, with the workers stopped: same sends, no database, no queue
  let bare = null;
  if (!values['skip-bare'] && !pastDeadline()) {
    const connections = WORKERS * Number(WORKER_ENV.SMTP_POOL_SIZE ?? baseEnv.SMTP_POOL_SIZE ?? 10);
    log(
      `bare send: ${expected.registrations} reminder emails (nodemailer, pool of ${connections}) and ${expected.sms} SMS (SmsGatewayClient) from a separate process`,
    );
    const mailBeforeBare = mailCount();
    const smsBeforeBare = sms.received.length;
    const out = await new Promise((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [
          join(ROOT, 'bench/lib/bare-send.mjs'),
          JSON.stringify({
            root: build.root,
            smtpPort: mail.smtpPort,
            smsUrl: sms.url,
            token: 'dev-sms-token',
            emails: expected.registrations,
            sms: expected.sms,
            connections,
            // as many sends in flight as the workers have: workers x batches x sends per batch
            inFlight:
              WORKERS *
              Number(WORKER_ENV.DELIVERY_BATCHES_IN_FLIGHT ?? 2) *
              Number(WORKER_ENV.DELIVERY_SENDS_IN_FLIGHT ?? 16),
          }),
        ],
        { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
      );
      let text = '';
      child.stdout.on('data', (d) => (text += d));
      child.once('exit', (code) =>
        code === 0 ? resolve(text) : reject(new Error(`bare send exited ${code}`)),
      );
    });
    bare = JSON.parse(out.trim().split('\n').pop());
    bare.arrivedMail = mailCount() - mailBeforeBare;
    bare.arrivedSms = sms.received.length - smsBeforeBare;
  }

  // ---- raw BullMQ and the sinks' own rates, with the workers stopped
  let raw = null;
  if (!values['skip-raw'] && !pastDeadline()) {
    log(`raw BullMQ: addBulk of ${RAW_JOBS} trivial jobs, then a Worker (concurrency 50, no-op)`);
    raw = await rawBullmq(connection, RAW_JOBS);
  }
  let sinkRates = null;
  if (SINK_CHECK > 0 && !pastDeadline()) {
    log(`sink rates: ${SINK_CHECK} messages through nodemailer (pool of 5) to each SMTP sink`);
    const light = values['mail-sink'] === 'light' ? mail : await startLightMailSink();
    const catcher = await lib.startMailCatcher({ smtpPort: 0, httpPort: 0 });
    sinkRates = {
      light: await sinkRate(light.smtpPort, SINK_CHECK),
      catcher: await sinkRate(catcher.smtpPort, SINK_CHECK),
    };
    await catcher.close();
    if (light !== mail) await light.close();
  }

  // ---- report
  const { rows: pgVersion } = await db.query(`SELECT current_setting('server_version') AS v`);
  const failures = [];
  const expectConfirm = REMINDERS_ONLY ? 0 : expected.registrations;
  const checks = [
    ['confirmation emails at the sink (measured run)', expectConfirm, seen.confirm],
    ['reminder emails at the sink', expected.registrations, seen.remEmail],
    ['reminder SMS at the sink', expected.sms, seen.remSms],
    ['REMINDER notifications in PostgreSQL', expected.registrations, notificationCounts.reminders],
    ['duplicate Message-IDs at the SMTP sink', 0, mailDupes.length],
    ['duplicate Idempotency-Keys / references at the SMS stub', 0, smsDupes.length],
    ['reminder emails: same recipient and subject twice', 0, sameRecipientSubject],
    ['SMS: same phone and text twice', 0, samePhoneText],
    ['arrivals matching no delivery (email / SMS)', 0, unknownMail + unknownSms],
    ['deliveries in PostgreSQL not SENT', 0, deliveryRows.filter((d) => d.status !== 'SENT').length],
  ];
  for (const [name, want, got] of checks)
    if (want !== got) failures.push(`${name}: expected ${want}, got ${got}`);
  if (timedOut) failures.push('the run hit --timeout-minutes');
  // a second job for a delivery another job already sent waits (delayed) for the lease, then finds
  // it SENT and completes: harmless; any other job left is stuck
  const heldCopies = pendingDeliverJobs.filter((j) => deliveries.get(j.deliveryId)?.status === 'SENT');
  const leftover =
    jobCounts.notifications.wait +
    jobCounts.notifications.active +
    jobCounts.notifications.delayed -
    baseline +
    pendingDeliverJobs.length -
    heldCopies.length;
  const failedCount = Object.values(jobCounts).reduce((s, c) => s + c.failed, 0);

  const remFirstDue = window.remFirstDue;
  const scheduleRate = scheduledAt ? wantReminders / scheduledAt : NaN;
  const remEmailSeconds = (window.remEmailLast - remFirstDue) / 1000;
  const remSmsSeconds = (window.remSmsLast - remFirstDue) / 1000;
  const remAllLast = Math.max(window.remEmailLast, window.remSmsLast);
  const remAllSeconds = (remAllLast - remFirstDue) / 1000;
  const confirmSeconds = (window.confirmLast - t0) / 1000;

  console.log('');
  console.log(
    `Reminders, ${new Date().toISOString().slice(0, 10)}: ${int(expected.registrations)} registrations on ${EVENTS} events (${int(expected.sms)} members with SMS, zone ${zone}), one reminder each ${OFFSET} min before the start, ${WORKERS} worker process(es), rate limits ${RATE}/s, mail sink: ${mail.kind}; node ${process.version}, PostgreSQL ${pgVersion[0].v}, ${cpus().length} cores, load average at start ${loadAtStart}, code: ${build.label}${Object.keys(WORKER_ENV).length ? `, worker settings ${JSON.stringify(WORKER_ENV)}` : ''}`,
  );
  if (!REMINDERS_ONLY)
    console.log(
      `Calibration (${CALIBRATION} registrations): scheduled in ${calScheduled.toFixed(1)} s (${calScheduleRate.toFixed(0)}/s after the first quarter), confirmed in ${calConfirmed.toFixed(1)} s (${calConfirmRate.toFixed(0)}/s) -> reminders due ${leadSeconds} s after the outbox rows (first due ${fireAt.toISOString()}, events ${STAGGER_MS / 1000} s apart).`,
    );
  console.log('');
  console.log('| stage | items | window s | per s | lag p50 s | p95 s | p99 s | max s |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  console.log(
    `| outbox rows relayed to the queue (from the INSERT) | ${int(outboxRows)} | ${fmt(relayedAt)} | ${int(outboxRows / relayedAt)} | - | - | - | - |`,
  );
  console.log(
    `| registrations dispatched (reminder job made sure of, confirmation planned; from the INSERT) | ${int(scheduledAt ? wantReminders : maxScheduled)} | ${fmt(scheduledAt)} | ${int(scheduleRate)} | - | - | - | - |`,
  );
  console.log(
    stageRow('confirmation emails (lag from the outbox INSERT)', seen.confirm, confirmSeconds, lag.confirm),
  );
  console.log(
    stageRow('reminder emails (lag from the due time)', seen.remEmail, remEmailSeconds, lag.remEmail),
  );
  console.log(stageRow('reminder SMS (lag from the due time)', seen.remSms, remSmsSeconds, lag.remSms));
  console.log(
    stageRow('reminders, email + SMS', seen.remEmail + seen.remSms, remAllSeconds, [
      ...lag.remEmail,
      ...lag.remSms,
    ]),
  );
  console.log('');
  console.log(
    '"window s": from the outbox INSERT (scheduling, confirmations) or from the first due time (reminders) to the last arrival; "per s" = items / window.',
  );
  const remRate = (seen.remEmail + seen.remSms) / remAllSeconds;
  if (bare) {
    const bareRate = (bare.emails + bare.sms) / bare.seconds;
    console.log('');
    console.log('| bare send, same run (no database, no queue) | items | wall s | per s |');
    console.log('|---|---:|---:|---:|');
    console.log(
      `| reminder emails (nodemailer pool) | ${int(bare.emails)} | ${fmt(bare.emailSeconds)} | ${int(bare.emails / bare.emailSeconds)} |`,
    );
    console.log(
      `| reminder SMS (SmsGatewayClient) | ${int(bare.sms)} | ${fmt(bare.smsSeconds)} | ${int(bare.sms / bare.smsSeconds)} |`,
    );
    console.log(
      `| both at once | ${int(bare.emails + bare.sms)} | ${fmt(bare.seconds)} | ${int(bareRate)} |`,
    );
    console.log('');
    console.log(
      `Ratio: reminders through the pipeline / bare send = ${int(remRate)} / ${int(bareRate)} = ${fmt(remRate / bareRate, 2)} (goal >= 0.5). Bare send: ${int(bare.arrivedMail)} emails and ${int(bare.arrivedSms)} SMS arrived, ${bare.failed} failed, its RSS peak ${fmt(bare.rssMb)} MB.`,
    );
  }
  console.log('');
  console.log(
    `Worker RSS peak from the first due time to the end: ${fmt(rss.peakMb)} MB (${[...rss.byWorker].map(([i, mb]) => `worker ${i} ${fmt(mb)} MB`).join(', ')}; goal <= 300 MB).`,
  );
  if (raw) {
    const addRate = RAW_JOBS / raw.addSeconds;
    const processRate = raw.processed / raw.processSeconds;
    console.log('');
    console.log('| raw BullMQ on this machine | jobs | wall s | jobs/s |');
    console.log('|---|---:|---:|---:|');
    console.log(
      `| Queue.addBulk, trivial jobs (chunks of 1,000) | ${int(RAW_JOBS)} | ${fmt(raw.addSeconds)} | ${int(addRate)} |`,
    );
    console.log(
      `| Worker, concurrency 50, no-op processor | ${int(raw.processed)} | ${fmt(raw.processSeconds)} | ${int(processRate)} |`,
    );
    console.log('');
    console.log(
      `Ratios: registrations dispatched / raw addBulk = ${int(scheduleRate)} / ${int(addRate)} = ${fmt(scheduleRate / addRate, 3)}; reminder deliveries (email + SMS) / raw no-op processing = ${int((seen.remEmail + seen.remSms) / remAllSeconds)} / ${int(processRate)} = ${fmt((seen.remEmail + seen.remSms) / remAllSeconds / processRate, 3)}.`,
    );
  }
  if (sinkRates) {
    console.log(
      `SMTP sinks on their own (${SINK_CHECK} confirmation-sized messages from a separate process, nodemailer pool of 5, 10 in flight): light sink ${int(sinkRates.light.rate)}/s at ${fmt(sinkRates.light.cpuMs, 2)} ms of CPU per message, mail catcher (mailparser) ${int(sinkRates.catcher.rate)}/s at ${fmt(sinkRates.catcher.cpuMs, 2)} ms per message.`,
    );
  }
  console.log(
    `CPU seconds (${cpus().length} cores; redis-server and the machine are shared with whatever else runs): outbox INSERT to first due time (${fmt(dueWall)} s wall): ${cpuAtDue ? cpuLine(cpuDiff(cpuBefore, cpuAtDue)) : '-'}; first due time to the end (${fmt(endWall - dueWall)} s wall): ${cpuAtDue ? cpuLine(cpuDiff(cpuAtDue, cpuEnd)) : '-'}.`,
  );
  console.log(`PostgreSQL backends on average (sampled each second): ${backends.summary}.`);
  console.log(
    `PostgreSQL autovacuum: ${autovacuum}; ${VACUUM_EVERY > 0 ? `this run ran VACUUM (ANALYZE) of the outbox, notifications and deliveries every ${VACUUM_EVERY} s (${vacuums.count} times, ${vacuums.seconds.toFixed(1)} s in all)` : 'no VACUUM or ANALYZE of the pipeline tables during the run (--vacuum-every 0)'}; at the end: ${tableStats.map((t) => `${t.relname} ${t.n_live_tup} live / ${t.n_dead_tup} dead rows${t.analyzed ? '' : ', never analyzed'}`).join('; ')}.`,
  );
  if (backends.slow.length) {
    console.log('Statements seen running longer than 500 ms:');
    for (const [q, s] of backends.slow)
      console.log(`  ${s.count} sample(s), up to ${s.max.toFixed(1)} s: ${q}`);
  } else console.log('No statement was seen running longer than 500 ms.');
  console.log(
    `Deliveries in PostgreSQL: ${[...dbSummary]
      .sort()
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}; ${retried} with more than one attempt.`,
  );
  if (errors.size)
    console.log(
      `last_error values: ${[...errors]
        .slice(0, 5)
        .map(([k, v]) => `${v} x ${k}`)
        .join('; ')}`,
    );
  console.log(
    `Jobs left after the run: ${Object.entries(jobCounts)
      .map(([q, c]) => `${q} wait ${c.wait} active ${c.active} delayed ${c.delayed} failed ${c.failed}`)
      .join('; ')} (the calibration's ${baseline} reminder job(s) stay delayed by design).`,
  );
  for (const f of failedJobs) console.log(`  failed job: ${f}`);
  console.log(
    `The minutely requeue-stale-deliveries job re-enqueued ${requeued} PENDING deliveries (before the delivery pump) and saw at most ${overdueMax} deliveries overdue by more than a minute (since); ${heldCopies.length} deliver job(s) were still waiting or delayed for deliveries already SENT (they complete without sending once the lease ends).`,
  );
  for (const line of workerLog) console.log(line);
  console.log('');
  console.log('| check | expected | got | result |');
  console.log('|---|---:|---:|---|');
  for (const [name, want, got] of checks)
    console.log(`| ${name} | ${int(want)} | ${int(got)} | ${want === got ? 'PASS' : 'FAIL'} |`);
  console.log(
    `| jobs left waiting, active or delayed (besides calibration) | 0 | ${int(leftover)} | ${leftover ? 'FAIL' : 'PASS'} |`,
  );
  console.log(`| failed jobs | 0 | ${int(failedCount)} | ${failedCount ? 'FAIL' : 'PASS'} |`);
  if (leftover) failures.push(`${leftover} job(s) left in the queues`);
  if (failedCount) failures.push(`${failedCount} failed job(s)`);
  printVerdict('Result', failures, 'no duplicate, nothing missing');
}

runMain(main, 'reminders', cleanup).finally(() => {
  // everything is closed; if a handle still keeps the process alive, name it and leave
  setTimeout(() => {
    const handles = process.getActiveResourcesInfo();
    console.error(`[reminders] still alive 5 s after cleanup (${handles.join(', ')}): exiting`);
    process.exit(process.exitCode ?? 0);
  }, 5000).unref();
});
