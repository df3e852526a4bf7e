import { ByEvent } from './by-event';
import { MemberRows } from './member-rows';
import { shared, TypedArray, TypedArrayType } from './shared-memory';
import { UuidTable } from './uuid-table';

/** Registration states kept (the only ones a figure reads), two bits next to the event number. */
export const REG = { ATTENDED: 1, NO_SHOW: 2, REGISTERED: 3 } as const;
/** Event states: gone (deleted, or not read yet), counted (PUBLISHED, COMPLETED), other (DRAFT, CANCELLED). */
export const EV = { GONE: 0, COUNTED: 1, OTHER: 2 } as const;
/** Account states: gone (deleted, or not read yet), a MEMBER, staff. */
export const ROLE = { GONE: 0, MEMBER: 1, STAFF: 2 } as const;

/** (birth + interval '18 years')::date as YYYYMMDD: 29 February becomes the 28th in a common year. */
export function eighteenth(birth: number): number {
  const y = Math.floor(birth / 10000) + 18;
  const md = birth % 10000;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return y * 10000 + (md === 229 && !leap ? 228 : md);
}

/** Times are epoch microseconds (exact in a double), as PostgreSQL keeps them. */
export const NO_TIME = Number.NaN;

function grown<T extends TypedArray>(a: T, n: number): T {
  if (n <= a.length) return a;
  let size = a.length || 1024;
  while (size < n) size *= 2;
  const b = shared(a.constructor as TypedArrayType, size) as T;
  b.set(a);
  return b;
}

/**
 * The rows the engagement figures read, resident in memory: every event, club, account, counted
 * registration (registered, attended, no-show), club membership and valid badge award, with
 * integers for ids. Filled by EngagementIndex (bulk load, then the change log); read by
 * residentReport. Rows that point at an id not read yet (a new event, say) get a number at once,
 * flagged GONE until their own row arrives.
 */
export class ResidentData {
  /** bumped by every write (EngagementIndex): what was derived at an older version is stale */
  version = 0;
  /** the rows turned around (ByEvent), as they were when last built (buildByEvent) */
  byEvent: ByEvent | null = null;
  /**
   * accounts whose rows, unit or role changed since byEvent was built: with them a stale byEvent
   * still lists every account that can count for a scope (scopedMembers)
   */
  readonly touched = new Set<number>();
  readonly units = new Map<string, number>();
  /** unit number -> id */
  readonly unitId: string[] = [];

  readonly clubIds = new Map<string, number>();
  clubId: string[] = [];
  clubName: string[] = [];
  clubInstitution: Array<string | null> = [];
  clubInstitutionKind: Array<string | null> = [];
  clubUnit: number[] = [];
  clubArchived: number[] = [];
  /** the existing clubs, in the order PostgreSQL sorts them (ORDER BY name, id) */
  clubOrder: number[] = [];

  readonly eventIds = new UuidTable();
  events = 0;
  evState = shared(Uint8Array, 1024);
  evUnit = shared(Int32Array, 1024);
  evClub = shared(Int32Array, 1024);
  evKind = shared(Uint8Array, 1024);
  evStart = shared(Float64Array, 1024);
  evEnd = shared(Float64Array, 1024);
  /** year * 12 + month - 1 of the start in the region's zone */
  evMonth = shared(Int32Array, 1024);
  /**
   * per event: its counted registrations, attendances and no-shows (every account's rows; a
   * question needs no pass for them), kept up to date by every write of an account's rows
   * (setRegistrations)
   */
  evRegs = shared(Int32Array, 1024);
  evAtts = shared(Int32Array, 1024);
  evNoShows = shared(Int32Array, 1024);
  readonly kinds: string[] = [];
  private readonly kindCodes = new Map<string, number>();

  readonly memberIds = new UuidTable();
  members = 0;
  mRole = shared(Uint8Array, 1024);
  mUnit = shared(Int32Array, 1024);
  /** YYYYMMDD, -1: none */
  mBirth = shared(Int32Array, 1024);
  /** eighteenth(birth) (first-time voters), -1: none; kept so a question compares instead of computing */
  mEighteenth = shared(Int32Array, 1024);
  mJoined = shared(Float64Array, 1024);
  mJoinedMonth = shared(Int32Array, 1024);

