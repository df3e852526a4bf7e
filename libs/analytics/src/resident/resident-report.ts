import type { EventKind } from '@yvc/events';
import type { EngagementParts, MemberSetRow, PerEventRow } from '../engagement-parts';
import type { EngagementScope } from '../engagement-scope';
import { AGE_BANDS } from '../engagement.types';
import { EV, REG, ROLE, ResidentData } from './resident-data';

export interface ResidentQuestion {
  scope: EngagementScope;
  from: Date;
  to: Date;
  now: Date;
  /** the period's first and last local day, YYYY-MM-DD */
  firstDay: string;
  lastDay: string;
  /** YYYY-MM-DD or null */
  election: string | null;
  /** the months (YYYY-MM) the period touches */
  months: string[];
}

const ymd = (day: string) => Number(day.replaceAll('-', ''));

// bandOf, newCounts and memberPass run in worker threads too (their source is sent
// to the thread: pass-threads.ts): they read only their arguments, and their constants are literals.
if (AGE_BANDS.indexOf('OTHER') !== 5 || REG.ATTENDED !== 1 || REG.NO_SHOW !== 2 || ROLE.MEMBER !== 1)
  throw new Error('the member pass assumes these codes');

/** Whole years from birth (YYYYMMDD) to day (YYYYMMDD), as date_part('year', age(day, birth)). */
export function years(day: number, birth: number): number {
  const y = Math.floor(day / 10000) - Math.floor(birth / 10000);
  return day % 10000 < birth % 10000 ? y - 1 : y;
}

/** The age band (index in AGE_BANDS, 5 = OTHER) on `day` of a birth date (YYYYMMDD, -1: none). */
export function band(day: number, birth: number): number {
  if (birth < 0) return 5;
  const age = years(day, birth);
  if (age < 14 || age > 35) return 5;
  return age <= 17 ? 0 : age <= 21 ? 1 : age <= 25 ? 2 : age <= 29 ? 3 : 4;
}

/**
 * band(lastDay, birth) by comparisons with the plan's bounds (no division per account): whole
 * years from birth to day are at least k exactly when birth + k * 10000 <= day (YYYYMMDD numbers
 * compare as (year, month-day) pairs), so bound k = lastDay - k * 10000 (Plan.ageBounds).
 */
export function bandOf(p: Pick<Plan, 'ageBounds'>, birth: number): number {
  const a = p.ageBounds;
  if (birth < 0 || birth > a[0] || birth <= a[5]) return 5;
  return birth > a[1] ? 0 : birth > a[2] ? 1 : birth > a[3] ? 2 : birth > a[4] ? 3 : 4;
}

/** Plan.ageBounds for a last day (YYYYMMDD). */
export const ageBounds = (lastDay: number) => [14, 18, 22, 26, 30, 36].map((k) => lastDay - k * 10000);

/** The resident columns a pass reads (shared memory: the same arrays in every thread). */
export interface MemberColumns {
  members: number;
  mRole: Uint8Array;
  mUnit: Int32Array;
  mBirth: Int32Array;
  /** eighteenth(birth), -1: no birth date */
  mEighteenth: Int32Array;
  mJoined: Float64Array;
  mJoinedMonth: Int32Array;
  regV: Int32Array;
  regStart: Int32Array;
  regEnd: Int32Array;
  cmClub: Int32Array;
  cmJoined: Float64Array;
  cmLeft: Float64Array;
  cmStart: Int32Array;
  cmEnd: Int32Array;
  bAt: Float64Array;
  bStart: Int32Array;
  bEnd: Int32Array;
}

export function memberColumns(data: ResidentData): MemberColumns {
  return {
    members: data.members,
    mRole: data.mRole,
    mUnit: data.mUnit,
    mBirth: data.mBirth,
    mEighteenth: data.mEighteenth,
    mJoined: data.mJoined,
    mJoinedMonth: data.mJoinedMonth,
    regV: data.regs.cols.v,
    regStart: data.regs.start,
    regEnd: data.regs.end,
    cmClub: data.clubMemberships.cols.club,
    cmJoined: data.clubMemberships.cols.joined,
    cmLeft: data.clubMemberships.cols.left,
    cmStart: data.clubMemberships.start,
    cmEnd: data.clubMemberships.end,
    bAt: data.badges.cols.at,
    bStart: data.badges.start,
    bEnd: data.badges.end,
  };
}

