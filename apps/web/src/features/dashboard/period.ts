import { localDate } from '../../shared/i18n/format';

/** The dashboard's period choices: this season (September to May), the last 12 months, or months picked. */
export type PeriodKind = 'season' | 'year' | 'custom';

/** A period in month steps: `from` and `to` are months (YYYY-MM), both included. */
export interface MonthRange {
  kind: PeriodKind;
  from: string;
  to: string;
}

/** What the API is asked: `to` is left out when the period reaches now (the up-to-now answer, refreshed ahead). */
export interface EngagementPeriod {
  from: string;
  to: string | null;
}

const MINUTE = 60_000;
const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The first instant of a month in Almaty (UTC+5 since 2024; the API counts months there too). */
export function monthStart(month: string): Date {
  return new Date(`${month}-01T00:00:00+05:00`);
}

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

const thisMonth = (now: Date) => localDate(now).slice(0, 7);

/** The months of a choice: a season runs from September to May (the one under way, or the last one in summer). */
export function monthRange(
  kind: PeriodKind,
  now: Date,
  custom?: { from?: string | null; to?: string | null },
): MonthRange {
  const current = thisMonth(now);
  if (kind === 'year') return { kind, from: addMonths(current, -11), to: current };
  if (kind === 'custom') {
    const from = custom?.from && MONTH_RE.test(custom.from) ? custom.from : addMonths(current, -2);
    const to = custom?.to && MONTH_RE.test(custom.to) ? custom.to : current;
    return { kind, from, to };
  }
  const [y, m] = current.split('-').map(Number);
  const startYear = m >= 9 ? y : y - 1;
  return { kind: 'season', from: `${startYear}-09`, to: `${startYear + 1}-05` };
}

/** The instants the API is asked for: [first day of `from`, first day after `to`), or up to now when that is later. */
export function toPeriod(range: MonthRange, now: Date): EngagementPeriod {
  const from = monthStart(range.from);
  const end = monthStart(addMonths(range.to, 1));
  return { from: from.toISOString(), to: end.getTime() > now.getTime() ? null : end.toISOString() };
}

/**
 * The previous period of the same length, ending where this one starts. An up-to-now period is as
 * long as it has run so far (to the start of this minute, as the API counts it), so both halves of
 * the comparison cover the same time.
 */
export function previousPeriod(period: EngagementPeriod, now: Date): { from: string; to: string } {
  const from = new Date(period.from).getTime();
  const end = period.to ? new Date(period.to).getTime() : Math.floor(now.getTime() / MINUTE) * MINUTE;
  const length = Math.max(MINUTE, end - from);
  return { from: new Date(from - length).toISOString(), to: new Date(from).toISOString() };
}

export function isMonth(v: string | null | undefined): v is string {
  return !!v && MONTH_RE.test(v);
}