  /** per member: event number << 2 | REG state */
  readonly regs = new MemberRows({ v: Int32Array });
  readonly clubMemberships = new MemberRows({ club: Int32Array, joined: Float64Array, left: Float64Array });
  /** per member: the award times of badges not revoked (or erased with their holder) */
  readonly badges = new MemberRows({ at: Float64Array });

  private scratch: MemberScratch | null = null;

  /** Member-sized scratch arrays for this thread (scopedMembers), reused between questions. */
  memberScratch(): MemberScratch {
    if (!this.scratch || this.scratch.stamp.length < this.members)
      this.scratch = new MemberScratch(this.members);
    return this.scratch;
  }

  unit(id: string): number {
    let n = this.units.get(id);
    if (n === undefined) {
      this.units.set(id, (n = this.units.size));
      this.unitId.push(id);
    }
    return n;
  }

  kind(kind: string): number {
    let n = this.kindCodes.get(kind);
    if (n === undefined) {
      n = this.kinds.push(kind) - 1;
      this.kindCodes.set(kind, n);
    }
    return n;
  }

  club(id: string): number {
    let n = this.clubIds.get(id);
    if (n === undefined) {
      n = this.clubId.push(id) - 1;
      this.clubIds.set(id, n);
      this.clubName.push('');
      this.clubInstitution.push(null);
      this.clubInstitutionKind.push(null);
      this.clubUnit.push(-1);
      this.clubArchived.push(NO_TIME);
    }
    return n;
  }

  event(id: string): number {
    const { n, added } = this.eventIds.intern(id);
    if (added) this.addedEvent(n);
    return n;
  }

  /** The event's number from its uuid's four words (a binary COPY). */
  eventWords(a: number, b: number, c: number, d: number): number {
    const n = this.eventIds.internWords(a, b, c, d);
    if (this.eventIds.lastAdded) this.addedEvent(n);
    return n;
  }

  private addedEvent(n: number): void {
    this.events = this.eventIds.size;
    this.evState = grown(this.evState, this.events);
    this.evUnit = grown(this.evUnit, this.events);
    this.evClub = grown(this.evClub, this.events);
    this.evKind = grown(this.evKind, this.events);
    this.evStart = grown(this.evStart, this.events);
    this.evEnd = grown(this.evEnd, this.events);
    this.evMonth = grown(this.evMonth, this.events);
    this.evRegs = grown(this.evRegs, this.events);
    this.evAtts = grown(this.evAtts, this.events);
    this.evNoShows = grown(this.evNoShows, this.events);
    this.evState[n] = EV.GONE;
  }

  member(id: string): number {
    const { n, added } = this.memberIds.intern(id);
    if (added) this.addedMember(n);
    return n;
  }

  /** The account's number from its uuid's four words (a binary COPY). */
  memberWords(a: number, b: number, c: number, d: number): number {
    const n = this.memberIds.internWords(a, b, c, d);
    if (this.memberIds.lastAdded) this.addedMember(n);
    return n;
  }

  private addedMember(n: number): void {
    this.members = this.memberIds.size;
    this.mRole = grown(this.mRole, this.members);
    this.mUnit = grown(this.mUnit, this.members);
    this.mBirth = grown(this.mBirth, this.members);
    this.mEighteenth = grown(this.mEighteenth, this.members);
    this.mJoined = grown(this.mJoined, this.members);
    this.mJoinedMonth = grown(this.mJoinedMonth, this.members);
    this.mRole[n] = ROLE.GONE;
    this.mUnit[n] = -1;
    this.mBirth[n] = -1;
    this.mEighteenth[n] = -1;
    // no join time until its row arrives (0 would be 1970: TimeIndex would span 57 years)
    this.mJoined[n] = Number.NaN;
    this.regs.ensureMembers(this.members);
    this.clubMemberships.ensureMembers(this.members);
    this.badges.ensureMembers(this.members);
  }

  /** Turns the rows around again (ByEvent) and forgets the accounts touched before. */
  buildByEvent(): void {
    this.byEvent = new ByEvent(this);
    this.touched.clear();
  }