/** A question as numbers: what every pass needs, built once per question (planQuestion). */
export interface Plan {
  fromUs: number;
  toUs: number;
  lastDay: number;
  firstDay: number;
  /** YYYYMMDD or -1 */
  election: number;
  /** lastDay - k * 10000 for k = 14, 18, 22, 26, 30, 36 (bandOf) */
  ageBounds: number[];
  /** 18 on the election day: electionLow < birth <= electionHigh (empty without an election) */
  electionLow: number;
  electionHigh: number;
  /** the first month's code (year * 12 + month - 1); months are consecutive */
  firstMonth: number;
  nMo: number;
  /** buckets + 1 (none) */
  nB: number;
  offMo: number;
  offC: number;
  offK: number;
  nCodes: number;
  events: number;
  clubs: number;
  byClubScope: boolean;
  /** per event: 1 = starts in the period (any state), 3 = that and in scope (counted, scope unit or club) */
  flag: Uint8Array;
  /** per event in scope: its bucket, month, club and kind codes */
  codes: Int32Array;
  /**
   * When buckets, months and kinds fit 31 values each (the country: 20 regions, a year, 6 kinds)
   * and clubs 32,767: per event one word that holds everything the pass reads of it, so each
   * registration costs one look-up in a small table (4 bytes per event): bit 0 = starts in the
   * period, bit 1 = and in scope, bits 2-6 its bucket, 7-11 its month (index), 12-16 its kind,
   * 17-31 its club's code minus offC; 0 = not in the period. Else empty (then `flag` and `codes`).
   */
  words: Int32Array;
  unitInScope: Uint8Array;
  unitBucket: Int32Array;
  clubInScope: Uint8Array;
  clubListed: Uint8Array;
}

/** What a pass counts; passes over disjoint sets of members add up (sumCounts). */
export interface Counts {
  /** distinct people per code */
  people: Int32Array;
  bandPeople: Int32Array;
  bandAttendances: Int32Array;
  bandMembers: Int32Array;
  bandActive: Int32Array;
  bucketMembers: Int32Array;
  bucketActive: Int32Array;
  monthNew: Int32Array;
  clubMembers: Int32Array;
  /** participants, returning, registered, badges, badged, members, active, ftv, ftvActive */
  totals: Float64Array;
}

function newCounts(p: Plan): Counts {
  return {
    people: new Int32Array(p.nCodes),
    bandPeople: new Int32Array(6),
    bandAttendances: new Int32Array(6),
    bandMembers: new Int32Array(6),
    bandActive: new Int32Array(6),
    bucketMembers: new Int32Array(p.nB),
    bucketActive: new Int32Array(p.nB),
    monthNew: new Int32Array(p.nMo),
    clubMembers: new Int32Array(p.clubs),
    totals: new Float64Array(9),
  };
}

/**
 * One pass over members m0..m1-1 (or list[m0..m1-1]) and their rows: for each, its registrations at events in scope
 * give whether it registered and participated, how often (retention), and the codes
 * (buckets, months, clubs, kinds) it came to, each counted once per person with a stamp (so
 * distinct counts are exact); its attendance at any event starting in the period makes it
 * active; its birth date gives the band and first-time voting; its memberships give club members.
 * Everything counted is per member, so passes over disjoint ranges add up (the country runs on
 * several threads, each over a range). Columns, plan fields and totals are held in locals (this
 * loop runs over millions of rows: each property read or typed-array total written per account
 * showed in the profile).
 */
