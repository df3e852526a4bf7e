#!/usr/bin/env node
// Check-in at the door: S scanners check in R registrations at once over HTTP GraphQL, with
// duplicates (a share of the codes scanned twice, half of those by two scanners at the same moment).
// Self-contained:
//   node bench/check-in.mjs [--registrations 5000] [--scanners 50] [--duplicates 0.1]
//        [--staff coordinator|admin] [--database yvc_bench] [--port 3400] [--tree head|worktree] [--skip-build]
//        [--skip-raw] [--cpu-prof DIR] [--api-processes N] [--via rest|graphql]
// It finds (or starts) PostgreSQL and Redis like `npm start`, makes the database fresh (DROP and
// CREATE), builds the last commit (git archive HEAD into a temporary directory, `npm run build`
// there, once per commit; --tree worktree: this checkout's dist/, rebuilt when older than the
// sources), starts that API on 127.0.0.1, inserts an event starting in 30
// minutes (check-in is open), R members with REGISTERED registrations and a staff account with one
// session per scanner (tokens minted here with the API's secret, no argon2), scans, and checks in
// PostgreSQL that exactly R rows are ATTENDED. Then (unless --skip-raw, and when the build has
// CHECK_IN_STATEMENT) the same scans, duplicates included, run that statement straight through a
// bare pg.Pool(20) with the same number in flight, on a fresh event: the ratio HTTP / raw is the
// figure to compare. Prints markdown table rows; exit code 1 when a check fails. Timings are
// printed, never asserted. The API's resident memory (VmRSS) is sampled during the scans.
// The raw phase runs the statement as the API runs it: since the staff check moved into
// CHECK_IN_STATEMENT ($7, the staff member's role) the bare pool runs that check too, and as a
// named statement (CHECK_IN_STATEMENT_NAME) when the build prepares it.
// --via rest (the default since the scanner page sends it): the scans go to the door's POST /check-in/<event id> (what the scanner page sends)
// instead of the checkIn mutation, and the bare pool runs the door's shape of the statement
// (DOOR_CHECK_IN_STATEMENT: the same statement returning the 5 columns that POST answers with).
// --cpu-prof DIR: V8's sampling profiler in the API during the HTTP scans (bench/lib/profile-api.mjs).
// --api-processes N: API_PROCESSES=N (node:cluster, one API process per core sharing the port); the
// API's CPU is then summed over its processes and the memory is the largest process's.
import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { ensureServices } from '../scripts/services.mjs';
import { graphqlData, pickPort, postJson, reportApiLog, startApi, tokenSigner } from './lib/api.mjs';
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
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

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
    'skip-raw': { type: 'boolean', default: false },
    via: { type: 'string', default: 'rest' },
    'cpu-prof': { type: 'string' },
    'api-processes': { type: 'string', default: '1' },
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
if (!['graphql', 'rest'].includes(values.via)) throw new Error('--via must be graphql or rest');
assertBenchDatabaseName(DB_NAME, 'yvc_bench');

const log = (msg) => console.log(`[check-in] ${msg}`);
const { defer, cleanup } = cleanupStack(log);

// ---------------------------------------------------------------- fixtures

/**
 * An event of `R` seats in zhambyl.taraz starting in 30 minutes (check-in opens 2 hours before), `R`
 * members each REGISTERED with a random code (seats_taken = R), and a staff account (a COORDINATOR
 * assigned to the unit, or an ADMIN) with one open session per scanner.
 */
