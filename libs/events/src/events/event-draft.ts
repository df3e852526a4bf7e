import { FieldProblems, checkPlainText, isTimeZone } from '@yvc/core';
import { EventKind } from './event.entity';

export const TITLE_MIN = 3;
export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 5000;
export const CAPACITY_MAX = 100_000;
export const OFFSET_MAX = 43_200;
export const OFFSETS_MAX = 5;
export const DEFAULT_OFFSETS = [1440, 120];
/**
 * The commission's calendar: no event starts before 2020 (past seasons may be imported; the clubs
 * began in 2025), none is planned more than MAX_YEARS_AHEAD years ahead, and none lasts longer than
 * MAX_DURATION_DAYS (a camp or a forum week; check-in is open for the whole event). The fixed bounds
 * are also CHECK constraints on `events`.
 */
export const EARLIEST_START = new Date('2020-01-01T00:00:00Z');
export const MAX_YEARS_AHEAD = 5;
export const MAX_DURATION_DAYS = 14;
const DAY_MS = 86_400_000;

export interface VenueDraft {
  name: string;
  address: string;
  wheelchairAccessible?: boolean | null;
  signLanguage?: boolean | null;
}

export interface EventDraft {
  title?: string | null;
  description?: string | null;
  kind?: EventKind | null;
  venue?: VenueDraft | null;
  startsAt?: Date | null;
  endsAt?: Date | null;
  capacity?: number | null;
  reminderOffsetsMinutes?: number[] | null;
  timeZone?: string | null;
}

export interface CleanEventFields {
  title?: string;
  description?: string | null;
  kind?: EventKind;
  venueName?: string | null;
  venueAddress?: string | null;
  venueWheelchairAccessible?: boolean;
  venueSignLanguage?: boolean;
  startsAt?: Date;
  endsAt?: Date;
  capacity?: number;
  reminderOffsetsMinutes?: number[];
  timeZone?: string;
}

const text = (v: string) =>
  v
    .normalize('NFC')
    .trim()
    .replace(/[ \t]+/g, ' ');

/**
 * Checks and normalises the fields given (undefined = not given, for updates). `current` holds the
 * event's times so that a change of one end is checked against the other; `now` (when given) bounds
 * how far ahead a new start may be. Throws BAD_USER_INPUT with every problem at once.
 */
export function cleanEventDraft(
  draft: EventDraft,
  current?: { startsAt: Date; endsAt: Date },
  now?: Date,
): CleanEventFields {
  const problems = new FieldProblems();
  const out: CleanEventFields = {};
  if (draft.title !== undefined) {
    const title = text(draft.title ?? '');
    const length = [...title].length;
    if (length < TITLE_MIN) problems.add('title', 'validation.tooShort', { min: TITLE_MIN });
    else if (length > TITLE_MAX) problems.add('title', 'validation.tooLong', { max: TITLE_MAX });
    else checkPlainText(title, problems, 'title');
    out.title = title;
  }
  if (draft.description !== undefined) {
    const description = draft.description?.normalize('NFC').trim() || null;
    if (description && [...description].length > DESCRIPTION_MAX) {
      problems.add('description', 'validation.tooLong', { max: DESCRIPTION_MAX });
    }
    out.description = description;
  }
  if (draft.kind !== undefined && draft.kind !== null) out.kind = draft.kind;
  if (draft.venue !== undefined) {
    if (draft.venue === null)
      Object.assign(out, {
        venueName: null,
        venueAddress: null,
        venueWheelchairAccessible: false,
        venueSignLanguage: false,
      });
    else {
      const name = text(draft.venue.name ?? '');
      const address = text(draft.venue.address ?? '');
      if (!name) problems.add('venue.name', 'validation.required');
      else if ([...name].length > 200) problems.add('venue.name', 'validation.tooLong', { max: 200 });
      else checkPlainText(name, problems, 'venue.name');
      if (!address) problems.add('venue.address', 'validation.required');
      else if ([...address].length > 300) problems.add('venue.address', 'validation.tooLong', { max: 300 });
      else checkPlainText(address, problems, 'venue.address');
      Object.assign(out, {
        venueName: name,
        venueAddress: address,
        venueWheelchairAccessible: !!draft.venue.wheelchairAccessible,
        venueSignLanguage: !!draft.venue.signLanguage,
      });
    }
  }
  if (draft.capacity !== undefined && draft.capacity !== null) {
    if (!Number.isInteger(draft.capacity) || draft.capacity < 1 || draft.capacity > CAPACITY_MAX) {
      problems.add('capacity', 'validation.outOfRange', { min: 1, max: CAPACITY_MAX });
    }
    out.capacity = draft.capacity;
  }
  if (draft.reminderOffsetsMinutes !== undefined && draft.reminderOffsetsMinutes !== null) {
    const offsets = draft.reminderOffsetsMinutes;
    if (offsets.length > OFFSETS_MAX)
      problems.add('reminderOffsetsMinutes', 'validation.tooMany', { max: OFFSETS_MAX });
    else if (offsets.some((o) => !Number.isInteger(o) || o < 1 || o > OFFSET_MAX)) {
      problems.add('reminderOffsetsMinutes', 'validation.outOfRange', { min: 1, max: OFFSET_MAX });
    } else if (new Set(offsets).size !== offsets.length)
      problems.add('reminderOffsetsMinutes', 'validation.duplicateValues');
    out.reminderOffsetsMinutes = [...offsets].sort((a, b) => b - a);
  }
  if (draft.timeZone !== undefined && draft.timeZone !== null) {
    if (!isTimeZone(draft.timeZone)) problems.add('timeZone', 'validation.invalidTimeZone');
    out.timeZone = draft.timeZone;
  }
  for (const key of ['startsAt', 'endsAt'] as const) {
    const v = draft[key];
    if (v === undefined || v === null) continue;
    if (!(v instanceof Date) || Number.isNaN(v.getTime())) problems.add(key, 'validation.invalidValue');
    else out[key] = v;
  }
  if (out.startsAt && !problems.has('startsAt')) {
    const horizon = now ? new Date(now) : null;
    horizon?.setUTCFullYear(horizon.getUTCFullYear() + MAX_YEARS_AHEAD);
    if (out.startsAt < EARLIEST_START)
      problems.add('startsAt', 'validation.notBefore', { date: EARLIEST_START.toISOString().slice(0, 10) });
    else if (horizon && out.startsAt > horizon)
      problems.add('startsAt', 'validation.tooFarAhead', { years: MAX_YEARS_AHEAD });
  }
  const startsAt = out.startsAt ?? current?.startsAt;
  const endsAt = out.endsAt ?? current?.endsAt;
  if (startsAt && endsAt && !problems.has('startsAt') && !problems.has('endsAt')) {
    if (endsAt <= startsAt) problems.add('endsAt', 'validation.endsBeforeStart');
    else if (endsAt.getTime() - startsAt.getTime() > MAX_DURATION_DAYS * DAY_MS)
      problems.add('endsAt', 'validation.tooLongEvent', { days: MAX_DURATION_DAYS });
  }
  problems.throwIfAny();
  return out;
}
