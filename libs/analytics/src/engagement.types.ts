import type { EventKind } from '@yvc/events';

/** Age bands by age on the last day of the period; OTHER: outside 14-35 or no birth date. */
export const AGE_BANDS = ['14-17', '18-21', '22-25', '26-29', '30-35', 'OTHER'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export interface EngagementFilterInput {
  unitId?: string | null;
  from?: Date | null;
  to?: Date | null;
}

export interface ActivityCounts {
  events: number;
  registrations: number;
  attendances: number;
  uniqueParticipants: number;
}

export interface UnitRow extends ActivityCounts {
  unitId: string;
  members: number;
  activeMembers: number;
}

export interface MonthRow extends ActivityCounts {
  /** YYYY-MM in Asia/Almaty */
  month: string;
  newMembers: number;
}

export interface ClubRow extends ActivityCounts {
  clubId: string;
  unitId: string;
  name: string;
  /** the club's own fields, as Query.club shows them (the answer carries them: no look-up per row) */
  institution: string | null;
  institutionKind: string | null;
  archivedAt: Date | null;
  members: number;
  noShows: number;
  /** no-shows / (attendances + no-shows) at its events that have ended; 0 when none */
  noShowRate: number;
}

export interface AgeBandRow {
  band: AgeBand;
  members: number;
  activeMembers: number;
  attendances: number;
  uniqueParticipants: number;
}

export interface KindRow extends ActivityCounts {
  kind: EventKind;
}

export interface FirstTimeVoters {
  /** members in scope who turn 18 in the period (or are 18 on NEXT_ELECTION_DATE) */
  members: number;
  /** of those, how many attended an event in the period */
  activeMembers: number;
}

export interface Funnel {
  registrations: number;
  attendances: number;
  /** badge awards (not revoked) in the period to members who attended in scope */
  badges: number;
  registeredMembers: number;
  attendedMembers: number;
  badgedMembers: number;
}

export interface Retention {
  participants: number;
  /** participants who came to two or more events */
  returning: number;
  rate: number;
}

/** Everything the commission sees for one scope and period; see docs/analytics.md. */
export interface EngagementReport extends ActivityCounts {
  from: Date;
  to: Date;
  /** the unit whose subtree this is (null: the caller's whole scope, e.g. the country) */
  rootUnitId: string | null;
  members: number;
  activeMembers: number;
  attendanceRate: number;
  byUnit: UnitRow[];
  byMonth: MonthRow[];
  byClub: ClubRow[];
  byAgeBand: AgeBandRow[];
  byKind: KindRow[];
  firstTimeVoters: FirstTimeVoters;
  funnel: Funnel;
  retention: Retention;
  /** when these figures were computed (they are cached for ENGAGEMENT_CACHE_SECONDS) */
  computedAt: Date;
}
