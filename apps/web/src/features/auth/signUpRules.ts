/*
 * The sign-up rules the form checks as the student types. The IIN checksum and the date
 * arithmetic are the API's own pure functions (no imports of their own), shared rather than
 * copied so that the form and the API can never disagree; the API checks everything again.
 */
import { ageOn, localDate, parseIsoDate } from '../../../../../libs/core/src/util/dates';
import { parseIin } from '../../../../../libs/identity/src/rules/iin';

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
  const facts = parseIin(iin);
  if (!facts) return 'invalid';
  if (parseIsoDate(birthDate) && facts.birthDate !== birthDate) return 'mismatch';
  return 'ok';
}

/** The age on today's date in the region's zone (Asia/Almaty), or null for a date that is not real. */
export function ageToday(birthDate: string, now: Date = new Date()): number | null {
  if (!parseIsoDate(birthDate)) return null;
  const today = localDate(now);
  if (birthDate > today) return null;
  return ageOn(birthDate, today);
}

/** Whether the guardian's name, phone and consent are needed (14-17 on today's date in Almaty). */
export function needsGuardian(birthDate: string, now: Date = new Date()): boolean {
  const age = ageToday(birthDate, now);
  return age !== null && age >= MIN_AGE && age < ADULT_AGE;
}
