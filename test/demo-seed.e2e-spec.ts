import { Test } from '@nestjs/testing';
import { ConfigModule, ageOn, localDate } from '@yvc/core';
import { DatabaseModule, RedisModule } from '@yvc/database';
import { DemoModule, DemoSeedService } from '@yvc/demo';
import { DataSource } from 'typeorm';

describe('demo seed', () => {
  it('builds a believable region and changes nothing when run twice', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule, DatabaseModule, RedisModule, DemoModule],
    }).compile();
    const app = moduleRef.createNestApplication();
    await app.init();
    try {
      const seeder = app.get(DemoSeedService);
      const first = await seeder.seed(600);
      const second = await seeder.seed(600);
      expect(second).toEqual({ unitsWritten: 0, clubsCreated: 0, staffCreated: 0, membersCreated: 0 });
      expect(first.membersCreated === 600 || first.membersCreated === 0).toBe(true);

      const db = app.get(DataSource);
      const members: Array<{ birth_date: string; joined_at: Date; minor_consents: number; clubs: number }> =
        await db.query(
          `SELECT m.birth_date::text, m.joined_at,
           (SELECT count(*)::int FROM consents c WHERE c.member_id = m.id AND c.given_by = 'GUARDIAN') AS minor_consents,
           (SELECT count(*)::int FROM club_memberships cm WHERE cm.member_id = m.id) AS clubs
         FROM members m WHERE m.email LIKE '%@demo.yvc.kz' AND m.role = 'MEMBER'`,
        );
      expect(members.length).toBe(600);
      const ages = members.map((m) => ageOn(m.birth_date, localDate(m.joined_at)));
      expect(Math.min(...ages)).toBeGreaterThanOrEqual(14);
      expect(Math.max(...ages)).toBeLessThanOrEqual(35);
      const core = ages.filter((a) => a >= 16 && a <= 24).length / ages.length;
      expect(core).toBeGreaterThan(0.7);
      members.forEach((m, i) => {
        if (ages[i] < 18) expect(m.minor_consents).toBe(1);
        expect(m.clubs).toBeGreaterThanOrEqual(1);
      });
      const [{ clubs }] = await db.query(`SELECT count(*)::int AS clubs FROM clubs WHERE name = ANY($1)`, [
        ['Дулати жас сайлаушылары', 'Шу жас сайлаушылары'],
      ]);
      expect(clubs).toBe(2);
      const [{ n }] = await db.query(
        `SELECT count(*)::int AS n FROM staff_assignments sa JOIN members m ON m.id = sa.member_id WHERE m.email LIKE 'coordinator%@demo.yvc.kz'`,
      );
      expect(n).toBe(25);
    } finally {
      await app.close();
    }
  });
});
