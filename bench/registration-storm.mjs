#!/usr/bin/env node
// Registration storm: N students register at once for one forum and for small events, over HTTP
// GraphQL, then the same registration statement goes straight through `pg` for comparison.
// Self-contained:
//   node bench/registration-storm.mjs [--students 2000] [--concurrency 200] [--forum-seats 500]
//        [--events 20] [--event-seats 30] [--database yvc_bench] [--port 3400] [--skip-raw]
//        [--tree head|worktree] [--skip-build] [--rate 300] [--duration 60] [--cpu-prof DIR] [--api-processes N]
// --rate R --duration S (defaults 300 and 60; --rate 0 skips it): after the closed-loop storm, an
// open-loop run on fresh members and events sends R registrations a second for S seconds whatever
// the answers (latency counted from each request's planned send time, so a slow answer delays no
// later request and hides nothing), half for a forum, half for the small events.
// --api-processes N: API_PROCESSES=N (node:cluster; CPU summed over the API's processes, memory the
// largest process's).
// --cpu-prof DIR: V8's sampling profiler in the API during the closed-loop storm (and, separately,
// the open-loop run), written to DIR and summed up by bench/lib/profile-summary.mjs.
// The API's resident memory (VmRSS) is sampled every 100 ms during each HTTP phase.
// It finds (or starts) PostgreSQL and Redis like `npm start`, makes the database fresh (DROP and
// CREATE), builds the last commit (git archive HEAD into a temporary directory, `npm run build`
// there, once per commit; --tree worktree: this checkout's dist/, rebuilt when older than the
// sources), starts that API on 127.0.0.1, inserts
// members, sessions and events in bulk (no argon2: tokens are minted here with the same secret),
// fires the storm, checks the invariants in PostgreSQL and prints markdown table rows. Exit code 1
// when an invariant fails. Timings are printed, never asserted.
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { ensureServices } from '../scripts/services.mjs';
import { graphqlData, pickPort, reportApiLog, startApi, tokenSigner } from './lib/api.mjs';
import { apiProcessesOption, cli, credentialKeys, prepareBuild, productionEnv } from './lib/build.mjs';
import { cleanupStack, printVerdict, runMain } from './lib/cleanup.mjs';
import { assertBenchDatabaseName, assertLocalServer, freshDatabase, redact } from './lib/db.mjs';
import {
  LATENCY_HEAD,
  cpuLine,
  cpuSince,
  cpuSnapshot,
  latencyRow,
  runConcurrent,
  sampleBackends,
} from './lib/load.mjs';
import { profileApi, profilerSetup } from './lib/profile-api.mjs';
import { sampleRss } from './lib/rss.mjs';
import { loadAverage } from './lib/stats.mjs';

const { values } = parseArgs({
  options: {
    students: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '200' },
    'forum-seats': { type: 'string', default: '500' },
    events: { type: 'string', default: '20' },
    'event-seats': { type: 'string', default: '30' },
    database: { type: 'string', default: 'yvc_bench' },
    port: { type: 'string', default: '3400' },
    tree: { type: 'string', default: 'head' },
    'skip-build': { type: 'boolean', default: false },
    'skip-raw': { type: 'boolean', default: false },
    rate: { type: 'string', default: '300' },
    duration: { type: 'string', default: '60' },
    'cpu-prof': { type: 'string' },
    'api-processes': { type: 'string', default: '1' },
    'max-in-flight': { type: 'string', default: '2000' },
  },
});
const RATE = Number(values.rate);
const DURATION = Number(values.duration);
const MAX_IN_FLIGHT = Number(values['max-in-flight']);
if (!(RATE >= 0) || !(DURATION > 0)) throw new Error('--rate must be >= 0 and --duration > 0');
const N = Number(values.students);
const C = Number(values.concurrency);
const FORUM_SEATS = Number(values['forum-seats']);
const SMALL_EVENTS = Number(values.events);
const SMALL_SEATS = Number(values['event-seats']);
const DB_NAME = values.database;
for (const [name, v] of Object.entries({ N, C, FORUM_SEATS, SMALL_EVENTS, SMALL_SEATS })) {
  if (!Number.isInteger(v) || v < 1) throw new Error(`${name} must be a positive integer`);
}
if (!['worktree', 'head'].includes(values.tree)) throw new Error('--tree must be worktree or head');
assertBenchDatabaseName(DB_NAME, 'yvc_bench');

