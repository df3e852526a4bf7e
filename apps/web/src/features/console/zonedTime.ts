/**
 * The form's start and end are wall-clock times at the venue (`<input type="datetime-local">`,
 * "2027-02-04T15:00"); the API stores instants. These convert between the two in the event's
 * IANA zone, with the offset the tz database gives for that date (never a fixed +5 or +6).
 */

function offsetMs(at: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(new Date(at))
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(
    +parts.year,
    +parts.month - 1,
    +parts.day,
    +parts.hour,
    +parts.minute,
    +parts.second,
  );
  return asUtc - Math.floor(at / 1000) * 1000;
}

/** "2027-02-04T15:00" in `timeZone` → an ISO instant with the zone's offset, or null when not a time. */
export function wallToIso(wall: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(wall);
  if (!m) return null;
  const guess = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  let at = guess - offsetMs(guess, timeZone);
  at = guess - offsetMs(at, timeZone);
  const off = offsetMs(at, timeZone) / 60_000;
  const sign = off < 0 ? '-' : '+';
  const hh = String(Math.floor(Math.abs(off) / 60)).padStart(2, '0');
  const mm = String(Math.abs(off) % 60).padStart(2, '0');
  return `${wall}:00${sign}${hh}:${mm}`;
}

/** An instant → "2027-02-04T15:00" in `timeZone` (for the form's inputs). */
export function isoToWall(iso: string, timeZone: string): string {
  const at = new Date(iso).getTime();
  return new Date(at + offsetMs(at, timeZone)).toISOString().slice(0, 16);
}

/** The same wall-clock time `days` later (a copy of an event for the same weekday next week). */
export function shiftWall(wall: string, days: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(wall);
  if (!m) return wall;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3] + days, +m[4], +m[5]));
  return d.toISOString().slice(0, 16);
}
