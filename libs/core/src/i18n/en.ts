import type { Catalogue } from './catalogue';
import { plural } from './locale';

const chars = (n: string | number) =>
  `${n} ${plural('en', Number(n), { one: 'character', other: 'characters' })}`;

export const en = {
  // errors.*
  'labels.anonymisedMember': 'Anonymised member',
  'errors.VALIDATION_FAILED': 'Some fields need fixing.',
  'errors.INVALID_QUERY': (p) => `The request is not valid GraphQL: ${p.detail}`,
  'errors.QUERY_TOO_COMPLEX': (p) => `The query is too large (${p.detail}).`,
  'errors.UNAUTHENTICATED': 'Please log in.',
  'errors.FORBIDDEN': 'You do not have access to this.',
  'errors.NOT_FOUND': 'Not found.',
  'errors.RATE_LIMITED': (p) => `Too many attempts. Try again in ${p.seconds} s.`,
  'errors.INTERNAL': (p) => `Something went wrong on our side. Reference: ${p.errorId}.`,
  'errors.INVALID_CREDENTIALS': 'Wrong email or password.',
  'errors.INVALID_REFRESH_TOKEN': 'Your session has expired. Please log in again.',
  'errors.REFRESH_TOKEN_REUSED':
    'This session was ended for safety because an old token was used. Please log in again.',
  'errors.ACCOUNT_INACTIVE': 'This account can no longer be used.',
  'errors.EMAIL_TAKEN': 'An account with this email already exists.',
  'errors.IIN_TAKEN': 'An account with this IIN already exists.',
  'errors.MEMBER_NOT_FOUND': 'Member not found.',
  'errors.UNIT_NOT_FOUND': 'Unit not found.',
  'errors.CLUB_NOT_FOUND': 'Club not found.',
  'errors.CLUB_ARCHIVED': 'This club is archived.',
  'errors.CLUB_NAME_TAKEN': 'A club with this name already exists in this unit.',
  'errors.NOT_STAFF': 'Only coordinator and commission accounts can be assigned.',
  // validation.*
  'validation.required': 'Required.',
  'validation.tooShort': (p) => `Must be at least ${chars(p.min)}.`,
  'validation.tooLong': (p) => `Must be at most ${chars(p.max)}.`,
  'validation.invalidName': 'Use letters, spaces, hyphens, dots and apostrophes.',
  'validation.invalidEmail': 'Enter a valid email address.',
  'validation.invalidPhone': 'Enter a Kazakhstan mobile number, e.g. +7 701 123 4567.',
  'validation.invalidIin': 'The IIN must be 12 digits with a valid check digit.',
  'validation.iinBirthDateMismatch': 'The IIN does not match the birth date.',
  'validation.invalidDate': 'Enter a real date as YYYY-MM-DD.',
  'validation.birthDateInFuture': 'The birth date cannot be in the future.',
  'validation.ageOutOfRange': (p) =>
    `Members must be ${p.min} to ${p.max} years old on the day they sign up.`,
  'validation.consentRequired': 'Consent to the processing of personal data is required.',
  'validation.guardianRequired': 'Members under 18 need a parent or guardian to consent.',
  'validation.passwordTooShort': (p) => `The password must be at least ${chars(p.min)}.`,
  'validation.passwordTooLong': (p) => `The password must be at most ${chars(p.max)}.`,
  'validation.passwordSameAsOld': 'The new password must differ from the current one.',
  'validation.wrongPassword': 'The current password is wrong.',
  'validation.unitNotFound': 'No such unit.',
  'validation.clubNotFound': 'No such club, or it is archived.',
  'validation.invalidId': 'Not a valid id.',
  'validation.outOfRange': (p) => `Must be between ${p.min} and ${p.max}.`,
  'validation.oneOfRequired': (p) => `Give exactly one of: ${p.fields}.`,
  'errors.EVENT_NOT_FOUND': 'Event not found.',
  'errors.EVENT_NOT_EDITABLE': 'This event is cancelled or over and can no longer be changed.',
  'errors.REGISTRATION_CLOSED': 'Registration for this event is not open.',
  'errors.MEMBER_NOT_ACTIVE': 'Only active members can register.',
  'errors.REGISTRATION_NOT_FOUND': 'Registration not found.',
  'errors.REGISTRATION_NOT_ACTIVE': 'This registration is already cancelled or used.',
  'errors.CHECK_IN_CODE_UNKNOWN': 'This QR code is not a registration.',
  'errors.CHECK_IN_WRONG_EVENT': 'This QR code is for another event.',
  'errors.CHECK_IN_CANCELLED': 'This registration was cancelled.',
  'errors.CHECK_IN_WAITLISTED': 'This person is on the waiting list, not registered.',
  'errors.CHECK_IN_CLOSED': 'Check-in is open from 2 hours before the start until the end of the event.',
  'errors.WALK_IN_NOT_FOUND': 'No member with this email or phone.',
  'errors.WALK_IN_AMBIGUOUS': 'Several members share this phone: use the email.',
  'validation.endsBeforeStart': 'Must be after the start.',
  'validation.startsInPast': 'Must be in the future.',
  'validation.capacityBelowRegistered': (p) =>
    `Already ${p.registered} registered: the capacity cannot be lower.`,
  'validation.duplicateValues': 'Values must not repeat.',
  'validation.tooMany': (p) => `At most ${p.max}.`,
  'validation.invalidValue': 'Not a valid value.',
  'validation.clubNotInUnit': 'The club must belong to this unit or a unit under it.',
  'validation.invalidTimeZone': 'Unknown time zone.',
} satisfies Catalogue;

export type MessageKey = keyof typeof en;
