import { iinCheckDigit, makeIin, parseIin } from './iin';

const digits = (s: string) => [...s].map(Number);

describe('parseIin', () => {
  it.each([
    ['990115300426', '1999-01-15', 'M'],
    ['061211600012', '2006-12-11', 'F'], // check digit needs the second weight set
    ['000229600074', '2000-02-29', 'F'], // 29 Feb of a leap year
    ['050314500019', '2005-03-14', 'M'],
    ['100601500105', '2010-06-01', 'M'],
  ])('accepts %s (born %s, sex %s)', (iin, birthDate, sex) => {
    expect(parseIin(iin)).toEqual({ birthDate, sex });
  });

  it.each([
    ['061211600013', 'wrong check digit'],
    ['061311600012', 'month 13'],
    ['061211000012', 'century digit 0'],
    ['061211700012', 'century digit 7'],
    ['060229500017', '29 Feb 2006 does not exist'],
    ['060100500017', 'day 00'],
    ['99011530042', '11 digits'],
    ['9901153004260', '13 digits'],
    ['99011530042a', 'a letter'],
    ['9901 1530042', 'a space'],
    [' 990115300426', 'surrounding whitespace'],
    ['', 'empty'],
  ])('rejects %j (%s)', (iin) => {
    expect(parseIin(iin)).toBeNull();
  });

  it.each([
    ['1', '1800s', 'M', '1899'],
    ['2', '1800s', 'F', '1899'],
    ['3', '1900s', 'M', '1999'],
    ['4', '1900s', 'F', '1999'],
    ['5', '2000s', 'M', '2099'],
    ['6', '2000s', 'F', '2099'],
  ])('reads century digit %s as the %s, sex %s', (centuryDigit, _century, sex, year) => {
    const first11 = `991231${centuryDigit}0001`;
    const iin = first11 + iinCheckDigit(digits(first11));
    expect(parseIin(iin)).toEqual({ birthDate: `${year}-12-31`, sex });
  });
});

describe('iinCheckDigit', () => {
  it('uses weights 1..11 when their sum mod 11 is below 10', () => {
    // 9·1 + 9·2 + 0·3 + 1·4 + 1·5 + 5·6 + 3·7 + 0 + 0 + 4·10 + 2·11 = 149; 149 mod 11 = 6
    expect(iinCheckDigit(digits('99011530042'))).toBe(6);
  });

  it('falls back to weights 3..11,1,2 when the first sum gives 10', () => {
    // first weights: 87 mod 11 = 10; second weights: 112 mod 11 = 2
    expect(iinCheckDigit(digits('06121160001'))).toBe(2);
  });

  it('returns null when both weight sets give 10 (such a number is never issued)', () => {
    // first weights: 120 mod 11 = 10; second weights: 76 mod 11 = 10
    expect(iinCheckDigit(digits('90010130080'))).toBeNull();
  });

  it('makes parseIin reject every IIN whose first 11 digits have no check digit', () => {
    for (let last = 0; last <= 9; last++) expect(parseIin(`90010130080${last}`)).toBeNull();
  });
});

describe('makeIin', () => {
  it.each([
    ['1990-01-01', 'M'],
    ['1995-06-30', 'F'],
    ['1999-12-31', 'F'],
    ['2000-01-01', 'M'],
    ['2000-02-29', 'F'],
    ['2000-02-29', 'M'],
    ['2004-02-29', 'M'],
    ['2008-07-15', 'M'],
    ['2011-11-11', 'F'],
  ] as const)('makes a valid IIN for %s, sex %s', (birthDate, sex) => {
    for (const serial of [0, 1, 4321, 9999]) {
      const iin = makeIin(birthDate, sex, serial);
      expect(iin).toMatch(/^\d{12}$/);
      expect(parseIin(iin)).toEqual({ birthDate, sex });
    }
  });

  it('skips a serial for which no check digit exists', () => {
    // 1990-01-01, male, serial 0080 has no check digit (see iinCheckDigit above)
    expect(makeIin('1990-01-01', 'M', 80)).toMatch(/^90010130081\d$/);
  });

  it('gives different IINs for different serials', () => {
    expect(makeIin('2000-02-29', 'F', 1)).not.toBe(makeIin('2000-02-29', 'F', 2));
  });
});
