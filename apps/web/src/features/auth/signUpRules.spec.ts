import { describe, expect, it } from '@jest/globals';
import { ageToday, checkIin, needsGuardian } from './signUpRules';

describe('sign-up rules of the web form', () => {
  it('accepts the valid IINs of the domain notes, each with its own birth date', () => {
    expect(checkIin('990115300426', '1999-01-15')).toBe('ok');
    // needs the second weights
    expect(checkIin('061211600012', '2006-12-11')).toBe('ok');
    // 29 February 2000
    expect(checkIin('000229600074', '2000-02-29')).toBe('ok');
    expect(checkIin('050314500019', '2005-03-14')).toBe('ok');
    expect(checkIin('100601500105', '')).toBe('ok');
  });

  it('refuses a wrong check digit, month 13, century digit 0 and 29 February 2006', () => {
    for (const bad of ['061211600013', '061311600012', '061211000012', '060229500017'])
      expect({ bad, check: checkIin(bad, '') }).toEqual({ bad, check: 'invalid' });
    expect(checkIin('06121160001x', '')).toBe('invalid');
    expect(checkIin('0612116000123', '')).toBe('invalid');
  });

  it('waits while fewer than 12 digits are typed; nothing typed is fine (optional)', () => {
    expect(checkIin('', '')).toBe('empty');
    expect(checkIin('  ', '')).toBe('empty');
    expect(checkIin('06121', '')).toBe('typing');
    expect(checkIin('06121160001', '')).toBe('typing');
  });

  it('says when a valid IIN does not agree with the birth date', () => {
    expect(checkIin('061211600012', '2006-12-12')).toBe('mismatch');
    expect(checkIin('061211600012', '2006-13-40')).toBe('ok');
  });

  it('counts the age on the day in Almaty (UTC+5), not in UTC', () => {
    // 2026-03-20 20:00 UTC is already 21 March 01:00 in Almaty: the 18th birthday has come
    const now = new Date('2026-03-20T20:00:00Z');
    expect(ageToday('2008-03-21', now)).toBe(18);
    expect(needsGuardian('2008-03-21', now)).toBe(false);
    expect(ageToday('2008-03-21', new Date('2026-03-20T18:00:00Z'))).toBe(17);
    expect(needsGuardian('2008-03-21', new Date('2026-03-20T18:00:00Z'))).toBe(true);
  });

  it('asks for a guardian for 14-17 only', () => {
    const now = new Date('2026-11-30T06:00:00Z');
    expect(needsGuardian('2012-11-30', now)).toBe(true); // 14 today
    expect(needsGuardian('2012-12-01', now)).toBe(false); // 13: the API refuses the age
    expect(needsGuardian('2009-01-01', now)).toBe(true); // 17
    expect(needsGuardian('2008-11-30', now)).toBe(false); // 18 today
    expect(needsGuardian('not-a-date', now)).toBe(false);
    expect(needsGuardian('2030-01-01', now)).toBe(false);
  });
});
