import { createHash } from 'node:crypto';
import type { ResidentData } from './resident-data';
import { Counts, memberColumns, memberPass, Plan, planQuestion, ResidentQuestion } from './resident-report';

/**
 * Rollups of whole hours: the counts of the member pass (every figure of a question is a sum over
 * accounts) for a period W of whole hours, kept up to date with every change of an account (its
 * old counts taken out, its new ones put in), so a question over a period P within an hour of W
 * at each end is answered as
 *
 *   counts(P) = rollup(W) + pass(X, P) - pass(X, W)
 *
 * where X holds every account whose counts differ between W and P: those with a registration
 * (any state) at an event starting in one period and not the other, with a join, membership start
 * or end, or badge award time between the two periods' bounds, and the members of clubs archived
 * between the two `from`s (found through ByEvent and its time indexes, and, for the accounts
 * changed since those were built, in their own rows; a few more accounts change nothing). Every
 * other account counts exactly the same for W and P (docs/analytics.md names what each figure
 * reads), so the sum equals the pass over every account for P. A rollup is built by one ordinary
 * pass the first time its W is asked for (the scope, the period's months, its first and last day
 * and the election day are part of its key: W is counted with P's months and days, so age bands,
 * first-time voters and months need no edge), then costs only the passes over X per question.
 */
export interface Rollup {
  data: ResidentData;
  /** the question's key (questionKey) and W */
  question: string;
  /** the question with W's bounds: what `plan` was made from (made again when events change) */
  asked: ResidentQuestion;
  from: Date;
  to: Date;
  /** W's plan (planQuestion with W's bounds and P's months and days), slimmed (slim) */
  plan: Plan;
  counts: Counts;
}

/** Whole-hour bounds for a question's period (covers). */
export interface Cover {
  from: Date;
  to: Date;
  /** registrant rows of the events that lie in one period and not the other (the cost of X) */
  cost: number;
}

/** 'in': both edges moved inwards; 'out': outwards; else the cheaper (or an existing rollup) */
export type CoverChoice = 'in' | 'out' | undefined;

const HOUR_MS = 3_600_000;

/**
 * The candidate W for a question: each bound that is not on the hour moved to the hour before
 * ('out' for from, 'in' for to) or after it; an inverted W becomes empty (W.to = W.from). Whole
 * hours, so a question asked up to now (its `to` moves every minute) keeps its rollup for the hour,
 * and the accounts of its edges are those of less than an hour at each end.
 */
export function covers(data: ResidentData, q: ResidentQuestion): Array<Cover & { edges: string }> {
  const bounds = (at: Date, down: string, up: string): Array<[string, Date]> => {
    const t = at.getTime();
    const floor = Math.floor(t / HOUR_MS) * HOUR_MS;
    return floor === t
      ? [['=', at]]
      : [
          [down, new Date(floor)],
          [up, new Date(floor + HOUR_MS)],
        ];
  };
  const froms = bounds(q.from, 'out', 'in');
  const tos = bounds(q.to, 'in', 'out');
  return price(
    data,
    q,
    froms.flatMap(([fe, from]) =>
      tos.map(([te, to]) => ({ from, to: to < from ? from : to, cost: 0, edges: `${fe}${te}` })),
    ),
  );
}

/**
 * Sets each W's cost for the question (the registrant rows of the events starting in one of W
 * and the question's period and not the other: what X's passes read) and returns them.
 */
export function price<W extends Cover>(data: ResidentData, q: ResidentQuestion, ws: W[]): W[] {
  const by = data.byEvent;
  const fP = q.from.getTime() * 1000;
  const tP = q.to.getTime() * 1000;
  const fW = ws.map((w) => w.from.getTime() * 1000);
  const tW = ws.map((w) => w.to.getTime() * 1000);
  for (const w of ws) w.cost = 0;
  // one loop over the events for every W: only those between a bound of W and the question's
  // bound can differ
  const lo = Math.min(fP, ...fW);
  const hi = Math.max(fP, ...fW);
  const lo2 = Math.min(tP, ...tW);
  const hi2 = Math.max(tP, ...tW);
  for (let e = 0; e < data.events; e++) {
    const s = data.evStart[e];
    if (!((s >= lo && s < hi) || (s >= lo2 && s < hi2))) continue;
    const inP = s >= fP && s < tP;
    const rows = by && e < by.events ? by.evStart[e + 1] - by.evStart[e] : 0;
    for (let i = 0; i < ws.length; i++) if ((s >= fW[i] && s < tW[i]) !== inP) ws[i].cost += rows;
  }
  return ws;
}

/** What a rollup is keyed by besides W: the scope and the question's months and days (hashed). */
export function questionKey(data: ResidentData, q: ResidentQuestion): string {
  const { scope } = q;
  return createHash('sha1')
    .update(
      JSON.stringify([
        q.months[0],
        q.months.length,
        q.firstDay,
        q.lastDay,
        q.election,
        scope.unitIds,
        scope.clubIds,
        scope.bucketIds,
        [...scope.bucketOf],
        data.units.size,
        data.clubId.length,
        data.kinds.length,
      ]),
    )
    .digest('base64');
}

