import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import {
  APP_CONFIG,
  AppConfig,
  Clock,
  FieldProblems,
  blindIndex,
  canonicalEmail,
  isTimeZone,
  isUuid,
  decryptField,
  encryptField,
  localDate,
} from '@yvc/core';
import { OutboxKind, returnedRows, uniqueViolation, writeOutbox } from '@yvc/database';
import { ClubsService, UnitsService } from '@yvc/org';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { AccountThrottle } from '../auth/account-throttle';
import { SessionRevocations } from '../auth/session-revocations';
import { PasswordHasher } from '../auth/password-hasher';
import { Consent, ConsentGivenBy } from '../consent/consent.entity';
import { ClubMembership } from './club-membership.entity';
import { IdentityError, identityError } from '../identity.errors';
import { normalizeKzMobile } from '../rules/phone';
import { checkPassword, normalizeFullName } from '../rules/person.rules';
import { formatMembershipNumber } from '../rules/membership-number';
import { Member, MemberLocale, MemberStatus, Role } from './member.entity';
import { SignUpCommand, validateSignUp } from './sign-up';

/** A member from a trusted list (the demo seed, an import of a club's register). */
export interface ImportedMember {
  fullName: string;
  email: string;
  phone: string | null;
  birthDate: string;
  iin: string | null;
  locale: MemberLocale;
  unitId: string;
  clubIds: string[];
  joinedAt: Date;
  guardian: { fullName: string; phone: string } | null;
}

export interface UpdateProfileCommand {
  emailOptIn?: boolean | null;
  smsOptIn?: boolean | null;
  timeZone?: string | null;
  fullName?: string | null;
  phone?: string | null;
  locale?: MemberLocale | null;
  unitId?: string | null;
}

@Injectable()
export class MembersService {
  constructor(
    @InjectRepository(Member) private readonly members: Repository<Member>,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly hasher: PasswordHasher,
    private readonly units: UnitsService,
    private readonly clubs: ClubsService,
    private readonly throttle: AccountThrottle,
    private readonly revocations: SessionRevocations,
  ) {}

  /**
   * Creates a young member with their consent records, a membership number and (optionally) a club,
   * all in one transaction. Uniqueness of email and IIN is left to the unique indexes.
   */
  async signUp(cmd: SignUpCommand): Promise<Member> {
    const now = this.clock.now();
    const input = validateSignUp(cmd, now);
    const problems = new FieldProblems();
    const [unit, club] = await Promise.all([
      this.units.findById(input.unitId),
      input.clubId ? this.clubs.findById(input.clubId) : Promise.resolve(null),
    ]);
    if (!unit) problems.add('unitId', 'validation.unitNotFound');
    if (input.clubId && (!club || club.archivedAt)) problems.add('clubId', 'validation.clubNotFound');
    problems.throwIfAny();

    const passwordHash = await this.hasher.hash(input.password);
    try {
      return await this.dataSource.transaction(async (em) => {
        const year = Number(localDate(now).slice(0, 4));
        const membershipNumber = await this.nextMembershipNumber(em, year);
        const member = await em.save(
          em.create(Member, {
            fullName: input.fullName,
            email: input.email,
            phone: input.phone,
            birthDate: input.birthDate,
            iinCiphertext: input.iin ? encryptField(input.iin, this.config.IIN_ENCRYPTION_KEY) : null,
            iinHash: input.iin ? blindIndex(input.iin, this.config.IIN_HASH_KEY) : null,
            passwordHash,
            role: Role.MEMBER,
            locale: input.locale,
            unitId: input.unitId,
            membershipNumber,
            joinedAt: now,
          }),
        );
        const consentBase = {
          memberId: member.id,
          textVersion: this.config.CONSENT_TEXT_VERSION,
          givenAt: now,
        };
        const consents: Array<Partial<Consent>> = [{ ...consentBase, givenBy: ConsentGivenBy.SELF }];
        if (input.guardian) {
          consents.push({
            ...consentBase,
            givenBy: ConsentGivenBy.GUARDIAN,
            guardianName: input.guardian.fullName,
            guardianPhone: input.guardian.phone,
          });
        }
        await em.insert(Consent, consents);
        // the email check goes out through the outbox, so it exists exactly when the account does
        await writeOutbox(em, [{ kind: OutboxKind.EMAIL_VERIFICATION, memberId: member.id }]);
        if (input.clubId)
          await em.insert(ClubMembership, { memberId: member.id, clubId: input.clubId, joinedAt: now });
        return member;
      });
    } catch (err) {
      const constraint = uniqueViolation(err);
      if (constraint === 'members_email_key') throw identityError(IdentityError.EMAIL_TAKEN);
      if (constraint === 'members_iin_hash_key') throw identityError(IdentityError.IIN_TAKEN);
      throw err;
    }
  }