export function memberPass(
  c: MemberColumns,
  p: Plan,
  m0: number,
  m1: number,
  list?: Int32Array | null,
): Counts {
  const out = newCounts(p);
  const { flag, codes, words, clubInScope, clubListed, unitInScope, unitBucket, byClubScope } = p;
  const { fromUs, toUs, offMo, offC, offK, firstDay, lastDay, electionLow, electionHigh, firstMonth, nMo } =
    p;
  const packed = words.length > 0;
  const { people, clubMembers, bandPeople, bandAttendances, bandMembers, bandActive } = out;
  const { bucketMembers, bucketActive, monthNew } = out;
  const { regV, regStart, regEnd, cmClub, cmJoined, cmLeft, cmStart, cmEnd, bAt, bStart, bEnd } = c;
  const { mRole, mUnit, mBirth, mEighteenth, mJoined, mJoinedMonth } = c;
  const stamp = new Int32Array(p.nCodes);
  const clubStamp = new Int32Array(p.clubs);
  let participants = 0;
  let returning = 0;
  let registered = 0;
  let badges = 0;
  let badged = 0;
  let members = 0;
  let active = 0;
  let ftv = 0;
  let ftvActive = 0;
  for (let j = m0; j < m1; j++) {
    // every member, or (a scoped question) positions j of the list of members that can count
    const m = list ? list[j] : j;
    const role = mRole[m];
    const token = m + 1;
    let isActive = false;
    let n = 0;
    let reg = false;
    let bucketBits = 0;
    let monthBits = 0;
    let kindBits = 0;
    if (packed) {
      // one word per event (Plan.words): bucket, month and kind as bits of the person, a stamp per
      // club (a person's rows come by start, often several at one club: its last code is skipped)
      let lastClub = -1;
      for (let i = regStart[m], end = regEnd[m]; i < end; i++) {
        const v = regV[i];
        const w = words[v >> 2];
        if (w === 0) continue;
        if ((v & 3) === 1) {
          isActive = true;
          if ((w & 2) === 0) continue;
          reg = true;
          n++;
          bucketBits |= 1 << ((w >> 2) & 31);
          monthBits |= 1 << ((w >> 7) & 31);
          kindBits |= 1 << ((w >> 12) & 31);
          const x = offC + (w >>> 17);
          if (x !== lastClub) {
            lastClub = x;
            if (stamp[x] !== token) {
              stamp[x] = token;
              people[x]++;
            }
          }
        } else if ((w & 2) !== 0) reg = true;
      }
    } else
      for (let i = regStart[m], end = regEnd[m]; i < end; i++) {
        const v = regV[i];
        const e = v >> 2;
        const f = flag[e];
        if (f === 0) continue;
        const st = v & 3;
        if (st === 1) isActive = true;
        if (f !== 3) continue;
        reg = true;
        if (st !== 1) continue;
        n++;
        const k = e * 4;
        for (let d = 0; d < 4; d++) {
          const x = codes[k + d];
          if (stamp[x] !== token) {
            stamp[x] = token;
            people[x]++;
          }
        }
      }
    if (reg) registered++;
    const memberBand = n > 0 || role === 1 ? bandOf(p, mBirth[m]) : 5;
    if (n > 0) {
      for (let x = bucketBits; x !== 0; x &= x - 1) people[31 - Math.clz32(x & -x)]++;
      for (let x = monthBits; x !== 0; x &= x - 1) people[offMo + 31 - Math.clz32(x & -x)]++;
      for (let x = kindBits; x !== 0; x &= x - 1) people[offK + 31 - Math.clz32(x & -x)]++;
      participants++;
      if (n >= 2) returning++;
      bandPeople[memberBand]++;
      bandAttendances[memberBand] += n;
      let awards = 0;
      for (let i = bStart[m], end = bEnd[m]; i < end; i++) {
        const at = bAt[i];
        if (at >= fromUs && at < toUs) awards++;
      }
      if (awards) {
        badges += awards;
        badged++;
      }
    }
    if (role !== 1) continue;

    // club members: memberships overlapping the period, in a club of the scope
    let inScopeClub = false;
    for (let i = cmStart[m], end = cmEnd[m]; i < end; i++) {
      const club = cmClub[i];
      if (byClubScope && clubInScope[club] === 1) inScopeClub = true;
      if (
        clubListed[club] === 1 &&
        cmJoined[i] < toUs &&
        !(cmLeft[i] < fromUs) &&
        clubStamp[club] !== token
      ) {
        clubStamp[club] = token;
        clubMembers[club]++;
      }
    }

    // members of the scope who had joined by the end of the period: members, active, bucket,
    // band, first-time voter, month joined
    const unit = mUnit[m];
    if (!(unitInScope[unit] === 1 || inScopeClub)) continue;
    const joined = mJoined[m];
    if (!(joined < toUs)) continue;
    members++;
    if (isActive) active++;
    const b = unitBucket[unit];
    if (b >= 0) {
      bucketMembers[b]++;
      if (isActive) bucketActive[b]++;
    }
    bandMembers[memberBand]++;
    if (isActive) bandActive[memberBand]++;
    // turns 18 in the period, or is 18 on the election day (years(election, birth) === 18)
    const e18 = mEighteenth[m];
    const birth = mBirth[m];
    if ((e18 >= firstDay && e18 <= lastDay) || (birth > electionLow && birth <= electionHigh)) {
      ftv++;
      if (isActive) ftvActive++;
    }
    if (joined >= fromUs) {
      const mo = mJoinedMonth[m] - firstMonth;
      if (mo >= 0 && mo < nMo) monthNew[mo]++;
    }
  }
  out.totals.set([participants, returning, registered, badges, badged, members, active, ftv, ftvActive]);
  return out;
}

