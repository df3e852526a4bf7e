import { FastifyAdapter } from '@nestjs/platform-fastify';
import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import {
  AnalyticsModule,
  EngagementIndex,
  EngagementReport,
  EngagementScope,
  EngagementScopeResolver,
  EngagementService,
} from '@yvc/analytics';
import { APP_CONFIG, ConfigModule, loadConfig, localDate } from '@yvc/core';
import { BadgesService, CredentialsModule } from '@yvc/credentials';
import { DatabaseModule, RedisModule } from '@yvc/database';
import { DemoModule, DemoSeedService } from '@yvc/demo';
import { PrivacyService, Role } from '@yvc/identity';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { ownDatabase } from './helpers/own-database';

/**
 * The resident engagement index (EngagementService.computeResident) against the live SQL
 * (computeLive) on generated data: the demo region plus edge cases (events at Almaty month
 * boundaries, cancelled and draft events with attendances, walk-ins, staff who attend, members
 * born on 29 February or at the band edges, withdrawn members, archived clubs, left memberships,
 * revoked and erased badges), for several scopes and the periods the dashboard offers; then again
 * after writes that the index learns from the change log, including a transaction that commits
 * after a later one was read.
 */
const DAY = 86_400_000;

describe('engagement: resident index = live SQL', () => {
  let own: { url: string; drop: () => Promise<void> };
  let app: INestApplication;
  let db: DataSource;
  let service: EngagementService;
  let index: EngagementIndex;
  const scopes: Array<{ label: string; scope: EngagementScope }> = [];

  const local = (iso: string) => new Date(`${iso}+05:00`);
  const today = localDate(new Date());
  const [y, mo] = today.split('-').map(Number);
  const seasonYear = mo >= 9 ? y : y - 1;
  const monthStart = (yy: number, mm: number) =>
    local(
      `${yy + Math.floor((mm - 1) / 12)}-${String(((((mm - 1) % 12) + 12) % 12) + 1).padStart(2, '0')}-01T00:00`,
    );
  const minute = () => new Date(Math.floor(Date.now() / 60_000) * 60_000);
  const periods = (): Array<{ label: string; from: Date; to: Date }> => [
    {
      label: 'this season (Sep-May)',
      from: local(`${seasonYear}-09-01T00:00`),
      to: local(`${seasonYear + 1}-06-01T00:00`),
    },
    { label: 'last 12 months, up to now', from: monthStart(y, mo - 11), to: minute() },
    { label: 'three custom months', from: monthStart(y, mo - 5), to: monthStart(y, mo - 2) },
    { label: 'one month', from: monthStart(y, mo - 1), to: monthStart(y, mo) },
    {
      label: 'from a day mid-month, odd hours',
      from: new Date(Date.now() - 200 * DAY + 3_600_123),
      to: new Date(Date.now() - 20 * DAY),
    },
    { label: 'two years', from: monthStart(y - 2, mo), to: monthStart(y, mo + 1) },
    // more than 31 months: the member pass stamps months per person instead of OR-ing bits
    { label: 'three years and a month', from: monthStart(y - 3, mo - 1), to: monthStart(y, mo + 1) },
  ];

  const strip = (r: EngagementReport) => ({ ...r, computedAt: undefined });

  async function compareAll(label: string) {
    let compared = 0;
    // first the default pass everywhere, before the 'scoped' one below turns the rows around again:
    // after writes a region's pass then lists its accounts from the older ByEvent plus the
    // accounts touched since
    for (const { label: s, scope } of scopes)
      for (const p of periods()) {
        const byDefault = await service.computeResident(scope, p.from, p.to);
        const live = await service.computeLive(scope, p.from, p.to);
        const what = `${label}: ${s}, ${p.label}, default pass`;
        expect({ what, report: strip(byDefault!) }).toEqual({ what, report: strip(live) });
      }
    for (const { label: s, scope } of scopes) {
      for (const p of periods()) {
        // every pass: over every member's rows on the worker threads (each over a range of
        // members, the counts added up) and in this thread, and over the scope's events and
        // units only (the country always takes the first)
        const inwards = await service.computeResident(scope, p.from, p.to, 'rollup-in');
        const outwards = await service.computeResident(scope, p.from, p.to, 'rollup-out');
        const scoped = await service.computeResident(scope, p.from, p.to, 'scoped');
        const full = await service.computeResident(scope, p.from, p.to, 'members');
        const here = await service.computeResident(scope, p.from, p.to, 'members-here');
        expect(scoped).not.toBeNull();
        const live = await service.computeLive(scope, p.from, p.to);
        const what = `${label}: ${s}, ${p.label}`;
        expect({ what, report: strip(inwards!) }).toEqual({ what, report: strip(live) });
        expect({ what, report: strip(outwards!) }).toEqual({ what, report: strip(live) });
        expect({ what, report: strip(scoped!) }).toEqual({ what, report: strip(live) });
        expect({ what, report: strip(full!) }).toEqual({ what, report: strip(live) });
        expect({ what, report: strip(here!) }).toEqual({ what, report: strip(live) });
        compared++;
      }
    }
    return compared;
  }

  const sql = <T = any>(text: string, params: unknown[] = []): Promise<T[]> => db.query(text, params);

  /** Every event's counts as the index keeps them (ResidentData.setRegistrations), against SQL. */
  async function expectEventCounts() {
    const data = (await index.fresh())!;
    const rows = await sql<{ id: string; regs: number; atts: number; ns: number }>(
      `SELECT e.id, count(r.id) FILTER (WHERE r.status IN ('REGISTERED', 'ATTENDED', 'NO_SHOW'))::int AS regs,
              count(r.id) FILTER (WHERE r.status = 'ATTENDED')::int AS atts,
              count(r.id) FILTER (WHERE r.status = 'NO_SHOW')::int AS ns
       FROM events e LEFT JOIN registrations r ON r.event_id = e.id GROUP BY e.id ORDER BY e.id`,
    );
    expect(rows.length).toBeGreaterThan(10);
    const kept = rows.map(({ id }) => {
      const e = data.eventIds.get(id);
      return { id, regs: data.evRegs[e], atts: data.evAtts[e], ns: data.evNoShows[e] };
    });
    expect(kept).toEqual(rows);
  }

  beforeAll(async () => {
    own = await ownDatabase(`resident_${process.pid}`);
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule, DatabaseModule, RedisModule, DemoModule, CredentialsModule, AnalyticsModule],
    })
      .overrideProvider(APP_CONFIG)
      // room for every rollup the comparisons build (4 scopes x 7 periods x 3 ways), so the
      // writes below are followed by all of them
      .useValue({
        ...loadConfig(),
        DATABASE_URL: own.url,
        NEXT_ELECTION_DATE: `${y + 1}-03-19`,
        ENGAGEMENT_ROLLUPS: 200,
      })
      .compile();
    app = await moduleRef.createNestApplication(new FastifyAdapter()).init();
    db = app.get(DataSource);
    await app.get(DemoSeedService).seed(600);
    const attendees: Array<{ member_id: string }> = await sql(
      `SELECT DISTINCT member_id FROM registrations WHERE status = 'ATTENDED' ORDER BY member_id LIMIT 60`,
    );
    for (const a of attendees) await app.get(BadgesService).evaluate(a.member_id);
    for (const a of attendees.slice(0, 3)) await app.get(PrivacyService).withdrawConsent(a.member_id);
    await edgeCases(sql, y, mo);

    service = app.get(EngagementService);
    index = app.get(EngagementIndex);
    const resolver = app.get(EngagementScopeResolver);
    const admin = { memberId: randomUUID(), role: Role.ADMIN, sessionId: randomUUID() };
    const [region] = await sql<{ id: string }>(
      `SELECT id FROM units WHERE parent_id IS NULL ORDER BY code LIMIT 1`,
    );
    const [district] = await sql<{ id: string }>(
      `SELECT u.id FROM units u JOIN events e ON e.unit_id = u.id WHERE u.parent_id IS NOT NULL
       GROUP BY u.id ORDER BY count(*) DESC, u.id LIMIT 1`,
    );
    scopes.push({ label: 'country', scope: await resolver.resolve(admin) });
    scopes.push({ label: 'region', scope: await resolver.resolve(admin, region.id) });
    scopes.push({ label: 'district', scope: await resolver.resolve(admin, district.id) });
    // a coordinator's shape: one district plus a club elsewhere (its unit a bucket of its own)
    const [club] = await sql<{ id: string; unit_id: string }>(
      `SELECT c.id, c.unit_id FROM clubs c JOIN events e ON e.club_id = c.id WHERE c.unit_id <> $1
       GROUP BY c.id ORDER BY count(*) DESC, c.id LIMIT 1`,
      [district.id],
    );
    const d = await resolver.resolve(admin, district.id);
    scopes.push({
      label: 'coordinator: a district and a club outside it',
      scope: {
        rootUnitId: null,
        unitIds: d.unitIds,
        clubIds: club ? [club.id] : [],
        bucketIds: [district.id, ...(club ? [club.unit_id] : [])],
        bucketOf: new Map([
          ...d.unitIds.map((u) => [u, district.id] as const),
          ...(club ? [[club.unit_id, club.unit_id] as const] : []),
        ]),
        wholeTree: false,
        key: 'test-coordinator',
      },
    });

    index.start();
    const began = Date.now();
    while (index.status().state !== 'ready') {
      if (index.status().state === 'failed' || Date.now() - began > 60_000)
        throw new Error('the index did not load');
      await new Promise((r) => setTimeout(r, 50));
    }
  }, 300_000);

  afterAll(async () => {
    await app?.close();
    await own?.drop();
  });

  it('gives the live figures for every scope and period on the loaded data', async () => {
    const status = index.status();
    expect(status.members).toBeGreaterThan(600);
    expect(status.registrations).toBeGreaterThan(1000);
    const [{ n }] = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM events WHERE status = 'CANCELLED'`,
    );
    expect(n).toBeGreaterThan(0);
    expect(await compareAll('loaded')).toBe(scopes.length * periods().length);
    await expectEventCounts();
    // the figures are not trivially empty
    const country = await service.computeResident(scopes[0].scope, periods()[1].from, periods()[1].to);
    expect(country!.uniqueParticipants).toBeGreaterThan(50);
    expect(country!.retention.returning).toBeGreaterThan(0);
    expect(country!.firstTimeVoters.members).toBeGreaterThan(0);
    // the badges were awarded a moment ago, within the current minute, which the period above
    // (up to the start of this minute) leaves out: up to tomorrow they are in
    const withAwards = await service.computeResident(
      scopes[0].scope,
      periods()[1].from,
      new Date(Date.now() + 24 * 3_600_000),
    );
    expect(withAwards!.funnel.badges).toBeGreaterThan(0);
  }, 300_000);

  it('follows writes through the change log: check-ins, walk-ins, cancellations, withdrawals, moves', async () => {
    // attendance at events: some registered become attended, some no-shows
    await sql(`UPDATE registrations SET status = 'ATTENDED', checked_in_at = now()
               WHERE id IN (SELECT id FROM registrations WHERE status = 'REGISTERED' ORDER BY id LIMIT 15)`);
    await sql(`UPDATE registrations SET status = 'NO_SHOW'
               WHERE id IN (SELECT id FROM registrations WHERE status = 'REGISTERED' ORDER BY id LIMIT 5)`);
    // a walk-in at a past event
    await sql(
      `INSERT INTO registrations (event_id, member_id, status, check_in_code, walk_in, checked_in_at, check_in_method)
       SELECT e.id, m.id, 'ATTENDED', md5(random()::text), true, e.starts_at, 'WALK_IN'
       FROM (SELECT id, starts_at FROM events WHERE status = 'COMPLETED' ORDER BY starts_at DESC LIMIT 1) e,
            (SELECT id FROM members WHERE role = 'MEMBER' ORDER BY id DESC LIMIT 3) m
       ON CONFLICT DO NOTHING`,
    );
    // a member withdraws consent (anonymised, still counted), another moves unit, one becomes staff
    const [w] = await sql<{ id: string }>(
      `SELECT member_id AS id FROM registrations WHERE status = 'ATTENDED' ORDER BY member_id DESC LIMIT 1`,
    );
    await app.get(PrivacyService).withdrawConsent(w.id);
    await sql(`UPDATE members SET unit_id = (SELECT id FROM units WHERE parent_id IS NOT NULL ORDER BY code LIMIT 1)
               WHERE id = (SELECT id FROM members WHERE role = 'MEMBER' ORDER BY id OFFSET 7 LIMIT 1)`);
    await sql(`UPDATE members SET role = 'COORDINATOR'
               WHERE id = (SELECT id FROM members WHERE role = 'MEMBER' ORDER BY id OFFSET 9 LIMIT 1)`);
    // memberships end, badges revoked
    await sql(`UPDATE club_memberships SET left_at = now() - interval '400 days'
               WHERE id IN (SELECT id FROM club_memberships WHERE left_at IS NULL ORDER BY id LIMIT 10)`);
    await sql(`UPDATE badge_awards SET revoked_at = now(), revoked_reason = 'test'
               WHERE id IN (SELECT id FROM badge_awards WHERE revoked_at IS NULL ORDER BY id LIMIT 4)`);
    // a registration deleted
    await sql(
      `DELETE FROM registrations WHERE id = (SELECT id FROM registrations WHERE status = 'ATTENDED' ORDER BY id LIMIT 1)`,
    );
    // a member's whole row set deleted
    await sql(`DELETE FROM registrations WHERE member_id = (SELECT member_id FROM registrations
               WHERE status = 'ATTENDED' GROUP BY member_id ORDER BY count(*) DESC, member_id LIMIT 1)`);

    // so far only accounts changed: every rollup followed them (none was dropped)
    const before = index.rollupStats();
    expect(before.kept).toBeGreaterThan(scopes.length * periods().length);
    expect(await compareAll('after account writes')).toBe(scopes.length * periods().length);
    expect(index.rollupStats().dropped).toBe(before.dropped);

    // events change: one cancelled, another moved across a month boundary and to another unit,
    // a new one (a week ago) with walk-ins; and a few check-ins. The rollups follow: the events'
    // registrants' counts out with the old plans, in with new ones
    await sql(`UPDATE events SET status = 'CANCELLED', cancel_reason = 'test', cancelled_at = now()
               WHERE id = (SELECT id FROM events WHERE status = 'COMPLETED' ORDER BY starts_at DESC OFFSET 2 LIMIT 1)`);
    await sql(
      `UPDATE events SET starts_at = date_trunc('month', starts_at AT TIME ZONE 'Asia/Almaty') AT TIME ZONE 'Asia/Almaty' - interval '1 microsecond',
                         ends_at = date_trunc('month', starts_at AT TIME ZONE 'Asia/Almaty') AT TIME ZONE 'Asia/Almaty' + interval '2 hours',
                         unit_id = (SELECT id FROM units WHERE parent_id IS NOT NULL ORDER BY code DESC LIMIT 1)
       WHERE id = (SELECT id FROM events WHERE status = 'COMPLETED' ORDER BY starts_at DESC OFFSET 5 LIMIT 1)`,
    );
    await sql(`UPDATE registrations SET status = 'ATTENDED', checked_in_at = now()
               WHERE id IN (SELECT id FROM registrations WHERE status = 'REGISTERED' ORDER BY id DESC LIMIT 5)`);
    expect(await compareAll('after events changed')).toBe(scopes.length * periods().length);
    expect(index.rollupStats().dropped).toBe(before.dropped);
    const [added] = await sql<{ id: string }>(
      `INSERT INTO events (title, kind, status, unit_id, club_id, starts_at, ends_at, capacity, published_at, completed_at)
       SELECT 'Added', kind, 'COMPLETED', unit_id, club_id, now() - interval '7 days', now() - interval '7 days' + interval '2 hours',
              100, now() - interval '20 days', now() - interval '6 days'
       FROM events WHERE club_id IS NOT NULL ORDER BY starts_at LIMIT 1
       RETURNING id`,
    );
    await sql(
      `INSERT INTO registrations (event_id, member_id, status, check_in_code, walk_in, checked_in_at, check_in_method)
       SELECT $1, m.id, 'ATTENDED', md5(random()::text || m.id::text), true, now() - interval '7 days', 'WALK_IN'
       FROM (SELECT id FROM members WHERE role = 'MEMBER' ORDER BY id LIMIT 4) m`,
      [added.id],
    );
    expect(await compareAll('after event writes')).toBe(scopes.length * periods().length);
    expect(index.rollupStats().dropped).toBe(before.dropped);

    // a club archived (this drops the rollups: built again below); check-ins undone: back to
    // registered, or marked no-show (each changes the per-event counts the index keeps)
    await sql(`UPDATE clubs SET archived_at = now() - interval '30 days'
               WHERE id = (SELECT id FROM clubs WHERE archived_at IS NULL ORDER BY id LIMIT 1)`);
    await sql(`UPDATE registrations SET status = 'REGISTERED', checked_in_at = NULL, check_in_method = NULL, recorded_by = NULL
               WHERE id IN (SELECT id FROM registrations WHERE status = 'ATTENDED' AND NOT walk_in ORDER BY id DESC LIMIT 4)`);
    await sql(`UPDATE registrations SET status = 'NO_SHOW', checked_in_at = NULL, check_in_method = NULL, recorded_by = NULL
               WHERE id IN (SELECT id FROM registrations WHERE status = 'ATTENDED' AND NOT walk_in ORDER BY id DESC LIMIT 3)`);

    // the rows turned around are older than the writes (a poll rebuilds them only past 20,000
    // touched accounts): the default regional pass below goes through the touched accounts
    const data = (await index.fresh())!;
    expect(data.byEvent!.version).not.toBe(data.version);
    expect(data.touched.size).toBeGreaterThan(0);
    expect(await compareAll('after writes')).toBe(scopes.length * periods().length);
    expect(index.rollupStats().dropped).toBeGreaterThan(before.dropped);
    await expectEventCounts();
  }, 300_000);

  it("answers an up-to-now question in a later hour from the earlier hour's rollup, then builds the hour's own", async () => {
    const [country] = scopes;
    // a past event with attendances: the question first ends half an hour before it starts, then
    // (a dashboard left open) two hours after, so the later question's edge holds that event
    const [event] = await sql<{ starts_at: Date }>(
      `SELECT e.starts_at FROM events e JOIN registrations r ON r.event_id = e.id
       WHERE e.status = 'COMPLETED' AND r.status = 'ATTENDED' AND e.starts_at < now() - interval '2 days'
       GROUP BY e.id ORDER BY e.starts_at DESC LIMIT 1`,
    );
    const from = new Date(event.starts_at.getTime() - 200 * DAY + 1_234_567);
    const to = new Date(event.starts_at.getTime() - 30 * 60_000);
    const later = new Date(event.starts_at.getTime() + 2 * 3_600_000 + 17 * 60_000);
    const first = await service.computeResident(country.scope, from, to);
    expect(strip(first!)).toEqual(strip(await service.computeLive(country.scope, from, to)));
    const before = index.rollupStats();
    index.rollupRows.rebuildAbove = 0; // the demo's events are small: any saving builds ahead
    try {
      const again = await service.computeResident(country.scope, from, later);
      expect(strip(again!)).toEqual(strip(await service.computeLive(country.scope, from, later)));
      expect(again!.attendances).toBeGreaterThan(first!.attendances);
      // the later hour's own rollup is built after that answer, then answers
      const began = Date.now();
      while (index.rollupStats().builtAhead === before.builtAhead && Date.now() - began < 10_000)
        await new Promise((r) => setTimeout(r, 20));
      expect(index.rollupStats().builtAhead).toBe(before.builtAhead + 1);
      const third = await service.computeResident(country.scope, from, later);
      expect(strip(third!)).toEqual(strip(again!));
      expect(index.rollupStats().builtAhead).toBe(before.builtAhead + 1);
    } finally {
      index.rollupRows.rebuildAbove = 2_000;
    }
  }, 120_000);

  it('misses no transaction that commits after a later one was read', async () => {
    const client = new pg.Client({ connectionString: own.url });
    await client.connect();
    try {
      // the slow writer takes its transaction id first, and commits last
      await client.query('BEGIN');
      await client.query(
        `UPDATE registrations SET status = 'ATTENDED', checked_in_at = now()
         WHERE id IN (SELECT r.id FROM registrations r JOIN events e ON e.id = r.event_id
                      WHERE r.status = 'NO_SHOW' AND e.status = 'COMPLETED' ORDER BY r.id DESC LIMIT 20)`,
      );
      await sql(`UPDATE registrations SET status = 'CANCELLED', cancelled_at = now()
                 WHERE id IN (SELECT id FROM registrations WHERE status = 'REGISTERED' ORDER BY id LIMIT 3)`);
      const p = periods()[5];
      const before = await service.computeResident(scopes[0].scope, p.from, p.to);
      expect(strip(before!)).toEqual(strip(await service.computeLive(scopes[0].scope, p.from, p.to)));
      await client.query('COMMIT');
      const after = await service.computeResident(scopes[0].scope, p.from, p.to);
      expect(after!.attendances).toBe(before!.attendances + 20);
      expect(strip(after!)).toEqual(strip(await service.computeLive(scopes[0].scope, p.from, p.to)));
      await expectEventCounts();
    } finally {
      await client.end();
    }
  }, 120_000);

  it('loads afresh after a TRUNCATE and still agrees', async () => {
    await sql(`TRUNCATE badge_awards`);
    expect(await compareAll('after truncate')).toBe(scopes.length * periods().length);
    await expectEventCounts();
  }, 300_000);
});

/** Rows the demo season does not have: the edges of the definitions. */
async function edgeCases(sql: (t: string, p?: unknown[]) => Promise<any[]>, y: number, mo: number) {
  const mm = (n: number) => String(n).padStart(2, '0');
  // the first day of the month before last, 00:00 in Almaty, and just before it
  const by = mo > 2 ? y : y - 1;
  const bm = mo > 2 ? mo - 2 : mo + 10;
  const boundary = `${by}-${mm(bm)}-01T00:00:00+05:00`;
  const copies: Array<[string, string, string]> = [
    // starts at, status, cancel reason
    [boundary, 'COMPLETED', ''],
    [`${boundary}`, 'CANCELLED', 'weather'],
    ['-1 microsecond', 'COMPLETED', ''],
    ['+1 microsecond', 'DRAFT', ''],
  ];
  for (const [at, status, reason] of copies) {
    const startsAt =
      at.startsWith('-') || at.startsWith('+')
        ? `'${boundary}'::timestamptz + interval '${at}'`
        : `'${at}'::timestamptz`;
    const [ev] = await sql(
      `INSERT INTO events (title, kind, status, unit_id, club_id, starts_at, ends_at, capacity, published_at, cancel_reason, cancelled_at, completed_at)
       SELECT 'Edge ' || $1, kind, $1::event_status, unit_id, club_id, ${startsAt}, ${startsAt} + interval '3 hours', 500,
              ${startsAt} - interval '10 days', nullif($2, ''), CASE WHEN $2 <> '' THEN now() END,
              CASE WHEN $1 = 'COMPLETED' THEN now() END
       FROM events WHERE club_id IS NOT NULL ORDER BY starts_at LIMIT 1
       RETURNING id`,
      [status, reason],
    );
    // attendees (walk-ins among them), no-shows, registered, waitlisted and cancelled rows
    await sql(
      `INSERT INTO registrations (event_id, member_id, status, check_in_code, walk_in, checked_in_at, check_in_method, waitlist_seq, cancelled_at)
       SELECT $1, m.id, s.st::registration_status, md5(random()::text || m.id::text), s.st = 'ATTENDED' AND m.rn % 3 = 0,
              CASE WHEN s.st = 'ATTENDED' THEN now() END,
              CASE WHEN s.st = 'ATTENDED' THEN (CASE WHEN m.rn % 3 = 0 THEN 'WALK_IN' ELSE 'QR' END)::check_in_method END,
              CASE WHEN s.st = 'WAITLISTED' THEN m.rn END, CASE WHEN s.st = 'CANCELLED' THEN now() END
       FROM (SELECT id, row_number() OVER (ORDER BY id) AS rn FROM members ORDER BY id LIMIT 60) m
       CROSS JOIN LATERAL (SELECT (ARRAY['ATTENDED', 'ATTENDED', 'ATTENDED', 'NO_SHOW', 'REGISTERED', 'WAITLISTED', 'CANCELLED'])[1 + (m.rn % 7)::int] AS st) s`,
      [ev.id],
    );
  }
  // birthdays at the edges: 29 February (turns 18 on the 28th in a common year), the band edges
  const members: Array<{ id: string }> = await sql(
    `SELECT id FROM members WHERE role = 'MEMBER' ORDER BY id LIMIT 12`,
  );
  const births = [
    '2008-02-29',
    '2004-02-29',
    `${y - 18}-${mm(mo)}-01`,
    `${y - 14}-${mm(mo)}-15`,
    `${y - 36}-${mm(mo)}-01`,
    `${y - 35}-12-31`,
    `${y - 22}-01-01`,
    `${y - 17}-12-31`,
    '2009-03-19',
    `${y - 18}-01-01`,
    `${y - 26}-06-30`,
    `${y - 30}-02-28`,
  ];
  for (const [i, m] of members.entries())
    await sql(`UPDATE members SET birth_date = $2 WHERE id = $1`, [m.id, births[i]]);
  // a member who joined exactly at a month boundary, and staff who attend events
  await sql(`UPDATE members SET joined_at = $2 WHERE id = $1`, [members[0].id, boundary]);
  await sql(
    `INSERT INTO registrations (event_id, member_id, status, check_in_code, checked_in_at, check_in_method)
     SELECT e.id, s.id, 'ATTENDED', md5(random()::text || s.id::text || e.id::text), now(), 'QR'
     FROM (SELECT id FROM members WHERE role <> 'MEMBER' ORDER BY id LIMIT 3) s,
          (SELECT id FROM events WHERE status = 'COMPLETED' ORDER BY starts_at DESC LIMIT 2) e
     ON CONFLICT DO NOTHING`,
  );
  // badges: one revoked, one erased with its holder, one awarded at the boundary
  await sql(
    `UPDATE badge_awards SET revoked_at = now(), revoked_reason = 'edge' WHERE id = (SELECT id FROM badge_awards ORDER BY id LIMIT 1)`,
  );
  await sql(
    `UPDATE badge_awards SET revoked_at = now(), revoked_reason = 'erased', erased_at = now() WHERE id = (SELECT id FROM badge_awards ORDER BY id OFFSET 1 LIMIT 1)`,
  );
  await sql(
    `UPDATE badge_awards SET awarded_at = $1 WHERE id = (SELECT id FROM badge_awards ORDER BY id OFFSET 2 LIMIT 1)`,
    [boundary],
  );
  // a membership that ended long ago, and a club archived before most periods
  await sql(
    `UPDATE club_memberships SET left_at = now() - interval '500 days' WHERE id IN (SELECT id FROM club_memberships ORDER BY id LIMIT 5)`,
  );
  await sql(
    `UPDATE clubs SET archived_at = now() - interval '300 days' WHERE id = (SELECT id FROM clubs ORDER BY id DESC LIMIT 1)`,
  );
}