  /**
   * Creates many members at once with one password hash, their consents and club memberships, in
   * one transaction. Emails that already exist are skipped, so importing twice changes nothing.
   * Membership numbers are handed out in order of joinedAt, per year. Returns how many were created.
   */
  async importMembers(list: ImportedMember[], passwordHash: string): Promise<number> {
    if (!list.length) return 0;
    return this.dataSource.transaction(async (em) => {
      const existing: Array<{ email: string }> = await em.query(
        `SELECT email FROM members WHERE email = ANY($1::text[])`,
        [list.map((m) => m.email)],
      );
      const taken = new Set(existing.map((r) => r.email));
      const fresh = list
        .filter((m) => !taken.has(m.email))
        .sort((a, b) => a.joinedAt.getTime() - b.joinedAt.getTime());
      const byYear = new Map<number, ImportedMember[]>();
      for (const m of fresh) {
        const year = Number(localDate(m.joinedAt).slice(0, 4));
        byYear.set(year, [...(byYear.get(year) ?? []), m]);
      }
      for (const [year, members] of byYear) {
        const [{ last_value: last }]: Array<{ last_value: number }> = await em.query(
          `INSERT INTO membership_counters (prefix, year, last_value) VALUES ($1, $2, $3)
           ON CONFLICT (prefix, year) DO UPDATE SET last_value = membership_counters.last_value + EXCLUDED.last_value
           RETURNING last_value`,
          [this.config.MEMBERSHIP_PREFIX, year, members.length],
        );
        for (let offset = 0; offset < members.length; offset += 500) {
          const chunk = members.slice(offset, offset + 500);
          const saved = await em.save(
            chunk.map((m, i) =>
              em.create(Member, {
                fullName: m.fullName,
                email: m.email,
                phone: m.phone,
                birthDate: m.birthDate,
                iinCiphertext: m.iin ? encryptField(m.iin, this.config.IIN_ENCRYPTION_KEY) : null,
                iinHash: m.iin ? blindIndex(m.iin, this.config.IIN_HASH_KEY) : null,
                passwordHash,
                role: Role.MEMBER,
                locale: m.locale,
                unitId: m.unitId,
                membershipNumber: formatMembershipNumber(
                  this.config.MEMBERSHIP_PREFIX,
                  year,
                  last - members.length + offset + i + 1,
                ),
                joinedAt: m.joinedAt,
              }),
            ),
            { chunk: 500 },
          );
          const consents: Array<Partial<Consent>> = saved.flatMap((row, i) => {
            const base = {
              memberId: row.id,
              textVersion: this.config.CONSENT_TEXT_VERSION,
              givenAt: chunk[i].joinedAt,
            };
            const g = chunk[i].guardian;
            return [
              { ...base, givenBy: ConsentGivenBy.SELF },
              ...(g
                ? [
                    {
                      ...base,
                      givenBy: ConsentGivenBy.GUARDIAN,
                      guardianName: g.fullName,
                      guardianPhone: g.phone,
                    },
                  ]
                : []),
            ];
          });
          await em.insert(Consent, consents);
          const memberships = saved.flatMap((row, i) =>
            chunk[i].clubIds.map((clubId) => ({ memberId: row.id, clubId, joinedAt: chunk[i].joinedAt })),
          );
          if (memberships.length) await em.insert(ClubMembership, memberships);
        }
      }
      return fresh.length;
    });
  }

  /** The next number for the year; the counter row is locked until the caller's transaction ends. */
  async nextMembershipNumber(em: EntityManager, year: number): Promise<string> {
    const prefix = this.config.MEMBERSHIP_PREFIX;
    const rows: Array<{ last_value: number }> = await em.query(
      `INSERT INTO membership_counters (prefix, year, last_value) VALUES ($1, $2, 1)
       ON CONFLICT (prefix, year) DO UPDATE SET last_value = membership_counters.last_value + 1
       RETURNING last_value`,
      [prefix, year],
    );
    return formatMembershipNumber(prefix, year, rows[0].last_value);
  }

