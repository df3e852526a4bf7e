/** A calendar date as 'YYYY-MM-DD', checked for existence (leap years included). */
export function parseIsoDate(value: string): { year: number; month: number; day: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return { year, month, day };
}

export const REGION_TIME_ZONE = 'Asia/Almaty';

/** One 'YYYY-MM-DD' formatter per zone (building one costs ~0.1 ms, far more than using it). */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** Today's calendar date in `timeZone` as 'YYYY-MM-DD' (never assumes a fixed offset). */
export function localDate(now: Date, timeZone = REGION_TIME_ZONE): string {
  let f = dateFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    // a RangeError for an unknown zone is thrown above, before anything is kept
    if (dateFormats.size >= 1000) dateFormats.clear();
    dateFormats.set(timeZone, f);
  }
  return f.format(now);
}

/** Full years between a birth date and a day, both 'YYYY-MM-DD'. A 29 Feb birthday counts from 1 March in common years. */
export function ageOn(birthDate: string, day: string): number {
  const b = parseIsoDate(birthDate);
  const d = parseIsoDate(day);
  if (!b || !d) throw new Error('ageOn expects YYYY-MM-DD dates');
  let age = d.year - b.year;
  if (d.month < b.month || (d.month === b.month && d.day < b.day)) age -= 1;
  return age;
}

/** One formatter per zone: building an Intl.DateTimeFormat costs far more than using it. */
const offsetFormats = new Map<string, Intl.DateTimeFormat>();
function offsetFormat(timeZone: string): Intl.DateTimeFormat {
  let f = offsetFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    // a RangeError for an unknown zone is thrown above, before anything is kept
    if (offsetFormats.size >= 1000) offsetFormats.clear();
    offsetFormats.set(timeZone, f);
  }
  return f;
}

/** Minutes east of UTC that `timeZone` is at `at` (Asia/Almaty: +300 since 2024-03-01, +360 before). */
export function zoneOffsetMinutes(at: Date, timeZone = REGION_TIME_ZONE): number {
  const parts = Object.fromEntries(
    offsetFormat(timeZone)
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const local = Date.UTC(
    +parts.year,
    +parts.month - 1,
    +parts.day,
    +parts.hour,
    +parts.minute,
    +parts.second,
  );
  return Math.round((local - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/** ISO 8601 with the zone's offset: 2026-02-05T10:00:00.000+05:00. */
export function toZonedIso(at: Date, timeZone = REGION_TIME_ZONE): string {
  const offset = zoneOffsetMinutes(at, timeZone);
  const local = new Date(at.getTime() + offset * 60_000).toISOString().slice(0, -1);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Reads an ISO 8601 date-time. With Z or an offset it is exact; without one it is a wall-clock
 * time in `timeZone` (a coordinator typing "2026-02-05T10:00" means Taraz time). Null if invalid.
 */
export function parseDateTime(value: string, timeZone = REGION_TIME_ZONE): Date | null {
  const m = ISO_RE.exec(value.trim());
  if (!m || !parseIsoDate(`${m[1]}-${m[2]}-${m[3]}`) || +m[4] > 23 || +m[5] > 59 || +(m[6] ?? 0) > 59)
    return null;
  if (m[8]) {
    const d = new Date(value.trim());
    return Number.isNaN(d.getTime()) ? null : d;
  }
  const wall = Date.UTC(
    +m[1],
    +m[2] - 1,
    +m[3],
    +m[4],
    +m[5],
    +(m[6] ?? 0),
    Math.round(Number(m[7] ?? 0) * 1000),
  );
  const guess = new Date(wall - zoneOffsetMinutes(new Date(wall), timeZone) * 60_000);
  return new Date(wall - zoneOffsetMinutes(guess, timeZone) * 60_000);
}

/** A date and time the local way, in the viewer's language: "5 ақпан, 10:00", "5 февраля в 10:00". */
export function formatLocalDateTime(
  at: Date,
  locale: 'kk' | 'ru' | 'en',
  timeZone = REGION_TIME_ZONE,
): string {
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(at);
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
