import { ApiErrorCode, DomainError } from '@yvc/core';
import { makeIin } from '../rules/iin';
import { MemberLocale } from './member.entity';
import { SignUpCommand, validateSignUp } from './sign-up';

// 11:00 on 15 June 2026 in Almaty
const NOW = new Date('2026-06-15T06:00:00Z');
const UNIT_ID = '6f1c2a4e-8b3d-4c5e-9f70-1a2b3c4d5e6f';
const CLUB_ID = '0b7e9d52-3c41-4a8f-b6d2-9e8f7a6b5c4d';

function command(overrides: Partial<SignUpCommand> = {}): SignUpCommand {
  return {
    fullName: 'Әлихан Сәрсенбаев',
    email: 'Alikhan.S@Mail.KZ',
    phone: '8 701 123 45 67',
    password: 'жасСайлаушы2026',
    birthDate: '2006-06-15', // 20 today
    unitId: UNIT_ID,
    consentToDataProcessing: true,
    ...overrides,
  };
}

const minor = (overrides: Partial<SignUpCommand> = {}) => command({ birthDate: '2010-09-01', ...overrides }); // 15
const guardian = { fullName: 'Гүлнар  Ахметова', phone: '+7 777 000 11 22', consentGiven: true };

/** The field -> message key map of the BAD_USER_INPUT that validateSignUp throws. */
function problemsOf(cmd: SignUpCommand): Record<string, string> {
  try {
    validateSignUp(cmd, NOW);
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    const e = err as DomainError;
    expect(e.code).toBe(ApiErrorCode.BAD_USER_INPUT);
    expect(e.reason).toBe('VALIDATION_FAILED');
    return Object.fromEntries(e.fields.map((f) => [f.field, f.key]));
  }
  throw new Error('validateSignUp did not throw');
}

describe('validateSignUp', () => {
  it('cleans a valid adult sign-up', () => {
    expect(validateSignUp(command({ fullName: '  Әлихан   Сәрсенбаев ', clubId: CLUB_ID }), NOW)).toEqual({
      fullName: 'Әлихан Сәрсенбаев',
      email: 'alikhan.s@mail.kz',
      phone: '+77011234567',
      password: 'жасСайлаушы2026',
      birthDate: '2006-06-15',
      iin: null,
      locale: MemberLocale.KK,
      unitId: UNIT_ID,
      clubId: CLUB_ID,
      minor: false,
      guardian: null,
    });
  });

  it('keeps the chosen locale and a trimmed IIN', () => {
    const iin = makeIin('2006-06-15', 'M', 42);
    const clean = validateSignUp(command({ locale: MemberLocale.RU, iin: ` ${iin} ` }), NOW);
    expect(clean.locale).toBe(MemberLocale.RU);
    expect(clean.iin).toBe(iin);
  });

  it.each([null, undefined, '', '   '])('treats phone %j as no phone', (phone) => {
    expect(validateSignUp(command({ phone }), NOW).phone).toBeNull();
  });

  it.each([null, undefined, ''])('treats clubId %j as no club', (clubId) => {
    expect(validateSignUp(command({ clubId }), NOW).clubId).toBeNull();
  });

  it('does not need a guardian for an adult, and ignores one that is given', () => {
    const clean = validateSignUp(command({ guardian: { ...guardian, consentGiven: false } }), NOW);
    expect(clean.minor).toBe(false);
    expect(clean.guardian).toBeNull();
  });

  it('treats someone who turns 18 today as an adult', () => {
    expect(validateSignUp(command({ birthDate: '2008-06-15' }), NOW).minor).toBe(false);
    expect(problemsOf(command({ birthDate: '2008-06-16' }))).toEqual({
      guardian: 'validation.guardianRequired',
    });
  });

  describe('for a minor', () => {
    it('requires a guardian', () => {
      expect(problemsOf(minor())).toEqual({ guardian: 'validation.guardianRequired' });
      expect(problemsOf(minor({ guardian: null }))).toEqual({ guardian: 'validation.guardianRequired' });
    });

    it('accepts a guardian with a name, a mobile phone and consent', () => {
      const clean = validateSignUp(minor({ guardian }), NOW);
      expect(clean.minor).toBe(true);
      expect(clean.guardian).toEqual({ fullName: 'Гүлнар Ахметова', phone: '+77770001122' });
    });

    it('requires the guardian to consent', () => {
      expect(problemsOf(minor({ guardian: { ...guardian, consentGiven: false } }))).toEqual({
        'guardian.consentGiven': 'validation.guardianRequired',
      });
    });

    it('requires a Kazakhstan mobile number for the guardian', () => {
      expect(problemsOf(minor({ guardian: { ...guardian, phone: '8 7262 43 21 00' } }))).toEqual({
        'guardian.phone': 'validation.invalidPhone',
      });
    });

    it('reports every guardian problem at once', () => {
      expect(problemsOf(minor({ guardian: { fullName: '', phone: '', consentGiven: false } }))).toEqual({
        'guardian.fullName': 'validation.required',
        'guardian.phone': 'validation.invalidPhone',
        'guardian.consentGiven': 'validation.guardianRequired',
      });
    });
  });

  it.each([false, undefined, 'true'])('requires consentToDataProcessing === true (not %j)', (consent) => {
    expect(problemsOf(command({ consentToDataProcessing: consent as boolean }))).toEqual({
      consentToDataProcessing: 'validation.consentRequired',
    });
  });

  it.each(['zhambyl.taraz', '', '6f1c2a4e-8b3d-4c5e-9f70-1a2b3c4d5e6', `${UNIT_ID}'--`])(
    'rejects the unitId %j',
    (unitId) => {
      expect(problemsOf(command({ unitId }))).toEqual({ unitId: 'validation.unitNotFound' });
    },
  );

  it('rejects a clubId that is not a UUID', () => {
    expect(problemsOf(command({ clubId: '42' }))).toEqual({ clubId: 'validation.clubNotFound' });
  });

  it('rejects a phone that is not a Kazakhstan mobile', () => {
    expect(problemsOf(command({ phone: '+7 916 123 45 67' }))).toEqual({ phone: 'validation.invalidPhone' });
  });

  it('rejects an IIN that does not match the birth date', () => {
    expect(problemsOf(command({ iin: makeIin('2006-06-16', 'M', 42) }))).toEqual({
      iin: 'validation.iinBirthDateMismatch',
    });
  });

  it('reports all problems in one error', () => {
    expect(
      problemsOf({
        fullName: 'R2D2',
        email: 'not-an-email',
        phone: '12345',
        password: 'short',
        birthDate: '2006-02-29',
        iin: '061211600013',
        unitId: 'taraz',
        clubId: 'club',
        consentToDataProcessing: false,
      }),
    ).toEqual({
      fullName: 'validation.invalidName',
      email: 'validation.invalidEmail',
      password: 'validation.passwordTooShort',
      phone: 'validation.invalidPhone',
      birthDate: 'validation.invalidDate',
      iin: 'validation.invalidIin',
      unitId: 'validation.unitNotFound',
      clubId: 'validation.clubNotFound',
      consentToDataProcessing: 'validation.consentRequired',
    });
  });

  it('reports a missing guardian together with other problems of a minor', () => {
    expect(problemsOf(minor({ email: '', consentToDataProcessing: false }))).toEqual({
      email: 'validation.required',
      consentToDataProcessing: 'validation.consentRequired',
      guardian: 'validation.guardianRequired',
    });
  });
});
