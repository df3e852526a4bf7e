import type { EventKind } from '@yvc/events';
import type { EngagementScope } from './engagement-scope';
import {
  AGE_BANDS,
  AgeBand,
  ClubRow,
  EngagementReport,
  KindRow,
  MonthRow,
  UnitRow,
} from './engagement.types';

/** One event in scope with its additive counts (PER_EVENT). */
export interface PerEventRow {
  id: string;
  kind: EventKind;
  club_id: string | null;
  bucket_id: string | null;
  month: string;
  ended: boolean;
  registrations: number;
  attendances: number;
  no_shows: number;
}

/** Members of the scope per grouping set (MEMBERS). */
export interface MemberSetRow {
  g: number;
  bucket_id: string | null;
  band: AgeBand | null;
  joined_month: string | null;
  members: number;
  active: number;
  ftv: number;
  ftv_active: number;
}

/** A club of the scope with its members in the period (CLUBS). */
export interface ClubSqlRow {
  id: string;
  name: string;
  unit_id: string;
  institution: string | null;
  institution_kind: string | null;
  archived_at: Date | null;
  members: number;
}

export type Dimension = 'bucket' | 'month' | 'club' | 'kind';

/**
 * Everything a report is made of, whichever way it was computed: live SQL (engagement.queries.ts)
 * or the resident index (resident/resident-report.ts). `assemble` turns it into the report, so
 * both paths share every rule from here on.
 */
export interface EngagementParts {
  events: PerEventRow[];
  /** distinct participants per value of each dimension */
  people: Record<Dimension, Map<string | null, number>>;
  bands: Array<{ band: AgeBand; participants: number; attendances: number }>;
  participants: number;
  returning: number;
  registeredMembers: number;
  badges: number;
  badgedMembers: number;
  members: MemberSetRow[];
  clubs: ClubSqlRow[];
}

export const rate = (part: number, whole: number) =>
  whole > 0 ? Math.round((part / whole) * 10000) / 10000 : 0;

/** Additive counts of a group of events, and the same over those that have ended. */
interface Sums {
  events: number;
  registrations: number;
  attendances: number;
  noShows: number;
  ended: { registrations: number; attendances: number; noShows: number };
}

const newSums = (): Sums => ({
  events: 0,
  registrations: 0,
  attendances: 0,
  noShows: 0,
  ended: { registrations: 0, attendances: 0, noShows: 0 },
});

function add(s: Sums, r: PerEventRow): void {
  s.events++;
  s.registrations += r.registrations;
  s.attendances += r.attendances;
  s.noShows += r.no_shows;
  if (r.ended) {
    s.ended.registrations += r.registrations;
    s.ended.attendances += r.attendances;
    s.ended.noShows += r.no_shows;
  }
}

