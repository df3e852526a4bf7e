import { FieldProblems, Locale, formatLocalDateTime, isTimeZone } from '@yvc/core';

/**
 * An event's start the local way in the caller's language ("5 ақпан, 10:00"), in `timeZone` (the
 * event's own when not given): `Event.startsAtLocal` and `PublicEvent.startsAtLocal`.
 */
export function localStart(
  e: { startsAt: Date; timeZone: string },
  locale: Locale,
  timeZone?: string | null,
): string {
  const zone = timeZone ?? e.timeZone;
  if (!isTimeZone(zone)) new FieldProblems().add('timeZone', 'validation.invalidTimeZone').throwIfAny();
  return formatLocalDateTime(e.startsAt, locale, zone);
}
