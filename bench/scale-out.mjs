#!/usr/bin/env node
// Two API processes, two workers, a PostgreSQL primary and a streaming read replica, on this
// machine (docs/scaling.md), and the engagement figures staying right through writes:
//   node bench/scale-out.mjs [--tree head|worktree] [--skip-build] [--members 1500] [--rounds 4]
// It starts a private PostgreSQL cluster (Debian's binaries, /usr/lib/postgresql/<v>/bin, run as
// the postgres user when this runs as root) with wal_level=replica on a free port, makes a hot
// standby of it with pg_basebackup -R on another port, then runs the build's migrate,
// units:import, badges:import and seed:demo on the primary. Both APIs write to the primary and keep
// their resident engagement index from the replica (ENGAGEMENT_INDEX_DATABASE_URL); both workers
// run against the primary (BullMQ jobs spread over them). Each round writes on the primary
// (check-ins, no-shows, a cancelled event, a withdrawn member's anonymisation is not needed: rows
// stay), waits until the replica has replayed it, and asks both APIs for the country's and a
// region's FULL report (ENGAGEMENT_CACHE_SECONDS=0): the two answers must be equal, and the
// headline figures equal to plain SQL on the primary. Prints one row per round; exit code 1 on
// any difference.
import { spawnSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync, appendFileSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { ensureServices } from '../scripts/services.mjs';
import { describeErrors, graphql, pickPort, startApi, startProcess, tokenSigner } from './lib/api.mjs';
import { cli, credentialKeys, prepareBuild, productionEnv } from './lib/build.mjs';
import { cleanupStack, printVerdict, runMain } from './lib/cleanup.mjs';

/** Every table of the report (as bench/engagement.mjs's FULL, with the funnel's people). */
const FULL = `{
  from to members activeMembers events registrations attendances uniqueParticipants attendanceRate computedAt
  byUnit { unit { code } members activeMembers events registrations attendances uniqueParticipants }
  byMonth { month newMembers events registrations attendances uniqueParticipants }
  byClub { club { id name } members events registrations attendances uniqueParticipants noShows noShowRate }
  byAgeBand { band members activeMembers attendances uniqueParticipants }
  byKind { kind events registrations attendances uniqueParticipants }
  firstTimeVoters { members activeMembers }
  funnel { registrations attendances badges registeredMembers attendedMembers badgedMembers }
  retention { participants returning rate }
  summary
}`;

const { values } = parseArgs({
  options: {
    tree: { type: 'string', default: 'head' },
    'skip-build': { type: 'boolean', default: false },
    members: { type: 'string', default: '1500' },
    rounds: { type: 'string', default: '4' },
  },
});
const ROUNDS = Number(values.rounds);
const log = (msg) => console.log(`[scale-out] ${msg}`);
const { defer, cleanup } = cleanupStack(log);

/** Debian's PostgreSQL binaries (the newest installed major). */
function pgBin() {
  const base = '/usr/lib/postgresql';
  const majors = existsSync(base) ? readdirSync(base).filter((d) => /^\d+$/.test(d)) : [];
  if (!majors.length) throw new Error('no PostgreSQL binaries under /usr/lib/postgresql');
  return join(base, String(Math.max(...majors.map(Number))), 'bin');
}

const asRoot = process.getuid?.() === 0;
/** Runs a PostgreSQL binary (as postgres when root: the server refuses root). */
function pgRun(bin, args) {
  const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  const res = spawnSync(cmd, argv, { encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`${bin} ${args.join(' ')} failed:\n${res.stdout}${res.stderr}`);
  return res.stdout;
}

async function startCluster(dir, port, bin, { primary }) {
  if (primary) {
    pgRun(join(bin, 'initdb'), [
      '-D',
      dir,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--locale',
      'C.UTF-8',
    ]);
    appendFileSync(
      join(dir, 'postgresql.conf'),
      `\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '${dir}'\nwal_level = replica\nmax_wal_senders = 4\nfsync = off\nsynchronous_commit = off\nshared_buffers = 64MB\n`,
    );
    appendFileSync(join(dir, 'pg_hba.conf'), `\nhost replication all 127.0.0.1/32 trust\n`);
  }
  pgRun(join(bin, 'pg_ctl'), [
    '-D',
    dir,
    '-o',
    `-p ${port} -k ${dir}`,
    '-l',
    join(dir, 'server.log'),
    '-w',
    'start',
  ]);
  defer(async () => {
    try {
      pgRun(join(bin, 'pg_ctl'), ['-D', dir, '-m', 'immediate', 'stop']);
    } catch {
      /* already stopped */
    }
  });
}

async function main() {
  const services = await ensureServices({ log });
  defer(() => services.stop());
  const build = prepareBuild({
    tree: values.tree,
    skipBuild: values['skip-build'],
    needs: ['dist/apps/worker/src/main.js'],
    log,
  });
  const bin = pgBin();
  const root = mkdtempSync(join(tmpdir(), 'yvc-scale-out-'));
  // the clusters' directories belong to the user the server runs as
  if (asRoot)
    chownSync(root, Number(pgRun('/usr/bin/id', ['-u']).trim()), Number(pgRun('/usr/bin/id', ['-g']).trim()));
  defer(async () => rmSync(root, { recursive: true, force: true }));
  const primaryPort = await pickPort(25432);
  const replicaPort = await pickPort(primaryPort + 1);
  await startCluster(join(root, 'primary'), primaryPort, bin, { primary: true });
  const primaryServer = `postgres://postgres@127.0.0.1:${primaryPort}`;
  const replicaServer = `postgres://postgres@127.0.0.1:${replicaPort}`;
  {
    const c = new pg.Client({ connectionString: `${primaryServer}/postgres` });
    await c.connect();
    await c.query('CREATE DATABASE yvc');
    await c.end();
  }
  pgRun(join(bin, 'pg_basebackup'), [
    '-h',
    '127.0.0.1',
    '-p',
    String(primaryPort),
    '-U',
    'postgres',
    '-D',
    join(root, 'replica'),
    '-R',
    '-X',
    'stream',
  ]);
  await startCluster(join(root, 'replica'), replicaPort, bin, { primary: false });
  log(`primary on ${primaryPort}, hot standby on ${replicaPort} (${bin})`);

  const { env, secret } = productionEnv(
    { databaseServerUrl: primaryServer, redisUrl: services.redisUrl },
    {
      database: 'yvc',
      redisPrefix: `yvc-bench-scale-${process.pid}`,
      extra: {
        ENGAGEMENT_CACHE_SECONDS: '0',
        ENGAGEMENT_COMPUTES_PER_MINUTE: '100000',
        ENGAGEMENT_INDEX_DATABASE_URL: `${replicaServer}/yvc`,
      },
    },
  );
  credentialKeys(build.root, env, defer);
  cli(build.root, env, 'migrate');
  cli(build.root, env, 'units:import');
  cli(build.root, env, 'badges:import');
  cli(build.root, env, 'seed:demo', '--members', values.members);
  log(`seeded ${values.members} members on the primary`);

  const apis = [];
  for (let i = 0; i < 2; i++) {
    const port = await pickPort(3450 + i * 7);
    apis.push(await startApi({ root: build.root, env, port, defer }));
  }
  const workers = [0, 1].map(() =>
    startProcess({ root: build.root, script: 'dist/apps/worker/src/main.js', env, defer }),
  );
  for (const api of apis) {
    for (;;) {
      const info = (await (await fetch(`${api.base}/health/ready`)).json())?.info?.engagementIndex;
      if (!info || info.state === 'ready') break;
      if (info.state === 'failed') throw new Error(`${api.base}: the engagement index failed to load`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  log(`two APIs (${apis.map((a) => a.base).join(', ')}) with their indexes ready, two workers running`);

  const db = new pg.Client({ connectionString: `${primaryServer}/yvc` });
  await db.connect();
  defer(() => db.end());
  const replica = new pg.Client({ connectionString: `${replicaServer}/yvc` });
  await replica.connect();
  defer(() => replica.end());
  const {
    rows: [admin],
  } = await db.query(
    `INSERT INTO members (full_name, email, password_hash, role, status) VALUES ('Scale Admin', 'scale-admin@bench.yvc.kz', 'x', 'ADMIN', 'ACTIVE') RETURNING id`,
  );
  const {
    rows: [session],
  } = await db.query(`INSERT INTO sessions (member_id) VALUES ($1) RETURNING id`, [admin.id]);
  const token = await (await tokenSigner(secret, 3600))({ sub: admin.id, sid: session.id, role: 'ADMIN' });
  const {
    rows: [region],
  } = await db.query(`SELECT id, code FROM units WHERE parent_id IS NULL ORDER BY code LIMIT 1`);

  const to = new Date(Math.floor(Date.now() / 60_000) * 60_000 + 60 * 86_400_000);
  const from = new Date(to.getTime() - 500 * 86_400_000);
  const query = `query($filter: EngagementFilter) { engagement(filter: $filter) ${FULL} }`;
  const ask = async (api, filter) => {
    const res = await graphql(api.base, query, { filter }, token);
    if (res.errors.length) throw new Error(`${api.base}: ${describeErrors(res.errors).join('; ')}`);
    const { computedAt, ...rest } = res.data.engagement;
    void computedAt;
    return rest;
  };
  /** The headline figures straight from the primary, written from docs/analytics.md. */
  const truth = async () =>
    (
      await db.query(
        `WITH ev AS (SELECT id FROM events WHERE status IN ('PUBLISHED', 'COMPLETED') AND starts_at >= $1 AND starts_at < $2)
         SELECT (SELECT count(*) FROM ev)::int AS events,
                (SELECT count(*) FROM registrations r JOIN ev ON ev.id = r.event_id WHERE r.status IN ('REGISTERED', 'ATTENDED', 'NO_SHOW'))::int AS registrations,
                (SELECT count(*) FROM registrations r JOIN ev ON ev.id = r.event_id WHERE r.status = 'ATTENDED')::int AS attendances,
                (SELECT count(DISTINCT r.member_id) FROM registrations r JOIN ev ON ev.id = r.event_id WHERE r.status = 'ATTENDED')::int AS "uniqueParticipants",
                (SELECT count(*) FROM members WHERE role = 'MEMBER' AND joined_at < $2)::int AS members,
                (SELECT count(*) FROM members m WHERE m.role = 'MEMBER' AND m.joined_at < $2 AND EXISTS (
                   SELECT 1 FROM registrations r JOIN events e ON e.id = r.event_id
                   WHERE r.member_id = m.id AND r.status = 'ATTENDED' AND e.starts_at >= $1 AND e.starts_at < $2))::int AS "activeMembers"`,
        [from, to],
      )
    ).rows[0];

  const failures = [];
  const rows = [];
  for (let round = 0; round <= ROUNDS; round++) {
    let wrote = 'nothing (as loaded)';
    if (round > 0) {
      const checkIns = await db.query(
        `UPDATE registrations SET status = 'ATTENDED', checked_in_at = now()
         WHERE id IN (SELECT id FROM registrations WHERE status = 'NO_SHOW' ORDER BY id LIMIT 25) RETURNING id`,
      );
      const noShows = await db.query(
        `UPDATE registrations SET status = 'NO_SHOW', checked_in_at = NULL
         WHERE id IN (SELECT id FROM registrations WHERE status = 'ATTENDED' ORDER BY id DESC LIMIT 10) RETURNING id`,
      );
      const cancelled = await db.query(
        `UPDATE events SET status = 'CANCELLED', cancel_reason = 'scale-out bench', cancelled_at = now()
         WHERE id = (SELECT id FROM events WHERE status = 'COMPLETED' ORDER BY starts_at DESC OFFSET ${round} LIMIT 1) RETURNING id`,
      );
      wrote = `${checkIns.rowCount} check-ins, ${noShows.rowCount} attendances undone, ${cancelled.rowCount} event cancelled`;
    }
    const written = performance.now();
    const {
      rows: [{ lsn }],
    } = await db.query(`SELECT pg_current_wal_lsn()::text AS lsn`);
    for (;;) {
      const {
        rows: [{ ok }],
      } = await replica.query(`SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok`, [lsn]);
      if (ok) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const replayed = performance.now() - written;
    const expected = await truth();
    for (const [label, filter] of [
      ['country', { from: from.toISOString(), to: to.toISOString() }],
      [`region ${region.code}`, { unitId: region.id, from: from.toISOString(), to: to.toISOString() }],
    ]) {
      const [a, b] = await Promise.all(apis.map((api) => ask(api, filter)));
      const same = JSON.stringify(a) === JSON.stringify(b);
      if (!same) failures.push(`round ${round}, ${label}: the two APIs answered differently`);
      let truthNote = '';
      if (label === 'country') {
        const diff = Object.entries(expected).filter(([k, v]) => a[k] !== v);
        if (diff.length)
          failures.push(
            `round ${round}, country: ${diff.map(([k, v]) => `${k} ${a[k]} vs SQL ${v}`).join(', ')}`,
          );
        truthNote = diff.length ? 'DIFFERS from SQL' : 'equal to SQL';
      }
      rows.push({
        round,
        wrote,
        replayed,
        label,
        same,
        truthNote,
        headline: `events ${a.events}, attendances ${a.attendances}, unique ${a.uniqueParticipants}, members ${a.members}, active ${a.activeMembers}`,
      });
    }
  }
  for (const w of workers) if (w.exited) failures.push(`a worker exited (${w.exitCode})`);

  console.log('');
  console.log(
    `Scale-out, ${new Date().toISOString().slice(0, 10)}: 2 APIs + 2 workers, primary + hot standby (PostgreSQL ${bin.split('/').at(-2)}), ${values.members} demo members, code: ${build.label}`,
  );
  console.log('');
  console.log(
    '| round | written on the primary | replayed on the replica after | scope | API 1 = API 2 | headline (API) | vs SQL on the primary |',
  );
  console.log('|---:|---|---:|---|---|---|---|');
  for (const r of rows) {
    console.log(
      `| ${r.round} | ${r.wrote} | ${r.replayed.toFixed(0)} ms | ${r.label} | ${r.same ? 'yes' : 'NO'} | ${r.headline} | ${r.truthNote} |`,
    );
  }
  printVerdict('Result', failures, 'both APIs agree with each other and with SQL in every round');
}

runMain(main, 'scale-out', cleanup);
