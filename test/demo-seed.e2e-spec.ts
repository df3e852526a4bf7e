import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { APP_CONFIG, ConfigModule, ageOn, loadConfig, localDate } from '@yvc/core';
import { DatabaseModule, RedisModule, dataSourceOptions } from '@yvc/database';
import { BadgesService, CredentialsModule, SigningKeys } from '@yvc/credentials';
import {
  DEMO_SEASON,
  DEMO_STUDENT_EMAIL,
  DemoModule,
  DemoSeedService,
  firstThursdayOfFebruary,
} from '@yvc/demo';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { DataSource } from 'typeorm';

const NOTHING = {
  unitsWritten: 0,
  clubsCreated: 0,
  staffCreated: 0,
  membersCreated: 0,
  eventsCreated: 0,
  registrationsCreated: 0,
  badgeEvaluationsQueued: 0,
};
const WED_FORUM = 'Әлемдік сайлау күні — өңірлік жастар форумы';
const seasonKeys = DEMO_SEASON.map((e) => `${e.unitCode}\n${e.title}`);

/** The demo season's events as stored (found by unit and title: the test database is shared). */
async function seasonEvents(db: DataSource) {
  const rows: Array<{
    id: string;
    title: string;
    code: string;
    kind: string;
    status: string;
    starts_at: Date;
    local_start: string;
    capacity: number;
    seats_taken: number;
    waitlist_seq: number;
    cancel_reason: string | null;
    seated: number;
    attended: number;
    no_show: number;
    waitlisted: number;
    seqs: number[];
  }> = await db.query(
    `SELECT e.id, e.title, u.code, e.kind, e.status, e.starts_at, e.capacity, e.seats_taken, e.waitlist_seq,
       e.cancel_reason, to_char(e.starts_at AT TIME ZONE 'Asia/Almaty', 'YYYY-MM-DD HH24:MI') AS local_start,
       count(r.id) FILTER (WHERE r.status IN ('REGISTERED', 'ATTENDED') AND NOT r.walk_in)::int AS seated,
       count(r.id) FILTER (WHERE r.status = 'ATTENDED')::int AS attended,
       count(r.id) FILTER (WHERE r.status = 'NO_SHOW')::int AS no_show,
       count(r.id) FILTER (WHERE r.status = 'WAITLISTED')::int AS waitlisted,
       coalesce(array_agg(r.waitlist_seq ORDER BY r.waitlist_seq) FILTER (WHERE r.status = 'WAITLISTED'), '{}') AS seqs
     FROM events e JOIN units u ON u.id = e.unit_id LEFT JOIN registrations r ON r.event_id = e.id
     WHERE u.code || E'\n' || e.title = ANY($1::text[])
     GROUP BY e.id, u.code`,
    [seasonKeys],
  );
  return rows;
}

