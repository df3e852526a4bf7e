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

/** Today's calendar date in `timeZone` as 'YYYY-MM-DD' (never assumes a fixed offset). */
export function localDate(now: Date, timeZone = REGION_TIME_ZONE): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
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
