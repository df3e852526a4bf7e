import cluster, { Worker } from 'node:cluster';

/**
 * Several API processes on one machine (API_PROCESSES > 1): node:cluster, the primary forks the
 * processes and hands out incoming connections round-robin; each process is a whole API (its own
 * pools, resident engagement index, revocation subscriber), as behind a load balancer
 * (docs/scaling.md). One event loop per core is what lets the API use more than one core.
 */

/** What a process tells /health/ready: how many of the set are listening (null: no supervisor). */
export interface ProcessesState {
  listening: number;
  of: number;
  /** true once the whole set has listened at least once (start-up complete) */
  started: boolean;
}

const MESSAGE = 'yvc:api-processes';
/** Set on the processes this supervisor forks (another cluster launcher's workers do not follow it). */
const SUPERVISED = 'YVC_API_SUPERVISED';
let state: ProcessesState | null = null;

/** The set's state as this process last heard it from the supervisor; null when not supervised. */
export function processesState(): ProcessesState | null {
  return state;
}

/** In a process forked by superviseApiProcesses: listen for the supervisor's news of the set. */
export function followProcesses(): void {
  if (!cluster.isWorker || process.env[SUPERVISED] !== '1') return;
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

/** Replacement delays after a crash: 1 s, doubling up to 30 s; back to 1 s after a minute without one. */
const FIRST_DELAY_MS = 1000;
const MAX_DELAY_MS = 30_000;
const CALM_MS = 60_000;
/** After SIGINT (which a terminal sends to every process itself), how long before SIGTERM follows. */
const SIGINT_GRACE_MS = 10_000;

/**
 * The supervisor: forks `count` API processes and keeps that many running.
 * - Start-up: a process that exits before the whole set has listened means the API cannot start
 *   (bad database, port taken): the set stops and the supervisor exits with code 1.
 * - Afterwards a process that exits is replaced, after 1 s, then 2, 4 ... up to 30 s while they
 *   keep failing (logged at error); the others serve meanwhile.
 * - SIGTERM is passed on; SIGINT is not (a terminal's Ctrl-C reaches every process already; a
 *   second signal would cut Nest's graceful close short), only SIGTERM to those still running
 *   after 10 s. The supervisor exits when the last process has: 0 when asked to stop, 1 when the
 *   set failed at start.
 */
export function superviseApiProcesses(count: number, options: { infoLogs: boolean; log?: Log }): void {
  const log = options.log ?? jsonLog;
  const alive = new Map<number, Worker>();
  const listening = new Set<number>();
  let started = false;
  let stopping = false;
  let delay = FIRST_DELAY_MS;
  let lastCrash = 0;
  const pending = new Set<NodeJS.Timeout>();

  const fork = () => {
    const worker = cluster.fork({ [SUPERVISED]: '1' });
    worker.on('error', () => undefined); // a send to a process that is exiting; its exit is handled below
    alive.set(worker.id, worker);
  };
  const broadcast = () => {
    const news = { type: MESSAGE, listening: listening.size, of: count, started };
    for (const w of alive.values()) if (!w.isDead() && w.isConnected()) w.send(news, () => undefined);
  };
  const finishIfDone = () => {
    if (!alive.size) process.exit(process.exitCode ?? 0);
  };
  const stopAll = (signal: NodeJS.Signals) => {
    stopping = true;
    for (const t of pending) clearTimeout(t);
    pending.clear();
    for (const w of alive.values()) if (!w.isDead()) w.process.kill(signal);
    finishIfDone();
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
    alive.delete(worker.id);
    listening.delete(worker.id);
    const how = signal ?? `exit code ${code}`;
    if (stopping) return finishIfDone();
    if (!started) {
      log('error', `an API process exited before the set started (${how}); stopping`);
      process.exitCode = 1;
      return stopAll('SIGTERM');
    }
    const now = Date.now();
    delay = now - lastCrash > CALM_MS ? FIRST_DELAY_MS : Math.min(delay * 2, MAX_DELAY_MS);
    lastCrash = now;
    log('error', `API process ${worker.process.pid} exited (${how}); starting another in ${delay / 1000} s`);
    broadcast();
    const timer = setTimeout(() => {
      pending.delete(timer);
      if (!stopping) fork();
    }, delay);
    pending.add(timer);
  });
  process.on('SIGTERM', () => stopAll('SIGTERM'));
  process.on('SIGINT', () => {
    if (stopping) return;
    stopping = true;
    for (const t of pending) clearTimeout(t);
    pending.clear();
    finishIfDone();
    setTimeout(() => {
      for (const w of alive.values()) if (!w.isDead()) w.process.kill('SIGTERM');
    }, SIGINT_GRACE_MS).unref();
  });
  for (let i = 0; i < count; i++) fork();
}

/** Whether this process should be the supervisor rather than an API. */
export const isSupervisor = (count: number): boolean => count > 1 && cluster.isPrimary;
