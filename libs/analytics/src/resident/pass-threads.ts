import { Worker } from 'node:worker_threads';
import { Counts, MEMBER_PASS_SOURCE, MemberColumns, Plan, sumCounts } from './resident-report';

/** What a thread runs: the member pass (its source sent as text: the same code in dist and under ts-jest). */
const THREAD_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
// this thread's heap setup raised --semi-space-growth-factor to 2 for the whole process: set it back (heapFlags)
for (const flag of workerData.v8Flags) require('node:v8').setFlagsFromString(flag);
${MEMBER_PASS_SOURCE}
parentPort.on('message', ({ id, cols, plan, m0, m1, list }) => {
  let out;
  try {
    out = memberPass(cols, plan, m0, m1, list);
  } catch (err) {
    parentPort.postMessage({ id, error: String((err && err.stack) || err) });
    return;
  }
  parentPort.postMessage({ id, out }, Object.values(out).map((a) => a.buffer));
});
`;

const EMPTY = new Int32Array(0);

/** What one account costs a pass beyond its registrations, in registration rows (its role, memberships, unit). */
const ACCOUNT_COST = 4;

/**
 * Positions splitting list[0..size-1] into n parts of about the same work (registration rows
 * plus ACCOUNT_COST per account), not the same number of accounts: a region's list holds its own
 * accounts (a dozen rows each) and the people from elsewhere who came to its events (dozens of
 * rows each) in two stretches, so equal counts gave one thread three times the other's rows.
 */
export function splitByRows(cols: MemberColumns, list: Int32Array, size: number, n: number): number[] {
  const { regStart, regEnd } = cols;
  let total = 0;
  for (let j = 0; j < size; j++) total += regEnd[list[j]] - regStart[list[j]] + ACCOUNT_COST;
  const bounds = [0];
  let acc = 0;
  for (let j = 0, part = 1; j < size && part < n; j++) {
    acc += regEnd[list[j]] - regStart[list[j]] + ACCOUNT_COST;
    if (acc * n >= total * part) {
      bounds.push(j + 1);
      part++;
    }
  }
  while (bounds.length <= n) bounds.push(size);
  bounds[n] = size;
  return bounds;
}
const EMPTY_FLAGS = new Uint8Array(0);

interface Reply {
  id: number;
  out?: Counts;
  error?: string;
}

/**
 * Worker threads that run the pass over every member (the country's answers) in parallel, each
 * over a range of members, on the resident columns in shared memory; the counts add up
 * (sumCounts). The API's event loop only posts the question and adds the results, so it keeps
 * serving requests during a pass. The caller keeps the columns unchanged until the pass ends
 * (EngagementIndex holds writes back while passes run).
 */
export class PassThreads {
  private readonly workers: Array<Worker | null>;
  private readonly pending = new Map<
    number,
    { resolve: (c: Counts) => void; reject: (e: Error) => void; worker: number }
  >();
  private seq = 0;

  /** v8Flags: the process's V8 flags (heapFlags, libs/core), set again by each thread as it starts */
  constructor(
    readonly size: number,
    private readonly v8Flags: string[] = [],
  ) {
    this.workers = Array.from({ length: size }, () => null);
  }

  /** The pass over members 0..size-1, or over list[0..size-1] (each thread is sent only its part). */
  async run(
    cols: MemberColumns,
    plan: Plan,
    size = cols.members,
    list: Int32Array | null = null,
  ): Promise<Counts> {
    const n = this.size;
    // what the threads read of the plan, no more (each message is copied): with one word per event
    // (Plan.words) they need neither its codes and flags nor the list of events in scope
    const { scoped: _scoped, ...rest } = plan as Plan & { scoped?: number[] };
    const packed = plan.words.length > 0;
    const sent: Plan = {
      ...rest,
      codes: packed ? EMPTY : plan.codes,
      flag: packed ? EMPTY_FLAGS : plan.flag,
    };
    const bounds = list ? splitByRows(cols, list, size, n) : null;
    const parts = await Promise.all(
      Array.from({ length: n }, (_, i) => {
        const m0 = bounds ? bounds[i] : Math.floor((size * i) / n);
        const m1 = bounds ? bounds[i + 1] : Math.floor((size * (i + 1)) / n);
        // a copy of its part of the list: a subarray would be cloned with its whole buffer
        return list
          ? this.call(i, cols, sent, 0, m1 - m0, list.slice(m0, m1))
          : this.call(i, cols, sent, m0, m1, null);
      }),
    );
    return sumCounts(parts);
  }

  async close(): Promise<void> {
    const workers = this.workers.splice(0, this.workers.length, ...this.workers.map(() => null));
    await Promise.all(workers.map((w) => (w ? w.terminate() : Promise.resolve(0))));
  }

  private call(
    i: number,
    cols: MemberColumns,
    plan: Plan,
    m0: number,
    m1: number,
    list: Int32Array | null,
  ): Promise<Counts> {
    const worker = this.worker(i);
    const id = ++this.seq;
    return new Promise<Counts>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, worker: i });
      worker.postMessage({ id, cols, plan, m0, m1, list });
    });
  }

  private worker(i: number): Worker {
    const existing = this.workers[i];
    if (existing) return existing;
    // a pass allocates only its counts (a few hundred kB): small heaps keep each thread's memory small
    const worker = new Worker(THREAD_SOURCE, {
      eval: true,
      workerData: { v8Flags: this.v8Flags },
      name: `engagement-pass-${i}`,
      resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 64 },
    });
    worker.unref();
    worker.on('message', (reply: Reply) => {
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      if (reply.out) p.resolve(reply.out);
      else p.reject(new Error(`engagement pass thread: ${reply.error}`));
    });
    const fail = (err: Error) => {
      if (this.workers[i] === worker) this.workers[i] = null;
      for (const [id, p] of this.pending)
        if (p.worker === i) {
          this.pending.delete(id);
          p.reject(err);
        }
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`engagement pass thread exited (${code})`)));
    this.workers[i] = worker;
    return worker;
  }
}