async function insertFixtures(db, unitId, tag = 'scan') {
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
     SELECT 'Бенчмарк Қатысушы ' || g, format('%s.%s@bench.yvc.kz', $3::text, g), DATE '2006-05-05', 'x',
            'MEMBER', 'ACTIVE', format('%s-2026-%s', upper(left($3::text, 3)), lpad(g::text, 6, '0')), $1
     FROM generate_series(1, $2::int) g
     RETURNING id`,
    [unitId, R, tag],
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
     VALUES ('Бенчмарк Үйлестіруші', $3::text || '.scanner@bench.yvc.kz', 'x', $1, 'ACTIVE', $2) RETURNING id`,
    [STAFF_ROLE, unitId, tag],
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
  cli(build.root, env, 'migrate');
  cli(build.root, env, 'units:import');
  credentialKeys(build.root, env, defer);

  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  defer(() => db.end());
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
  const api = await startApi({ root: build.root, env, port, defer, nodeArgs });
  log(`API ready at ${api.base} (${build.label}, node ${process.version}, ${new Date().toISOString()})`);
  const gql = (query, variables, token) => graphqlData(api.base, query, variables, token);

  // Warm-up (not measured): opens keep-alive sockets and the API's pool, warms the JIT.
  const warm = await runConcurrent(
    Array.from({ length: 4 * S }, (_, i) => i),
    S,
    (i) => gql('query($id: ID!) { event(id: $id) { id } }', { id: fx.eventId }, tokens[i % S]),
  );
  const warmFailed = warm.outcomes.filter((o) => !o.ok);
  if (warmFailed.length)
    log(`warm-up: ${warmFailed.length} request(s) failed, e.g. ${warmFailed[0].error.message}`);

  const queue = scanQueue(fx.codes);
  const CHECK_IN = 'mutation($e: ID!, $c: String!) { checkIn(eventId: $e, code: $c) { alreadyCheckedIn } }';
  log(
    `scanning: ${queue.length} scans over HTTP via ${values.via} (${queue.length - R} duplicates), ${S} scanners`,
  );
  const cpuBefore = await cpuSnapshot(db, api.pid);
  const rss = sampleRss(api.pid);
  const profiling = profileApi(api, profDir);
  const sampled = await sampleBackends(
    databaseUrl,
    runConcurrent(queue, S, async (scan, i) => {
      const started = performance.now();
      const answer =
        values.via === 'rest'
          ? await postJson(api.base, `/check-in/${fx.eventId}`, { code: scan.code }, tokens[i % S])
          : (await gql(CHECK_IN, { e: fx.eventId, c: scan.code }, tokens[i % S])).checkIn;
      scan.interval = [started, performance.now()];
      return answer.alreadyCheckedIn;
    }),
  );
  const scans = sampled.result;
  const apiRss = rss.stop();
  const cpu = await cpuSince(db, cpuBefore, api.pid);
  const profile = await profiling.stop();
  await api.stop();
  reportApiLog(api.problems, log);

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

  // The same scans through a bare pool: CHECK_IN_STATEMENT of the build, on a fresh event.
  let raw = null;
  const statementFile = join(build.root, 'dist/libs/events/src/check-in/check-in-statement.js');
  if (values['skip-raw']) log('raw: skipped (--skip-raw)');
  else if (!existsSync(statementFile)) log('raw: this build has no CHECK_IN_STATEMENT, skipped');
  else {
    const built = createRequire(import.meta.url)(statementFile);
    // --via rest: the door's shape of the statement (its POST runs that one), when the build has it
    const door = values.via === 'rest' && built.DOOR_CHECK_IN_STATEMENT;
    const statement = door ? built.DOOR_CHECK_IN_STATEMENT : built.CHECK_IN_STATEMENT;
    // builds from before the staff check moved into the statement take six parameters, and ran it
    // unnamed; newer ones prepare it under CHECK_IN_STATEMENT_NAME, and so does the bare pool
    const withScope = statement.includes('$7');
    const name = door ? built.DOOR_CHECK_IN_STATEMENT_NAME : built.CHECK_IN_STATEMENT_NAME;
    log(
      `raw: the statement ${withScope ? 'checks the staff scope itself' : 'has no staff check (older build)'}, ${name ? `prepared as ${name}` : 'unnamed'}`,
    );
    const rawFx = await insertFixtures(db, taraz.id, 'raw');
    await db.query('ANALYZE');
    const rawQueue = scanQueue(rawFx.codes);
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 20 });
    defer(() => pool.end());
    await Promise.all(Array.from({ length: 20 }, () => pool.query('SELECT 1')));
    log(`raw: ${rawQueue.length} scans through pg.Pool(max 20), ${S} in flight`);
    const rawCpuBefore = await cpuSnapshot(db);
    const rawSampled = await sampleBackends(
      databaseUrl,
      runConcurrent(rawQueue, S, async (scan) => {
        const params = [scan.code, rawFx.eventId, new Date(), rawFx.staffId, 'QR', 'ATTENDANCE_RECORDED'];
        if (withScope) params.push(STAFF_ROLE);
        const { rows } = await pool.query(
          name ? { name, text: statement, values: params } : statement,
          params,
        );
        if (!rows.length || !rows[0].source) throw new Error('unknown code');
        return rows[0].source === 'found';
      }),
    );
    raw = rawSampled.result;
    raw.backends = rawSampled.backends;
    raw.cpu = await cpuSince(db, rawCpuBefore);
    raw.queue = rawQueue;
    const {
      rows: [rawState],
    } = await db.query(
      `SELECT count(*) FILTER (WHERE status = 'ATTENDED')::int AS attended FROM registrations WHERE event_id = $1`,
      [rawFx.eventId],
    );
    raw.attended = rawState.attended;
    if (raw.outcomes.some((o) => !o.ok)) failures.push('raw: some scans failed');
    if (rawState.attended !== R) failures.push(`raw: ${rawState.attended} rows ATTENDED, expected ${R}`);
  }

  const { rows: pgVersion } = await db.query(`SELECT current_setting('server_version') AS v`);
  console.log('');
  console.log(
    `Check-in, ${new Date().toISOString().slice(0, 10)}: ${R} registrations, ${S} scanners (${STAFF_ROLE}), ${dupes} duplicate scans, node ${process.version}, PostgreSQL ${pgVersion[0].v}, ${cpus().length} cores, load average at start ${loadAtStart}, code: ${build.label}, API processes: ${API_PROCESSES}, scans via ${values.via === 'rest' ? 'POST /check-in/<event id>' : 'the checkIn mutation'}`,
  );
  console.log('');
  console.log(LATENCY_HEAD.join('\n'));
  console.log(
    latencyRow(
      `${values.via === 'rest' ? 'POST /check-in' : 'checkIn'} over HTTP (all scans)`,
      scans.times,
      S,
      scans.seconds,
    ),
  );
  console.log(
    latencyRow(
      '  of which first scans',
      scans.times.filter((_, i) => !queue[i].duplicate),
      S,
    ),
  );
  console.log(
    latencyRow(
      '  of which duplicate scans',
      scans.times.filter((_, i) => queue[i].duplicate),
      S,
    ),
  );
  console.log('');
  if (raw) {
    console.log(latencyRow('same statement through pg.Pool(20) (all)', raw.times, S, raw.seconds));
    const httpRate = scans.times.length / scans.seconds;
    const rawRate = raw.times.length / raw.seconds;
    console.log('');
    console.log(
      `Throughput HTTP / raw pg: ${httpRate.toFixed(0)} / ${rawRate.toFixed(0)} scans/s = ${(httpRate / rawRate).toFixed(2)}`,
    );
  }
  if (process.platform === 'linux') {
    console.log(cpuLine('the scans', cpu, scans.seconds));
    if (raw) console.log(cpuLine('the raw pg scans', raw.cpu, raw.seconds));
    console.log(
      `API CPU per scan ${((1000 * cpu.api) / scans.times.length).toFixed(2)} ms; API resident memory (VmRSS) max ${apiRss.maxMb.toFixed(0)} MB${API_PROCESSES > 1 ? ' (the largest of its processes)' : ''}`,
    );
  }
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
  if (raw) check('raw pg: rows ATTENDED', R, raw.attended);
  if (profile) {
    console.log('');
    console.log(`CPU profile of the API (${profile.file ?? '-'}):`);
    console.log(profile.summary);
  }
  printVerdict('Checks', failures);
}

runMain(main, 'check-in', cleanup);
