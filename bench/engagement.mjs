#!/usr/bin/env node
// Engagement analytics at national scale: loads a country's worth of members, events and
// registrations with COPY, then times plain counts and the GraphQL `engagement` query. Self-contained:
//   node bench/engagement.mjs [--scale 1] [--seed 1] [--runs 50] [--months 12] [--region zhambyl]
//        [--database yvc_bench_engagement] [--port 3400] [--tree head|worktree] [--skip-build]
//        [--skip-load] [--skip-graphql] [--check-in-cost] [--api-node-args='--cpu-prof ...'] [--only 'FULL, country']
//        [--regions 20] [--clubs 2000] [--members 500000] [--events 20000] [--attended 5000000]
//        [--badges 300000]
// It finds (or starts) PostgreSQL and Redis like `npm start`, makes the database fresh (DROP and
// CREATE), builds the last commit (git archive HEAD into a temporary directory, `npm run build`
// there, once per commit; --tree worktree: this checkout's dist/), runs `migrate`, `units:import`
// and `badges:import` from that build, and loads (defaults, all multiplied by --scale; the counts
// flags win over it): the imported Zhambyl tree plus synthetic regions of 15 districts each,
// ~100 clubs per region, 500k members each in one club, 20k events over the last 2 years and the
// next 2 months, 5M ATTENDED registrations plus ~1M NO_SHOW / CANCELLED / REGISTERED ones, and
// ~300k badge awards. Rows come from a seeded PRNG (--seed) as COPY ... FROM STDIN streams; the
// bulk tables' keys, indexes and foreign keys are dropped for the load and made again from their
// own definitions (the script checks that the schema ends up exactly as migrated), then
// VACUUM ANALYZE. --skip-load reuses a loaded database.
// Then, --runs times each: SELECT count(*) of registrations (all and ATTENDED) and the GraphQL
// `engagement` query through the built API (ENGAGEMENT_CACHE_SECONDS=0) for one region as a
// COMMISSION officer assigned to it, and for the whole country as an ADMIN (no unit filter), each
// in the CONTRACT and the FULL shape below, over three periods (the last --months months up to now,
// this season September to May, three whole months). With a resident engagement index in the
// build, it first waits until the API's /health/ready reports the index ready (the warm-up, the
// index's size and the API's RSS are printed), and afterwards checks the lag (a check-in committed,
// then asked for at once). --check-in-cost times the same single-row check-in UPDATE with the
// change-log trigger enabled and disabled (A/B alternated). Prints markdown table rows; a GraphQL error marks its
// row failed (exit code 1) and is printed. Timings are printed, never asserted.
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { ensureServices } from '../scripts/services.mjs';
import { describeErrors, graphql, pickPort, reportApiLog, startApi, tokenSigner } from './lib/api.mjs';
import { cli, credentialKeys, prepareBuild, productionEnv } from './lib/build.mjs';
import { cleanupStack, printVerdict, runMain } from './lib/cleanup.mjs';
import {
  assertBenchDatabaseName,
  assertLocalServer,
  databaseExists,
  freshDatabase,
  redact,
} from './lib/db.mjs';
import { loadAverage, ms, summarize, timeRuns } from './lib/stats.mjs';

// ---------------------------------------------------------------- the measured query shapes

/** The selection the contract (docs/api-contract.graphql) promises. */
export const CONTRACT = `{
  from to members activeMembers events registrations attendances uniqueParticipants attendanceRate
  byUnit { unit { code } members activeMembers events registrations attendances uniqueParticipants }
}`;

/** CONTRACT plus the breakdowns the engagement issue asks for. */
export const FULL = `{
  from to members activeMembers events registrations attendances uniqueParticipants attendanceRate
  byUnit { unit { code } members activeMembers events registrations attendances uniqueParticipants }
  byMonth { month newMembers events registrations attendances uniqueParticipants }
  byClub { club { id name } members events registrations attendances uniqueParticipants noShows noShowRate }
  byAgeBand { band members activeMembers attendances uniqueParticipants }
  byKind { kind events registrations attendances uniqueParticipants }
  firstTimeVoters { members activeMembers }
  funnel { registrations attendances badges }
  retention { participants returning rate }
  summary
}`;

const engagementQuery = (selection) =>
  `query Engagement($filter: EngagementFilter) { engagement(filter: $filter) ${selection} }`;

// ---------------------------------------------------------------- options

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    seed: { type: 'string', default: '1' },
    runs: { type: 'string', default: '50' },
    months: { type: 'string', default: '12' },
    region: { type: 'string', default: 'zhambyl' },
    regions: { type: 'string' },
    clubs: { type: 'string' },
    members: { type: 'string' },
    events: { type: 'string' },
    attended: { type: 'string' },
    badges: { type: 'string' },
    database: { type: 'string', default: 'yvc_bench_engagement' },
    port: { type: 'string', default: '3400' },
    tree: { type: 'string', default: 'head' },
    'skip-build': { type: 'boolean', default: false },
    'skip-load': { type: 'boolean', default: false },
    'skip-graphql': { type: 'boolean', default: false },
    'check-in-cost': { type: 'boolean', default: false },
    // node flags for the API process (e.g. '--cpu-prof --cpu-prof-dir=/tmp/prof'), split on spaces
    'api-node-args': { type: 'string', default: '' },
    // measure only the rows whose name contains this text (e.g. 'FULL, country'), for profiling one question
    only: { type: 'string' },
  },
});
const SCALE = Number(values.scale);
if (!(SCALE > 0 && SCALE <= 10)) throw new Error('--scale must be a number above 0 (and at most 10)');
const scaled = (flag, def, min) => {
  const v = values[flag] !== undefined ? Number(values[flag]) : Math.max(min, Math.round(def * SCALE));
  if (!Number.isInteger(v) || v < min) throw new Error(`--${flag} must be an integer of at least ${min}`);
  return v;
};
const N_REGIONS = values.regions !== undefined ? scaled('regions', 20, 1) : scaled('regions', 20, 2);
const N_CLUBS = Math.max(scaled('clubs', 2000, 1), N_REGIONS);
const N_MEMBERS = scaled('members', 500_000, 10);
const N_EVENTS = scaled('events', 20_000, 1);
const N_ATTENDED = scaled('attended', 5_000_000, 0);
const N_BADGES = scaled('badges', 300_000, 0);
const SEED = Number(values.seed);
const RUNS = Number(values.runs);
const MONTHS = Number(values.months);
const DB_NAME = values.database;
for (const [name, v] of Object.entries({ seed: SEED, runs: RUNS, months: MONTHS })) {
  if (!Number.isInteger(v) || v < (name === 'seed' ? 0 : 1))
    throw new Error(`--${name} must be a positive integer`);
}
assertBenchDatabaseName(DB_NAME, 'yvc_bench_engagement');
if (!['worktree', 'head'].includes(values.tree)) throw new Error('--tree must be worktree or head');

