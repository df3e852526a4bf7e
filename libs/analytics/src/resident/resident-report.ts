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

const OTHER = AGE_BANDS.indexOf('OTHER');
const ymd = (day: string) => Number(day.replaceAll('-', ''));
const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Whole years from birth (YYYYMMDD) to day (YYYYMMDD), as date_part('year', age(day, birth)). */
function years(day: number, birth: number): number {
  const y = Math.floor(day / 10000) - Math.floor(birth / 10000);
  return day % 10000 < birth % 10000 ? y - 1 : y;
}

/** The age band (index in AGE_BANDS) on `day` of a birth date (YYYYMMDD, -1: none). */
function band(day: number, birth: number): number {
  if (birth < 0) return OTHER;
  const age = years(day, birth);
  if (age < 14 || age > 35) return OTHER;
  return age <= 17 ? 0 : age <= 21 ? 1 : age <= 25 ? 2 : age <= 29 ? 3 : 4;
}

/** (birth + interval '18 years')::date as YYYYMMDD: 29 February becomes the 28th in a common year. */
function eighteenth(birth: number): number {
  const y = Math.floor(birth / 10000) + 18;
  const md = birth % 10000;
  return y * 10000 + (md === 229 && !leap(y) ? 228 : md);
}

const monthCode = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return y * 12 + m - 1;
};

/**
 * The figures' inputs (EngagementParts) from the resident data, by the definitions of
 * docs/analytics.md, exactly as the SQL of engagement.queries.ts computes them: one pass over
 * every member's rows (registrations, memberships, badges), which gives both the people-side
 * figures (distinct participants per bucket, month, club and kind with a stamp per code, returning,
 * registered, badges) and the member-side ones (members, active, bands, first-time voters, new
 * members, club members). Synchronous: one consistent view of the data.
 */