  /** Bulk load of the registrations (empty store only): rows as in MemberRows.load, then every event's counts. */
  loadRegistrations(member: Int32Array, count: number, v: Int32Array): void {
    // each account's rows in the order of their events' starts (a counting sort by the event's
    // rank, kept by the stable placement by account): a pass then meets a period's rows in one
    // run, so its branches are predicted (the order is for speed only: nothing relies on it)
    const E = this.events;
    const byStart = Int32Array.from({ length: E }, (_, e) => e).sort(
      (a, b) => this.evStart[a] - this.evStart[b] || a - b,
    );
    const next = new Int32Array(E + 1);
    for (let i = 0; i < count; i++) next[(v[i] >> 2) + 1]++;
    const place = new Int32Array(E);
    for (let r = 0, p = 0; r < E; r++) {
      place[byStart[r]] = p;
      p += next[byStart[r] + 1];
    }
    const sortedMember = new Int32Array(count);
    const sortedV = new Int32Array(count);
    for (let i = 0; i < count; i++) {
      const p = place[v[i] >> 2]++;
      sortedMember[p] = member[i];
      sortedV[p] = v[i];
    }
    this.regs.load(this.members, sortedMember, count, { v: sortedV });
    this.evRegs.fill(0);
    this.evAtts.fill(0);
    this.evNoShows.fill(0);
    for (let m = 0; m < this.members; m++) this.countRegistrations(m, 1);
  }

  /** Account m's registrations become `v` (event << 2 | state); the events' counts follow. */
  setRegistrations(m: number, v: number[]): void {
    this.touched.add(m);
    v.sort((a, b) => this.evStart[a >> 2] - this.evStart[b >> 2] || a - b);
    this.countRegistrations(m, -1);
    this.regs.replace(m, { v });
    this.countRegistrations(m, 1);
  }

  /** Adds (sign 1) or takes away (-1) account m's rows from its events' counts. */
  private countRegistrations(m: number, sign: number): void {
    const { start, end, cols } = this.regs;
    const v = cols.v;
    for (let i = start[m], to = end[m]; i < to; i++) {
      const e = v[i] >> 2;
      const st = v[i] & 3;
      this.evRegs[e] += sign;
      if (st === REG.ATTENDED) this.evAtts[e] += sign;
      else if (st === REG.NO_SHOW) this.evNoShows[e] += sign;
    }
  }

  setEvent(r: EventRowText): void {
    const n = this.event(r.id);
    this.evState[n] = r.status === 'PUBLISHED' || r.status === 'COMPLETED' ? EV.COUNTED : EV.OTHER;
    this.evUnit[n] = this.unit(r.unit_id);
    this.evClub[n] = r.club_id ? this.club(r.club_id) : -1;
    this.evKind[n] = this.kind(r.kind);
    this.evStart[n] = Number(r.starts_us);
    this.evEnd[n] = Number(r.ends_us);
    this.evMonth[n] = r.month;
  }

  dropEvent(id: string): void {
    const n = this.eventIds.get(id);
    if (n >= 0) this.evState[n] = EV.GONE;
  }

  setMember(r: MemberRowText): void {
    this.setMemberAt(
      this.member(r.id),
      r.role === 'MEMBER',
      r.unit_id,
      r.birth,
      Number(r.joined_us),
      r.joined_month,
    );
  }

  setMemberAt(
    n: number,
    isMember: boolean,
    unitId: string,
    birth: number | null,
    joinedUs: number,
    joinedMonth: number,
  ): void {
    this.touched.add(n);
    this.mRole[n] = isMember ? ROLE.MEMBER : ROLE.STAFF;
    this.mUnit[n] = this.unit(unitId);
    const b = birth ?? -1;
    this.mBirth[n] = b;
    this.mEighteenth[n] = b < 0 ? -1 : eighteenth(b);
    this.mJoined[n] = joinedUs;
    this.mJoinedMonth[n] = joinedMonth;
  }

  dropMember(id: string): void {
    const n = this.memberIds.get(id);
    if (n >= 0) {
      this.mRole[n] = ROLE.GONE;
      this.touched.add(n);
    }
  }

  setClubs(rows: ClubRowText[]): void {
    const seen = new Set<number>();
    this.clubOrder = rows.map((r) => {
      const n = this.club(r.id);
      this.clubName[n] = r.name;
      this.clubInstitution[n] = r.institution;
      this.clubInstitutionKind[n] = r.institution_kind;
      this.clubUnit[n] = this.unit(r.unit_id);
      this.clubArchived[n] = r.archived_us === null ? NO_TIME : Number(r.archived_us);
      seen.add(n);
      return n;
    });
    for (let n = 0; n < this.clubId.length; n++) if (!seen.has(n)) this.clubUnit[n] = -1;
  }