const DISTRICTS_PER_REGION = 15;
const DAY = 86_400_000;
const HOUR = 3_600_000;
const KINDS = ['FORUM', 'DEBATE', 'TRAINING', 'MOCK_ELECTION', 'QUIZ', 'MEETING', 'OTHER'];
const KIND_WEIGHTS = [3, 2, 3, 1, 2, 3, 1];
const KIND_TITLES = {
  FORUM: 'Жастар форумы',
  DEBATE: 'Дебат турнирі',
  TRAINING: 'Сайлау туралы тренинг',
  MOCK_ELECTION: 'Оқу сайлауы',
  QUIZ: 'Сайлау викторинасы',
  MEETING: 'Клуб жиналысы',
  OTHER: 'Іс-шара',
};
// Per registration of an event that has ended / not yet begun (cancelled events: all CANCELLED).
const PAST_SHARES = { ATTENDED: 0.9, NO_SHOW: 0.065, CANCELLED: 0.035 };
const FUTURE_SHARES = { REGISTERED: 0.95, CANCELLED: 0.05 };
const EVENT_CANCELLED_SHARE = 0.02;
const WITHDRAWN_SHARE = 0.01;
const OWN_REGION_SHARE = 0.9; // registrations of members of the event's region
// Activity tiers of each region's members (in a random order): [share of members, share of picks].
// 2% very active (~100+ events in two years), 18% active (~25), the other 80% a few each.
const TIERS = [
  [0.02, 0.25],
  [0.18, 0.5],
  [0.8, 0.25],
];
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$YmVuY2htYXJrc2FsdA$ZHVtbXktaGFzaC1ub3QtYS1wYXNzd29yZA';
const MEMBERSHIP_PREFIX = 'ZHM';

const log = (msg) => console.log(`[engagement] ${msg}`);
const { defer, cleanup } = cleanupStack(log);

// ---------------------------------------------------------------- deterministic randomness

/** sfc32 seeded through splitmix32: `next()` in [0, 1), `u32()`, `int(n)` in [0, n). */
function makeRng(seed) {
  let s = seed >>> 0;
  const split = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = split();
  const u32 = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) u32();
  const next = () => u32() / 4294967296;
  return {
    u32,
    next,
    int: (n) => Math.floor(next() * n),
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    normal: () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()),
  };
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const hex32 = (v) => HEX[v >>> 24] + HEX[(v >>> 16) & 255] + HEX[(v >>> 8) & 255] + HEX[v & 255];

/** A version-4-shaped UUID from the PRNG. */
function uuid(rng) {
  const b = (rng.u32() & 0xffff0fff) | 0x4000;
  const c = ((rng.u32() & 0x3fffffff) | 0x80000000) >>> 0;
  const a = hex32(rng.u32());
  const bs = hex32(b >>> 0);
  const cs = hex32(c);
  return `${a}-${bs.slice(0, 4)}-${bs.slice(4)}-${cs.slice(0, 4)}-${cs.slice(4)}${hex32(rng.u32())}`;
}

