import { redactPath } from './logger';

describe('redactPath', () => {
  it.each([
    ['/graphql?x=1', '/graphql'],
    ['/calendar/abcDEF123_-xyzabcDEF123_-xyzabcDEF123_-xyz.ics', '/calendar/***'],
    ['/qr/abcDEF123_-xyzabcDEF123_-xyzabcDEF123_-xyz.png', '/qr/***'],
    ['/unsubscribe?token=secret', '/unsubscribe'],
    ['/events/5a0f/attendance.csv', '/events/5a0f/attendance.csv'],
  ])('%s is logged as %s', (url, expected) => {
    expect(redactPath(url)).toBe(expected);
  });
});
