/*
 * The sign-up rules the form checks as the student types, ported from the API's pure functions
 * (libs/identity/src/rules/iin.ts, libs/core/src/util/dates.ts: the web app may not import a lib's
 * insides, and a lib's index brings the server with it). test/web-sign-up-rules.e2e-spec.ts checks
 * that this port and the API agree on every IIN of many birth dates; the API checks everything again.
 */

const W1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const W2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

/** A calendar date 'YYYY-MM-DD' that exists (leap years included), or null. */
export function parseIsoDate(value: string): { year: number; month: number; day: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return { year, month, day };
}

/**
 * The birth date an IIN (ЖСН/ИИН) holds, or null when it is not a valid one: 12 digits, a real
 * date in d1-d6, the century digit d7 in 1-6, and the check digit (weights 1..11, mod 11; a 10
 * means the second weights 3..11,1,2; a 10 again is never issued).
 */
export function iinBirthDate(value: string): string | null {
  if (!/^\d{12}$/.test(value)) return null;
  const d = [...value].map(Number);
  if (d[6] < 1 || d[6] > 6) return null;
  const year = 1800 + Math.floor((d[6] - 1) / 2) * 100 + Number(value.slice(0, 2));
  const birthDate = `${year}-${value.slice(2, 4)}-${value.slice(4, 6)}`;
  if (!parseIsoDate(birthDate)) return null;
  const sum = (w: number[]) => d.slice(0, 11).reduce((acc, x, i) => acc + x * w[i], 0) % 11;
  let r = sum(W1);
  if (r === 10) r = sum(W2);
  return r !== 10 && r === d[11] ? birthDate : null;
}

/** Today's date (YYYY-MM-DD) in the region's zone, whatever the phone's zone. */
function almatyDate(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Almaty',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** As in libs/identity/src/rules/person.rules.ts (the Law on State Youth Policy: 14-35; adult at 18). */
export const MIN_AGE = 14;
export const MAX_AGE = 35;
export const ADULT_AGE = 18;

export type IinCheck =
  /** nothing typed (the IIN is optional) */
  | 'empty'
  /** fewer than 12 digits so far: too early to say */
  | 'typing'
  | 'invalid'
  /** a valid IIN whose birth date differs from the one given */
  | 'mismatch'
  | 'ok';

/** What to tell the student about the IIN typed so far. */
export function checkIin(value: string, birthDate: string): IinCheck {
  const iin = value.trim();
  if (!iin) return 'empty';
  if (/^\d{1,11}$/.test(iin)) return 'typing';
  const held = iinBirthDate(iin);
  if (!held) return 'invalid';
  if (parseIsoDate(birthDate) && held !== birthDate) return 'mismatch';
  return 'ok';
}

/** The age on today's date in the region's zone (Asia/Almaty), or null for a date that is not real. */
export function ageToday(birthDate: string, now: Date = new Date()): number | null {
  const b = parseIsoDate(birthDate);
  const today = almatyDate(now);
  if (!b || birthDate > today) return null;
  const t = parseIsoDate(today)!;
  // full years; a 29 February birthday counts from 1 March in common years
  return t.year - b.year - (t.month < b.month || (t.month === b.month && t.day < b.day) ? 1 : 0);
}

/** Whether the guardian's name, phone and consent are needed (14-17 on today's date in Almaty). */
export function needsGuardian(birthDate: string, now: Date = new Date()): boolean {
  const age = ageToday(birthDate, now);
  return age !== null && age >= MIN_AGE && age < ADULT_AGE;
}