/** Index of a weight in `cumulative` (ascending, last = total) for a uniform draw. */
function weighted(cumulative, rng) {
  const x = rng.next() * cumulative[cumulative.length - 1];
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
const cumulate = (weights) => {
  let sum = 0;
  return weights.map((w) => (sum += w));
};

const iso = (msValue) => new Date(msValue).toISOString();
const N = '\\N';

// ---------------------------------------------------------------- COPY

/** COPY `rows` (an iterable of tab-separated lines) into `table` (`columns`); returns the row count. */
async function copyRows(db, table, columns, rows) {
  function* chunks() {
    let batch = [];
    for (const row of rows) {
      batch.push(row);
      if (batch.length === 2000) {
        yield Buffer.from(`${batch.join('\n')}\n`);
        batch = [];
      }
    }
    if (batch.length) yield Buffer.from(`${batch.join('\n')}\n`);
  }
  const stream = db.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  await pipeline(Readable.from(chunks()), stream);
  return stream.rowCount;
}

// ---------------------------------------------------------------- keys and indexes around the load

const BULK_TABLES = ['members', 'club_memberships', 'events', 'registrations', 'badge_awards'];

/** Every index and constraint of the public schema, as PostgreSQL prints them (sorted). */
async function schemaFingerprint(db) {
  const { rows } = await db.query(
    `SELECT 'index ' || indexdef AS d FROM pg_indexes WHERE schemaname = 'public'
     UNION ALL
     SELECT format('constraint %s.%s %s%s', conrelid::regclass, conname, pg_get_constraintdef(oid),
                   CASE WHEN convalidated THEN '' ELSE ' NOT VALID' END)
     FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid <> 0
     ORDER BY 1`,
  );
  return rows.map((r) => r.d);
}

/**
 * Drops the primary keys, unique constraints, indexes and foreign keys of the bulk tables (and the
 * foreign keys pointing at them); returns what it takes to make them again, as they were.
 */
async function dropKeysAndIndexes(db) {
  const { rows: constraints } = await db.query(
    `SELECT conrelid::regclass::text AS tbl, conname, contype, pg_get_constraintdef(oid) AS def
     FROM pg_constraint
     WHERE connamespace = 'public'::regnamespace AND (
       (contype IN ('p', 'u') AND conrelid::regclass::text = ANY($1))
       OR (contype = 'f' AND (conrelid::regclass::text = ANY($1) OR confrelid::regclass::text = ANY($1))))
     ORDER BY conname`,
    [BULK_TABLES],
  );
  const { rows: indexes } = await db.query(
    `SELECT i.tablename AS tbl, i.indexname, i.indexdef FROM pg_indexes i
     WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = (quote_ident(i.indexname))::regclass
                       AND c.contype IN ('p', 'u'))
     ORDER BY i.indexname`,
    [BULK_TABLES],
  );
  const fks = constraints.filter((c) => c.contype === 'f');
  const keys = constraints.filter((c) => c.contype !== 'f');
  for (const c of fks) await db.query(`ALTER TABLE "${c.tbl}" DROP CONSTRAINT "${c.conname}"`);
  for (const c of keys) await db.query(`ALTER TABLE "${c.tbl}" DROP CONSTRAINT "${c.conname}"`);
  for (const i of indexes) await db.query(`DROP INDEX "public"."${i.indexname}"`);
  return { fks, keys, indexes };
}

async function restoreKeysAndIndexes(db, { fks, keys, indexes }, timing) {
  await db.query(`SET maintenance_work_mem = '1GB'`);
  for (const c of keys) {
    await timing(`${c.tbl}: ${c.conname} (${c.def})`, () =>
      db.query(`ALTER TABLE "${c.tbl}" ADD CONSTRAINT "${c.conname}" ${c.def}`),
    );
  }
  for (const i of indexes) await timing(`${i.tbl}: ${i.indexname}`, () => db.query(i.indexdef));
  for (const c of fks) {
    await timing(`${c.tbl}: ${c.conname}`, () =>
      db.query(`ALTER TABLE "${c.tbl}" ADD CONSTRAINT "${c.conname}" ${c.def}`),
    );
  }
}

// ---------------------------------------------------------------- the load

const SURNAMES = ['Әбенов', 'Серікбаев', 'Жұмабеков', 'Нұрланов', 'Омаров', 'Қасымов', 'Тоқтаров', 'Исаев'];
const FIRST_NAMES = ['Айгерім', 'Данияр', 'Әлия', 'Нұрсұлтан', 'Жансая', 'Ерлан', 'Мадина', 'Арман', 'Дана'];

async function load(db, timing) {
  const rng = makeRng(SEED);
  const now = Date.now();
  const today = Date.UTC(
    new Date(now).getUTCFullYear(),
    new Date(now).getUTCMonth(),
    new Date(now).getUTCDate(),
  );

  // ---- units: the imported Zhambyl tree and synthetic regions
  const { rows: imported } = await db.query(`SELECT id, code, level, parent_id FROM units ORDER BY code`);
  const zhambyl = imported.find((u) => u.level === 'REGION');
  const regions = [
    {
      id: zhambyl.id,
      code: zhambyl.code,
      units: imported.filter((u) => u.parent_id === zhambyl.id).map((u) => ({ id: u.id, code: u.code })),
      weight: 1,
    },
  ];
  const unitRows = [];
  for (let r = 1; r < N_REGIONS; r++) {
    const n = String(r + 1).padStart(2, '0');
    const region = { id: uuid(rng), code: `bench-region-${n}`, units: [], weight: 0.6 + 0.8 * rng.next() };
    unitRows.push(
      [
        region.id,
        region.code,
        'REGION',
        N,
        `Бенч облысы ${n}`,
        `Бенч область ${n}`,
        `Bench Region ${n}`,
      ].join('\t'),
    );
    for (let d = 0; d < DISTRICTS_PER_REGION; d++) {
      const city = d === 0;
      const code = city ? `${region.code}.city` : `${region.code}.district-${String(d).padStart(2, '0')}`;
      const unit = { id: uuid(rng), code };
      region.units.push(unit);
      unitRows.push(
        [
          unit.id,
          code,
          city ? 'CITY' : 'DISTRICT',
          region.id,
          city ? `Бенч қаласы ${n}` : `Бенч ауданы ${n}-${d}`,
          city ? `город Бенч ${n}` : `Бенч район ${n}-${d}`,
          city ? `Bench City ${n}` : `Bench District ${n}-${d}`,
        ].join('\t'),
      );
    }
    regions.push(region);
  }
  await timing('units', () =>
    copyRows(db, 'units', ['id', 'code', 'level', 'parent_id', 'name_kk', 'name_ru', 'name_en'], unitRows),
  );
  const regionCumulative = cumulate(regions.map((r) => r.weight));

  // ---- clubs: spread over each region's districts, round robin
  const clubs = []; // { id, region, unit }
  const clubsByRegion = regions.map(() => []);
  const clubsByUnit = new Map();
  const clubRows = [];
  const KINDS_OF_INSTITUTION = ['UNIVERSITY', 'COLLEGE', 'SCHOOL', 'OTHER'];
  for (let k = 0; k < N_CLUBS; k++) {
    const r = k % regions.length;
    const region = regions[r];
    const unit = region.units[Math.floor(k / regions.length) % region.units.length];
    const club = { id: uuid(rng), region: r, unit: unit.id };
    clubs.push(club);
    clubsByRegion[r].push(k);
    if (!clubsByUnit.has(unit.id)) clubsByUnit.set(unit.id, []);
    clubsByUnit.get(unit.id).push(k);
    const institution = rng.next() < 0.7;
    const kind = rng.pick(KINDS_OF_INSTITUTION);
    clubRows.push(
      [
        club.id,
        unit.id,
        `Жас сайлаушылар клубы №${k + 1}`,
        institution ? `Оқу орны №${k + 1}` : N,
        institution ? kind : N,
        iso(now - 3 * 365 * DAY - rng.int(90) * DAY),
      ].join('\t'),
    );
  }
  await timing('clubs', () =>
    copyRows(
      db,
      'clubs',
      ['id', 'unit_id', 'name', 'institution', 'institution_kind', 'created_at'],
      clubRows,
    ),
  );

  const before = await schemaFingerprint(db);
  const dropped = await timing('drop keys, indexes and foreign keys of the bulk tables', () =>
    dropKeysAndIndexes(db),
  );

  // ---- members and their club memberships
  const memberIds = new Array(N_MEMBERS);
  const memberRegion = new Uint16Array(N_MEMBERS);
  const memberJoined = new Float64Array(N_MEMBERS);
  const memberGone = new Float64Array(N_MEMBERS).fill(Infinity); // anonymized_at of WITHDRAWN ones
  const memberClub = new Int32Array(N_MEMBERS);
  const seqByYear = new Map();
  const memberRows = function* () {
    for (let i = 0; i < N_MEMBERS; i++) {
      const r = weighted(regionCumulative, rng);
      const k = rng.pick(clubsByRegion[r]);
      const id = uuid(rng);
      memberIds[i] = id;
      memberRegion[i] = r;
      memberClub[i] = k;
      const joined = now - Math.floor(rng.next() * 3 * 365 * DAY);
      memberJoined[i] = joined;
      const ageDays = 14 * 365.25 + 2 + rng.next() * (22 * 365.25 - 4); // 14 to 35 years old today
      const birth = iso(today - Math.floor(ageDays) * DAY).slice(0, 10);
      const year = new Date(joined).getUTCFullYear();
      const seq = (seqByYear.get(year) ?? 0) + 1;
      seqByYear.set(year, seq);
      const number = `${MEMBERSHIP_PREFIX}-${year}-${String(seq).padStart(6, '0')}`;
      const withdrawn = rng.next() < WITHDRAWN_SHARE;
      const gone = withdrawn ? joined + Math.floor(rng.next() * (now - joined)) : null;
      if (withdrawn) memberGone[i] = gone;
      const name = withdrawn ? '—' : `${rng.pick(SURNAMES)} ${rng.pick(FIRST_NAMES)}`;
      yield [
        id,
        name,
        withdrawn ? N : `member${i}.s${SEED}@bench.yvc.kz`,
        birth,
        withdrawn ? N : DUMMY_HASH,
        'MEMBER',
        rng.next() < 0.8 ? 'KK' : 'RU',
        clubs[k].unit,
        number,
        iso(joined),
        withdrawn ? 'WITHDRAWN' : 'ACTIVE',
        withdrawn ? iso(gone) : N,
        iso(joined),
        iso(gone ?? joined),
      ].join('\t');
    }
  };
  await timing('members', () =>
    copyRows(
      db,
      'members',
      [
        'id',
        'full_name',
        'email',
        'birth_date',
        'password_hash',
        'role',
        'locale',
        'unit_id',
        'membership_number',
        'joined_at',
        'status',
        'anonymized_at',
        'created_at',
        'updated_at',
      ],
      memberRows(),
    ),
  );
  await db.query(
    `INSERT INTO membership_counters (prefix, year, last_value) SELECT $1, y, v FROM unnest($2::int[], $3::int[]) AS t(y, v)`,
    [MEMBERSHIP_PREFIX, [...seqByYear.keys()], [...seqByYear.values()]],
  );
  const membershipRows = function* () {
    for (let i = 0; i < N_MEMBERS; i++) {
      const left = memberGone[i];
      yield [
        uuid(rng),
        memberIds[i],
        clubs[memberClub[i]].id,
        iso(memberJoined[i]),
        Number.isFinite(left) ? iso(left) : N,
      ].join('\t');
    }
  };
  await timing('club_memberships', () =>
    copyRows(
      db,
      'club_memberships',
      ['id', 'member_id', 'club_id', 'joined_at', 'left_at'],
      membershipRows(),
    ),
  );

  // Each region's members in a random order, then cut into the activity TIERS.
  const pools = regions.map(() => []);
  for (let i = 0; i < N_MEMBERS; i++) pools[memberRegion[i]].push(i);
  for (const pool of pools) {
    for (let i = pool.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [pool[i], pool[j]] = [pool[j], pool[i]];
    }
  }

  // ---- events: planned first (registration counts decide seats_taken and capacity)
  const kindCumulative = cumulate(KIND_WEIGHTS);
  const plans = [];
  for (let e = 0; e < N_EVENTS; e++) {
    const r = weighted(regionCumulative, rng);
    const region = regions[r];
    const atRegion = rng.next() < 0.1;
    const unit = atRegion ? region : rng.pick(region.units);
    const unitClubs = atRegion ? [] : (clubsByUnit.get(unit.id) ?? []);
    const club = unitClubs.length && rng.next() < 0.7 ? rng.pick(unitClubs) : -1;
    const startsAt = Math.floor((now - 730 * DAY + rng.next() * 790 * DAY) / (15 * 60_000)) * 15 * 60_000;
    const endsAt = startsAt + (1 + rng.int(4)) * HOUR;
    const cancelled = rng.next() < EVENT_CANCELLED_SHARE;
    const status = cancelled ? 'CANCELLED' : endsAt < now ? 'COMPLETED' : 'PUBLISHED';
    // Sizes: log-normal, region-level events bigger; scaled below so that ATTENDED hits its target.
    const weight = Math.exp(0.8 * rng.normal() - 0.32) * (atRegion ? 2.5 : 1);
    const kind = KINDS[weighted(kindCumulative, rng)];
    const publishedAt = Math.min(now - HOUR, startsAt - (7 + rng.int(24)) * DAY);
    // registrations come in between publication and the start (or the cancellation, or now)
    const open = Math.min(now, startsAt) - publishedAt;
    const cancelledAt = cancelled ? publishedAt + Math.floor((0.5 + 0.5 * rng.next()) * open) : null;
    const registrationsUntil = cancelledAt ?? Math.min(now, startsAt);
    plans.push({ id: uuid(rng), r, unit: unit.id, club, startsAt, endsAt, status, weight, kind });
    Object.assign(plans[e], { publishedAt, cancelledAt, registrationsUntil });
  }
  const attendedWeight = plans
    .filter((p) => p.status === 'COMPLETED')
    .reduce((sum, p) => sum + p.weight * PAST_SHARES.ATTENDED, 0);
  const factor = attendedWeight ? N_ATTENDED / attendedWeight : 0;
  for (const p of plans) {
    const cap = Math.floor(0.6 * pools[p.r].length);
    const n = Math.min(cap, Math.max(2, Math.round(p.weight * factor)));
    const counts =
      p.status === 'CANCELLED'
        ? { CANCELLED: n }
        : p.status === 'COMPLETED'
          ? {
              ATTENDED: Math.round(n * PAST_SHARES.ATTENDED),
              NO_SHOW: Math.round(n * PAST_SHARES.NO_SHOW),
            }
          : { REGISTERED: Math.round(n * FUTURE_SHARES.REGISTERED) };
    counts.CANCELLED ??= Math.max(0, n - Object.values(counts).reduce((a, b) => a + b, 0));
    p.counts = counts;
    p.seatsTaken = (counts.ATTENDED ?? 0) + (counts.REGISTERED ?? 0);
    p.capacity = Math.min(100_000, Math.max(20, Math.ceil(p.seatsTaken * (1.1 + 0.3 * rng.next())) + 5));
  }
  const eventRows = function* () {
    for (const [e, p] of plans.entries()) {
      const venue = rng.next() < 0.6;
      yield [
        p.id,
        `${KIND_TITLES[p.kind]} №${e + 1}`,
        p.kind,
        p.status,
        p.unit,
        p.club >= 0 ? clubs[p.club].id : N,
        venue ? `Зал №${1 + rng.int(40)}` : N,
        venue ? `Бенч көшесі, ${1 + rng.int(200)}` : N,
        iso(p.startsAt),
        iso(p.endsAt),
        p.capacity,
        p.seatsTaken,
        p.status === 'CANCELLED' ? 'Бенчмарк: іс-шара болмайды' : N,
        iso(p.publishedAt),
        p.cancelledAt === null ? N : iso(p.cancelledAt),
        p.status === 'COMPLETED' ? iso(Math.min(now, p.endsAt + HOUR)) : N,
        iso(p.publishedAt - DAY),
        iso(p.cancelledAt ?? (p.status === 'COMPLETED' ? Math.min(now, p.endsAt + HOUR) : p.publishedAt)),
      ].join('\t');
    }
  };
  await timing('events', () =>
    copyRows(
      db,
      'events',
      [
        'id',
        'title',
        'kind',
        'status',
        'unit_id',
        'club_id',
        'venue_name',
        'venue_address',
        'starts_at',
        'ends_at',
        'capacity',
        'seats_taken',
        'cancel_reason',
        'published_at',
        'cancelled_at',
        'completed_at',
        'created_at',
        'updated_at',
      ],
      eventRows(),
    ),
  );

  // ---- registrations
  const attendances = new Uint16Array(N_MEMBERS);
  const BADGE_DEBATE = 1;
  const BADGE_REGION_FORUM = 2;
  const flags = new Uint8Array(N_MEMBERS);
  const regionIds = new Set(regions.map((r) => r.id));
  let skipped = 0;
  const tierPickCumulative = cumulate(TIERS.map(([, picks]) => picks));
  const tierStarts = cumulate(TIERS.map(([members]) => members)).map((end, i) => end - TIERS[i][0]);
  /** A member for an event of region `r` at `at`: joined before, not withdrawn by then, not yet in `taken`. */
  const pickMember = (r, at, taken) => {
    for (let tries = 0; tries < 40; tries++) {
      const pool = rng.next() < OWN_REGION_SHARE ? pools[r] : pools[weighted(regionCumulative, rng)];
      if (!pool.length) continue;
      const tier = weighted(tierPickCumulative, rng);
      const start = Math.floor(tierStarts[tier] * pool.length);
      const end = Math.max(start + 1, Math.floor((tierStarts[tier] + TIERS[tier][0]) * pool.length));
      const m = pool[Math.min(pool.length - 1, start + rng.int(end - start))];
      if (memberJoined[m] < at - DAY && memberGone[m] > at && !taken.has(m)) {
        taken.add(m);
        return m;
      }
    }
    skipped++;
    return -1;
  };
  let serial = 0;
  const registrationRows = function* () {
    for (const p of plans) {
      const taken = new Set();
      const atRegion = regionIds.has(p.unit);
      for (const [status, count] of Object.entries(p.counts)) {
        for (let k = 0; k < count; k++) {
          const m = pickMember(p.r, p.registrationsUntil, taken);
          if (m < 0) continue;
          const since = Math.max(p.publishedAt, memberJoined[m]);
          const created = since + Math.floor(rng.next() * (p.registrationsUntil - since));
          let checkedIn = N;
          let method = N;
          let cancelledAt = N;
          let updated = created;
          if (status === 'ATTENDED') {
            const at = p.startsAt - 30 * 60_000 + rng.int(90 * 60_000);
            checkedIn = iso(at);
            method = 'QR';
            updated = at;
            attendances[m]++;
            if (p.kind === 'DEBATE') flags[m] |= BADGE_DEBATE;
            if (p.kind === 'FORUM' && atRegion) flags[m] |= BADGE_REGION_FORUM;
          } else if (status === 'CANCELLED') {
            const at = p.cancelledAt ?? created + Math.floor(rng.next() * (p.registrationsUntil - created));
            cancelledAt = iso(at);
            updated = at;
          } else if (status === 'NO_SHOW') {
            updated = Math.min(now, p.endsAt + HOUR);
          }
          serial++;
          const code = `${serial.toString(16).padStart(8, '0')}${hex32(rng.u32())}${hex32(rng.u32())}${hex32(rng.u32())}`;
          yield [
            uuid(rng),
            p.id,
            memberIds[m],
            status,
            code,
            checkedIn,
            method,
            cancelledAt,
            iso(created),
            iso(updated),
          ].join('\t');
        }
      }
    }
  };
  await timing('registrations', () =>
    copyRows(
      db,
      'registrations',
      [
        'id',
        'event_id',
        'member_id',
        'status',
        'check_in_code',
        'checked_in_at',
        'check_in_method',
        'cancelled_at',
        'created_at',
        'updated_at',
      ],
      registrationRows(),
    ),
  );
  if (skipped) log(`${skipped} registration(s) left out: no fitting member found for them`);
  // seats_taken must equal the rows that hold a seat even where a member could not be found.
  await timing('events: seats_taken from the loaded registrations', () =>
    db.query(
      `UPDATE events e SET seats_taken = s.n FROM (
         SELECT event_id, count(*) FILTER (WHERE status IN ('REGISTERED', 'ATTENDED'))::int AS n
         FROM registrations GROUP BY event_id) s
       WHERE s.event_id = e.id AND e.seats_taken <> s.n`,
    ),
  );

  // ---- badge awards: the catalogue's rules where cheap to follow, then a sample down to N_BADGES
  const { rows: badgeClasses } = await db.query(`SELECT id, code, rule FROM badge_classes ORDER BY code`);
  const earns = (cls, m) => {
    const rule = cls.rule ?? {};
    switch (rule.type) {
      case 'attendanceCount':
        return attendances[m] >= rule.min;
      case 'attendedKind':
        return rule.kind === 'DEBATE' && (flags[m] & BADGE_DEBATE) !== 0;
      case 'attendedAtUnitLevel':
        return (flags[m] & BADGE_REGION_FORUM) !== 0;
      case 'memberForDays':
        return memberJoined[m] <= now - rule.days * DAY && attendances[m] > 0;
      case 'attendedOnWorldElectionsDay':
        return attendances[m] >= 3 && m % 7 === 0;
      default:
        return m % 500 === 0; // manual awards: a few
    }
  };
  let eligible = 0;
  for (let m = 0; m < N_MEMBERS; m++) for (const cls of badgeClasses) if (earns(cls, m)) eligible++;
  const share = eligible ? Math.min(1, N_BADGES / eligible) : 0;
  const badgeRows = function* () {
    for (let m = 0; m < N_MEMBERS; m++) {
      for (const cls of badgeClasses) {
        if (!earns(cls, m) || rng.next() >= share) continue;
        const from = Math.max(memberJoined[m], now - 730 * DAY);
        const until = Math.min(now, memberGone[m]);
        const at = from + Math.floor(rng.next() * Math.max(0, until - from));
        const reason = cls.rule?.type === 'manual' ? N : JSON.stringify({ rule: cls.rule?.type ?? 'manual' });
        yield [uuid(rng), memberIds[m], cls.id, iso(at), reason].join('\t');
      }
    }
  };
  await timing('badge_awards', () =>
    copyRows(db, 'badge_awards', ['id', 'member_id', 'badge_class_id', 'awarded_at', 'reason'], badgeRows()),
  );

  // ---- keys, indexes and foreign keys again, exactly as they were
  await restoreKeysAndIndexes(db, dropped, timing);
  const after = await schemaFingerprint(db);
  const missing = before.filter((d) => !after.includes(d));
  const extra = after.filter((d) => !before.includes(d));
  if (missing.length || extra.length) {
    throw new Error(
      `the schema after the load differs from the migrated one:\n${[...missing.map((d) => `- ${d}`), ...extra.map((d) => `+ ${d}`)].join('\n')}`,
    );
  }
  log(`schema after the load: identical to the migrated one (${after.length} indexes and constraints)`);
  await ensureStaff(db);
  await timing('VACUUM ANALYZE', () => db.query('VACUUM ANALYZE'));
}

// ---------------------------------------------------------------- staff accounts for the API

const COMMISSION_EMAIL = 'commission@bench.yvc.kz';
const ADMIN_EMAIL = 'admin@bench.yvc.kz';

/** A COMMISSION officer assigned to --region and an ADMIN, created when missing. */
async function ensureStaff(db) {
  const {
    rows: [region],
  } = await db.query(`SELECT id, code FROM units WHERE code = $1 AND level = 'REGION'`, [values.region]);
  if (!region) throw new Error(`--region ${values.region}: no REGION unit with that code`);
  const staff = {};
  for (const [role, email] of [
    ['COMMISSION', COMMISSION_EMAIL],
    ['ADMIN', ADMIN_EMAIL],
  ]) {
    let {
      rows: [row],
    } = await db.query(`SELECT id FROM members WHERE email = $1`, [email]);
    if (!row) {
      ({
        rows: [row],
      } = await db.query(
        `INSERT INTO members (full_name, email, password_hash, role, status, unit_id)
         VALUES ($1, $2, $3, $4, 'ACTIVE', $5) RETURNING id`,
        [`Бенчмарк ${role}`, email, DUMMY_HASH, role, region.id],
      ));
    }
    staff[role] = row.id;
  }
  const { rows: assigned } = await db.query(`SELECT unit_id FROM staff_assignments WHERE member_id = $1`, [
    staff.COMMISSION,
  ]);
  if (assigned.length !== 1 || assigned[0].unit_id !== region.id) {
    await db.query(`DELETE FROM staff_assignments WHERE member_id = $1`, [staff.COMMISSION]);
    await db.query(`INSERT INTO staff_assignments (member_id, unit_id) VALUES ($1, $2)`, [
      staff.COMMISSION,
      region.id,
    ]);
  }
  return { region, staff };
}

// ---------------------------------------------------------------- resident index: memory, lag, write cost

/** Resident set of a process, MB (Linux /proc). */
/** User + system CPU time of a process so far, in ms (all its threads; /proc/<pid>/stat). */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ 100)
  } catch {
    return null;
  }
}

