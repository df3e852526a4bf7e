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
  }

  /** Events 0 .. events - 1 are in here (later ones were added since it was built). */
  get events(): number {
    return this.evStart.length - 1;
  }

  /** Sets stamp[m] = token for every registrant m of event e (counted or not, any state). */
  markRegistrants(e: number, stamp: Int32Array, token: number): void {
    const w = this.evMembers;
    let m = -1;
    for (let i = this.evStart[e], end = this.evStart[e + 1]; i < end;) {
      const gap = w[i++];
      if (gap === ESCAPE) {
        m = (w[i] << 16) | w[i + 1];
        i += 2;
      } else m += gap;
      stamp[m] = token;
    }
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
      this.clubMember.byteLength
    );
  }
}