/** Everything a season must satisfy, whatever the number of members. Returns the distinct attendees. */
async function checkSeason(db: DataSource): Promise<number> {
  const events = await seasonEvents(db);
  expect(events.length).toBe(DEMO_SEASON.length);
  expect(events.length).toBeGreaterThanOrEqual(55);
  expect(events.length).toBeLessThanOrEqual(65);

  // World Elections Day: the first Thursday of February, a region-level forum, and a busy week around it
  const forum = events.find((e) => e.title === WED_FORUM)!;
  expect(forum).toMatchObject({ code: 'zhambyl', kind: 'FORUM', status: 'COMPLETED' });
  const wed = forum.local_start.slice(0, 10);
  expect(wed).toBe(firstThursdayOfFebruary(Number(wed.slice(0, 4))));
  expect(new Date(`${wed}T00:00:00Z`).getUTCDay()).toBe(4);
  expect(forum.capacity).toBeGreaterThanOrEqual(300);
  const wedMs = Date.parse(`${wed}T00:00:00Z`);
  const around = events.filter(
    (e) => Math.abs(Date.parse(`${e.local_start.slice(0, 10)}T00:00:00Z`) - wedMs) <= 7 * 86_400_000,
  );
  expect(around.length).toBeGreaterThanOrEqual(10);

  // kinds, places, times of day (Taraz time), capacities
  expect(new Set(events.map((e) => e.kind))).toEqual(
    new Set(['FORUM', 'DEBATE', 'TRAINING', 'MOCK_ELECTION', 'QUIZ', 'MEETING']),
  );
  expect(new Set(events.map((e) => e.code)).size).toBe(12);
  for (const e of events) {
    const hour = Number(e.local_start.slice(11, 13));
    expect(hour).toBeGreaterThanOrEqual(8);
    expect(hour).toBeLessThanOrEqual(17);
    expect(e.capacity).toBeGreaterThanOrEqual(30);
    expect(e.capacity).toBeLessThanOrEqual(500);
  }

  // the counters agree with the rows, exactly
  for (const e of events) {
    expect({ title: e.title, seats: e.seats_taken }).toEqual({ title: e.title, seats: e.seated });
    expect(e.seats_taken).toBeLessThanOrEqual(e.capacity);
    expect(e.waitlist_seq).toBe(e.waitlisted);
    expect(e.seqs).toEqual(Array.from({ length: e.waitlisted }, (_, i) => i + 1));
  }

  // coming, draft, cancelled
  const now = Date.now();
  const coming = events.filter((e) => e.status === 'PUBLISHED' && e.starts_at.getTime() > now);
  expect(coming.length).toBeGreaterThanOrEqual(6);
  expect(coming.every((e) => e.seats_taken > 0)).toBe(true);
  const full = coming.filter((e) => e.waitlisted > 0);
  expect(full.length).toBe(1);
  expect(full[0].seats_taken).toBe(full[0].capacity);
  expect(events.filter((e) => e.status === 'DRAFT').map((e) => e.seated + e.waitlisted)).toEqual([0]);
  const cancelled = events.filter((e) => e.status === 'CANCELLED');
  expect(cancelled.length).toBe(1);
  expect(cancelled[0].cancel_reason).toBeTruthy();
  expect(cancelled[0].seats_taken).toBe(0);

  // the past: most events, 70-85% of those registered came
  const past = events.filter((e) => e.status === 'COMPLETED');
  expect(past.length).toBeGreaterThanOrEqual(45);
  expect(past.every((e) => e.starts_at.getTime() < now)).toBe(true);
  const attended = past.reduce((n, e) => n + e.attended, 0);
  const noShow = past.reduce((n, e) => n + e.no_show, 0);
  expect(attended / (attended + noShow)).toBeGreaterThan(0.6);
  expect(attended / (attended + noShow)).toBeLessThan(0.95);
  for (const e of past.filter((x) => x.attended + x.no_show >= 10))
    expect(e.attended / (e.attended + e.no_show)).toBeGreaterThanOrEqual(0.6);

  // each row is one the registration flow could have made
  const ids = events.map((e) => e.id);
  const [bad] = await db.query(
    `SELECT
       count(*) FILTER (WHERE r.status = 'ATTENDED' AND (r.checked_in_at IS NULL OR r.check_in_method <> 'QR'
         OR s.role NOT IN ('COORDINATOR', 'COMMISSION') OR s.role IS NULL))::int AS check_ins,
       count(*) FILTER (WHERE r.created_at < m.joined_at)::int AS before_joining,
       count(*) FILTER (WHERE r.created_at > e.starts_at)::int AS after_start,
       count(*) FILTER (WHERE r.status IN ('ATTENDED', 'NO_SHOW') AND e.status <> 'COMPLETED')::int AS early_outcome,
       count(*) FILTER (WHERE r.status = 'ATTENDED' AND (r.checked_in_at < e.starts_at - interval '2 hours'
         OR r.checked_in_at > e.ends_at))::int AS outside_window,
       count(*) - count(DISTINCT r.check_in_code) AS shared_codes,
       count(*) - count(DISTINCT (r.event_id, r.member_id)) AS twice
     FROM registrations r JOIN events e ON e.id = r.event_id JOIN members m ON m.id = r.member_id
     LEFT JOIN members s ON s.id = r.checked_in_by
     WHERE r.event_id = ANY($1::uuid[])`,
    [ids],
  );
  expect(bad).toEqual({
    check_ins: 0,
    before_joining: 0,
    after_start: 0,
    early_outcome: 0,
    outside_window: 0,
    shared_codes: '0',
    twice: '0',
  });
  const [{ distinct, top }] = await db.query(
    `SELECT count(*)::int AS distinct, max(n)::int AS top FROM (
       SELECT member_id, count(*) AS n FROM registrations
       WHERE event_id = ANY($1::uuid[]) AND status = 'ATTENDED' GROUP BY member_id) a`,
    [ids],
  );
  expect(top).toBeGreaterThanOrEqual(6); // a long tail of regulars
  return distinct;
}