function rssMb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024);
  } catch {
    return null;
  }
}

/**
 * A check-in committed, then the region's figures asked at once: the answer must include it (the
 * index reads the change log before answering), and the time from the commit to the answer.
 */
async function measureLag(db, api, token, filter, region) {
  const q = `query($filter: EngagementFilter) { engagement(filter: $filter) { attendances } }`;
  const before = (await graphql(api.base, q, { filter }, token)).data.engagement.attendances;
  const {
    rows: [row],
  } = await db.query(
    `UPDATE registrations SET status = 'ATTENDED', checked_in_at = now()
     WHERE id = (SELECT r.id FROM registrations r JOIN events e ON e.id = r.event_id
                 JOIN units u ON u.id = e.unit_id
                 WHERE r.status = 'NO_SHOW' AND e.status = 'COMPLETED' AND e.starts_at >= $1 AND e.starts_at < $2
                   AND (u.code = $3 OR u.code LIKE $3 || '.%') LIMIT 1)
     RETURNING id`,
    [filter.from, filter.to, region.code],
  );
  const committed = performance.now();
  const after = (await graphql(api.base, q, { filter }, token)).data.engagement.attendances;
  const took = performance.now() - committed;
  await db.query(`UPDATE registrations SET status = 'NO_SHOW', checked_in_at = NULL WHERE id = $1`, [row.id]);
  return `a check-in committed, then the region asked: attendances ${before} -> ${after} (${after === before + 1 ? 'included' : 'NOT included'}) in ${took.toFixed(1)} ms from the commit.`;
}

