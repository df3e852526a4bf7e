import { cacheSeconds } from './engagement.service';

describe('cacheSeconds', () => {
  const minute = new Date('2026-11-26T10:41:00Z');
  const at = (s: number) => new Date(minute.getTime() + s * 1000);

  it('a fixed period: the configured time', () => {
    expect(cacheSeconds(60, false, minute, at(59))).toBe(60);
    expect(cacheSeconds(0, false, minute, at(1))).toBe(0);
  });

  it('up to now: only until the minute the period ends in is over, never longer than configured', () => {
    expect(cacheSeconds(60, true, minute, at(0))).toBe(60);
    expect(cacheSeconds(60, true, minute, at(45))).toBe(15);
    expect(cacheSeconds(60, true, minute, at(59.5))).toBe(0);
    expect(cacheSeconds(60, true, minute, at(61))).toBe(0);
    expect(cacheSeconds(10, true, minute, at(5))).toBe(10);
    expect(cacheSeconds(0, true, minute, at(5))).toBe(0);
  });
});