export function residentParts(data: ResidentData, q: ResidentQuestion, scopedPass = true): EngagementParts {
  const { scope } = q;
  const fromUs = q.from.getTime() * 1000;
  const toUs = q.to.getTime() * 1000;
  const nowUs = q.now.getTime() * 1000;
  const lastDay = ymd(q.lastDay);
  const firstDay = ymd(q.firstDay);
  const election = q.election ? ymd(q.election) : -1;

  // ---- the scope as numbers
  const unitCount = data.units.size;
  const unitInScope = new Uint8Array(unitCount);
  for (const id of scope.unitIds) {
    const u = data.units.get(id);
    if (u !== undefined) unitInScope[u] = 1;
  }
  const bucketIds = scope.bucketIds;
  const bucketPos = new Map(bucketIds.map((id, i) => [id, i]));
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
  const byClubScope = scope.clubIds.length > 0;
  const monthPos = new Map(q.months.map((m, i) => [monthCode(m), i]));

  // ---- codes of the dimensions: buckets (+ none), months, clubs (+ none), kinds
  const nB = bucketIds.length + 1;
  const nMo = q.months.length;
  const nC = clubCount + 1;
  const offMo = nB;
  const offC = offMo + nMo;
  const offK = offC + nC;
  const nCodes = offK + data.kinds.length;

  // ---- the events: in the period (any state: "active" counts them all), in scope
  const E = data.events;
  // per event: 1 = starts in the period (any state), 3 = that and in scope (counted, scope unit or club)
  const flag = new Uint8Array(E);
  const codes = new Int32Array(E * 4);
  const evReg = new Int32Array(E);
  const evAtt = new Int32Array(E);
  const evNs = new Int32Array(E);
  const scoped: number[] = [];
  for (let e = 0; e < E; e++) {
    const state = data.evState[e];
    if (state === EV.GONE) continue;
    const start = data.evStart[e];
    if (start < fromUs || start >= toUs) continue;
    flag[e] = 1;
    if (state !== EV.COUNTED) continue;
    const club = data.evClub[e];
    if (!(unitInScope[data.evUnit[e]] || (club >= 0 && clubInScope[club]))) continue;
    flag[e] = 3;
    scoped.push(e);
    const b = unitBucket[data.evUnit[e]];
    codes[e * 4] = b >= 0 ? b : nB - 1;
    codes[e * 4 + 1] = offMo + (monthPos.get(data.evMonth[e]) ?? 0);
    codes[e * 4 + 2] = offC + (club >= 0 ? club : nC - 1);
    codes[e * 4 + 3] = offK + data.evKind[e];
  }

  // ---- the clubs of the scope (archived during or after the period included)
  const clubListed = new Uint8Array(clubCount);
  const clubRows = data.clubOrder.filter((c) => {
    const unit = data.clubUnit[c];
    if (unit < 0) return false;
    const archived = data.clubArchived[c];
    const ok =
      (unitInScope[unit] === 1 || clubInScope[c] === 1) && (Number.isNaN(archived) || archived >= fromUs);
    if (ok) clubListed[c] = 1;
    return ok;
  });
  const clubMembers = new Int32Array(clubCount);
  const clubStamp = new Int32Array(clubCount);

  // ---- one pass over the members
  const stamp = new Int32Array(nCodes);
  const people = new Int32Array(nCodes);
  const bandPeople = new Int32Array(AGE_BANDS.length);
  const bandAttendances = new Int32Array(AGE_BANDS.length);
  const bandMembers = new Int32Array(AGE_BANDS.length);
  const bandActive = new Int32Array(AGE_BANDS.length);
  const bucketMembers = new Int32Array(nB);
  const bucketActive = new Int32Array(nB);
  const monthNew = new Int32Array(nMo);
  let participants = 0;
  let returning = 0;
  let registered = 0;
  let badges = 0;
  let badged = 0;
  let members = 0;
  let active = 0;
  let ftv = 0;
  let ftvActive = 0;

  const regV = data.regs.cols.v;
  const regStart = data.regs.start;
  const regEnd = data.regs.end;
  const cmClub = data.clubMemberships.cols.club;
  const cmJoined = data.clubMemberships.cols.joined;
  const cmLeft = data.clubMemberships.cols.left;
  const cmStart = data.clubMemberships.start;
  const cmEnd = data.clubMemberships.end;
  const bAt = data.badges.cols.at;
  const bStart = data.badges.start;
  const bEnd = data.badges.end;

  /** A member of the scope who had joined by the end of the period: members, active, bucket, band, first-time voter, month joined. */
  const countMember = (m: number, unit: number, joined: number, isActive: boolean) => {
    members++;
    if (isActive) active++;
    const b = unitBucket[unit];
    if (b >= 0) {
      bucketMembers[b]++;
      if (isActive) bucketActive[b]++;
    }
    const birth = data.mBirth[m];
    const memberBand = band(lastDay, birth);
    bandMembers[memberBand]++;
    if (isActive) bandActive[memberBand]++;
    if (
      birth >= 0 &&
      ((eighteenth(birth) >= firstDay && eighteenth(birth) <= lastDay) ||
        (election >= 0 && years(election, birth) === 18))
    ) {
      ftv++;
      if (isActive) ftvActive++;
    }
    if (joined >= fromUs) {
      const p = monthPos.get(data.mJoinedMonth[m]);
      if (p !== undefined) monthNew[p]++;
    }
  };

  const fast = scopedPass && !scope.wholeTree && !byClubScope && data.byEvent?.version === data.version;
  if (fast) {
    // ---- a region or district: its events' registrations and its units' accounts only
    const by = data.byEvent!;
    const M = data.members;
    const count = new Int32Array(M);
    const seen = new Uint8Array(M);
    const participantsList: number[] = [];
    for (const e of scoped) {
      for (let p = by.evStart[e], end = by.evStart[e + 1]; p < end; p++) {
        const x = by.evRegs[p];
        const m = x >> 2;
        const st = x & 3;
        evReg[e]++;
        if (seen[m] === 0) {
          seen[m] = 1;
          registered++;
        }
        if (st === REG.NO_SHOW) evNs[e]++;
        else if (st === REG.ATTENDED) {
          evAtt[e]++;
          if (count[m]++ === 0) participantsList.push(m);
        }
      }
    }
    // distinct people per code: the events grouped by each dimension's code, one stamp per group
    const mark = new Int32Array(M);
    let token = 0;
    for (let d = 0; d < 4; d++) {
      const sorted = [...scoped].sort((x, y) => codes[x * 4 + d] - codes[y * 4 + d]);
      let code = -1;
      for (const e of sorted) {
        const c = codes[e * 4 + d];
        if (c !== code) {
          code = c;
          token++;
        }
        for (let p = by.evStart[e], end = by.evStart[e + 1]; p < end; p++) {
          const x = by.evRegs[p];
          if ((x & 3) !== REG.ATTENDED) continue;
          const m = x >> 2;
          if (mark[m] !== token) {
            mark[m] = token;
            people[c]++;
          }
        }
      }
    }
    for (const m of participantsList) {
      const n = count[m];
      participants++;
      if (n >= 2) returning++;
      const b = band(lastDay, data.mBirth[m]);
      bandPeople[b]++;
      bandAttendances[b] += n;
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
    // the members of the scope's units
    for (let u = 0; u < unitCount; u++) {
      if (unitInScope[u] !== 1) continue;
      for (let p = by.unitStart[u], end = by.unitStart[u + 1]; p < end; p++) {
        const m = by.unitMembers[p];
        if (data.mRole[m] !== ROLE.MEMBER) continue;
        const joined = data.mJoined[m];
        if (!(joined < toUs)) continue;
        let isActive = false;
        for (let i = regStart[m], end2 = regEnd[m]; i < end2; i++) {
          const v = regV[i];
          if ((v & 3) === REG.ATTENDED && flag[v >> 2] !== 0) {
            isActive = true;
            break;
          }
        }
        countMember(m, u, joined, isActive);
      }
    }
    // club members: memberships overlapping the period, of accounts with the MEMBER role
    for (const c of clubRows) {
      token++;
      for (let p = by.clubStart[c], end = by.clubStart[c + 1]; p < end; p++) {
        const m = by.clubMember[p];
        const i = by.clubRow[p];
        if (data.mRole[m] !== ROLE.MEMBER || mark[m] === token) continue;
        if (cmJoined[i] < toUs && !(cmLeft[i] < fromUs)) {
          mark[m] = token;
          clubMembers[c]++;
        }
      }
    }
  } else {
    // ---- one pass over every member
    for (let m = 0; m < data.members; m++) {
      const role = data.mRole[m];
      const token = m + 1;
      let isActive = false;
      let n = 0;
      let reg = false;
      for (let i = regStart[m], end = regEnd[m]; i < end; i++) {
        const v = regV[i];
        const e = v >> 2;
        const f = flag[e];
        if (f === 0) continue;
        const st = v & 3;
        if (st === REG.ATTENDED) isActive = true;
        if (f !== 3) continue;
        reg = true;
        evReg[e]++;
        if (st === REG.NO_SHOW) evNs[e]++;
        else if (st === REG.ATTENDED) {
          evAtt[e]++;
          n++;
          const k = e * 4;
          let c = codes[k];
          if (stamp[c] !== token) {
            stamp[c] = token;
            people[c]++;
          }
          c = codes[k + 1];
          if (stamp[c] !== token) {
            stamp[c] = token;
            people[c]++;
          }
          c = codes[k + 2];
          if (stamp[c] !== token) {
            stamp[c] = token;
            people[c]++;
          }
          c = codes[k + 3];
          if (stamp[c] !== token) {
            stamp[c] = token;
            people[c]++;
          }
        }
      }
      if (reg) registered++;
      if (n > 0) {
        participants++;
        if (n >= 2) returning++;
        const memberBand = band(lastDay, data.mBirth[m]);
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
      if (role !== ROLE.MEMBER) continue;

      // club members: memberships overlapping the period, in a club of the scope
      let inScopeClub = false;
      for (let i = cmStart[m], end = cmEnd[m]; i < end; i++) {
        const c = cmClub[i];
        if (byClubScope && clubInScope[c] === 1) inScopeClub = true;
        if (clubListed[c] === 1 && cmJoined[i] < toUs && !(cmLeft[i] < fromUs) && clubStamp[c] !== token) {
          clubStamp[c] = token;
          clubMembers[c]++;
        }
      }

      // members of the scope who had joined by the end of the period
      const unit = data.mUnit[m];
      if (!(unitInScope[unit] === 1 || inScopeClub)) continue;
      const joined = data.mJoined[m];
      if (!(joined < toUs)) continue;
      countMember(m, unit, joined, isActive);
    }
  }

  // ---- back to the shapes of the SQL path
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
      registrations: evReg[e],
      attendances: evAtt[e],
      no_shows: evNs[e],
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
      members: clubMembers[c],
    })),
  };
}