const log = (msg) => console.log(`[storm] ${msg}`);
const { defer, cleanup } = cleanupStack(log);

// ---------------------------------------------------------------- fixtures

/** `count` ACTIVE members of zhambyl.taraz, each with one open session. */
async function insertMembers(db, unitId, tag, count) {
  const { rows } = await db.query(
    `WITH m AS (
       INSERT INTO members (full_name, email, birth_date, password_hash, role, status, membership_number, unit_id)
       SELECT 'Бенчмарк Студент ' || g, format('%s.%s@bench.yvc.kz', $1::text, g), DATE '2006-05-05', 'x',
              'MEMBER', 'ACTIVE', format('%s-2026-%s', $2::text, lpad(g::text, 6, '0')), $3
       FROM generate_series(1, $4::int) g
       RETURNING id)
     INSERT INTO sessions (member_id) SELECT id FROM m RETURNING id AS session_id, member_id`,
    [tag, tag.toUpperCase().slice(0, 3), unitId, count],
  );
  return rows;
}

/** One forum and `SMALL_EVENTS` small events, PUBLISHED, starting in 30 days. */
async function insertEvents(db, unitId, tag) {
  const { rows } = await db.query(
    `INSERT INTO events (title, kind, status, unit_id, starts_at, ends_at, capacity, published_at)
     SELECT CASE WHEN g = 0 THEN format('Bench %s forum', $1::text) ELSE format('Bench %s event %s', $1::text, g) END,
            (CASE WHEN g = 0 THEN 'FORUM' ELSE 'TRAINING' END)::event_kind, 'PUBLISHED', $2,
            now() + interval '30 days', now() + interval '30 days 4 hours',
            CASE WHEN g = 0 THEN $3::int ELSE $4::int END, now()
     FROM generate_series(0, $5::int) g ORDER BY g
     RETURNING id, capacity, title`,
    [tag, unitId, FORUM_SEATS, SMALL_SEATS, SMALL_EVENTS],
  );
  const forum = rows.find((r) => r.title.endsWith('forum'));
  return { forum: forum.id, small: rows.filter((r) => r !== forum).map((r) => r.id) };
}

/** Every student registers for the forum and for one small event (round-robin), interleaved. */
function storm(students, events) {
  const tasks = [];
  students.forEach((s, i) => {
    tasks.push({ student: s, eventId: events.forum, forum: true });
    tasks.push({ student: s, eventId: events.small[i % events.small.length], forum: false });
  });
  return tasks;
}

// ---------------------------------------------------------------- invariants

/**
 * Per event: REGISTERED <= capacity and = seats_taken, REGISTERED = min(capacity, demand), the rest
 * WAITLISTED, waitlist_seq exactly 1..k (so the row_number positions are 1..k with no tie or gap)
 * and events.waitlist_seq = k (and events.waitlisted = k where the build has that counter), no member
 * twice, one outbox row of the right kind per registration.
 */
