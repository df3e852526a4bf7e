import { MEMBERSHIP_NUMBER_RE, formatMembershipNumber } from './membership-number';

describe('formatMembershipNumber', () => {
  it.each([
    ['ZHM', 2026, 1, 'ZHM-2026-000001'],
    ['ZHM', 2026, 123, 'ZHM-2026-000123'],
    ['AST', 2027, 999999, 'AST-2027-999999'],
    ['ZHM', 2026, 1234567, 'ZHM-2026-1234567'], // past 999999 the sequence keeps all its digits
  ])('formats %s, %i, %i as %s', (prefix, year, seq, expected) => {
    expect(formatMembershipNumber(prefix, year, seq)).toBe(expected);
  });

  it('produces numbers that MEMBERSHIP_NUMBER_RE accepts', () => {
    for (const seq of [1, 123, 999999, 1000000]) {
      expect(formatMembershipNumber('ZHM', 2026, seq)).toMatch(MEMBERSHIP_NUMBER_RE);
    }
  });
});

describe('MEMBERSHIP_NUMBER_RE', () => {
  it.each(['ZHM-2026-000123', 'KZ-2026-000001', 'ABCDE-2030-1234567'])('matches %s', (value) => {
    expect(value).toMatch(MEMBERSHIP_NUMBER_RE);
  });

  it.each([
    ['zhm-2026-000123', 'lower-case prefix'],
    ['Z-2026-000123', 'one-letter prefix'],
    ['ABCDEF-2026-000123', 'six-letter prefix'],
    ['ЖСК-2026-000123', 'Cyrillic prefix'],
    ['ZHM-26-000123', 'two-digit year'],
    ['ZHM-2026-123', 'unpadded sequence'],
    ['ZHM2026000123', 'no dashes'],
    [' ZHM-2026-000123', 'leading space'],
    ['ZHM-2026-000123\n', 'trailing newline'],
  ])('does not match %j (%s)', (value) => {
    expect(value).not.toMatch(MEMBERSHIP_NUMBER_RE);
  });
});
