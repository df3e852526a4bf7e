import type { ResidentData } from './resident-data';

/**
 * The resident rows turned around, for scopes smaller than the country: each event's
 * registrations (member << 2 | state), each unit's accounts and each club's memberships (member
 * and the membership's row in ResidentData.clubMemberships). Derived from ResidentData at one
 * `version`; a question uses it only when that version is still the data's (else it takes the
 * one pass over every member, which needs nothing derived). Counting sorts: O(rows).
 */
export class ByEvent {
  readonly version: number;
  readonly evStart: Int32Array;
  readonly evRegs: Int32Array;
  readonly unitStart: Int32Array;
  readonly unitMembers: Int32Array;
  readonly clubStart: Int32Array;
  readonly clubMember: Int32Array;
  readonly clubRow: Int32Array;

  constructor(data: ResidentData) {
    this.version = data.version;
    const E = data.events;
    const M = data.members;
    const { start, end, cols } = data.regs;
    const v = cols.v;
    this.evStart = new Int32Array(E + 1);
    for (let m = 0; m < M; m++) for (let i = start[m]; i < end[m]; i++) this.evStart[(v[i] >> 2) + 1]++;
    for (let e = 0; e < E; e++) this.evStart[e + 1] += this.evStart[e];
    const fill = this.evStart.slice(0, E);
    this.evRegs = new Int32Array(this.evStart[E]);
    for (let m = 0; m < M; m++)
      for (let i = start[m]; i < end[m]; i++) this.evRegs[fill[v[i] >> 2]++] = (m << 2) | (v[i] & 3);

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
    this.clubRow = new Int32Array(this.clubStart[C]);
    for (let m = 0; m < M; m++)
      for (let i = cm.start[m]; i < cm.end[m]; i++) {
        const p = cfill[club[i]]++;
        this.clubMember[p] = m;
        this.clubRow[p] = i;
      }
  }
}