/** A rollup's key: the question's (questionKey) and W. */
export const rollupKey = (question: string, w: Pick<Cover, 'from' | 'to'>) =>
  `${question}|${w.from.getTime()}|${w.to.getTime()}`;

/** W's plan as kept: with one word per event the pass reads neither codes nor flags. */
export function slim(plan: Plan & { scoped?: number[] }): Plan {
  const { scoped: _scoped, ...rest } = plan;
  return rest.words.length > 0 ? { ...rest, codes: new Int32Array(0), flag: new Uint8Array(0) } : rest;
}

/**
 * X (see Rollup): every account whose counts may differ between W and the question's period, in
 * ascending order (the caller has ByEvent built).
 */
export function affected(data: ResidentData, q: ResidentQuestion, w: Pick<Cover, 'from' | 'to'>): Int32Array {
  const by = data.byEvent;
  if (!by) throw new Error('affected: the rows are not turned around (ByEvent)');
  const scratch = data.memberScratch();
  const { stamp, pos } = scratch;
  const token = scratch.next();
  let n = 0;
  const mark = (m: number) => {
    if (stamp[m] !== token) {
      stamp[m] = token;
      pos[n++] = m;
    }
  };
  const fP = q.from.getTime() * 1000;
  const tP = q.to.getTime() * 1000;
  const fW = w.from.getTime() * 1000;
  const tW = w.to.getTime() * 1000;
  const events = Math.min(by.events, data.events);
  const { evStart } = data;
  for (let e = 0; e < events; e++) {
    const s = evStart[e];
    if ((s >= fP && s < tP) !== (s >= fW && s < tW)) n = by.addRegistrants(e, stamp, token, pos, n);
  }
  const f0 = Math.min(fP, fW);
  const f1 = Math.max(fP, fW);
  const t0 = Math.min(tP, tW);
  const t1 = Math.max(tP, tW);
  // joined before `to` (members), on or after `from` (new members); memberships begun before `to`,
  // not ended before `from`; awards in the period
  by.joined.mark(f0, f1, mark);
  by.joined.mark(t0, t1, mark);
  by.cmJoined.mark(t0, t1, mark);
  by.cmLeft.mark(f0, f1, mark);
  by.awarded.mark(f0, f1, mark);
  by.awarded.mark(t0, t1, mark);
  // a club archived between the two `from`s is listed for one period only: all its members
  const clubs = Math.min(data.clubId.length, by.clubStart.length - 1);
  for (let c = 0; c < clubs; c++) {
    const archived = data.clubArchived[c];
    if (archived >= f0 && archived < f1)
      for (let i = by.clubStart[c], end = by.clubStart[c + 1]; i < end; i++) mark(by.clubMember[i]);
  }
  // accounts changed since ByEvent was built: what they hold now (events added since have only them)
  const { regs, clubMemberships: cms, badges } = data;
  const v = regs.cols.v;
  const inDiff = (t: number) => (t >= f0 && t < f1) || (t >= t0 && t < t1);
  for (const m of data.touched) {
    if (stamp[m] === token) continue;
    let edge = inDiff(data.mJoined[m]);
    for (let i = regs.start[m], end = regs.end[m]; i < end && !edge; i++) {
      const s = evStart[v[i] >> 2];
      edge = (s >= fP && s < tP) !== (s >= fW && s < tW);
    }
    for (let i = cms.start[m], end = cms.end[m]; i < end && !edge; i++) {
      const archived = data.clubArchived[cms.cols.club[i]];
      edge =
        (cms.cols.joined[i] >= t0 && cms.cols.joined[i] < t1) ||
        (cms.cols.left[i] >= f0 && cms.cols.left[i] < f1) ||
        (archived >= f0 && archived < f1);
    }
    for (let i = badges.start[m], end = badges.end[m]; i < end && !edge; i++)
      edge = inDiff(badges.cols.at[i]);
    if (edge) mark(m);
  }
  // ascending: the pass then reads the accounts' rows in memory order
  return pos.slice(0, n).sort();
}

/**
 * The accounts with a registration (any state) at one of `events` (event numbers), from ByEvent
 * and, for the accounts changed since it was built, their own rows; null without ByEvent.
 */
export function registrantsOf(data: ResidentData, events: number[]): Set<number> | null {
  const by = data.byEvent;
  if (!by) return null;
  const out = new Set<number>();
  if (events.length === 0) return out;
  const scratch = data.memberScratch();
  const { stamp, pos } = scratch;
  const token = scratch.next();
  let n = 0;
  for (const e of events) if (e < by.events) n = by.addRegistrants(e, stamp, token, pos, n);
  for (let i = 0; i < n; i++) out.add(pos[i]);
  const wanted = new Set(events);
  const v = data.regs.cols.v;
  for (const m of data.touched)
    for (let i = data.regs.start[m], end = data.regs.end[m]; i < end; i++)
      if (wanted.has(v[i] >> 2)) {
        out.add(m);
        break;
      }
  return out;
}

