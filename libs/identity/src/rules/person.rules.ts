import { FieldProblems, ageOn, canonicalEmail, checkPlainText, localDate, parseIsoDate } from '@yvc/core';
import { parseIin } from './iin';

export const MIN_AGE = 14;
export const MAX_AGE = 35;
export const ADULT_AGE = 18;
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

const NAME_RE = /^[\p{L}\p{M}]+(?:(?:[ '’-]|\. ?)[\p{L}\p{M}]+)*\.?$/u;
const EMAIL_RE = /^[^\s@"<>()[\],;:\\]+@[^\s@"<>()[\],;:\\]+\.[^\s@"<>()[\],;:\\]{2,}$/;

/**
 * NFC, single spaces, trimmed; letters of any script, with spaces, hyphens, dots and apostrophes.
 * Invisible format characters (zero-width, bidi) and stacks of combining marks get their own message.
 */
export function normalizeFullName(value: string, problems: FieldProblems, field = 'fullName'): string {
  const name = value.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (!name) problems.add(field, 'validation.required');
  else if (!checkPlainText(name, problems, field)) return name;
  else if ([...name].length < 2) problems.add(field, 'validation.tooShort', { min: 2 });
  else if ([...name].length > 200) problems.add(field, 'validation.tooLong', { max: 200 });
  else if (!NAME_RE.test(name)) problems.add(field, 'validation.invalidName');
  return name;
}

/** Emails are compared and stored in their canonical form (NFKC, trimmed, lower case). */
export function normalizeEmail(value: string, problems: FieldProblems, field = 'email'): string {
  const email = canonicalEmail(value);
  if (!email) problems.add(field, 'validation.required');
  else if (email.length > 254) problems.add(field, 'validation.tooLong', { max: 254 });
  else if (!EMAIL_RE.test(email)) problems.add(field, 'validation.invalidEmail');
  return email;
}

export function checkPassword(value: string, problems: FieldProblems, field = 'password'): void {
  const length = [...value].length;
  if (length < PASSWORD_MIN) problems.add(field, 'validation.passwordTooShort', { min: PASSWORD_MIN });
  else if (length > PASSWORD_MAX) problems.add(field, 'validation.passwordTooLong', { max: PASSWORD_MAX });
}

/**
 * Checks the birth date, the age on `now`'s local day (14-35 inclusive) and, when given, that the
 * IIN is valid and agrees with the birth date. Returns the age (null when the date is bad).
 */
export function checkBirthDateAndIin(
  birthDate: string,
  iin: string | null | undefined,
  now: Date,
  problems: FieldProblems,
): number | null {
  let age: number | null = null;
  if (!parseIsoDate(birthDate)) {
    problems.add('birthDate', 'validation.invalidDate');
  } else {
    const today = localDate(now);
    if (birthDate > today) problems.add('birthDate', 'validation.birthDateInFuture');
    else {
      age = ageOn(birthDate, today);
      if (age < MIN_AGE || age > MAX_AGE) {
        problems.add('birthDate', 'validation.ageOutOfRange', { min: MIN_AGE, max: MAX_AGE });
      }
    }
  }
  if (iin !== null && iin !== undefined && iin !== '') {
    const facts = parseIin(iin.trim());
    if (!facts) problems.add('iin', 'validation.invalidIin');
    else if (parseIsoDate(birthDate) && facts.birthDate !== birthDate) {
      problems.add('iin', 'validation.iinBirthDateMismatch');
    }
  }
  return age;
}