/** The report from its parts (additive counts rolled up from one row per event). */
export function assemble(
  scope: EngagementScope,
  from: Date,
  to: Date,
  monthList: string[],
  parts: EngagementParts,
  computedAt: Date,
): EngagementReport {
  const { events, clubs } = parts;
  // one loop over the events (the country has ~9,000 and 2,000 clubs) adds each to the totals and
  // to its bucket's, month's, club's and kind's sums, ended ones also to the ended sums
  const totals = newSums();
  const byBucket = new Map<string | null, Sums>();
  const byMonthSums = new Map<string, Sums>();
  const byClubSums = new Map<string | null, Sums>();
  const byKindSums = new Map<EventKind, Sums>();
  const into = <K>(m: Map<K, Sums>, k: K) => {
    let s = m.get(k);
    if (!s) m.set(k, (s = newSums()));
    return s;
  };
  for (const r of events) {
    add(totals, r);
    add(into(byBucket, r.bucket_id), r);
    add(into(byMonthSums, r.month), r);
    add(into(byClubSums, r.club_id), r);
    add(into(byKindSums, r.kind), r);
  }
  const none = newSums();
  const byBucketP = parts.people.bucket;
  const byMonthP = parts.people.month;
  const byClubP = parts.people.club;
  const byKindP = parts.people.kind;
  const byBandP = new Map(parts.bands.map((b) => [b.band, b]));
  // GROUPING(bucket, band, joined_month): 0b111 = all, 0b011 = by bucket, 0b101 = by band, 0b110 = by month
  const m = (g: number) => parts.members.filter((r) => r.g === g);
  const allMembers = m(0b111)[0];
  const membersByBucket = new Map(m(0b011).map((r) => [r.bucket_id, r]));
  const membersByBand = new Map(m(0b101).map((r) => [r.band, r]));
  const membersByMonth = new Map(m(0b110).map((r) => [r.joined_month, r]));

  const ended = totals.ended;
  const byUnit: UnitRow[] = scope.bucketIds.map((id) => {
    const s = byBucket.get(id) ?? none;
    return {
      unitId: id,
      members: membersByBucket.get(id)?.members ?? 0,
      activeMembers: membersByBucket.get(id)?.active ?? 0,
      events: s.events,
      registrations: s.registrations,
      attendances: s.attendances,
      uniqueParticipants: byBucketP.get(id) ?? 0,
    };
  });

  const byMonth: MonthRow[] = monthList.map((month) => {
    const s = byMonthSums.get(month) ?? none;
    return {
      month,
      newMembers: membersByMonth.get(month)?.members ?? 0,
      events: s.events,
      registrations: s.registrations,
      attendances: s.attendances,
      uniqueParticipants: byMonthP.get(month) ?? 0,
    };
  });

  const byClub: ClubRow[] = clubs.map((c) => {
    const s = byClubSums.get(c.id) ?? none;
    const e = s.ended;
    return {
      clubId: c.id,
      unitId: c.unit_id,
      name: c.name,
      institution: c.institution,
      institutionKind: c.institution_kind,
      archivedAt: c.archived_at,
      members: c.members,
      events: s.events,
      registrations: s.registrations,
      attendances: s.attendances,
      uniqueParticipants: byClubP.get(c.id) ?? 0,
      noShows: s.noShows,
      noShowRate: rate(e.noShows, e.attendances + e.noShows),
    };
  });

  const byKind: KindRow[] = [...byKindSums.keys()].sort().map((kind) => {
    const s = byKindSums.get(kind)!;
    return {
      kind,
      events: s.events,
      registrations: s.registrations,
      attendances: s.attendances,
      uniqueParticipants: byKindP.get(kind) ?? 0,
    };
  });

  const byAgeBand = AGE_BANDS.map((band) => ({
    band,
    members: membersByBand.get(band)?.members ?? 0,
    activeMembers: membersByBand.get(band)?.active ?? 0,
    attendances: byBandP.get(band)?.attendances ?? 0,
    uniqueParticipants: byBandP.get(band)?.participants ?? 0,
  })).filter((r) => r.band !== 'OTHER' || r.members || r.attendances);

  const uniqueParticipants = parts.participants;
  return {
    from,
    to,
    rootUnitId: scope.rootUnitId,
    members: allMembers?.members ?? 0,
    activeMembers: allMembers?.active ?? 0,
    events: totals.events,
    registrations: totals.registrations,
    attendances: totals.attendances,
    uniqueParticipants,
    attendanceRate: rate(ended.attendances, ended.registrations),
    byUnit,
    byMonth,
    byClub,
    byAgeBand,
    byKind,
    firstTimeVoters: { members: allMembers?.ftv ?? 0, activeMembers: allMembers?.ftv_active ?? 0 },
    funnel: {
      registrations: totals.registrations,
      attendances: totals.attendances,
      badges: parts.badges,
      registeredMembers: parts.registeredMembers,
      attendedMembers: uniqueParticipants,
      badgedMembers: parts.badgedMembers,
    },
    retention: {
      participants: parts.participants,
      returning: parts.returning,
      rate: rate(parts.returning, parts.participants),
    },
    computedAt,
  };
}
