import { REGION_TIME_ZONE, ageOn, localDate, parseIsoDate } from './dates';

describe('parseIsoDate', () => {
  it.each([
    ['2024-02-29', { year: 2024, month: 2, day: 29 }], // divisible by 4
    ['2000-02-29', { year: 2000, month: 2, day: 29 }], // divisible by 400
    ['1999-12-31', { year: 1999, month: 12, day: 31 }],
    ['2026-01-01', { year: 2026, month: 1, day: 1 }],
  ])('reads %s', (value, parts) => {
    expect(parseIsoDate(value)).toEqual(parts);
  });

  it.each([
    ['2023-02-29', 'not a leap year'],
    ['1900-02-29', 'divisible by 100, not by 400'],
    ['2100-02-29', 'divisible by 100, not by 400'],
    ['2024-02-30', '30 Feb'],
    ['2024-04-31', '31 April'],
    ['2024-13-01', 'month 13'],
    ['2024-00-10', 'month 0'],
    ['2024-01-00', 'day 0'],
    ['2024-1-05', 'no zero padding'],
    ['05.01.2024', 'not ISO'],
    ['2024-01-05T00:00:00Z', 'a timestamp'],
    ['', 'empty'],
  ])('rejects %j (%s)', (value) => {
    expect(parseIsoDate(value)).toBeNull();
  });
});

describe('localDate', () => {
  it('uses Asia/Almaty by default', () => {
    expect(REGION_TIME_ZONE).toBe('Asia/Almaty');
  });

  it.each([
    ['2026-01-01T19:30:00Z', '2026-01-02'], // 00:30 in Almaty (UTC+5)
    ['2026-01-01T18:30:00Z', '2026-01-01'], // 23:30 in Almaty (UTC+5), would be the 2nd at UTC+6
    ['2026-03-20T18:59:59Z', '2026-03-20'],
    ['2026-03-20T19:00:00Z', '2026-03-21'],
    ['2024-01-01T18:30:00Z', '2024-01-02'], // before 1 March 2024 Almaty was UTC+6: 00:30
    ['2024-01-01T17:59:59Z', '2024-01-01'], // 23:59:59 at UTC+6
  ])('%s is %s in Almaty', (instant, day) => {
    expect(localDate(new Date(instant))).toBe(day);
  });

  it('honours another time zone', () => {
    expect(localDate(new Date('2026-01-01T19:30:00Z'), 'UTC')).toBe('2026-01-01');
    expect(localDate(new Date('2026-01-01T10:30:00Z'), 'America/New_York')).toBe('2026-01-01');
    expect(localDate(new Date('2026-01-01T04:30:00Z'), 'America/New_York')).toBe('2025-12-31');
  });
});

describe('ageOn', () => {
  it.each([
    ['2012-06-15', '2026-06-15', 14, 'on the birthday'],
    ['2012-06-16', '2026-06-15', 13, 'the day before'],
    ['2012-06-14', '2026-06-15', 14, 'the day after'],
    ['2012-12-31', '2026-01-01', 13, 'year-end birthday not reached yet'],
    ['2026-06-15', '2026-06-15', 0, 'born that day'],
    ['2008-02-29', '2026-02-28', 17, '29 Feb birthday, common year, 28 Feb'],
    ['2008-02-29', '2026-03-01', 18, '29 Feb birthday, common year, 1 March'],
    ['2008-02-29', '2024-02-28', 15, '29 Feb birthday, leap year, 28 Feb'],
    ['2008-02-29', '2024-02-29', 16, '29 Feb birthday, leap year, 29 Feb'],
  ])('born %s, on %s: %i (%s)', (birthDate, day, age) => {
    expect(ageOn(birthDate, day)).toBe(age);
  });

  it('refuses dates that are not YYYY-MM-DD', () => {
    expect(() => ageOn('2006-02-29', '2026-01-01')).toThrow('YYYY-MM-DD');
    expect(() => ageOn('2006-01-01', '01.01.2026')).toThrow('YYYY-MM-DD');
  });
});
