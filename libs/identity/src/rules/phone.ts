import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * Normalises a Kazakhstan mobile number to E.164 (+77011234567). Accepts +7 7xx..., 8 7xx...
 * and 7xx... with any spaces, dashes or brackets. Returns null for anything else.
 */
export function normalizeKzMobile(input: string): string | null {
  const trimmed = input.trim();
  if (!/^[+\d\s()\-.]{10,20}$/.test(trimmed)) return null;
  const parsed = parsePhoneNumberFromString(trimmed, 'KZ');
  if (!parsed || parsed.country !== 'KZ' || !parsed.isValid()) return null;
  const type = parsed.getType();
  if (type !== 'MOBILE' && type !== 'FIXED_LINE_OR_MOBILE') return null;
  return parsed.number;
}

/** +7701*****67: the operator code and the last two digits, enough to recognise, not to use. */
export function maskPhone(e164: string): string {
  return `${e164.slice(0, 5)}${'*'.repeat(Math.max(0, e164.length - 7))}${e164.slice(-2)}`;
}
