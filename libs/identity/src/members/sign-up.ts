import { FieldProblems, isUuid } from '@yvc/core';
import { normalizeKzMobile } from '../rules/phone';
import {
  ADULT_AGE,
  checkBirthDateAndIin,
  checkPassword,
  normalizeEmail,
  normalizeFullName,
} from '../rules/person.rules';
import { MemberLocale } from './member.entity';

export interface GuardianConsentCommand {
  fullName: string;
  phone: string;
  consentGiven: boolean;
}

export interface SignUpCommand {
  fullName: string;
  email: string;
  phone?: string | null;
  password: string;
  birthDate: string;
  iin?: string | null;
  locale?: MemberLocale | null;
  unitId: string;
  clubId?: string | null;
  consentToDataProcessing: boolean;
  guardian?: GuardianConsentCommand | null;
}

export interface CleanSignUp {
  fullName: string;
  email: string;
  phone: string | null;
  password: string;
  birthDate: string;
  iin: string | null;
  locale: MemberLocale;
  unitId: string;
  clubId: string | null;
  minor: boolean;
  guardian: { fullName: string; phone: string } | null;
}

/** Every rule of sign-up that needs no database; collects all problems, then throws BAD_USER_INPUT. */
export function validateSignUp(cmd: SignUpCommand, now: Date): CleanSignUp {
  const problems = new FieldProblems();
  const fullName = normalizeFullName(cmd.fullName ?? '', problems);
  const email = normalizeEmail(cmd.email ?? '', problems);
  checkPassword(cmd.password ?? '', problems);
  let phone: string | null = null;
  if (cmd.phone?.trim()) {
    phone = normalizeKzMobile(cmd.phone);
    if (!phone) problems.add('phone', 'validation.invalidPhone');
  }
  const iin = cmd.iin?.trim() || null;
  const age = checkBirthDateAndIin(cmd.birthDate ?? '', iin, now, problems);
  if (!isUuid(cmd.unitId)) problems.add('unitId', 'validation.unitNotFound');
  if (cmd.clubId && !isUuid(cmd.clubId)) problems.add('clubId', 'validation.clubNotFound');
  if (cmd.consentToDataProcessing !== true)
    problems.add('consentToDataProcessing', 'validation.consentRequired');

  const minor = age !== null && age < ADULT_AGE;
  let guardian: CleanSignUp['guardian'] = null;
  if (minor) {
    const g = cmd.guardian;
    if (!g) problems.add('guardian', 'validation.guardianRequired');
    else {
      const gName = normalizeFullName(g.fullName ?? '', problems, 'guardian.fullName');
      const gPhone = normalizeKzMobile(g.phone ?? '');
      if (!gPhone) problems.add('guardian.phone', 'validation.invalidPhone');
      if (g.consentGiven !== true) problems.add('guardian.consentGiven', 'validation.guardianRequired');
      if (gPhone) guardian = { fullName: gName, phone: gPhone };
    }
  }
  problems.throwIfAny();
  return {
    fullName,
    email,
    phone,
    password: cmd.password,
    birthDate: cmd.birthDate,
    iin,
    locale: cmd.locale ?? MemberLocale.KK,
    unitId: cmd.unitId,
    clubId: cmd.clubId || null,
    minor,
    guardian,
  };
}
