import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, ageOn, localDate } from '@yvc/core';
import { importBadgeCatalogue } from '@yvc/credentials';
import { returnedRows } from '@yvc/database';
import { SeasonImportService } from '@yvc/events';
import {
  ADULT_AGE,
  ClubMembershipsService,
  ImportedMember,
  MemberLocale,
  MembersService,
  PasswordHasher,
  Role,
  StaffService,
  makeIin,
} from '@yvc/identity';
import { ClubsService, UnitNode, UnitsService } from '@yvc/org';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { DEMO_PASSWORD, DEMO_STAFF, DEMO_STUDENT_EMAIL, coordinatorEmail } from './demo-accounts';
import { DEMO_CLUBS } from './demo-clubs';
import { demoPerson, pick, rng } from './demo-people';
import { SeasonMember, planDemoSeason } from './demo-season';

export const UNITS_FILE = join(__dirname, '..', '..', '..', 'data', 'zhambyl-units.json');
const MOBILE_PREFIXES = ['700', '701', '702', '705', '707', '708', '747', '771', '775', '776', '777', '778'];

export interface SeedReport {
  unitsWritten: number;
  clubsCreated: number;
  staffCreated: number;
  membersCreated: number;
  eventsCreated: number;
  registrationsCreated: number;
  /** demo attendees whose badges the worker will award (see queueBadgeEvaluations) */
  badgeEvaluationsQueued: number;
}

/** Reads a units file (data/zhambyl-units.json by default). */
export function readUnitTree(file = UNITS_FILE): UnitNode {
  return JSON.parse(readFileSync(file, 'utf8')) as UnitNode;
}

/**
 * A believable Zhambyl region: all units, about 25 clubs, a coordinator per club, commission
 * officers, and about 3,000 members (ages mostly 16-24, some minors with a guardian's consent).
 * Deterministic and idempotent: a second run finds everything in place and writes nothing.
 */