describe('demo seed', () => {
  it('builds a believable region and changes nothing when run twice', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule, DatabaseModule, RedisModule, DemoModule, CredentialsModule],
    }).compile();
    const app = moduleRef.createNestApplication(new FastifyAdapter());
    await app.init();
    try {
      const seeder = app.get(DemoSeedService);
      const first = await seeder.seed(600);
      const second = await seeder.seed(600);
      expect(second).toEqual(NOTHING);
      expect(first.membersCreated === 600 || first.membersCreated === 0).toBe(true);
      expect(first.eventsCreated === DEMO_SEASON.length || first.eventsCreated === 0).toBe(true);

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

      const attendees = await checkSeason(db);
      expect(attendees).toBeGreaterThanOrEqual(0.6 * 600);

      // the season's attendances are history: one badge evaluation per attendee waits in the outbox
      const [queued] = await db.query(
        `SELECT count(*)::int AS rows, count(DISTINCT o.member_id)::int AS members FROM notification_outbox o
         JOIN members m ON m.id = o.member_id
         WHERE o.kind = 'ATTENDANCE_RECORDED' AND m.email LIKE '%@demo.yvc.kz'`,
      );
      expect(queued).toEqual({ rows: attendees, members: attendees });
      if (first.membersCreated) expect(first.badgeEvaluationsQueued).toBe(attendees);

      // what the worker then does for the demo student: the right badges, each a verifiable credential
      const [student] = await db.query(
        `SELECT m.id, count(*)::int AS n,
           bool_or(e.kind = 'DEBATE') AS debate,
           bool_or(u.level = 'REGION' AND e.kind = 'FORUM') AS regional
         FROM members m JOIN registrations r ON r.member_id = m.id AND r.status = 'ATTENDED'
         JOIN events e ON e.id = r.event_id JOIN units u ON u.id = e.unit_id
         WHERE m.email = $1 GROUP BY m.id`,
        [DEMO_STUDENT_EMAIL],
      );
      expect(student.n).toBeGreaterThanOrEqual(1);
      await app.get(BadgesService).evaluate(student.id);
      const awards: Array<{ code: string; credential: string }> = await db.query(
        `SELECT bc.code, a.credential FROM badge_awards a JOIN badge_classes bc ON bc.id = a.badge_class_id
         WHERE a.member_id = $1 ORDER BY bc.code`,
        [student.id],
      );
      const codes = awards.map((a) => a.code);
      expect(codes.includes('active-voter')).toBe(student.n >= 5);
      expect(codes.includes('marathon')).toBe(student.n >= 10);
      expect(codes.includes('debater')).toBe(student.debate);
      expect(codes).toContain('first-forum'); // the first attendance of any kind
      expect(codes.includes('regional-forum')).toBe(student.regional);
      expect(codes).not.toContain('organizer');
      const jwks = createLocalJWKSet(app.get(SigningKeys).jwks());
      for (const a of awards) {
        const { payload } = await jwtVerify(a.credential, jwks, { algorithms: ['EdDSA'], typ: 'vc+jwt' });
        expect(payload.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
        expect(payload.sub).toBe(`urn:uuid:${student.id}`);
      }
    } finally {
      await app.close();
    }
  });

  it('a full seed: 3,000 members of whom 2,000+ came to an event, in a few seconds', async () => {
    // a database of its own: the shared one already holds the season of the 600-member seed
    const name = `yvc_demo_full_${process.pid}`;
    const admin = await new DataSource(dataSourceOptions(loadConfig().DATABASE_URL)).initialize();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
    const url = new URL(loadConfig().DATABASE_URL);
    url.pathname = `/${name}`;
    try {
      const migrator = await new DataSource(dataSourceOptions(url.toString())).initialize();
      await migrator.runMigrations();
      await migrator.destroy();
      const moduleRef = await Test.createTestingModule({
        imports: [ConfigModule, DatabaseModule, RedisModule, DemoModule],
      })
        .overrideProvider(APP_CONFIG)
        .useValue({ ...loadConfig(), DATABASE_URL: url.toString() })
        .compile();
      const app = await moduleRef.createNestApplication(new FastifyAdapter()).init();
      try {
        const seeder = app.get(DemoSeedService);
        const started = Date.now();
        const first = await seeder.seed(3000);
        const took = Date.now() - started;
        expect(first).toMatchObject({ membersCreated: 3000, eventsCreated: DEMO_SEASON.length });
        expect(first.registrationsCreated).toBeGreaterThan(5000);
        expect(took).toBeLessThan(30_000);
        expect(await seeder.seed(3000)).toEqual(NOTHING);
        expect(await checkSeason(app.get(DataSource))).toBeGreaterThanOrEqual(2000);
      } finally {
        await app.close();
      }
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.destroy();
    }
  }, 180_000);
});
