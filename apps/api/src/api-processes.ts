import cluster, { Worker } from 'node:cluster';

/**
 * Several API processes on one machine (API_PROCESSES > 1): node:cluster, the primary forks the
 * processes and hands out incoming connections round-robin; each process is a whole API (its own
 * pools, resident engagement index, revocation subscriber), as behind a load balancer
 * (docs/scaling.md). One event loop per core is what lets the API use more than one core.
 */

/** What a process tells /health/ready: how many of the set are listening (null: no cluster). */
export interface ProcessesState {
  listening: number;
  of: number;
  /** true once the whole set has listened at least once (start-up complete) */
  started: boolean;
}

const MESSAGE = 'yvc:api-processes';
let state: ProcessesState | null = null;

/** The set's state as this process last heard it from the primary; null when not in a cluster. */
export function processesState(): ProcessesState | null {
  return state;
}

/** In a cluster process: listen for the primary's news of the set. */
export function followProcesses(): void {
  if (!cluster.isWorker) return;
  state = { listening: 0, of: 0, started: false };
  process.on('message', (msg: unknown) => {
    const m = msg as { type?: string } & ProcessesState;
    if (m?.type === MESSAGE) state = { listening: m.listening, of: m.of, started: m.started };
  });
}

type Log = (level: 'info' | 'error', msg: string, extra?: object) => void;

const jsonLog: Log = (level, msg, extra) =>
  (level === 'error' ? console.error : console.log)(
    JSON.stringify({ level: level === 'error' ? 50 : 30, time: Date.now(), pid: process.pid, msg, ...extra }),
  );

/**
 * The primary: forks `count` API processes and keeps that many running. A process that exits
 * after it listened is replaced (after a second, so a crash loop cannot spin); one that exits
 * before it ever listened means the API cannot start (bad configuration, database down), so the
 * whole set stops with exit code 1. SIGTERM / SIGINT are passed on and the primary exits when the
 * last process has. Logs at info only when `infoLogs`.
 */
export function superviseApiProcesses(count: number, options: { infoLogs: boolean; log?: Log }): void {
  const log = options.log ?? jsonLog;
  const listening = new Set<number>();
  let started = false;
  let stopping = false;
  let exitCode = 0;

  const broadcast = () => {
    const news = { type: MESSAGE, listening: listening.size, of: count, started };
    for (const w of Object.values(cluster.workers ?? {})) if (w?.isConnected()) w.send(news);
  };
  const stopAll = (signal: NodeJS.Signals) => {
    stopping = true;
    const alive = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w);
    if (!alive.length) process.exit(exitCode);
    for (const w of alive) w.process.kill(signal);
  };

  cluster.on('listening', (worker) => {
    listening.add(worker.id);
    if (!started && listening.size === count) {
      started = true;
      if (options.infoLogs) log('info', `${count} API processes listening`);
    }
    broadcast();
  });
  cluster.on('exit', (worker, code, signal) => {
    const hadListened = listening.delete(worker.id);
    if (stopping) {
      if (!Object.keys(cluster.workers ?? {}).length) process.exit(exitCode);
      return;
    }
    if (!hadListened) {
      log('error', `an API process exited before it listened (${signal ?? `exit code ${code}`}); stopping`);
      exitCode = 1;
      stopAll('SIGTERM');
      return;
    }
    log(
      'error',
      `API process ${worker.process.pid} exited (${signal ?? `exit code ${code}`}); starting another`,
    );
    broadcast();
    setTimeout(() => {
      if (!stopping) cluster.fork();
    }, 1000).unref();
  });
  process.on('SIGTERM', () => stopAll('SIGTERM'));
  process.on('SIGINT', () => stopAll('SIGINT'));
  for (let i = 0; i < count; i++) cluster.fork();
}

/** Whether this process should be the supervisor rather than an API. */
export const isSupervisor = (count: number): boolean => count > 1 && cluster.isPrimary;