async function checkInvariants(db, label, events, demand) {
  const ids = [events.forum, ...events.small];
  const { rows } = await db.query(
    `SELECT e.id, e.capacity, e.seats_taken, e.waitlist_seq AS seq_counter,
       (to_jsonb(e) ->> 'waitlisted')::int AS waitlisted_counter,
       (SELECT count(*) FROM registrations r WHERE r.event_id = e.id AND r.status = 'REGISTERED')::int AS registered,
       (SELECT count(*) FROM registrations r WHERE r.event_id = e.id AND r.status = 'WAITLISTED')::int AS waitlisted,
       (SELECT count(*) FROM registrations r WHERE r.event_id = e.id)::int AS rows,
       (SELECT count(DISTINCT member_id) FROM registrations r WHERE r.event_id = e.id)::int AS members,
       (SELECT coalesce(bool_and(pos = waitlist_seq), true) AND coalesce(max(pos), 0) = count(*)
          FROM (SELECT waitlist_seq, row_number() OVER (ORDER BY waitlist_seq) AS pos
                FROM registrations r WHERE r.event_id = e.id AND r.status = 'WAITLISTED') w) AS contiguous,
       (SELECT count(*) FROM notification_outbox o WHERE o.event_id = e.id AND o.kind = 'REGISTERED')::int AS out_reg,
       (SELECT count(*) FROM notification_outbox o WHERE o.event_id = e.id AND o.kind = 'WAITLISTED')::int AS out_wait
     FROM events e WHERE e.id = ANY($1::uuid[])`,
    [ids],
  );
  const failures = [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const lines = [];
  const sum = { capacity: 0, demand: 0, registered: 0, seats: 0, waitlisted: 0, ok: true };
  for (const id of ids) {
    const r = byId.get(id);
    const want = demand.get(id) ?? 0;
    const name = id === events.forum ? 'forum' : `event ${events.small.indexOf(id) + 1}`;
    const problems = [];
    if (r.registered > r.capacity) problems.push(`REGISTERED ${r.registered} > capacity ${r.capacity}`);
    if (r.registered !== r.seats_taken)
      problems.push(`REGISTERED ${r.registered} != seats_taken ${r.seats_taken}`);
    if (r.registered !== Math.min(r.capacity, want))
      problems.push(`REGISTERED ${r.registered}, expected ${Math.min(r.capacity, want)}`);
    if (r.waitlisted !== Math.max(0, want - r.capacity))
      problems.push(`WAITLISTED ${r.waitlisted}, expected ${Math.max(0, want - r.capacity)}`);
    if (!r.contiguous) problems.push('waitlist_seq is not exactly 1..k');
    if (r.seq_counter !== r.waitlisted)
      problems.push(`events.waitlist_seq ${r.seq_counter} != k ${r.waitlisted}`);
    // builds since the waitlist counter: it must equal the WAITLISTED rows
    if (r.waitlisted_counter !== null && r.waitlisted_counter !== r.waitlisted)
      problems.push(`events.waitlisted ${r.waitlisted_counter} != k ${r.waitlisted}`);
    if (r.rows !== r.members) problems.push(`${r.rows - r.members} member(s) registered twice`);
    if (r.out_reg !== r.registered || r.out_wait !== r.waitlisted)
      problems.push(`outbox REGISTERED/WAITLISTED ${r.out_reg}/${r.out_wait}`);
    for (const p of problems) failures.push(`${label} ${name}: ${p}`);
    if (id === events.forum) {
      lines.push(
        `| ${label}: forum | ${r.capacity} | ${want} | ${r.registered} | ${r.seats_taken} | ${r.waitlisted} | ${r.contiguous ? `1..${r.waitlisted}` : 'NO'} | ${r.rows - r.members} | ${problems.length ? 'FAIL' : 'PASS'} |`,
      );
    } else {
      sum.capacity += r.capacity;
      sum.demand += want;
      sum.registered += r.registered;
      sum.seats += r.seats_taken;
      sum.waitlisted += r.waitlisted;
      sum.dupes = (sum.dupes ?? 0) + r.rows - r.members;
      sum.ok &&= problems.length === 0 && r.contiguous;
    }
  }
  lines.push(
    `| ${label}: ${events.small.length} small events (sums) | ${sum.capacity} | ${sum.demand} | ${sum.registered} | ${sum.seats} | ${sum.waitlisted} | ${sum.ok ? 'each 1..k' : 'NO'} | ${sum.dupes} | ${sum.ok ? 'PASS' : 'FAIL'} |`,
  );
  return { lines, failures };
}

const INVARIANT_HEAD = [
  '| invariants | capacity | demand | REGISTERED | seats_taken | WAITLISTED | waitlist positions | members twice | result |',
  '|---|---:|---:|---:|---:|---:|---|---:|---|',
];

// ---------------------------------------------------------------- the raw path

// The statement RegistrationsService.register() runs (REGISTER_STATEMENT, read from the build being
// measured), with the same parameters; the API additionally looks for an active registration
// first and reads the new one back.
let registerStatement = null;

async function registerRaw(pool, eventId, memberId) {
  try {
    const { rows } = await pool.query(registerStatement, [
      eventId,
      memberId,
      randomBytes(32).toString('base64url'),
      'REGISTERED',
      'WAITLISTED',
    ]);
    if (!rows.length) throw new Error('registration closed');
    return rows[0].id;
  } catch (err) {
    if (err.code === '23505') throw new Error('already registered');
    throw err;
  }
}

// ---------------------------------------------------------------- HTTP phases

/**
 * Open loop: task i is sent at start + i / rate seconds whatever happened to the others; its
 * latency is counted from that planned moment (a late send counts against us). Same result shape
 * as runConcurrent: { times, ends, outcomes, seconds, maxInFlight }.
 */
async function runOpenLoop(tasks, rate, fn, cap = Infinity) {
  const times = new Array(tasks.length);
  const ends = new Array(tasks.length);
  const outcomes = new Array(tasks.length);
  const started = performance.now();
  const pending = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let next = 0;
  while (next < tasks.length) {
    const now = performance.now();
    while (next < tasks.length && started + (next * 1000) / rate <= now) {
      const i = next++;
      const planned = started + (i * 1000) / rate;
      if (inFlight >= cap) {
        // the API is that far behind: counted as a failure, not sent (a client would have given up)
        outcomes[i] = { ok: false, error: new Error(`not sent: ${cap} requests in flight`) };
        times[i] = NaN;
        ends[i] = (performance.now() - started) / 1000;
        continue;
      }
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      pending.push(
        (async () => {
          try {
            outcomes[i] = { ok: true, value: await fn(tasks[i], i) };
          } catch (err) {
            outcomes[i] = { ok: false, error: err };
          }
          inFlight--;
          times[i] = performance.now() - planned;
          ends[i] = (performance.now() - started) / 1000;
        })(),
      );
    }
    await new Promise((r) => setTimeout(r, 1));
  }
  await Promise.all(pending);
  return { times, ends, outcomes, seconds: (performance.now() - started) / 1000, maxInFlight };
}

/**
 * What each response said must be what the database holds (status; a WAITLISTED answer's position
 * at most the event's waitlist), and per event the positions handed out are exactly 1..k, each once
 * (nobody leaves a waitlist during the storm, so a repeated or skipped number is a wrong answer).
 */
async function responsesAgree(db, label, tasks, outcomes) {
  const answered = [];
  outcomes.forEach((o, i) => {
    if (o.ok) answered.push({ ...o.value, eventId: tasks[i].eventId });
  });
  const { rows: dbRegs } = await db.query(
    `SELECT r.id, r.event_id, r.status, (SELECT count(*) FROM registrations w WHERE w.event_id = r.event_id AND w.status = 'WAITLISTED')::int AS k
     FROM registrations r WHERE r.id = ANY($1::uuid[])`,
    [answered.map((a) => a.id)],
  );
  const held = new Map(dbRegs.map((r) => [r.id, r]));
  let mismatched = 0;
  const positions = new Map();
  for (const a of answered) {
    const r = held.get(a.id);
    if (!r || r.event_id !== a.eventId) {
      mismatched++;
      continue;
    }
    const positionOk =
      a.status === 'WAITLISTED'
        ? a.waitlistPosition >= 1 && a.waitlistPosition <= r.k
        : a.waitlistPosition === null;
    if (r.status !== a.status || !positionOk) mismatched++;
    if (a.status === 'WAITLISTED') {
      if (!positions.has(a.eventId)) positions.set(a.eventId, { k: r.k, seen: [] });
      positions.get(a.eventId).seen.push(a.waitlistPosition);
    }
  }
  let badEvents = 0;
  for (const { k, seen } of positions.values()) {
    seen.sort((x, y) => x - y);
    if (seen.length !== k || seen.some((p, i) => p !== i + 1)) badEvents++;
  }
  const failures = [];
  if (mismatched)
    failures.push(`${label}: ${mismatched} response(s) disagree with the database (status or position)`);
  if (badEvents)
    failures.push(`${label}: at ${badEvents} event(s) the positions answered are not exactly 1..k`);
  return { failures, ok: !mismatched && !badEvents };
}

/** Errors of a phase, grouped by message. */
function phaseErrors(label, outcomes) {
  const errors = new Map();
  outcomes.forEach((o) => {
    if (!o.ok) errors.set(o.error.message, (errors.get(o.error.message) ?? 0) + 1);
  });
  return [...errors].map(([message, count]) => `${label}: ${count} request(s) failed: ${message}`);
}

// ---------------------------------------------------------------- main

async function main() {
  const loadAtStart = loadAverage();
  const services = await ensureServices({ log });
  defer(() => services.stop());
  assertLocalServer(services.databaseServerUrl);
  const { env, secret, databaseUrl } = productionEnv(services, {
    database: DB_NAME,
    redisPrefix: `yvc-bench-${DB_NAME}`,
  });
  const API_PROCESSES = apiProcessesOption(values, env);
  const { profDir, nodeArgs } = profilerSetup(values['cpu-prof'], env);

  const build = prepareBuild({ tree: values.tree, skipBuild: values['skip-build'], log });
  log(`database ${DB_NAME} on ${redact(services.databaseServerUrl)} (fresh), redis ${services.redisUrl}`);
  await freshDatabase(services.databaseServerUrl, DB_NAME);
  registerStatement = createRequire(import.meta.url)(
    join(build.root, 'dist/libs/events/src/registrations/register-statement.js'),
  ).REGISTER_STATEMENT;
  cli(build.root, env, 'migrate');
  cli(build.root, env, 'units:import');
  credentialKeys(build.root, env, defer);

  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  defer(() => db.end());
  const {
    rows: [taraz],
  } = await db.query(`SELECT id FROM units WHERE code = 'zhambyl.taraz'`);
  const sign = await tokenSigner(secret, 3600);
  const t0 = performance.now();
  const withTokens = (rows) =>
    rows.map((s) => ({
      memberId: s.member_id,
      token: sign({ sub: s.member_id, sid: s.session_id, role: 'MEMBER' }),
    }));
  const students = withTokens(await insertMembers(db, taraz.id, 'http', N));
  const events = await insertEvents(db, taraz.id, 'http');
  const openCount = RATE ? Math.ceil((RATE * DURATION) / 2) : 0;
  const openStudents = openCount ? withTokens(await insertMembers(db, taraz.id, 'open', openCount)) : [];
  const openEvents = openCount ? await insertEvents(db, taraz.id, 'open') : null;
  await db.query('ANALYZE');
  log(
    `fixtures: ${N + openCount} members with sessions, 1 forum + ${SMALL_EVENTS} events${openCount ? ' (twice)' : ''} (${(performance.now() - t0).toFixed(0)} ms)`,
  );

  const port = await pickPort(Number(values.port));
  const api = await startApi({ root: build.root, env, port, defer, nodeArgs });
  log(`API ready at ${api.base} (${build.label}, node ${process.version}, ${new Date().toISOString()})`);
  const gql = (query, variables, token) => graphqlData(api.base, query, variables, token);

  // Warm-up (not measured): opens keep-alive sockets and the API's pool, warms the JIT.
  const warm = await runConcurrent(students.slice(0, Math.min(N, 2 * C)), C, (s) =>
    gql('query($id: ID!) { event(id: $id) { id } }', { id: events.forum }, s.token),
  );
  const warmFailed = warm.outcomes.filter((o) => !o.ok);
  if (warmFailed.length)
    log(`warm-up: ${warmFailed.length} request(s) failed, e.g. ${warmFailed[0].error.message}`);

  const tasks = storm(students, events);
  const REGISTER = 'mutation($id: ID!) { registerForEvent(eventId: $id) { id status waitlistPosition } }';
  const register = async (t) => (await gql(REGISTER, { id: t.eventId }, t.student.token)).registerForEvent;
  log(`storm: ${tasks.length} registerForEvent over HTTP, ${C} in flight`);
  const httpCpuBefore = await cpuSnapshot(db, api.pid);
  const httpRss = sampleRss(api.pid);
  const httpProfile = profileApi(api, profDir);
  const httpSampled = await sampleBackends(databaseUrl, runConcurrent(tasks, C, register));
  const http = httpSampled.result;
  http.rss = httpRss.stop();
  http.profile = await httpProfile.stop();
  http.backends = httpSampled.backends;
  http.cpu = await cpuSince(db, httpCpuBefore, api.pid);
  log(
    `storm done: ${(http.times.length / http.seconds).toFixed(0)} req/s, ${http.outcomes.filter((o) => !o.ok).length} failed, API CPU ${http.cpu.api.toFixed(1)} s, RSS max ${http.rss.maxMb.toFixed(0)} MB`,
  );

  const failures = [...phaseErrors('HTTP', http.outcomes)];
  const demandOf = (list) => {
    const demand = new Map();
    for (const t of list) demand.set(t.eventId, (demand.get(t.eventId) ?? 0) + 1);
    return demand;
  };
  const httpCheck = await checkInvariants(db, 'HTTP', events, demandOf(tasks));
  failures.push(...httpCheck.failures);
  const httpAgree = await responsesAgree(db, 'HTTP', tasks, http.outcomes);
  failures.push(...httpAgree.failures);

  // Open loop: a fixed arrival rate, on its own members and events.
  let open = null;
  if (openCount) {
    const openTasks = storm(openStudents, openEvents);
    log(`open loop: ${openTasks.length} registerForEvent over HTTP at ${RATE}/s for ${DURATION} s`);
    const cpuBefore = await cpuSnapshot(db, api.pid);
    const rss = sampleRss(api.pid);
    const profile = profileApi(api, profDir);
    open = await runOpenLoop(openTasks, RATE, register, MAX_IN_FLIGHT);
    open.times = open.times.map((t) => (Number.isNaN(t) ? Infinity : t));
    open.rss = rss.stop();
    open.profile = await profile.stop();
    open.cpu = await cpuSince(db, cpuBefore, api.pid);
    if (api.exited) {
      failures.push(`the API exited during the open loop (${api.exitCode})`);
      log(`the API exited during the open loop (${api.exitCode}); its last lines:`);
      for (const line of api.problems.slice(-15)) log(`  ${line.slice(0, 300)}`);
    }
    open.tasks = openTasks;
    failures.push(...phaseErrors('open loop', open.outcomes));
    open.check = await checkInvariants(db, 'open loop', openEvents, demandOf(openTasks));
    failures.push(...open.check.failures);
    open.agree = await responsesAgree(db, 'open loop', openTasks, open.outcomes);
    failures.push(...open.agree.failures);
  }

  await api.stop();
  reportApiLog(api.problems, log);

  // The same writes straight through pg, on fresh events and members.
  let raw = null;
  if (!values['skip-raw']) {
    const rawStudents = (await insertMembers(db, taraz.id, 'raw', N)).map((s) => ({ memberId: s.member_id }));
    const rawEvents = await insertEvents(db, taraz.id, 'raw');
    await db.query('ANALYZE');
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 20 });
    defer(() => pool.end());
    await Promise.all(Array.from({ length: 20 }, () => pool.query('SELECT 1')));
    const rawTasks = storm(rawStudents, rawEvents);
    log(`raw: ${rawTasks.length} registrations through pg.Pool(max 20), ${C} in flight`);
    const rawCpuBefore = await cpuSnapshot(db);
    const rawSampled = await sampleBackends(
      databaseUrl,
      runConcurrent(rawTasks, C, (t) => registerRaw(pool, t.eventId, t.student.memberId)),
    );
    raw = rawSampled.result;
    raw.backends = rawSampled.backends;
    raw.cpu = await cpuSince(db, rawCpuBefore);
    raw.tasks = rawTasks;
    failures.push(...phaseErrors('raw', raw.outcomes));
    raw.check = await checkInvariants(db, 'raw pg', rawEvents, demandOf(rawTasks));
    failures.push(...raw.check.failures);
  }

  const { rows: pgVersion } = await db.query(`SELECT current_setting('server_version') AS v`);
  console.log('');
  console.log(
    `Registration storm, ${new Date().toISOString().slice(0, 10)}: ${N} students, forum of ${FORUM_SEATS} seats + ${SMALL_EVENTS} events of ${SMALL_SEATS}, node ${process.version}, PostgreSQL ${pgVersion[0].v}, ${cpus().length} cores, load average at start ${loadAtStart}, at the end ${loadAverage()}, code: ${build.label}, API processes: ${API_PROCESSES}`,
  );
  console.log('');
  console.log(LATENCY_HEAD.join('\n'));
  console.log(latencyRow('registerForEvent over HTTP (all)', http.times, C, http.seconds));
  const forumTimes = http.times.filter((_, i) => tasks[i].forum);
  const smallTimes = http.times.filter((_, i) => !tasks[i].forum);
  console.log(latencyRow('  of which the forum (one hot row)', forumTimes, C));
  console.log(latencyRow('  of which the small events', smallTimes, C));
  if (raw) {
    console.log(latencyRow('same writes through pg.Pool(20) (all)', raw.times, C, raw.seconds));
    console.log(
      latencyRow(
        '  of which the forum',
        raw.times.filter((_, i) => raw.tasks[i].forum),
        C,
      ),
    );
    console.log(
      latencyRow(
        '  of which the small events',
        raw.times.filter((_, i) => !raw.tasks[i].forum),
        C,
      ),
    );
  }
  if (open) {
    const conc = `open, max ${open.maxInFlight}`;
    console.log(latencyRow(`open loop at ${RATE}/s for ${DURATION} s (all)`, open.times, conc, open.seconds));
    console.log(
      latencyRow(
        '  of which the forum',
        open.times.filter((_, i) => open.tasks[i].forum),
        conc,
      ),
    );
    console.log(
      latencyRow(
        '  of which the small events',
        open.times.filter((_, i) => !open.tasks[i].forum),
        conc,
      ),
    );
  }
  console.log('');
  if (raw) {
    const httpRate = http.times.length / http.seconds;
    const rawRate = raw.times.length / raw.seconds;
    console.log(
      `Throughput HTTP / raw pg: ${httpRate.toFixed(0)} / ${rawRate.toFixed(0)} req/s = ${(httpRate / rawRate).toFixed(2)} (raw is ${(rawRate / httpRate).toFixed(1)}x)`,
    );
  }
  const finished = (r, list, forum) =>
    Math.max(...r.ends.filter((_, i) => list[i].forum === forum)).toFixed(1);
  console.log(
    `The last forum / small-event registration finished after: HTTP ${finished(http, tasks, true)} / ${finished(http, tasks, false)} s${raw ? `, raw pg ${finished(raw, raw.tasks, true)} / ${finished(raw, raw.tasks, false)} s` : ''}`,
  );
  if (process.platform === 'linux') {
    console.log(cpuLine('the HTTP storm', http.cpu, http.seconds));
    if (open) console.log(cpuLine('the open loop', open.cpu, open.seconds));
    if (raw) console.log(cpuLine('the raw pg run', raw.cpu, raw.seconds));
    const perRequest = (cpu, n) => ((1000 * cpu.api) / n).toFixed(2);
    console.log(
      `API CPU per registration: storm ${perRequest(http.cpu, http.times.length)} ms${open ? `, open loop ${perRequest(open.cpu, open.times.length)} ms` : ''}`,
    );
    console.log(
      `API resident memory (VmRSS, sampled every 100 ms${API_PROCESSES > 1 ? `, the largest of ${API_PROCESSES} processes` : ''}): storm max ${http.rss.maxMb.toFixed(0)} MB (end ${http.rss.lastMb.toFixed(0)} MB)${open ? `, open loop max ${open.rss.maxMb.toFixed(0)} MB (end ${open.rss.lastMb.toFixed(0)} MB)` : ''}`,
    );
  }
  console.log(`PostgreSQL backends during the HTTP storm, on average: ${http.backends}`);
  if (raw) console.log(`PostgreSQL backends during the raw pg run, on average: ${raw.backends}`);
  console.log('');
  console.log(INVARIANT_HEAD.join('\n'));
  for (const line of httpCheck.lines) console.log(line);
  if (open) for (const line of open.check.lines) console.log(line);
  if (raw) for (const line of raw.check.lines) console.log(line);
  console.log(
    `| HTTP responses agree with the database, positions 1..k | | | | | | | | ${httpAgree.ok ? 'PASS' : 'FAIL'} |`,
  );
  if (open)
    console.log(
      `| open-loop responses agree with the database, positions 1..k | | | | | | | | ${open.agree.ok ? 'PASS' : 'FAIL'} |`,
    );
  for (const p of [http.profile, open?.profile]) {
    if (!p) continue;
    console.log('');
    console.log(`CPU profile of the API (${p.file ?? '-'}):`);
    console.log(p.summary);
  }
  printVerdict('Invariants', failures);
}

runMain(main, 'storm', cleanup);
