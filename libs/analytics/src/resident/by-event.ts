import type { ResidentData } from './resident-data';

/** A gap this large or more is written as ESCAPE and the member's number in two words. */
const ESCAPE = 0xffff;

/**
 * The resident rows turned around, for scopes smaller than the country: each event's registrants,
 * each unit's accounts and each club's members. Derived from ResidentData at one `version` (a
 * question lists the accounts touched since as well: scopedMembers). Counting sorts: O(rows).
 *
 * An event's registrants are kept in ascending order as gaps in 16-bit words (the gap from the
 * previous registrant, from -1 for the first; a gap of ESCAPE or more as ESCAPE, then the
 * member's number in two words): 6 M registrations take 12 MB instead of 24 as 32-bit numbers
 * (at 500,000 accounts an event's registrants are ~1,600 apart on average).
 */
export class ByEvent {
  readonly version: number;
  /** accounts 0 .. members - 1 were numbered when it was built */
  readonly members: number;
  /** event e's words are evStart[e] .. evStart[e + 1] - 1 of evMembers */
  readonly evStart: Int32Array;
  readonly evMembers: Uint16Array;
  readonly unitStart: Int32Array;
  readonly unitMembers: Int32Array;
  readonly clubStart: Int32Array;
  readonly clubMember: Int32Array;
  /** accounts by the hour they joined, club memberships by the hour they began and ended, badges by the hour awarded (rollups.ts: the accounts a period's edges can change) */
  readonly joined: TimeIndex;
  readonly cmJoined: TimeIndex;
  readonly cmLeft: TimeIndex;
  readonly awarded: TimeIndex;

  constructor(data: ResidentData) {
    this.version = data.version;
    const E = data.events;
    const M = data.members;
    this.members = M;
    const { start, end, cols } = data.regs;
    const v = cols.v;
    // members are visited in ascending order, so each event's list comes out ascending
    const last = new Int32Array(E).fill(-1);
    this.evStart = new Int32Array(E + 1);
    for (let m = 0; m < M; m++)
      for (let i = start[m]; i < end[m]; i++) {
        const e = v[i] >> 2;
        this.evStart[e + 1] += m - last[e] < ESCAPE ? 1 : 3;
        last[e] = m;
      }
    for (let e = 0; e < E; e++) this.evStart[e + 1] += this.evStart[e];
    const fill = this.evStart.slice(0, E);
    last.fill(-1);
    this.evMembers = new Uint16Array(this.evStart[E]);
    for (let m = 0; m < M; m++)
      for (let i = start[m]; i < end[m]; i++) {
        const e = v[i] >> 2;
        const gap = m - last[e];
        if (gap < ESCAPE) this.evMembers[fill[e]++] = gap;
        else {
          this.evMembers[fill[e]++] = ESCAPE;
          this.evMembers[fill[e]++] = m >>> 16;
          this.evMembers[fill[e]++] = m & 0xffff;
        }
        last[e] = m;
      }

    const U = data.units.size;
    this.unitStart = new Int32Array(U + 1);
    for (let m = 0; m < M; m++) if (data.mUnit[m] >= 0) this.unitStart[data.mUnit[m] + 1]++;
    for (let u = 0; u < U; u++) this.unitStart[u + 1] += this.unitStart[u];
    const ufill = this.unitStart.slice(0, U);
    this.unitMembers = new Int32Array(this.unitStart[U]);
    for (let m = 0; m < M; m++) if (data.mUnit[m] >= 0) this.unitMembers[ufill[data.mUnit[m]]++] = m;

    const C = data.clubId.length;
    const cm = data.clubMemberships;
    const club = cm.cols.club;
    this.clubStart = new Int32Array(C + 1);
    for (let m = 0; m < M; m++) for (let i = cm.start[m]; i < cm.end[m]; i++) this.clubStart[club[i] + 1]++;
    for (let c = 0; c < C; c++) this.clubStart[c + 1] += this.clubStart[c];
    const cfill = this.clubStart.slice(0, C);
    this.clubMember = new Int32Array(this.clubStart[C]);
    for (let m = 0; m < M; m++)
      for (let i = cm.start[m]; i < cm.end[m]; i++) this.clubMember[cfill[club[i]]++] = m;

    const one = (m: number) => [m, m + 1] as const;
    this.joined = new TimeIndex(M, one, data.mJoined);
    const cmRows = (m: number) => [cm.start[m], cm.end[m]] as const;
    this.cmJoined = new TimeIndex(M, cmRows, cm.cols.joined);
    this.cmLeft = new TimeIndex(M, cmRows, cm.cols.left);
    const b = data.badges;
    this.awarded = new TimeIndex(M, (m) => [b.start[m], b.end[m]] as const, b.cols.at);
  }