/** The source of the functions above, for a worker thread (pass-threads.ts). */
export const MEMBER_PASS_SOURCE = [bandOf, newCounts, memberPass].map((f) => f.toString()).join('\n');

/** Counts of disjoint sets of members, added up (into the first). */
export function sumCounts(parts: Counts[]): Counts {
  const [first, ...rest] = parts;
  for (const other of rest)
    for (const k of Object.keys(first) as Array<keyof Counts>) {
      const a = first[k];
      const b = other[k];
      for (let i = 0; i < a.length; i++) a[i] += b[i];
    }
  return first;
}

const monthCode = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return y * 12 + m - 1;
};

/** The question as numbers (the scope's units, buckets and clubs; the events in the period and in scope, with their codes). */
export function planQuestion(data: ResidentData, q: ResidentQuestion): Plan & { scoped: number[] } {
  const { scope } = q;
  const fromUs = q.from.getTime() * 1000;
  const toUs = q.to.getTime() * 1000;
  const unitCount = data.units.size;
  const unitInScope = new Uint8Array(unitCount);
  for (const id of scope.unitIds) {
    const u = data.units.get(id);
    if (u !== undefined) unitInScope[u] = 1;
  }
  const bucketPos = new Map(scope.bucketIds.map((id, i) => [id, i]));
  const unitBucket = new Int32Array(unitCount).fill(-1);
  for (const [unit, bucket] of scope.bucketOf) {
    const u = data.units.get(unit);
    if (u !== undefined) unitBucket[u] = bucketPos.get(bucket) ?? -1;
  }
  const clubCount = data.clubId.length;
  const clubInScope = new Uint8Array(clubCount);
  for (const id of scope.clubIds) {
    const c = data.clubIds.get(id);
    if (c !== undefined) clubInScope[c] = 1;
  }
  const firstMonth = monthCode(q.months[0]);
  const nMo = q.months.length;

  // codes of the dimensions: buckets (+ none), months, clubs (+ none), kinds
  const nB = scope.bucketIds.length + 1;
  const nC = clubCount + 1;
  const offMo = nB;
  const offC = offMo + nMo;
  const offK = offC + nC;

  const E = data.events;
  const flag = new Uint8Array(E);
  const codes = new Int32Array(E * 4);
  const packed = nB <= 31 && nMo <= 31 && data.kinds.length <= 31 && nC <= 32767;
  const words = new Int32Array(packed ? E : 0);
  const scoped: number[] = [];
  for (let e = 0; e < E; e++) {
    const state = data.evState[e];
    if (state === EV.GONE) continue;
    const start = data.evStart[e];
    if (start < fromUs || start >= toUs) continue;
    flag[e] = 1;
    if (packed) words[e] = 1;
    if (state !== EV.COUNTED) continue;
    const club = data.evClub[e];
    if (!(unitInScope[data.evUnit[e]] || (club >= 0 && clubInScope[club]))) continue;
    flag[e] = 3;
    scoped.push(e);
    const b = unitBucket[data.evUnit[e]];
    const mo = data.evMonth[e] - firstMonth;
    codes[e * 4] = b >= 0 ? b : nB - 1;
    codes[e * 4 + 1] = offMo + (mo >= 0 && mo < nMo ? mo : 0);
    codes[e * 4 + 2] = offC + (club >= 0 ? club : nC - 1);
    codes[e * 4 + 3] = offK + data.evKind[e];
    if (packed)
      words[e] =
        3 |
        (codes[e * 4] << 2) |
        ((codes[e * 4 + 1] - offMo) << 7) |
        (data.evKind[e] << 12) |
        ((codes[e * 4 + 2] - offC) << 17);
  }

  // the clubs of the scope (archived during or after the period included)
  const clubListed = new Uint8Array(clubCount);
  for (const c of data.clubOrder) {
    const unit = data.clubUnit[c];
    if (unit < 0) continue;
    const archived = data.clubArchived[c];
    if ((unitInScope[unit] === 1 || clubInScope[c] === 1) && (Number.isNaN(archived) || archived >= fromUs))
      clubListed[c] = 1;
  }

  const election = q.election ? ymd(q.election) : -1;
  return {
    fromUs,
    toUs,
    lastDay: ymd(q.lastDay),
    firstDay: ymd(q.firstDay),
    election,
    ageBounds: ageBounds(ymd(q.lastDay)),
    // years(election, birth) === 18: birth + 180000 <= election < birth + 190000
    electionLow: election >= 0 ? election - 190000 : -1,
    electionHigh: election >= 0 ? election - 180000 : -1,
    firstMonth,
    nMo,
    nB,
    offMo,
    offC,
    offK,
    nCodes: offK + data.kinds.length,
    events: E,
    clubs: clubCount,
    byClubScope: scope.clubIds.length > 0,
    flag,
    codes,
    words,
    unitInScope,
    unitBucket,
    clubInScope,
    clubListed,
    scoped,
  };
}