@Injectable()
export class DemoSeedService {
  constructor(
    private readonly units: UnitsService,
    private readonly clubs: ClubsService,
    private readonly members: MembersService,
    private readonly staff: StaffService,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
    private readonly memberships: ClubMembershipsService,
    private readonly season: SeasonImportService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /** True once any member exists: `npm start` loads demo data only into an empty database. */
  async hasMembers(): Promise<boolean> {
    return this.members.anyExist();
  }

  async seed(memberCount = 3000): Promise<SeedReport> {
    const report: SeedReport = {
      unitsWritten: 0,
      clubsCreated: 0,
      staffCreated: 0,
      membersCreated: 0,
      eventsCreated: 0,
      registrationsCreated: 0,
      badgeEvaluationsQueued: 0,
    };
    report.unitsWritten = await this.units.importTree(readUnitTree());
    await importBadgeCatalogue(this.db); // BadgesService.importCatalogue, without the signing keys
    const unitIds = new Map((await this.units.findAll()).map((u) => [u.code, u.id]));

    const clubIds: string[] = [];
    const clubUnit: string[] = [];
    for (const c of DEMO_CLUBS) {
      const unitId = unitIds.get(c.unitCode)!;
      const existing = (await this.clubs.findActiveByUnitIds([unitId])).find((x) => x.name === c.name);
      const club = existing ?? (await this.clubs.create(unitId, c));
      if (!existing) report.clubsCreated += 1;
      clubIds.push(club.id);
      clubUnit.push(unitId);
    }

    const passwordHash = await this.hasher.hash(DEMO_PASSWORD);
    const staff = [
      ...DEMO_STAFF.map((s) => ({ ...s, clubId: undefined as string | undefined })),
      ...DEMO_CLUBS.map((c, i) => ({
        email: coordinatorEmail(i),
        fullName: `${demoPerson(rng(1000 + i)).fullName}`,
        role: Role.COORDINATOR,
        unitCode: c.unitCode,
        clubId: clubIds[i],
      })),
    ];
    const staffIds = new Map<string, string>();
    for (const s of staff) {
      const existing = await this.members.findByEmail(s.email);
      if (existing) {
        staffIds.set(s.email, existing.id);
        continue;
      }
      staffIds.set(s.email, (await this.staff.createStaffAccount({ ...s, passwordHash })).id);
      report.staffCreated += 1;
    }

    const members = this.generateMembers(memberCount, clubIds, clubUnit);
    report.membersCreated = await this.members.importMembers(members, passwordHash);

    const officer = (unitCode: string) =>
      staffIds.get(DEMO_STAFF.find((s) => s.role === Role.COMMISSION && s.unitCode === unitCode)!.email)!;
    const seasonMembers = await this.seasonMembers(members, unitIds, clubIds);
    const season = await this.season.importSeason(
      planDemoSeason({
        now: this.clock.now(),
        unitIds,
        clubIds,
        coordinatorIds: DEMO_CLUBS.map((_, i) => staffIds.get(coordinatorEmail(i))!),
        regionOfficerId: officer('zhambyl'),
        tarazOfficerId: officer('zhambyl.taraz'),
        members: seasonMembers,
      }),
    );
    report.eventsCreated = season.events;
    report.registrationsCreated = season.registrations;
    report.badgeEvaluationsQueued = await this.queueBadgeEvaluations(seasonMembers.map((m) => m.id));
    return report;
  }

  /**
   * The season's attendances are history, not check-ins, so nothing has evaluated their badges yet:
   * one ATTENDANCE_RECORDED outbox message per demo attendee without badges, and the worker awards
   * them (signed credentials) as after a check-in. None is written twice: a member who holds badges
   * or already has one waiting is skipped.
   */
  private async queueBadgeEvaluations(memberIds: string[]): Promise<number> {
    const rows = await this.db.query(
      `INSERT INTO notification_outbox (kind, member_id, payload)
       SELECT 'ATTENDANCE_RECORDED', r.member_id, '{"backfill": true}'::jsonb
       FROM registrations r
       WHERE r.member_id = ANY($1::uuid[]) AND r.status = 'ATTENDED'
         AND NOT EXISTS (SELECT 1 FROM badge_awards a WHERE a.member_id = r.member_id)
         AND NOT EXISTS (SELECT 1 FROM notification_outbox o
                         WHERE o.kind = 'ATTENDANCE_RECORDED' AND o.member_id = r.member_id)
       GROUP BY r.member_id
       RETURNING id`,
      [memberIds],
    );
    return returnedRows(rows).length;
  }

  /**
   * The demo members as stored (a member seeded on an earlier day keeps that day's join date), in
   * the order generated, so the season comes out the same.
   */
  private async seasonMembers(
    list: ImportedMember[],
    unitIds: Map<string, string>,
    clubIds: string[],
  ): Promise<SeasonMember[]> {
    const rows: Array<{ id: string; email: string; joined_at: Date; unit_id: string | null }> =
      await this.db.query(
        `SELECT id, email, joined_at, unit_id FROM members
         WHERE email = ANY($1::text[]) AND role = 'MEMBER' AND status = 'ACTIVE'`,
        [list.map((m) => m.email)],
      );
    const byEmail = new Map(rows.map((r) => [r.email, r]));
    const clubsOf = await this.memberships.clubIdsByMember(rows.map((r) => r.id));
    const unitCodes = new Map([...unitIds].map(([code, id]) => [id, code]));
    return list.flatMap((m) => {
      const row = byEmail.get(m.email);
      if (!row) return [];
      return [
        {
          id: row.id,
          joinedAt: new Date(row.joined_at),
          unitCode: (row.unit_id && unitCodes.get(row.unit_id)) || null,
          clubs: (clubsOf.get(row.id) ?? []).map((id) => clubIds.indexOf(id)).filter((i) => i >= 0),
          regular: m.email === DEMO_STUDENT_EMAIL,
        },
      ];
    });
  }

  private generateMembers(count: number, clubIds: string[], clubUnit: string[]): ImportedMember[] {
    const r = rng(20260205);
    const today = localDate(this.clock.now());
    const todayMs = Date.parse(`${today}T00:00:00Z`);
    const seasonStart = Date.parse('2025-03-01T04:00:00Z');
    const list: ImportedMember[] = [];
    for (let i = 0; i < count; i++) {
      const person = demoPerson(r);
      const joinedAt = new Date(seasonStart + r() * Math.max(1, todayMs - seasonStart - 86_400_000));
      // age on joining mostly 16-24: a triangular spread around 19, clipped to 14-35
      const age = Math.min(
        35,
        Math.max(14, Math.round(14.5 + (r() + r() + r()) * 3 + (r() < 0.08 ? r() * 12 : 0))),
      );
      const birthDate = new Date(joinedAt.getTime() - (age * 365.25 + 2 + r() * 355) * 86_400_000)
        .toISOString()
        .slice(0, 10);
      const clubIndex = i === 0 ? 1 : Math.floor(r() * clubIds.length);
      const second = r() < 0.12 ? Math.floor(r() * clubIds.length) : -1;
      const minorAtJoin = ageOn(birthDate, localDate(joinedAt)) < ADULT_AGE;
      const phone =
        r() < 0.85 ? `+7${pick(r, MOBILE_PREFIXES)}${String(Math.floor(r() * 1e7)).padStart(7, '0')}` : null;
      list.push({
        fullName: i === 0 ? 'Аружан Қасымова' : person.fullName,
        email: i === 0 ? DEMO_STUDENT_EMAIL : `member${String(i).padStart(4, '0')}@demo.yvc.kz`,
        phone,
        birthDate,
        iin: r() < 0.6 ? makeIin(birthDate, person.sex, 1000 + i) : null,
        locale: r() < 0.7 ? MemberLocale.KK : r() < 0.9 ? MemberLocale.RU : MemberLocale.EN,
        unitId: clubUnit[clubIndex],
        clubIds:
          second >= 0 && second !== clubIndex ? [clubIds[clubIndex], clubIds[second]] : [clubIds[clubIndex]],
        joinedAt,
        guardian: minorAtJoin
          ? {
              fullName: demoPerson(r).fullName,
              phone: `+7701${String(Math.floor(r() * 1e7)).padStart(7, '0')}`,
            }
          : null,
      });
    }
    return list;
  }
}
