/** ZHM-2026-000123: prefix, year of joining, a per-year sequence without gaps. */
export function formatMembershipNumber(prefix: string, year: number, seq: number): string {
  return `${prefix}-${year}-${String(seq).padStart(6, '0')}`;
}

export const MEMBERSHIP_NUMBER_RE = /^[A-Z]{2,5}-\d{4}-\d{6,}$/;
