import { eighteenth } from './resident-data';
import { ageBounds, band, bandOf, years } from './resident-report';

/** Every day from `from` to `to` (YYYY-MM-DD) as YYYYMMDD. */
function days(from: string, to: string): number[] {
  const out: number[] = [];
  for (let d = new Date(`${from}T00:00Z`); d <= new Date(`${to}T00:00Z`); d.setUTCDate(d.getUTCDate() + 1))
    out.push(Number(d.toISOString().slice(0, 10).replaceAll('-', '')));
  return out;
}

describe('the pass compares instead of dividing', () => {
  // births across 45 years, with 29 February of leap years; last days around leap days and year ends
  const births = days('1985-01-01', '2014-12-31').filter((_, i) => i % 7 === 0 || i % 365 < 3);
  births.push(20000229, 20040229, 20080229, 20120229, -1);
  const lastDays = [20240228, 20240229, 20240301, 20241231, 20250101, 20250228, 20250301, 20260531, 20261130];

  it('bandOf(ageBounds(day)) is band(day) for every birth', () => {
    for (const day of lastDays) {
      const p = { ageBounds: ageBounds(day) };
      for (const birth of births)
        expect([day, birth, bandOf(p, birth)]).toEqual([day, birth, band(day, birth)]);
    }
  });

  it('18 on the election day is electionLow < birth <= electionHigh', () => {
    for (const election of [20240229, 20250301, 20261004]) {
      const low = election - 190000;
      const high = election - 180000;
      for (const birth of births.filter((b) => b >= 0))
        expect([election, birth, birth > low && birth <= high]).toEqual([
          election,
          birth,
          years(election, birth) === 18,
        ]);
    }
  });

  it('eighteenth: a 29 February birthday falls on the 28th (18 years on is never a leap year)', () => {
    expect(eighteenth(20040229)).toBe(20220228);
    expect(eighteenth(20080229)).toBe(20260228);
    expect(eighteenth(20070315)).toBe(20250315);
  });
});
