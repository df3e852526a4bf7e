import { ageOn, localDate } from '@yvc/core';
import { parseIin } from '@yvc/identity';
import { ageToday, iinBirthDate } from '../apps/web/src/features/auth/signUpRules';

/**
 * The web form's port of the IIN and age rules (apps/web cannot import a lib) against the API's
 * own functions: they must agree, or the form would tell a student something the API denies.
 */
describe('the web form’s sign-up rules agree with the API’s', () => {
  it('on every check digit of IINs over two centuries of birth dates, and on malformed ones', () => {
    let valid = 0;
    for (let i = 0; i < 3000; i++) {
      const yy = String(i % 100).padStart(2, '0');
      const mm = String((i % 13) + 1).padStart(2, '0'); // 13 included
      const dd = String((i % 31) + 1).padStart(2, '0');
      const century = String(i % 8); // 0 and 7 included
      const serial = String((i * 7919) % 10000).padStart(4, '0');
      for (let check = 0; check < 10; check++) {
        const iin = `${yy}${mm}${dd}${century}${serial}${check}`;
        const api = parseIin(iin);
        expect({ iin, web: iinBirthDate(iin) }).toEqual({ iin, web: api ? api.birthDate : null });
        if (api) valid++;
      }
    }
    expect(valid).toBeGreaterThan(1000);
    for (const bad of ['', '06121160001', '0612116000123', '06121160001a', ' 061211600012'])
      expect(iinBirthDate(bad)).toBe(parseIin(bad)?.birthDate ?? null);
  });

  it('on the age in Almaty, around birthdays, 29 February and midnight UTC+5', () => {
    const instants = [
      '2026-03-20T18:59:00Z',
      '2026-03-20T19:00:00Z',
      '2027-02-28T20:00:00Z',
      '2028-02-28T19:30:00Z',
    ];
    for (const at of instants) {
      const now = new Date(at);
      const today = localDate(now);
      for (const birthDate of [
        '2008-03-21',
        '2008-03-20',
        '2008-02-29',
        '2012-02-29',
        '1991-03-01',
        '2013-02-28',
      ])
        expect({ at, birthDate, web: ageToday(birthDate, now) }).toEqual({
          at,
          birthDate,
          web: ageOn(birthDate, today),
        });
    }
  });
});