  /** Events 0 .. events - 1 are in here (later ones were added since it was built). */
  get events(): number {
    return this.evStart.length - 1;
  }

  /** Sets stamp[m] = token for every registrant m of event e (counted or not, any state). */
  markRegistrants(e: number, stamp: Int32Array, token: number): void {
    this.addRegistrants(e, stamp, token, null, 0);
  }

  /**
   * markRegistrants that also appends each account it stamps for the first time to `out` (when
   * given) from position n on; the new n.
   */
  addRegistrants(e: number, stamp: Int32Array, token: number, out: Int32Array | null, n: number): number {
    const w = this.evMembers;
    let m = -1;
    for (let i = this.evStart[e], end = this.evStart[e + 1]; i < end;) {
      const gap = w[i++];
      if (gap === ESCAPE) {
        m = (w[i] << 16) | w[i + 1];
        i += 2;
      } else m += gap;
      if (stamp[m] !== token) {
        stamp[m] = token;
        if (out) out[n++] = m;
      }
    }
    return n;
  }

  /** Every registrant of event e, ascending (tests): what markRegistrants marks. */
  registrants(e: number): number[] {
    const stamp = new Int32Array(this.members);
    this.markRegistrants(e, stamp, 1);
    const out: number[] = [];
    for (let m = 0; m < stamp.length; m++) if (stamp[m] === 1) out.push(m);
    return out;
  }

  /** Bytes of its arrays. */
  get bytes(): number {
    return (
      this.evStart.byteLength +
      this.evMembers.byteLength +
      this.unitStart.byteLength +
      this.unitMembers.byteLength +
      this.clubStart.byteLength +
      this.clubMember.byteLength +
      this.joined.bytes +
      this.cmJoined.bytes +
      this.cmLeft.bytes +
      this.awarded.bytes
    );
  }
}

const HOUR_US = 3_600_000_000;
/** Hours kept apart (57 years); older times share the first hour (garbage times, an unset 0). */
const MAX_HOURS = 500_000;

/**
 * Accounts by the hour (from microsecond times) of one of their rows' times: `mark` calls back for
 * every account with a time in [a, b) and maybe a few more (of the same hours, or any time older
 * than the MAX_HOURS kept apart: callers need a superset). NaN times (no such time) are left out.
 * A counting sort: O(rows + hours).
 */
export class TimeIndex {
  private readonly base: number;
  private readonly hours: number;
  private readonly start: Int32Array;
  private readonly member: Int32Array;

  constructor(members: number, rows: (m: number) => readonly [number, number], time: Float64Array) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let m = 0; m < members; m++) {
      const [i0, i1] = rows(m);
      for (let i = i0; i < i1; i++) {
        const t = time[i];
        if (!Number.isFinite(t)) continue;
        if (t < lo) lo = t;
        if (t > hi) hi = t;
      }
    }
    const top = lo <= hi ? Math.floor(hi / HOUR_US) : 0;
    this.base = lo <= hi ? Math.max(Math.floor(lo / HOUR_US), top - MAX_HOURS + 1) : 0;
    this.hours = lo <= hi ? top - this.base + 1 : 0;
    this.start = new Int32Array(this.hours + 1);
    for (let m = 0; m < members; m++) {
      const [i0, i1] = rows(m);
      for (let i = i0; i < i1; i++) if (!Number.isNaN(time[i])) this.start[this.hour(time[i]) + 1]++;
    }
    for (let d = 0; d < this.hours; d++) this.start[d + 1] += this.start[d];
    const fill = this.start.slice(0, this.hours);
    this.member = new Int32Array(this.start[this.hours]);
    for (let m = 0; m < members; m++) {
      const [i0, i1] = rows(m);
      for (let i = i0; i < i1; i++) if (!Number.isNaN(time[i])) this.member[fill[this.hour(time[i])]++] = m;
    }
  }

  /** A time's hour in here: older ones (and -Infinity) in the first, +Infinity in the last. */
  private hour(t: number): number {
    return Math.min(this.hours - 1, Math.max(0, Math.floor(t / HOUR_US) - this.base));
  }

  /** Calls `each` for every account with a time in [a, b) (microseconds), and perhaps others. */
  mark(a: number, b: number, each: (m: number) => void): void {
    if (!(a < b) || this.hours === 0) return;
    // a range above every finite time holds none (b is finite: +Infinity is in no range)
    if (Math.floor(a / HOUR_US) - this.base > this.hours - 1) return;
    const d0 = this.hour(a);
    const d1 = this.hour(b - 1);
    for (let i = this.start[d0], end = this.start[d1 + 1]; i < end; i++) each(this.member[i]);
  }

  get bytes(): number {
    return this.start.byteLength + this.member.byteLength;
  }
}