/** The numbers of the accounts with these ids that exist. */
export function accountNumbers(data: ResidentData, ids: Iterable<string>): number[] {
  const out: number[] = [];
  for (const id of ids) {
    const m = data.memberIds.get(id);
    if (m >= 0) out.push(m);
  }
  return out;
}

/** a += sign * b, field by field (counts of one plan's shape). */
export function addCounts(a: Counts, b: Counts, sign: 1 | -1): Counts {
  for (const k of Object.keys(a) as Array<keyof Counts>) {
    const x = a[k];
    const y = b[k];
    for (let i = 0; i < x.length; i++) x[i] += sign * y[i];
  }
  return a;
}

export function copyCounts(c: Counts): Counts {
  const out = {} as Record<keyof Counts, Int32Array | Float64Array>;
  for (const k of Object.keys(c) as Array<keyof Counts>) out[k] = c[k].slice();
  return out as unknown as Counts;
}

/**
 * The rollups of one process, the least recently used dropped past `capacity`. Every change of
 * accounts goes through `follow` (their counts out before the change, -1, and in after it, 1;
 * for changed events their registrants', the plans made again in between); a change of clubs, or
 * a new unit, club or kind, drops them all (`clear`): the next question builds its rollup again.
 */
export class Rollups {
  private readonly map = new Map<string, Rollup>();
  /** how many times they were all dropped (tests) */
  dropped = 0;
  /** how many were built after an answer, for the next questions (tests) */
  builtAhead = 0;

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.map.size;
  }

  get(key: string, data: ResidentData): Rollup | undefined {
    const r = this.map.get(key);
    if (!r) return undefined;
    this.map.delete(key);
    if (r.data !== data || r.plan.events !== data.events) return undefined;
    this.map.set(key, r);
    return r;
  }

  /** The rollups kept for a question (questionKey), of any W. */
  of(question: string, data: ResidentData): Array<Rollup & { key: string; cost: number }> {
    const out: Array<Rollup & { key: string; cost: number }> = [];
    for (const [key, r] of this.map)
      if (r.question === question && r.data === data && r.plan.events === data.events)
        out.push({ ...r, key, cost: 0 });
    return out;
  }

  has(key: string, data: ResidentData): boolean {
    const r = this.map.get(key);
    return r !== undefined && r.data === data && r.plan.events === data.events;
  }

  set(key: string, r: Rollup): void {
    this.map.delete(key);
    this.map.set(key, r);
    for (const old of this.map.keys()) {
      if (this.map.size <= this.capacity) break;
      this.map.delete(old);
    }
  }

  clear(): void {
    if (this.map.size > 0) this.dropped++;
    this.map.clear();
  }

  /**
   * Makes a change of the resident data (`apply`) with the rollups kept right: the counts of the
   * changed accounts and of the changed events' registrants are taken out before it (with the
   * plans as they are) and put back after it (with plans made again when events changed). A
   * change of clubs, more than `followUpTo` accounts, or a unit, club or event kind not seen
   * before drops them instead; so does a failure halfway (the columns heal: the same keys are read
   * again; the rollups would not).
   */
  around(
    data: ResidentData,
    change: { accountIds: Set<string>; eventIds: string[]; clubs: boolean; followUpTo: number },
    apply: () => void,
  ): void {
    if (this.map.size === 0) return apply();
    const shape = () => [data.units.size, data.clubId.length, data.kinds.length].join();
    const before = shape();
    const eventsBefore = data.events;
    const atEvents = change.clubs
      ? null
      : registrantsOf(
          data,
          change.eventIds.map((id) => data.eventIds.get(id)).filter((e) => e >= 0),
        );
    const following = atEvents ? new Set([...accountNumbers(data, change.accountIds), ...atEvents]) : null;
    if (!following || following.size > change.followUpTo) {
      this.clear();
      return apply();
    }
    try {
      this.follow(data, Int32Array.from(following).sort(), -1, false);
      apply();
      if (shape() !== before) return this.clear();
      // accounts first seen in this change are put in too (nothing of theirs was taken out)
      for (const m of accountNumbers(data, change.accountIds)) following.add(m);
      const replan = change.eventIds.length > 0 || data.events !== eventsBefore;
      this.follow(data, Int32Array.from(following).sort(), 1, replan);
    } catch (err) {
      this.clear();
      throw err;
    }
  }

  /**
   * Takes (sign -1, before a change) or puts back (1, after it) the counts of `accounts`; with
   * `replan` (events changed: their words in the plans), each plan is made again first.
   */
  follow(data: ResidentData, accounts: Int32Array, sign: 1 | -1, replan = false): void {
    const cols = memberColumns(data);
    for (const r of this.map.values()) {
      if (r.data !== data) continue;
      if (replan) r.plan = slim(planQuestion(data, r.asked));
      if (accounts.length > 0)
        addCounts(r.counts, memberPass(cols, r.plan, 0, accounts.length, accounts), sign);
    }
  }
}