/**
 * What the change-log trigger costs a check-in: the same single-row UPDATE (NO_SHOW <-> ATTENDED,
 * each its own transaction, 16 clients) with the registrations' analytics triggers enabled and
 * disabled, alternating A/B/A/B so the machine's load hits both alike.
 */
async function checkInCost(databaseUrl) {
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  const { rows } = await admin.query(
    `SELECT id FROM registrations WHERE status = 'NO_SHOW' ORDER BY id LIMIT 4000`,
  );
  const ids = rows.map((r) => r.id);
  const clients = await Promise.all(
    Array.from({ length: 16 }, async () => {
      const c = new pg.Client({ connectionString: databaseUrl });
      await c.connect();
      return c;
    }),
  );
  const round = async (status) => {
    let next = 0;
    const times = [];
    const began = performance.now();
    await Promise.all(
      clients.map(async (c) => {
        while (next < ids.length) {
          const id = ids[next++];
          const t = performance.now();
          await c.query(
            `UPDATE registrations SET status = $2::registration_status,
               checked_in_at = CASE WHEN $2::text = 'ATTENDED' THEN now() END WHERE id = $1`,
            [id, status],
          );
          times.push(performance.now() - t);
        }
      }),
    );
    return { times, seconds: (performance.now() - began) / 1000 };
  };
  const out = { on: [], off: [] };
  const secs = { on: 0, off: 0 };
  try {
    for (let i = 0; i < 4; i++) {
      for (const mode of i % 2 ? ['off', 'on'] : ['on', 'off']) {
        await admin.query(`ALTER TABLE registrations ${mode === 'on' ? 'ENABLE' : 'DISABLE'} TRIGGER USER`);
        for (const status of ['ATTENDED', 'NO_SHOW']) {
          const r = await round(status);
          out[mode].push(...r.times);
          secs[mode] += r.seconds;
        }
      }
    }
  } finally {
    await admin.query(`ALTER TABLE registrations ENABLE TRIGGER USER`);
    await admin.query(`DELETE FROM analytics_changes`).catch(() => undefined);
    await Promise.all(clients.map((c) => c.end()));
    await admin.end();
  }
  return ['on', 'off'].map((mode) => {
    const s = summarize(out[mode]);
    return {
      label: mode === 'on' ? 'with the change-log trigger' : 'triggers disabled',
      n: out[mode].length,
      rate: out[mode].length / secs[mode],
      p50: s.p50,
      p99: s.p99,
    };
  });
}

