#!/usr/bin/env node
// The engagement rollups' cost outside a question, in this thread: loads the resident index from
// a database that bench/engagement.mjs loaded, builds N rollups (the country, Zhambyl and its
// districts over the last 12 months, the season and three whole months), then times what every
// change of accounts costs the API (Rollups.follow: their counts out and back in, for each rollup)
// for batches of 1, 10, 100 and 1,000 accounts, and a question's parts from a rollup against the
// pass over every account (the same figures: compared).
//   node bench/engagement-rollups.mjs [--database yvc_bench_engagement] [--dist dist] [--rollups 32] [--runs 9]
// Needs `npm run build` (dist/). Prints one line per measurement (medians in ms); exit code 1 when
// a rollup's figures differ from the pass's. Timings are printed, never asserted.
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { assertBenchDatabaseName } from './lib/db.mjs';
import { residentBench } from './lib/resident.mjs';

const { values } = parseArgs({
  options: {
    database: { type: 'string', default: 'yvc_bench_engagement' },
    dist: { type: 'string', default: 'dist' },
    rollups: { type: 'string', default: '32' },
    runs: { type: 'string', default: '9' },
  },
});
assertBenchDatabaseName(values.database);
const require = createRequire(import.meta.url);
const dist = resolve(values.dist);
const at = (p) => require(`${dist}/${p}`);
const { EngagementIndex } = at('libs/analytics/src/resident/engagement-index.js');
const { months } = at('libs/analytics/src/engagement.service.js');
const { localDate } = at('libs/core/src/index.js');

const { url, db, scope } = await residentBench(dist, values.database);
const units = (
  await db.query(`SELECT id FROM units WHERE code = 'zhambyl' OR code LIKE 'zhambyl.%' ORDER BY code`)
).rows;
const asked = [await scope()];
for (const u of units) asked.push(await scope(u.id));
const capacity = Number(values.rollups);
const index = new EngagementIndex(
  { ENGAGEMENT_INDEX: true, ENGAGEMENT_INDEX_THREADS: 0, ENGAGEMENT_ROLLUPS: capacity, DATABASE_URL: url },
  null,
);
const began = Date.now();
await index.reload();
index.fresh = async () => index['data']; // no change log here: the data as loaded
const data = index['data'];
console.log(
  `index loaded in ${Date.now() - began} ms: ${data.members} accounts, ${data.regs.rows} registrations`,
);

const to = new Date(Math.floor(Date.now() / 60_000) * 60_000);
const yearAgo = new Date(to);
yearAgo.setFullYear(yearAgo.getFullYear() - 1);
const local = (s) => new Date(`${s}T00:00:00+05:00`);
const periods = [
  [yearAgo, to],
  [local('2025-09-01'), local('2026-06-01')],
  [local('2026-08-01'), local('2026-11-01')],
];
const question = (scope, [from, until]) => ({
  scope,
  from,
  to: until,
  now: to,
  firstDay: localDate(from),
  lastDay: localDate(new Date(until.getTime() - 1)),
  election: null,
  months: months(from, until),
});
const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
const time = (fn) => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};

// the rollups: every scope x period until `capacity` are kept
const questions = [];
for (const scope of asked) for (const p of periods) questions.push(question(scope, p));
let differ = 0;
const t0 = performance.now();
for (const q of questions.slice(0, capacity)) await index.parts(q);
console.log(
  `${Math.min(capacity, questions.length)} rollups built in ${(performance.now() - t0).toFixed(0)} ms (one pass each, in this thread); kept: ${index.rollupStats().kept}`,
);

const rollups = index['rollups'];
for (const n of [1, 10, 100, 1000]) {
  const times = [];
  for (let r = 0; r < Number(values.runs); r++) {
    // n accounts spread over the whole range, as a burst of check-ins across the country would be
    const list = Int32Array.from({ length: n }, (_, i) =>
      Math.floor(((i + r / 10) * data.members) / n),
    ).sort();
    times.push(
      time(() => {
        rollups.follow(data, list, -1);
        rollups.follow(data, list, 1);
      }),
    );
  }
  const ms = median(times);
  console.log(
    `follow ${n} changed account(s) through ${rollups.size} rollups: ${ms.toFixed(2)} ms (${((ms / n / rollups.size) * 1000).toFixed(1)} us per account and rollup)`,
  );
}

// answers from the rollups (after the follows above) against the pass over every account
for (const q of questions.slice(0, Math.min(capacity, 6))) {
  const fromRollup = [];
  const byPass = [];
  let a;
  let b;
  for (let r = 0; r < Number(values.runs); r++) {
    let t = performance.now();
    a = await index.parts(q);
    fromRollup.push(performance.now() - t);
    t = performance.now();
    b = await index.parts(q, 'members-here');
    byPass.push(performance.now() - t);
  }
  const equal = isDeepStrictEqual(a, b);
  if (!equal) differ++;
  console.log(
    `${q.scope.key} ${localDate(q.from)}..${localDate(q.to)}: parts from the rollup ${median(fromRollup).toFixed(1)} ms, by the pass ${median(byPass).toFixed(1)} ms, ${equal ? 'equal' : 'DIFFER'}`,
  );
}
await db.end();
process.exit(differ ? 1 : 0);