/** Whether the scoped pass (over the scope's members only, scopedMembers) can answer: a scope smaller than the country, with no extra clubs, rows turned around. */
export function canPassScoped(data: ResidentData, q: ResidentQuestion): boolean {
  return !q.scope.wholeTree && q.scope.clubIds.length === 0 && data.byEvent !== null;
}

/**
 * A scoped question's members (ByEvent): the only accounts that can count for it are those with
 * a registration at one of its events, those of its units and the members of its clubs; the
 * member pass over just them (ascending, so their rows are read in memory order) gives exactly
 * the figures of the pass over everyone, at a fraction of the cost. ByEvent may be older than the
 * data: an account whose rows, unit or role changed since is in `touched` and listed too, and one
 * that did not change had the same registrations, unit and memberships then (events, units and
 * clubs added since have no rows in ByEvent: their accounts are touched ones). Listing more
 * accounts than can count changes no figure (the others add nothing).
 */
export function scopedMembers(data: ResidentData, p: Plan, scoped: number[]): Int32Array {
  const by = data.byEvent!;
  const scratch = data.memberScratch();
  const { stamp, pos } = scratch;
  const token = scratch.next();
  const events = by.events;
  for (const e of scoped) if (e < events) by.markRegistrants(e, stamp, token);
  const units = Math.min(p.unitInScope.length, by.unitStart.length - 1);
  for (let u = 0; u < units; u++)
    if (p.unitInScope[u] === 1)
      for (let i = by.unitStart[u], end = by.unitStart[u + 1]; i < end; i++) stamp[by.unitMembers[i]] = token;
  const clubs = Math.min(p.clubs, by.clubStart.length - 1);
  for (let club = 0; club < clubs; club++)
    if (p.clubListed[club] === 1)
      for (let i = by.clubStart[club], end = by.clubStart[club + 1]; i < end; i++)
        stamp[by.clubMember[i]] = token;
  for (const m of data.touched) stamp[m] = token;
  let n = 0;
  for (let m = 0; m < data.members; m++) if (stamp[m] === token) pos[n++] = m;
  return pos.slice(0, n);
}

/**
 * The figures' inputs (EngagementParts) from the resident data, by the definitions of
 * docs/analytics.md, exactly as the SQL of engagement.queries.ts computes them, in this thread:
 * the scoped pass when it can answer and `scoped` allows it, else one pass over every member
 * (EngagementIndex.parts runs that one on worker threads).
 */
