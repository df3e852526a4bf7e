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

/**
 * Part i of list[0..size-1] for n threads: positions i, i + n, i + 2n, ... (a copy: a subarray
 * would be cloned with its whole buffer). Not consecutive stretches: a region's list holds the
 * people from elsewhere who came to its events (dozens of rows each) and its own accounts (a dozen)
 * in two stretches, so halves by count gave one thread three times the other's rows; taking every
 * n-th account gives each thread its share of both, without reading every account's row count.
 */
export function strided(list: Int32Array, size: number, n: number, i: number): Int32Array {
  const part = new Int32Array(Math.max(0, Math.ceil((size - i) / n)));
  for (let j = i, k = 0; j < size; j += n, k++) part[k] = list[j];
  return part;
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
    const parts = await Promise.all(
      Array.from({ length: n }, (_, i) => {
        if (list) {
          const part = strided(list, size, n, i);
          return this.call(i, cols, sent, 0, part.length, part);
        }
        return this.call(i, cols, sent, Math.floor((size * i) / n), Math.floor((size * (i + 1)) / n), null);
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