  /** Approximate bytes held (typed arrays, id tables and ByEvent; strings of the few clubs left out). */
  get bytes(): number {
    const typed =
      this.evState.byteLength +
      this.evUnit.byteLength +
      this.evClub.byteLength +
      this.evKind.byteLength +
      this.evStart.byteLength +
      this.evEnd.byteLength +
      this.evMonth.byteLength +
      this.evRegs.byteLength * 3 +
      this.mRole.byteLength +
      this.mUnit.byteLength +
      this.mBirth.byteLength * 2 +
      this.mJoined.byteLength +
      this.mJoinedMonth.byteLength;
    return (
      typed +
      this.memberIds.bytes +
      this.regs.bytes +
      this.clubMemberships.bytes +
      this.badges.bytes +
      this.eventIds.bytes +
      (this.byEvent?.bytes ?? 0)
    );
  }
}

/**
 * Per member a stamp, set where it holds the current user's token (`next()`), so marking members
 * neither allocates nor zeroes a member-sized array per question.
 */
export class MemberScratch {
  readonly stamp: Int32Array;
  /** free for the holder's use within one call (scopedMembers: the list before it is copied) */
  readonly pos: Int32Array;
  private token = 0;

  constructor(members: number) {
    this.stamp = new Int32Array(members);
    this.pos = new Int32Array(members);
  }

  /** A token no stamp holds yet. */
  next(): number {
    if (this.token === 0x7fffffff) {
      this.stamp.fill(0);
      this.token = 0;
    }
    return ++this.token;
  }
}

/** SQL that reads each kind of row in the shape the setters take (times in epoch microseconds). */
const us = (col: string) => `(extract(epoch from ${col}) * 1000000)::int8`;
const month = (col: string, tz: string) =>
  `(extract(year from ${col} AT TIME ZONE '${tz}') * 12 + extract(month from ${col} AT TIME ZONE '${tz}') - 1)::int`;

export const residentSql = (tz: string) => ({
  clubs: `SELECT id, name, unit_id, institution, institution_kind::text AS institution_kind,
      ${us('archived_at')}::text AS archived_us FROM clubs ORDER BY name, id`,
  events: `SELECT id, unit_id, club_id, status::text AS status, kind::text AS kind, ${us('starts_at')}::text AS starts_us,
      ${us('ends_at')}::text AS ends_us, ${month('starts_at', tz)} AS month FROM events`,
  /**
   * for a binary COPY: uuid, uuid, bool, int4, int8, int4; in the order of their units' codes, so
   * the accounts of one unit (and of one subtree) get neighbouring numbers and their rows lie
   * together in memory (a regional question reads one stretch instead of the whole country's)
   */
  membersBinary: `SELECT m.id, m.unit_id, m.role = 'MEMBER', to_char(m.birth_date, 'YYYYMMDD')::int,
      ${us('m.joined_at')}, ${month('m.joined_at', tz)}
    FROM members m LEFT JOIN units u ON u.id = m.unit_id ORDER BY u.code COLLATE "C"`,
  members: `SELECT id, unit_id, role::text AS role, to_char(birth_date, 'YYYYMMDD')::int AS birth,
      ${us('joined_at')}::text AS joined_us, ${month('joined_at', tz)} AS joined_month FROM members`,
  registrations: `SELECT member_id, event_id, CASE status WHEN 'ATTENDED' THEN ${REG.ATTENDED}
      WHEN 'NO_SHOW' THEN ${REG.NO_SHOW} ELSE ${REG.REGISTERED} END AS st
    FROM registrations WHERE status IN ('REGISTERED', 'ATTENDED', 'NO_SHOW')`,
  clubMemberships: `SELECT member_id, club_id, ${us('joined_at')} AS joined_us, ${us('left_at')} AS left_us FROM club_memberships`,
  badges: `SELECT member_id, ${us('awarded_at')} AS awarded_us FROM badge_awards
    WHERE revoked_at IS NULL OR erased_at IS NOT NULL`,
});

export interface EventRowText {
  id: string;
  unit_id: string;
  club_id: string | null;
  status: string;
  kind: string;
  starts_us: string;
  ends_us: string;
  month: number;
}

export interface MemberRowText {
  id: string;
  unit_id: string;
  role: string;
  birth: number | null;
  joined_us: string;
  joined_month: number;
}

export interface ClubRowText {
  id: string;
  name: string;
  unit_id: string;
  institution: string | null;
  institution_kind: string | null;
  archived_us: string | null;
}
