// Load generation: tasks run with a number in flight, their latency rows, where the CPU went and
// what this database's PostgreSQL backends were doing meanwhile.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { ms, quantile } from './stats.mjs';

/** Runs `fn` over `tasks` with `concurrency` in flight; per-task latency, end time and outcome, wall time. */
export async function runConcurrent(tasks, concurrency, fn) {
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

/** The head of the table latencyRow() fills. */
export const LATENCY_HEAD = [
  '| scenario | requests | conc. | wall s | req/s | p50 ms | p95 ms | p99 ms |',
  '|---|---:|---:|---:|---:|---:|---:|---:|',
];

/** A row of LATENCY_HEAD: `times` in ms; without `seconds` (a part of a run) no wall time or rate. */
export function latencyRow(name, times, concurrency, seconds) {
  const sorted = [...times].sort((a, b) => a - b);
  const p = (q) => ms(quantile(sorted, q, { sorted: true }));
  const rate = seconds ? (times.length / seconds).toFixed(0) : '-';
  const wall = seconds ? seconds.toFixed(2) : '-';
  return `| ${name} | ${times.length} | ${concurrency} | ${wall} | ${rate} | ${p(0.5)} | ${p(0.95)} | ${p(0.99)} |`;
}

/** Clock ticks per second, the unit of /proc's CPU times. */
export const CLK_TCK = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim()) || 100;

/** CPU seconds of a process from /proc (utime + stime); 0 where there is no /proc. */
export function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
  } catch {
    return 0;
  }
}

/**
 * A process and its descendants (the API's processes when API_PROCESSES > 1 makes it a cluster
 * supervisor), from /proc/<pid>/task/<tid>/children; [pid] where that is not available.
 */
export function processTree(pid) {
  const all = [pid];
  for (let i = 0; i < all.length; i++) {
    try {
      const children = readFileSync(`/proc/${all[i]}/task/${all[i]}/children`, 'utf8').trim();
      if (children) all.push(...children.split(/\s+/).map(Number));
    } catch {
      // gone, or no /proc
    }
  }
  return all;
}

/** CPU seconds of a process and its descendants (each process's own utime + stime, threads included). */
export const treeCpuSeconds = (pid) => processTree(pid).reduce((sum, p) => sum + cpuSeconds(p), 0);

/** Where the CPU went: the API's processes, the PostgreSQL backends of this database, this process. */
export async function cpuSnapshot(db, apiPid) {
  const { rows } = await db.query(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
  );
  const usage = process.cpuUsage();
  return {
    api: apiPid ? treeCpuSeconds(apiPid) : 0,
    pg: new Map(rows.map((r) => [r.pid, cpuSeconds(r.pid)])),
    client: (usage.user + usage.system) / 1e6,
  };
}

/** CPU seconds since cpuSnapshot() returned `before`: { api, pg, client }. */
export async function cpuSince(db, before, apiPid) {
  const after = await cpuSnapshot(db, apiPid);
  let pgSeconds = 0;
  for (const [pid, cpu] of after.pg) pgSeconds += cpu - (before.pg.get(pid) ?? 0);
  return { api: after.api - before.api, pg: pgSeconds, client: after.client - before.client };
}

/** cpuSince()'s figures as a sentence. */
export const cpuLine = (label, cpu, seconds) =>
  `CPU seconds during ${label} (wall ${seconds.toFixed(1)} s, 2 cores): ${cpu.api ? `API process ${cpu.api.toFixed(1)}, ` : ''}PostgreSQL backends ${cpu.pg.toFixed(1)}, load generator ${cpu.client.toFixed(1)}`;

/**
 * Samples pg_stat_activity every 50 ms while `promise` runs: on average how many of this database's
 * backends were running a statement, waiting for a lock (the event row), or idle inside a
 * transaction (waiting for the client to send the next statement). Returns { result, backends }.
 */
export async function sampleBackends(databaseUrl, promise) {
  const probe = new pg.Client({ connectionString: databaseUrl });
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
