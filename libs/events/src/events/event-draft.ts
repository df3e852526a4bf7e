import { FieldProblems, isTimeZone } from '@yvc/core';
import { EventKind } from './event.entity';

export const TITLE_MIN = 3;
export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 5000;
export const CAPACITY_MAX = 100_000;
export const OFFSET_MAX = 43_200;
export const OFFSETS_MAX = 5;
export const DEFAULT_OFFSETS = [1440, 120];

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
 * event's times so that a change of one end is checked against the other. Throws BAD_USER_INPUT
 * with every problem at once.
 */
export function cleanEventDraft(
  draft: EventDraft,
  current?: { startsAt: Date; endsAt: Date },
): CleanEventFields {
  const problems = new FieldProblems();
  const out: CleanEventFields = {};
  if (draft.title !== undefined) {
    const title = text(draft.title ?? '');
    if ([...title].length < TITLE_MIN) problems.add('title', 'validation.tooShort', { min: TITLE_MIN });
    else if ([...title].length > TITLE_MAX) problems.add('title', 'validation.tooLong', { max: TITLE_MAX });
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
      if (!address) problems.add('venue.address', 'validation.required');
      else if ([...address].length > 300) problems.add('venue.address', 'validation.tooLong', { max: 300 });
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
  const startsAt = out.startsAt ?? current?.startsAt;
  const endsAt = out.endsAt ?? current?.endsAt;
  if (startsAt && endsAt && !problems.has('startsAt') && !problems.has('endsAt') && endsAt <= startsAt) {
    problems.add('endsAt', 'validation.endsBeforeStart');
  }
  problems.throwIfAny();
  return out;
}