  async updateProfile(memberId: string, cmd: UpdateProfileCommand): Promise<Member> {
    const problems = new FieldProblems();
    const patch: Partial<Member> = {};
    if (cmd.fullName !== undefined && cmd.fullName !== null)
      patch.fullName = normalizeFullName(cmd.fullName, problems);
    if (cmd.phone !== undefined) {
      if (cmd.phone === null || cmd.phone.trim() === '') patch.phone = null;
      else {
        const phone = normalizeKzMobile(cmd.phone);
        if (!phone) problems.add('phone', 'validation.invalidPhone');
        patch.phone = phone;
      }
    }
    if (cmd.locale) patch.locale = cmd.locale;
    if (typeof cmd.emailOptIn === 'boolean') patch.emailOptIn = cmd.emailOptIn;
    if (typeof cmd.smsOptIn === 'boolean') patch.smsOptIn = cmd.smsOptIn;
    if (cmd.timeZone) {
      if (!isTimeZone(cmd.timeZone)) problems.add('timeZone', 'validation.invalidTimeZone');
      patch.timeZone = cmd.timeZone;
    }
    if (cmd.unitId !== undefined && cmd.unitId !== null) {
      if (!isUuid(cmd.unitId) || !(await this.units.findById(cmd.unitId))) {
        problems.add('unitId', 'validation.unitNotFound');
      }
      patch.unitId = cmd.unitId;
    }
    problems.throwIfAny();
    if (Object.keys(patch).length) await this.members.update({ id: memberId }, patch);
    return this.get(memberId);
  }

  /**
   * Checks the current password, stores the new hash and ends every other session. Wrong current
   * passwords are limited per account (a stolen session must not become a password oracle): each
   * attempt is counted before the check and given back when the password was right.
   */
  async changePassword(memberId: string, sessionId: string, current: string, next: string): Promise<void> {
    const problems = new FieldProblems();
    checkPassword(next, problems, 'newPassword');
    problems.throwIfAny();
    await this.throttle.passwordChange(memberId);
    const member = await this.members.findOne({
      where: { id: memberId },
      select: { id: true, passwordHash: true },
    });
    if (!member?.passwordHash || !(await this.hasher.verify(member.passwordHash, current))) {
      problems.add('currentPassword', 'validation.wrongPassword').throwIfAny();
    }
    await this.throttle.passwordChangeSucceeded(memberId);
    if (current === next) problems.add('newPassword', 'validation.passwordSameAsOld').throwIfAny();
    const hash = await this.hasher.hash(next);
    const revoked = await this.dataSource.transaction(async (em) => {
      await em.update(Member, { id: memberId }, { passwordHash: hash });
      return returnedRows<{ id: string }>(
        await em.query(
          `UPDATE sessions SET revoked_at = now(), revoked_reason = 'PASSWORD_CHANGED'
           WHERE member_id = $1 AND id <> $2 AND revoked_at IS NULL RETURNING id`,
          [memberId, sessionId],
        ),
      );
    });
    await this.revocations.published(revoked.map((r) => r.id));
  }

  async get(id: string): Promise<Member> {
    const member = isUuid(id) ? await this.members.findOneBy({ id }) : null;
    if (!member) throw identityError(IdentityError.MEMBER_NOT_FOUND);
    return member;
  }

  findByIds(ids: readonly string[]): Promise<Member[]> {
    return ids.length ? this.members.findBy({ id: In(ids.filter(isUuid)) }) : Promise.resolve([]);
  }

  /** Active young members with this phone (phones are not unique: a family may share one). */
  async activeMemberIdsByPhone(phone: string): Promise<string[]> {
    const rows = await this.members.find({
      select: { id: true },
      where: { phone, role: Role.MEMBER, status: MemberStatus.ACTIVE },
      take: 5,
    });
    return rows.map((r) => r.id);
  }

  async setEmailOptIn(memberId: string, on: boolean): Promise<void> {
    await this.members.update({ id: memberId }, { emailOptIn: on });
  }

  async anyExist(): Promise<boolean> {
    return (await this.members.count({ take: 1 })) > 0;
  }

  findByEmail(email: string): Promise<Member | null> {
    return this.members.findOneBy({ email: canonicalEmail(email) });
  }

  /** The member's IIN in clear, for the member alone (null when none was given). */
  async revealIin(memberId: string): Promise<string | null> {
    const row = await this.members.findOne({
      where: { id: memberId },
      select: { id: true, iinCiphertext: true },
    });
    return row?.iinCiphertext ? decryptField(row.iinCiphertext, this.config.IIN_ENCRYPTION_KEY) : null;
  }

  isActive(member: Member): boolean {
    return member.status === MemberStatus.ACTIVE;
  }
}
