import { localDate, parseDateTime, REGION_TIME_ZONE, zoneOffsetMinutes } from '@yvc/core';

/** No SMS from 22:00 to 08:00 local time. */
export const QUIET_START_MINUTES = 22 * 60;
export const QUIET_END_MINUTES = 8 * 60;

export type SmsPlan = { sendAt: Date } | { emailOnly: true };

/** Minutes since local midnight in `timeZone` (from the tz database, never a fixed offset). */
function localMinutes(at: Date, timeZone: string): number {
  const local = new Date(at.getTime() + zoneOffsetMinutes(at, timeZone) * 60_000);
  return local.getUTCHours() * 60 + local.getUTCMinutes();
}

export function isQuietHour(at: Date, timeZone = REGION_TIME_ZONE): boolean {
  const m = localMinutes(at, timeZone);
  return m >= QUIET_START_MINUTES || m < QUIET_END_MINUTES;
}

/** 'YYYY-MM-DD' plus `days`. */
function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The instant a wall-clock time of a local day happens in `timeZone`. */
function wallClock(day: string, time: string, timeZone: string): Date {
  const at = parseDateTime(`${day}T${time}`, timeZone);
  if (!at) throw new Error(`invalid local time ${day}T${time}`);
  return at;
}

/**
 * When to send an SMS wanted at `desired` about an event starting at `eventStart`:
 * - outside quiet hours (local [08:00, 22:00)): at `desired`;
 * - inside: at the 08:00 that ends the quiet period, if that is before `eventStart`;
 * - else at 21:59 the evening the quiet period began, if that is not earlier than `now`
 *   (and before `eventStart`);
 * - else no SMS: `{ emailOnly: true }`.
 * `now` defaults to `desired` (so the evening before is never chosen unless the caller says it is
 * still ahead).
 */
export function planSmsTime(
  desired: Date,
  eventStart: Date,
  timeZone: string = REGION_TIME_ZONE,
  now: Date = desired,
): SmsPlan {
  if (!isQuietHour(desired, timeZone)) return { sendAt: desired };

  const today = localDate(desired, timeZone);
  const evening = localMinutes(desired, timeZone) >= QUIET_START_MINUTES;
  const quietBegan = evening ? today : addDays(today, -1);
  const quietEnds = evening ? addDays(today, 1) : today;

  const morning = wallClock(quietEnds, '08:00', timeZone);
  if (morning.getTime() < eventStart.getTime()) return { sendAt: morning };

  const eveningBefore = wallClock(quietBegan, '21:59', timeZone);
  if (eveningBefore.getTime() >= now.getTime() && eveningBefore.getTime() < eventStart.getTime()) {
    return { sendAt: eveningBefore };
  }
  return { emailOnly: true };
}
