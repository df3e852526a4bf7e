import { CSV_BOM, Locale, csvLine, localDate, translate } from '@yvc/core';
import { EngagementReport } from './engagement.types';

/** The tables a commission officer can download (GET /engagement/<table>.csv). */
export const ENGAGEMENT_TABLES = ['overview', 'units', 'months', 'clubs', 'age-bands', 'kinds'] as const;
export type EngagementTable = (typeof ENGAGEMENT_TABLES)[number];

export const isEngagementTable = (v: string): v is EngagementTable =>
  (ENGAGEMENT_TABLES as readonly string[]).includes(v);

/** `12.02.2026`: the period's days as people in the region write them. */
const day = (d: Date) => localDate(d).split('-').reverse().join('.');

/** The last day inside a half-open period [from, to). */
export const lastDayOf = (to: Date) => new Date(to.getTime() - 1);

/** "N events, M participants, K first-time voters" for the period, in the caller's language. */
export function engagementSummary(r: EngagementReport, locale: Locale): string {
  return translate(locale, 'engagement.summary', {
    from: day(r.from),
    to: day(lastDayOf(r.to)),
    events: r.events,
    participants: r.uniqueParticipants,
    firstTimeVoters: r.firstTimeVoters.activeMembers,
  });
}

const pct = (x: number) => (Math.round(x * 10000) / 100).toFixed(2) + '%';

/**
 * One table of the report as CSV (UTF-8 with a BOM, CRLF), headers in the caller's language.
 * `unitName` names a unit in that language.
 */
export function engagementCsv(
  r: EngagementReport,
  table: EngagementTable,
  locale: Locale,
  unitName: (id: string) => string,
): string {
  const h = (...keys: string[]) => csvLine(keys.map((k) => translate(locale, `engagement.csv.${k}`)));
  const row = (...cells: Array<string | number>) => csvLine(cells.map(String));
  let out = CSV_BOM;
  switch (table) {
    case 'overview': {
      out += h('metric', 'value');
      const rows: Array<[string, string | number]> = [
        ['from', day(r.from)],
        ['to', day(lastDayOf(r.to))],
        ['members', r.members],
        ['activeMembers', r.activeMembers],
        ['events', r.events],
        ['registrations', r.registrations],
        ['attendances', r.attendances],
        ['uniqueParticipants', r.uniqueParticipants],
        ['attendanceRate', pct(r.attendanceRate)],
        ['firstTimeVoters', r.firstTimeVoters.members],
        ['firstTimeVotersActive', r.firstTimeVoters.activeMembers],
        ['registeredMembers', r.funnel.registeredMembers],
        ['attendedMembers', r.funnel.attendedMembers],
        ['badges', r.funnel.badges],
        ['badgedMembers', r.funnel.badgedMembers],
        ['returning', r.retention.returning],
        ['retentionRate', pct(r.retention.rate)],
      ];
      for (const [k, v] of rows) out += row(translate(locale, `engagement.csv.${k}`), v);
      return out;
    }
    case 'units':
      out += h(
        'unit',
        'members',
        'activeMembers',
        'events',
        'registrations',
        'attendances',
        'uniqueParticipants',
      );
      for (const u of r.byUnit)
        out += row(
          unitName(u.unitId),
          u.members,
          u.activeMembers,
          u.events,
          u.registrations,
          u.attendances,
          u.uniqueParticipants,
        );
      return out;
    case 'months':
      out += h('month', 'newMembers', 'events', 'registrations', 'attendances', 'uniqueParticipants');
      for (const m of r.byMonth)
        out += row(m.month, m.newMembers, m.events, m.registrations, m.attendances, m.uniqueParticipants);
      return out;
    case 'clubs':
      out += h(
        'club',
        'unit',
        'members',
        'events',
        'registrations',
        'attendances',
        'uniqueParticipants',
        'noShows',
        'noShowRate',
      );
      for (const c of r.byClub)
        out += row(
          c.name,
          unitName(c.unitId),
          c.members,
          c.events,
          c.registrations,
          c.attendances,
          c.uniqueParticipants,
          c.noShows,
          pct(c.noShowRate),
        );
      return out;
    case 'age-bands':
      out += h('band', 'members', 'activeMembers', 'attendances', 'uniqueParticipants');
      for (const b of r.byAgeBand)
        out += row(
          b.band === 'OTHER' ? translate(locale, 'engagement.band.OTHER') : b.band,
          b.members,
          b.activeMembers,
          b.attendances,
          b.uniqueParticipants,
        );
      return out;
    case 'kinds':
      out += h('kind', 'events', 'registrations', 'attendances', 'uniqueParticipants');
      for (const k of r.byKind)
        out += row(
          translate(locale, `labels.eventKind.${k.kind}`),
          k.events,
          k.registrations,
          k.attendances,
          k.uniqueParticipants,
        );
      return out;
  }
}
