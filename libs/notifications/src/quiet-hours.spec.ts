import { isQuietHour, planSmsTime } from './quiet-hours';

const at = (iso: string) => new Date(iso);

describe('quiet hours', () => {
  it('are 22:00 to 08:00 Almaty time', () => {
    expect(isQuietHour(at('2026-02-05T21:59:00+05:00'))).toBe(false);
    expect(isQuietHour(at('2026-02-05T21:59:59+05:00'))).toBe(false);
    expect(isQuietHour(at('2026-02-05T22:00:00+05:00'))).toBe(true);
    expect(isQuietHour(at('2026-02-06T00:00:00+05:00'))).toBe(true);
    expect(isQuietHour(at('2026-02-06T07:59:00+05:00'))).toBe(true);
    expect(isQuietHour(at('2026-02-06T08:00:00+05:00'))).toBe(false);
    expect(isQuietHour(at('2026-02-06T12:00:00+05:00'))).toBe(false);
  });

  it('use the offset of the day from the tz database (UTC+6 before 2024-03-01)', () => {
    // 16:30Z was 22:30 in Almaty in 2023 (UTC+6) and is 21:30 since 2024-03-01 (UTC+5).
    expect(isQuietHour(at('2023-11-10T16:30:00Z'))).toBe(true);
    expect(isQuietHour(at('2025-11-10T16:30:00Z'))).toBe(false);
    expect(isQuietHour(at('2024-02-10T07:59:00+06:00'))).toBe(true);
    expect(isQuietHour(at('2024-02-10T08:00:00+06:00'))).toBe(false);
  });

  it('follow the member’s zone when given', () => {
    // 17:30Z is 22:30 in Almaty but 20:30 in Moscow.
    expect(isQuietHour(at('2026-02-05T17:30:00Z'))).toBe(true);
    expect(isQuietHour(at('2026-02-05T17:30:00Z'), 'Europe/Moscow')).toBe(false);
  });
});

describe('planSmsTime', () => {
  it('sends at the desired time outside quiet hours', () => {
    const desired = at('2026-02-05T18:00:00+05:00');
    expect(planSmsTime(desired, at('2026-02-05T20:00:00+05:00'))).toEqual({ sendAt: desired });
    const lastMinute = at('2026-02-05T21:59:00+05:00');
    expect(planSmsTime(lastMinute, at('2026-02-06T10:00:00+05:00'))).toEqual({ sendAt: lastMinute });
  });

  it('moves a 23:00 reminder for a 10:00 event to 08:00', () => {
    expect(planSmsTime(at('2026-02-05T23:00:00+05:00'), at('2026-02-06T10:00:00+05:00'))).toEqual({
      sendAt: at('2026-02-06T08:00:00+05:00'),
    });
    // After midnight too, and at 22:00 sharp.
    expect(planSmsTime(at('2026-02-06T03:00:00+05:00'), at('2026-02-06T10:00:00+05:00'))).toEqual({
      sendAt: at('2026-02-06T08:00:00+05:00'),
    });
    expect(planSmsTime(at('2026-02-05T22:00:00+05:00'), at('2026-02-06T10:00:00+05:00'))).toEqual({
      sendAt: at('2026-02-06T08:00:00+05:00'),
    });
  });

  describe('an event at 07:30 Astana time with a reminder 120 minutes before', () => {
    const eventStart = at('2026-03-10T07:30:00+05:00');
    const desired = new Date(eventStart.getTime() - 120 * 60_000); // 05:30, quiet
    const eveningBefore = at('2026-03-09T21:59:00+05:00');

    it('sends at 21:59 the evening before while that is still ahead', () => {
      expect(planSmsTime(desired, eventStart, 'Asia/Almaty', at('2026-03-09T15:00:00+05:00'))).toEqual({
        sendAt: eveningBefore,
      });
      expect(planSmsTime(desired, eventStart, 'Asia/Almaty', eveningBefore)).toEqual({
        sendAt: eveningBefore,
      });
    });

    it('sends by email only once that evening has passed', () => {
      expect(planSmsTime(desired, eventStart, 'Asia/Almaty', at('2026-03-09T22:30:00+05:00'))).toEqual({
        emailOnly: true,
      });
      // Without `now`, the evening before (earlier than desired) is never chosen.
      expect(planSmsTime(desired, eventStart)).toEqual({ emailOnly: true });
    });
  });

  it('prefers the next morning when it is before the start, even if the evening before is possible', () => {
    expect(
      planSmsTime(
        at('2026-03-10T06:00:00+05:00'),
        at('2026-03-10T08:00:01+05:00'),
        'Asia/Almaty',
        at('2026-03-09T12:00:00+05:00'),
      ),
    ).toEqual({ sendAt: at('2026-03-10T08:00:00+05:00') });
    // An event at 08:00 sharp: the 08:00 SMS would not be before it.
    expect(
      planSmsTime(
        at('2026-03-10T06:00:00+05:00'),
        at('2026-03-10T08:00:00+05:00'),
        'Asia/Almaty',
        at('2026-03-09T12:00:00+05:00'),
      ),
    ).toEqual({ sendAt: at('2026-03-09T21:59:00+05:00') });
  });

  it('uses UTC+6 before 2024-03-01', () => {
    expect(planSmsTime(at('2024-02-10T23:00:00+06:00'), at('2024-02-11T10:00:00+06:00'))).toEqual({
      sendAt: at('2024-02-11T02:00:00Z'), // 08:00 at UTC+6
    });
    expect(
      planSmsTime(
        at('2024-02-11T05:30:00+06:00'),
        at('2024-02-11T07:30:00+06:00'),
        'Asia/Almaty',
        at('2024-02-10T12:00:00+06:00'),
      ),
    ).toEqual({ sendAt: at('2024-02-10T15:59:00Z') }); // 21:59 at UTC+6
  });

  it('handles the night of the 2024-03-01 change (quiet from 22:00 at +6 to 08:00 at +5)', () => {
    // 2024-02-29T17:30Z is 23:30 at UTC+6; the morning after is 08:00 at UTC+5.
    expect(planSmsTime(at('2024-02-29T17:30:00Z'), at('2024-03-01T10:00:00+05:00'))).toEqual({
      sendAt: at('2024-03-01T03:00:00Z'),
    });
    expect(
      planSmsTime(
        at('2024-03-01T06:00:00+05:00'),
        at('2024-03-01T07:00:00+05:00'),
        'Asia/Almaty',
        at('2024-02-29T12:00:00Z'),
      ),
    ).toEqual({ sendAt: at('2024-02-29T15:59:00Z') }); // 21:59 at UTC+6
  });

  it('plans in the member’s zone', () => {
    // 23:00 in Moscow (UTC+3) for a 10:00 Moscow event: 08:00 Moscow = 05:00Z.
    expect(planSmsTime(at('2026-02-05T20:00:00Z'), at('2026-02-06T07:00:00Z'), 'Europe/Moscow')).toEqual({
      sendAt: at('2026-02-06T05:00:00Z'),
    });
  });
});