export function residentParts(data: ResidentData, q: ResidentQuestion, scoped = true): EngagementParts {
  const plan = planQuestion(data, q);
  const list = scoped && canPassScoped(data, q) ? scopedMembers(data, plan, plan.scoped) : null;
  const counts = memberPass(memberColumns(data), plan, 0, list ? list.length : data.members, list);
  return finishParts(data, q, plan, counts);
}

/** Counts back to the shapes of the SQL path. */
export function finishParts(
  data: ResidentData,
  q: ResidentQuestion,
  plan: Plan & { scoped: number[] },
  counts: Counts,
): EngagementParts {
  const { scoped, codes, nB, offMo, offC, offK } = plan;
  const bucketIds = q.scope.bucketIds;
  const nowUs = q.now.getTime() * 1000;
  const clubCount = plan.clubs;
  // the per-event counts are kept with every write (ResidentData.setRegistrations), not counted here
  const { evRegs, evAtts, evNoShows } = data;
  const { people } = counts;
  const [participants, returning, registered, badges, badged, members, active, ftv, ftvActive] =
    counts.totals;
  const {
    bandPeople,
    bandAttendances,
    bandMembers,
    bandActive,
    bucketMembers,
    bucketActive,
    monthNew,
    clubMembers,
  } = counts;
  const clubRows = data.clubOrder.filter((c) => plan.clubListed[c] === 1);

  const events: PerEventRow[] = scoped.map((e) => {
    const b = codes[e * 4];
    const club = data.evClub[e];
    return {
      id: String(e),
      kind: data.kinds[data.evKind[e]] as EventKind,
      club_id: club >= 0 ? data.clubId[club] : null,
      bucket_id: b < nB - 1 ? bucketIds[b] : null,
      month: q.months[codes[e * 4 + 1] - offMo],
      ended: data.evEnd[e] <= nowUs,
      registrations: evRegs[e],
      attendances: evAtts[e],
      no_shows: evNoShows[e],
    };
  });
  const byBucket = new Map<string | null, number>();
  bucketIds.forEach((id, i) => byBucket.set(id, people[i]));
  const byMonth = new Map<string | null, number>();
  q.months.forEach((month, i) => byMonth.set(month, people[offMo + i]));
  const byClub = new Map<string | null, number>();
  for (let c = 0; c < clubCount; c++) if (people[offC + c]) byClub.set(data.clubId[c], people[offC + c]);
  const byKind = new Map<string | null, number>();
  data.kinds.forEach((kind, i) => byKind.set(kind, people[offK + i]));

  const memberRows: MemberSetRow[] = [
    {
      g: 0b111,
      bucket_id: null,
      band: null,
      joined_month: null,
      members,
      active,
      ftv,
      ftv_active: ftvActive,
    },
    ...bucketIds.map((id, i) => ({
      g: 0b011,
      bucket_id: id,
      band: null,
      joined_month: null,
      members: bucketMembers[i],
      active: bucketActive[i],
      ftv: 0,
      ftv_active: 0,
    })),
    ...AGE_BANDS.map((b, i) => ({
      g: 0b101,
      bucket_id: null,
      band: b,
      joined_month: null,
      members: bandMembers[i],
      active: bandActive[i],
      ftv: 0,
      ftv_active: 0,
    })),
    ...q.months.map((month, i) => ({
      g: 0b110,
      bucket_id: null,
      band: null,
      joined_month: month,
      members: monthNew[i],
      active: 0,
      ftv: 0,
      ftv_active: 0,
    })),
  ];

  return {
    events,
    people: { bucket: byBucket, month: byMonth, club: byClub, kind: byKind },
    bands: AGE_BANDS.map((b, i) => ({
      band: b,
      participants: bandPeople[i],
      attendances: bandAttendances[i],
    })),
    participants,
    returning,
    registeredMembers: registered,
    badges,
    badgedMembers: badged,
    members: memberRows,
    clubs: clubRows.map((c) => ({
      id: data.clubId[c],
      name: data.clubName[c],
      unit_id: data.unitId[data.clubUnit[c]],
      institution: data.clubInstitution[c],
      institution_kind: data.clubInstitutionKind[c],
      // microseconds to a Date as the driver parses the column (fractions of a millisecond dropped)
      archived_at: Number.isNaN(data.clubArchived[c]) ? null : new Date(data.clubArchived[c] / 1000),
      members: clubMembers[c],
    })),
  };
}