// ---------------------------------------------------------------- main

async function main() {
  const loadAtStart = loadAverage();
  const services = await ensureServices({ log });
  defer(() => services.stop());
  assertLocalServer(services.databaseServerUrl);
  const { env, secret, databaseUrl } = productionEnv(services, {
    database: DB_NAME,
    redisPrefix: 'yvc-bench-engagement',
    // every run computes, many a minute from one account: past the per-account limit of production
    extra: { ENGAGEMENT_CACHE_SECONDS: '0', ENGAGEMENT_COMPUTES_PER_MINUTE: '100000' },
  });
  const build = prepareBuild({ tree: values.tree, skipBuild: values['skip-build'], log });

  const loadTimes = [];
  let warmup = null;
  let lag = null;
  const timing = async (label, fn) => {
    const t = performance.now();
    const result = await fn();
    const took = performance.now() - t;
    const rows = typeof result === 'number' ? result : null;
    loadTimes.push({ label, took, rows });
    log(
      `${label}: ${(took / 1000).toFixed(1)} s${rows !== null ? `, ${rows} rows (${Math.round(rows / (took / 1000))} rows/s)` : ''}`,
    );
    return result;
  };

  if (values['skip-load']) {
    if (!(await databaseExists(services.databaseServerUrl, DB_NAME)))
      throw new Error(`--skip-load: there is no database ${DB_NAME}; run once without --skip-load`);
    log(`reusing database ${DB_NAME} on ${redact(services.databaseServerUrl)} (--skip-load)`);
  } else {
    log(
      `database ${DB_NAME} on ${redact(services.databaseServerUrl)} (fresh): ${N_REGIONS} regions, ${N_CLUBS} clubs, ${N_MEMBERS} members, ${N_EVENTS} events, ~${N_ATTENDED} attendances, ~${N_BADGES} badges, seed ${SEED}`,
    );
    await freshDatabase(services.databaseServerUrl, DB_NAME);
    await timing('migrate, units:import, badges:import', async () => {
      cli(build.root, env, 'migrate');
      cli(build.root, env, 'units:import');
      cli(build.root, env, 'badges:import');
    });
  }

  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  defer(() => db.end());
  if (!values['skip-load']) {
    await db.query('SET synchronous_commit = off');
    // no change-log rows for the bulk load (the API loads the whole index at start anyway)
    await db.query('SET session_replication_role = replica');
    const started = performance.now();
    await load(db, timing);
    await db.query('SET session_replication_role = DEFAULT');
    log(`load: ${((performance.now() - started) / 1000).toFixed(1)} s in all`);
  }
  const { region, staff } = await ensureStaff(db);

  const {
    rows: [facts],
  } = await db.query(
    `SELECT pg_database_size(current_database())::bigint AS size,
            current_setting('server_version') AS version,
            (SELECT count(*) FROM units)::int AS units, (SELECT count(*) FROM clubs)::int AS clubs,
            (SELECT count(*) FROM members WHERE role = 'MEMBER')::int AS members,
            (SELECT count(*) FROM events)::int AS events,
            (SELECT count(*) FROM badge_awards)::int AS badges`,
  );
  const { rows: byStatus } = await db.query(
    `SELECT status, count(*)::int AS n FROM registrations GROUP BY status ORDER BY status`,
  );
  const { rows: sizes } = await db.query(
    `SELECT c.relname AS name, pg_size_pretty(pg_relation_size(c.oid)) AS heap,
            pg_size_pretty(pg_indexes_size(c.oid)) AS indexes
     FROM pg_class c WHERE c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace
     ORDER BY pg_total_relation_size(c.oid) DESC LIMIT 6`,
  );

  // ---- measuring: plain counts
  const failures = [];
  const results = [];
  const BASE = [
    ['SELECT count(*) FROM registrations', 'SELECT count(*) FROM registrations'],
    [
      "SELECT count(*) FROM registrations WHERE status = 'ATTENDED'",
      "SELECT count(*) FROM registrations WHERE status = 'ATTENDED'",
    ],
  ];
  const plans = [];
  for (const [name, sql] of BASE) {
    await db.query(sql); // warm-up, not measured
    const { times, value } = await timeRuns(RUNS, () => db.query(sql));
    results.push({ name: `\`${name}\``, stats: summarize(times), result: value.rows[0].count });
    const { rows } = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`);
    plans.push({ name, plan: rows.map((r) => r['QUERY PLAN']) });
  }

  // ---- measuring: the GraphQL engagement query
  const to = new Date();
  const from = new Date(to);
  from.setUTCMonth(from.getUTCMonth() - MONTHS);
  // the other periods the dashboard offers: this season (September to May) and three whole months
  const almaty = (iso) => new Date(`${iso}+05:00`);
  const [ty, tm] = new Date(to.getTime() + 5 * HOUR).toISOString().slice(0, 7).split('-').map(Number);
  const seasonYear = tm >= 9 ? ty : ty - 1;
  const monthStart = (y, m) => {
    const d = new Date(Date.UTC(y, m - 1, 1));
    return almaty(`${d.toISOString().slice(0, 7)}-01T00:00`);
  };
  const periods = [
    { label: `${MONTHS} months`, from, to },
    {
      label: 'season Sep-May',
      from: almaty(`${seasonYear}-09-01T00:00`),
      to: almaty(`${seasonYear + 1}-06-01T00:00`),
    },
    { label: '3 whole months', from: monthStart(ty, tm - 4), to: monthStart(ty, tm - 1) },
  ];
  if (!values['skip-graphql']) {
    credentialKeys(build.root, env, defer);
    const port = await pickPort(Number(values.port));
    const apiStarted = performance.now();
    const nodeArgs = values['api-node-args'].split(' ').filter(Boolean);
    const api = await startApi({ root: build.root, env, port, defer, nodeArgs });
    log(`API ready at ${api.base} (${build.label}, node ${process.version})`);
    // the resident engagement index loads in the background: wait for it (its warm-up), when the
    // build has one (before it, /health/ready says nothing about it)
    const indexState = async () =>
      (await (await fetch(`${api.base}/health/ready`)).json())?.info?.engagementIndex ?? null;
    let index = await indexState();
    while (index && index.state !== 'ready' && index.state !== 'off') {
      if (index.state === 'failed') throw new Error('the engagement index failed to load');
      if (performance.now() - apiStarted > 600_000)
        throw new Error('the engagement index did not load in 10 minutes');
      await new Promise((r) => setTimeout(r, 250));
      index = await indexState();
    }
    if (index) {
      warmup = { ms: performance.now() - apiStarted, index, rss: rssMb(api.pid) };
      log(
        `engagement index: ${index.state} ${Math.round(warmup.ms)} ms after the API started (load ${index.loadMs} ms), ${index.megabytes} MB of arrays, API RSS ${warmup.rss} MB`,
      );
    }
    const sign = await tokenSigner(secret, 3600);
    const token = async (memberId, role) => {
      const {
        rows: [session],
      } = await db.query(`INSERT INTO sessions (member_id) VALUES ($1) RETURNING id`, [memberId]);
      return sign({ sub: memberId, sid: session.id, role });
    };
    const commissionToken = await token(staff.COMMISSION, 'COMMISSION');
    const adminToken = await token(staff.ADMIN, 'ADMIN');
    const who = periods.flatMap((p) => [
      {
        label: `region ${region.code} (COMMISSION)`,
        period: p.label,
        token: commissionToken,
        filter: { unitId: region.id, from: p.from.toISOString(), to: p.to.toISOString() },
      },
      {
        label: 'country (ADMIN, no unit)',
        period: p.label,
        token: adminToken,
        filter: { from: p.from.toISOString(), to: p.to.toISOString() },
      },
    ]);
    // The tokens first: a rejected token would otherwise look like a failing engagement query.
    for (const scope of who) {
      const me = await graphql(api.base, '{ me { id } }', {}, scope.token);
      if (me.errors.length || !me.data?.me) {
        throw new Error(
          `${scope.label}: the API refused the minted token: ${describeErrors(me.errors).join('; ')}`,
        );
      }
    }
    for (const scope of who) {
      for (const [shape, selection] of [
        ['CONTRACT', CONTRACT],
        ['FULL', FULL],
      ]) {
        const name = `engagement ${shape}, ${scope.label}, ${scope.period}`;
        if (values.only && !name.includes(values.only)) continue;
        const query = engagementQuery(selection);
        // the first answer is not among the runs: with rollups it is the one that builds the
        // question's rollup (one pass over the scope's accounts), printed on its own
        const firstAt = performance.now();
        const first = await graphql(api.base, query, { filter: scope.filter }, scope.token);
        const firstMs = performance.now() - firstAt;
        if (first.errors.length) {
          log(`${name}: FAILED, GraphQL errors:`);
          for (const line of describeErrors(first.errors)) log(`  ${line}`);
          failures.push(`${name}: ${describeErrors(first.errors)[0]}`);
          results.push({ name, stats: null, result: 'FAILED (GraphQL errors, see above)' });
          continue;
        }
        const errors = [];
        const cpuBefore = cpuMs(api.pid);
        const loadBefore = loadAverage().split(' ')[0];
        const { times } = await timeRuns(RUNS, async () => {
          const res = await graphql(api.base, query, { filter: scope.filter }, scope.token).catch((err) => {
            // the API gone: say what it printed before it went
            log(`${name}: ${err.message}; the API's last output:`);
            for (const line of api.problems.slice(-30)) log(`  ${line}`);
            throw err;
          });
          if (res.errors.length) errors.push(...describeErrors(res.errors));
        });
        // the API's CPU (all threads) per answer, and the load average around the runs
        const cpu = cpuBefore === null ? null : (cpuMs(api.pid) - cpuBefore) / RUNS;
        // which runs were the slow ones (a tail at the start of a row is warm-up, spread out is not)
        const slowest = times
          .map((t, i) => [t, i + 1])
          .sort((a, b) => b[0] - a[0])
          .slice(0, 3)
          .map(([t, i]) => `#${i} ${Math.round(t)}`)
          .join(', ');
        const cost = `first answer (untimed) ${Math.round(firstMs)} ms; API CPU ${cpu === null ? '?' : Math.round(cpu)} ms/answer, load ${loadBefore} -> ${loadAverage().split(' ')[0]}, slowest runs ${slowest} ms`;
        const e = first.data.engagement;
        const headline = `members ${e.members}, active ${e.activeMembers}, events ${e.events}, registrations ${e.registrations}, attendances ${e.attendances}, unique ${e.uniqueParticipants}, byUnit ${e.byUnit?.length}`;
        if (errors.length) {
          failures.push(`${name}: ${errors.length} run(s) with errors, e.g. ${errors[0]}`);
          results.push({
            name,
            stats: summarize(times),
            result: `FAILED in ${errors.length} run(s): ${errors[0]}`,
          });
        } else results.push({ name, stats: summarize(times), result: `${headline}; ${cost}` });
      }
    }
    if (warmup) {
      lag = await measureLag(db, api, commissionToken, who[0].filter, region);
      warmup.rssAfter = rssMb(api.pid);
    }
    await api.stop();
    reportApiLog(api.problems, log);
  }

  // Figures for checking the answers by hand: the same period and region straight from SQL.
  const {
    rows: [truth],
  } = await db.query(
    `WITH scope AS (SELECT id FROM units WHERE code = $3 OR code LIKE $3 || '.%')
     SELECT count(*) FILTER (WHERE r.status = 'ATTENDED')::int AS attendances,
            count(*) FILTER (WHERE r.status = 'ATTENDED' AND e.unit_id IN (SELECT id FROM scope))::int AS region_attendances
     FROM registrations r JOIN events e ON e.id = r.event_id
     WHERE e.starts_at >= $1 AND e.starts_at < $2`,
    [from, to, region.code],
  );

  let checkIn = null;
  if (values['check-in-cost']) {
    try {
      checkIn = await checkInCost(databaseUrl);
    } catch (err) {
      failures.push(`check-in cost: ${err.message}`);
    }
  }

  // ---- report
  console.log('');
  console.log(
    `Engagement, ${new Date().toISOString().slice(0, 10)}: ${facts.units} units, ${facts.clubs} clubs, ${facts.members} members, ${facts.events} events, registrations ${byStatus.map((s) => `${s.status} ${s.n}`).join(', ')}, ${facts.badges} badge awards; database ${(facts.size / 2 ** 30).toFixed(2)} GiB; node ${process.version}, PostgreSQL ${facts.version}, ${cpus().length} cores, load average at start ${loadAtStart}, code: ${build.label}`,
  );
  if (loadTimes.length) {
    console.log('');
    console.log('| load step | s | rows | rows/s |');
    console.log('|---|---:|---:|---:|');
    for (const t of loadTimes) {
      console.log(
        `| ${t.label} | ${(t.took / 1000).toFixed(1)} | ${t.rows ?? ''} | ${t.rows ? Math.round(t.rows / (t.took / 1000)) : ''} |`,
      );
    }
    console.log(`| **total** | ${(loadTimes.reduce((a, t) => a + t.took, 0) / 1000).toFixed(1)} | | |`);
  }
  console.log('');
  console.log('| table | heap | indexes |');
  console.log('|---|---:|---:|');
  for (const s of sizes) console.log(`| ${s.name} | ${s.heap} | ${s.indexes} |`);
  console.log('');
  console.log(
    `Period ${from.toISOString()} .. ${to.toISOString()}; in SQL: ${truth.attendances} attendances at events starting in it, ${truth.region_attendances} of them in ${region.code}.`,
  );
  console.log('');
  console.log('| measurement | runs | p50 ms | p95 ms | result |');
  console.log('|---|---:|---:|---:|---|');
  for (const r of results) {
    console.log(
      `| ${r.name} | ${r.stats?.n ?? 0} | ${ms(r.stats?.p50)} | ${ms(r.stats?.p95)} | ${r.result} |`,
    );
  }
  if (warmup) {
    console.log('');
    console.log(
      `Resident index: ready ${(warmup.ms / 1000).toFixed(1)} s after the API process started (full load ${(warmup.index.loadMs / 1000).toFixed(1)} s), ${warmup.index.megabytes} MB of typed arrays and id tables; API RSS ${warmup.rss} MB when ready, ${warmup.rssAfter} MB after the runs.`,
    );
  }
  if (lag) console.log(`Lag: ${lag}`);
  if (checkIn) {
    console.log('');
    console.log(
      '| check-in (one UPDATE per transaction, 16 clients) | statements | per s | p50 ms | p99 ms |',
    );
    console.log('|---|---:|---:|---:|---:|');
    for (const r of checkIn)
      console.log(`| ${r.label} | ${r.n} | ${Math.round(r.rate)} | ${ms(r.p50)} | ${ms(r.p99)} |`);
  }
  console.log('');
  for (const p of plans) {
    console.log(`Plan of ${p.name}:`);
    for (const line of p.plan) console.log(`    ${line}`);
  }
  printVerdict('Result', failures, 'every query answered without error');
}

runMain(main, 'engagement', cleanup);
