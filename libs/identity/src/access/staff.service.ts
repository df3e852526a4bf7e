import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { FieldProblems, isUuid } from '@yvc/core';
import { uniqueViolation } from '@yvc/database';
import { ClubsService, UnitsService } from '@yvc/org';
import { DataSource, Repository } from 'typeorm';
import { PasswordHasher } from '../auth/password-hasher';
import { IdentityError, identityError } from '../identity.errors';
import { Member, MemberLocale, Role } from '../members/member.entity';
import { MembersService } from '../members/members.service';
import { checkPassword, normalizeEmail, normalizeFullName } from '../rules/person.rules';
import { StaffAssignment } from './staff-assignment.entity';

export interface CreateStaffCommand {
  email: string;
  password?: string;
  passwordHash?: string;
  fullName: string;
  role: Role;
  unitCode: string;
  clubId?: string | null;
  locale?: MemberLocale;
}

export type AssignmentTarget =
  { unitId: string; clubId?: undefined } | { clubId: string; unitId?: undefined };

@Injectable()
export class StaffService {
  constructor(
    @InjectRepository(StaffAssignment) private readonly assignments: Repository<StaffAssignment>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly members: MembersService,
    private readonly units: UnitsService,
    private readonly clubs: ClubsService,
  ) {}

  /**
   * A staff account (from the CLI or the demo seed) with its home unit, assigned to that unit
   * (commission) or to the given club (coordinator; to the unit when no club is given).
   */
  async createStaffAccount(cmd: CreateStaffCommand): Promise<Member> {
    const problems = new FieldProblems();
    const email = normalizeEmail(cmd.email, problems);
    const fullName = normalizeFullName(cmd.fullName, problems);
    if (!cmd.passwordHash) checkPassword(cmd.password ?? '', problems);
    if (cmd.role === Role.MEMBER)
      problems.add('role', 'validation.outOfRange', { min: 'COORDINATOR', max: 'ADMIN' });
    const unit = await this.units.findByCode(cmd.unitCode);
    if (!unit) problems.add('unit', 'validation.unitNotFound');
    if (cmd.clubId && (!isUuid(cmd.clubId) || !(await this.clubs.findById(cmd.clubId)))) {
      problems.add('club', 'validation.clubNotFound');
    }
    problems.throwIfAny();
    const passwordHash = cmd.passwordHash ?? (await this.hasher.hash(cmd.password!));
    try {
      return await this.db.transaction(async (em) => {
        const member = await em.save(
          em.create(Member, {
            email,
            fullName,
            passwordHash,
            role: cmd.role,
            unitId: unit!.id,
            locale: cmd.locale ?? MemberLocale.KK,
          }),
        );
        if (cmd.role !== Role.ADMIN) {
          await em.insert(
            StaffAssignment,
            cmd.clubId
              ? { memberId: member.id, clubId: cmd.clubId }
              : { memberId: member.id, unitId: unit!.id },
          );
        }
        return member;
      });
    } catch (err) {
      if (uniqueViolation(err) === 'members_email_key') throw identityError(IdentityError.EMAIL_TAKEN);
      throw err;
    }
  }

  /** Idempotent: assigning twice leaves one assignment. */
  async assign(staffId: string, target: AssignmentTarget): Promise<void> {
    await this.assertStaff(staffId);
    await this.assignments
      .createQueryBuilder()
      .insert()
      .values({ memberId: staffId, unitId: target.unitId ?? null, clubId: target.clubId ?? null })
      .orIgnore()
      .execute();
  }

  async remove(staffId: string, target: AssignmentTarget): Promise<void> {
    await this.assignments.delete(
      target.clubId
        ? { memberId: staffId, clubId: target.clubId }
        : { memberId: staffId, unitId: target.unitId },
    );
  }

  findByMember(memberId: string): Promise<StaffAssignment[]> {
    return this.assignments.find({ where: { memberId }, order: { createdAt: 'ASC' } });
  }

  /** Coordinator and commission accounts assigned to the given clubs, for club.coordinators. */
  async staffIdsByClub(clubIds: readonly string[]): Promise<Map<string, string[]>> {
    const rows: Array<{ club_id: string; member_id: string }> = clubIds.length
      ? await this.db.query(
          `SELECT club_id, member_id FROM staff_assignments WHERE club_id = ANY($1::uuid[]) ORDER BY created_at`,
          [clubIds],
        )
      : [];
    const map = new Map<string, string[]>();
    for (const r of rows) map.set(r.club_id, [...(map.get(r.club_id) ?? []), r.member_id]);
    return map;
  }

  /**
   * Active coordinator and commission accounts whose home unit is one of `unitIds` (every one for
   * 'ALL'), by name (Kazakh collation): whom an officer may assign.
   */
  staffAccountsIn(unitIds: readonly string[] | 'ALL'): Promise<Member[]> {
    if (unitIds !== 'ALL' && !unitIds.length) return Promise.resolve([]);
    const q = this.db
      .getRepository(Member)
      .createQueryBuilder('m')
      .where('m.role IN (:...roles)', { roles: [Role.COORDINATOR, Role.COMMISSION] })
      .andWhere(`m.status = 'ACTIVE'`);
    if (unitIds !== 'ALL') q.andWhere('m.unit_id = ANY(:unitIds)', { unitIds });
    return q.orderBy('m.full_name COLLATE "kk-KZ-x-icu"').addOrderBy('m.id').limit(1000).getMany();
  }

  private async assertStaff(memberId: string): Promise<void> {
    const member = await this.members.get(memberId);
    if (member.role !== Role.COORDINATOR && member.role !== Role.COMMISSION) {
      throw identityError(IdentityError.NOT_STAFF);
    }
  }
}
