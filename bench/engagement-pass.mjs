#!/usr/bin/env node
// The engagement index's pass alone, in this thread: loads the resident index from a database that
// bench/engagement.mjs loaded, then times planQuestion (with a region's member list), the member
// pass and finishParts + assemble for the country, Zhambyl and one of its districts over four
// periods. With --old <dist> (another build's dist/, e.g. main's), the same questions also go
// through that build's functions on the same data, alternating, and every report must be equal.
//   node bench/engagement-pass.mjs [--database yvc_bench_engagement] [--dist dist] [--old DIR] [--runs 9]
// Needs `npm run build` (dist/). Prints one line per question (medians in ms); exit code 1 when a
// report differs. Timings are printed, never asserted.
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { assertBenchDatabaseName } from './lib/db.mjs';
import { residentBench } from './lib/resident.mjs';

const { values } = parseArgs({
  options: {
    database: { type: 'string', default: 'yvc_bench_engagement' },
    dist: { type: 'string', default: 'dist' },
    old: { type: 'string' },
    runs: { type: 'string', default: '9' },
  },
});
assertBenchDatabaseName(values.database);
const require = createRequire(import.meta.url);
const load = (dist) => {
  const at = (p) => require(resolve(dist, p));
  return {
    R: at('libs/analytics/src/resident/resident-report.js'),
    P: at('libs/analytics/src/engagement-parts.js'),
    ByEvent: at('libs/analytics/src/resident/by-event.js').ByEvent,
  };
};
const dist = resolve(values.dist);
const N = load(dist);
const O = values.old ? load(resolve(values.old)) : null;
const { EngagementIndex } = require(`${dist}/libs/analytics/src/resident/engagement-index.js`);
const { months } = require(`${dist}/libs/analytics/src/engagement.service.js`);
const { localDate } = require(`${dist}/libs/core/src/index.js`);

const { url, db, scope } = await residentBench(dist, values.database);
const asked = [['country', await scope()]];
for (const code of ['zhambyl', 'zhambyl.taraz']) {
  const row = (await db.query(`SELECT id FROM units WHERE code = $1`, [code])).rows[0];
  if (row) asked.push([code, await scope(row.id)]);
}
const index = new EngagementIndex(
  { ENGAGEMENT_INDEX: true, ENGAGEMENT_INDEX_THREADS: 0, DATABASE_URL: url },
  null,
);
const began = Date.now();
await index.reload();
const data = index['data'];
console.log(
  `index loaded in ${Date.now() - began} ms: ${data.members} accounts, ${data.regs.rows} registrations`,
);
// each build reads ByEvent in its own shape
const byEvent = new Map([[N, data.byEvent]]);
if (O) byEvent.set(O, new O.ByEvent(data));

const now = new Date();
const to = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
const yearAgo = new Date(to);
yearAgo.setFullYear(yearAgo.getFullYear() - 1);
const local = (s) => new Date(`${s}T00:00:00+05:00`);
const periods = {
  '12 months': [yearAgo, to],
  'season Sep-May': [local('2025-09-01'), local('2026-06-01')],
  '3 whole months': [local('2026-08-01'), local('2026-11-01')],
  'odd bounds': [new Date('2025-03-17T13:45:00+05:00'), new Date('2026-02-03T09:00:00+05:00')],
};
const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1].toFixed(1);

function answer(M, scope, from, until) {
  data.byEvent = byEvent.get(M);
  const question = {
    scope,
    from,
    to: until,
    now,
    firstDay: localDate(from),
    lastDay: localDate(new Date(until.getTime() - 1)),
    election: '2026-10-05',
    months: months(from, until),
  };
  const a = performance.now();
  const plan = M.R.planQuestion(data, question);
  const list = M.R.canPassScoped(data, question) ? M.R.scopedMembers(data, plan, plan.scoped) : null;
  const b = performance.now();
  const counts = M.R.memberPass(M.R.memberColumns(data), plan, 0, list ? list.length : data.members, list);
  const c = performance.now();
  const report = M.P.assemble(
    scope,
    from,
    until,
    question.months,
    M.R.finishParts(data, question, plan, counts),
    now,
  );
  return { report: JSON.stringify(report), plan: b - a, pass: c - b, finish: performance.now() - c };
}

let differ = 0;
for (const [period, [from, until]] of Object.entries(periods))
  for (const [name, scope] of asked) {
    const times = new Map([N, O].filter(Boolean).map((M) => [M, { plan: [], pass: [], finish: [] }]));
    const reports = new Map();
    for (let i = 0; i < Number(values.runs); i++)
      for (const [M, t] of times) {
        const r = answer(M, scope, from, until);
        t.plan.push(r.plan);
        t.pass.push(r.pass);
        t.finish.push(r.finish);
        reports.set(M, r.report);
      }
    const show = (t) => `plan ${median(t.plan)}, pass ${median(t.pass)}, finish ${median(t.finish)}`;
    let line = `${name}, ${period}: ${show(times.get(N))}`;
    if (O) {
      const equal = reports.get(O) === reports.get(N);
      if (!equal) differ++;
      line += ` | --old: ${show(times.get(O))} | reports ${equal ? 'equal' : 'DIFFER'}`;
    }
    console.log(line);
  }
await db.end();
if (O) console.log(differ ? `${differ} report(s) differ` : 'every report equal');
process.exit(differ ? 1 : 0);
