import { EventsService } from '@yvc/events';
import { Role } from '@yvc/identity';
import { randomUUID } from 'node:crypto';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { TestApi, fieldErrors } from './helpers/test-api';
import { followUpWithdrawal } from './helpers/pipeline';

const CREATE = `mutation($input: CreateEventInput!) { createEvent(input: $input) {
  id title status startsAt endsAt capacity reminderOffsetsMinutes venue { name address wheelchairAccessible signLanguage }
  unit { code } club { id } registeredCount waitlistCount attendedCount } }`;
const PUBLISH = `mutation($id: ID!) { publishEvent(id: $id) { id status } }`;
const REGISTER = `mutation($id: ID!) { registerForEvent(eventId: $id) { id status waitlistPosition checkInCode event { id } } }`;
const CANCEL_REG = `mutation($id: ID!) { cancelRegistration(registrationId: $id) { id status } }`;
const CHECK_IN = `mutation($e: ID!, $c: String!) { checkIn(eventId: $e, code: $c) { alreadyCheckedIn registration { id status checkedInAt } } }`;
const EVENT = `query($id: ID!) { event(id: $id) { id status capacity registeredCount waitlistCount attendedCount walkIns myRegistration { id status waitlistPosition } } }`;

const hours = (h: number) => new Date(Date.now() + h * 3_600_000);

describe('events, registration, waitlists, check-in (e2e)', () => {
  let api: TestApi;
  let coordinator: { id: string; token: string };
  let clubId: string;
  let tarazId: string;

  beforeAll(async () => {
    api = await TestApi.start();
    clubId = (await api.createClub('zhambyl.taraz')).id;
    coordinator = await api.staff(Role.COORDINATOR, 'zhambyl.taraz', clubId);
    tarazId = await api.unitId('zhambyl.taraz');
  });
  afterAll(() => api.close());

  const publishedEvent = async (overrides: Record<string, unknown> = {}, startsInHours = 48) =>
    (
      await api.event(overrides, {
        startsInHours,
        host: { token: coordinator.token, unitId: tarazId, clubId },
      })
    ).id;

  describe('scheduling', () => {
    it('creates a DRAFT in Almaty time, visible only to its staff until published', async () => {
      const res = await api.gql(
        CREATE,
        {
          input: {
            title: 'Әлемдік сайлау күні — форум',
            kind: 'FORUM',
            unitId: tarazId,
            clubId,
            venue: {
              name: 'Дулати университеті, актовый зал',
              address: 'Тараз, Сүлейменов к., 7',
              wheelchairAccessible: true,
            },
            startsAt: '2031-02-06T10:00', // no offset: a wall-clock time in Asia/Almaty
            endsAt: '2031-02-06T13:00:00+05:00',
            capacity: 300,
          },
        },
        { token: coordinator.token },
      );
      expect(res.errors).toBeUndefined();
      const event = res.data.createEvent;
      expect(event).toMatchObject({
        status: 'DRAFT',
        startsAt: '2031-02-06T10:00:00.000+05:00',
        endsAt: '2031-02-06T13:00:00.000+05:00',
        reminderOffsetsMinutes: [1440, 120],
        venue: { name: 'Дулати университеті, актовый зал', wheelchairAccessible: true, signLanguage: false },
        unit: { code: 'zhambyl.taraz' },
        club: { id: clubId },
        registeredCount: 0,
      });
      const [row] = await api.db.query(`SELECT starts_at FROM events WHERE id = $1`, [event.id]);
      expect(new Date(row.starts_at).toISOString()).toBe('2031-02-06T05:00:00.000Z');

      const local = await api.gql(
        `query($id: ID!) { event(id: $id) { kk: startsAtLocal ny: startsAtLocal(timeZone: "America/New_York") } }`,
        { id: event.id },
        { token: coordinator.token, lang: 'kk' },
      );
      expect(local.data.event).toEqual({ kk: '6 ақпан, 10:00', ny: '6 ақпан, 00:00' });

      const member = await api.signUp();
      const hidden = await api.gql(EVENT, { id: event.id }, { token: member.accessToken });
      expect(hidden.errors![0].extensions.code).toBe('NOT_FOUND');
      const register = await api.gql(REGISTER, { id: event.id }, { token: member.accessToken });
      expect(register.errors![0].extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'REGISTRATION_CLOSED',
      });

      await api.gql(PUBLISH, { id: event.id }, { token: coordinator.token });
      const visible = await api.gql(EVENT, { id: event.id }, { token: member.accessToken });
      expect(visible.data.event.status).toBe('PUBLISHED');
    });

    it.each([
      ['title', { title: 'Ab' }, 'Must be at least 3 characters.'],
      ['title', { title: 'x'.repeat(201) }, 'Must be at most 200 characters.'],
      ['endsAt', { endsAt: hours(47).toISOString() }, 'Must be after the start.'],
      ['capacity', { capacity: 0 }, 'Must be between 1 and 100000.'],
      ['capacity', { capacity: 100_001 }, 'Must be between 1 and 100000.'],
      ['reminderOffsetsMinutes', { reminderOffsetsMinutes: [60, 60] }, 'Values must not repeat.'],
      ['reminderOffsetsMinutes', { reminderOffsetsMinutes: [1, 2, 3, 4, 5, 6] }, 'At most 5.'],
      ['reminderOffsetsMinutes', { reminderOffsetsMinutes: [43_201] }, 'Must be between 1 and 43200.'],
      ['venue.address', { venue: { name: 'Зал', address: ' ' } }, 'Required.'],
      ['unitId', { unitId: '00000000-0000-4000-8000-000000000000' }, 'No such unit.'],
      ['description', { description: 'ы'.repeat(5001) }, 'Must be at most 5000 characters.'],
      ['startsAt', { startsAt: 'next tuesday' }, 'Not a valid value.'],
    ])('rejects a bad %s (%#)', async (field, override, message) => {
      const admin = await api.adminToken();
      const input = {
        title: 'Дебат клубы',
        kind: 'DEBATE',
        unitId: tarazId,
        startsAt: hours(48).toISOString(),
        endsAt: hours(50).toISOString(),
        capacity: 50,
        ...override,
      };
      const res = await api.gql(CREATE, { input }, { token: admin });
      expect(fieldErrors(res)[field]).toBe(message);
    });

    it('publishing needs a future start; capacity may not drop below the registered', async () => {
      const admin = await api.adminToken();
      const past = await api.gql(
        CREATE,
        {
          input: {
            title: 'Өткен іс-шара',
            kind: 'QUIZ',
            unitId: tarazId,
            startsAt: hours(-3).toISOString(),
            endsAt: hours(-1).toISOString(),
            capacity: 10,
          },
        },
        { token: admin },
      );
      const publish = await api.gql(PUBLISH, { id: past.data.createEvent.id }, { token: admin, lang: 'ru' });
      expect(fieldErrors(publish)).toEqual({ startsAt: 'Должно быть в будущем.' });

      const id = await publishedEvent({ capacity: 5 });
      const members = await api.bulkMembers(3);
      for (const m of members) await api.gql(REGISTER, { id }, { token: m.token });
      const lower = await api.gql(
        `mutation($id: ID!) { updateEvent(id: $id, input: { capacity: 2 }) { id } }`,
        { id },
        { token: coordinator.token },
      );
      expect(fieldErrors(lower)).toEqual({ capacity: 'Already 3 registered: the capacity cannot be lower.' });
    });

    it('only staff of the event may change it; members may not create events', async () => {
      const id = await publishedEvent();
      const other = await api.staff(Role.COORDINATOR, 'zhambyl.shu');
      const member = await api.signUp();
      const update = `mutation($id: ID!) { updateEvent(id: $id, input: { title: "Жаңа атау" }) { title } }`;
      expect((await api.gql(update, { id }, { token: other.token })).errors![0].extensions.code).toBe(
        'FORBIDDEN',
      );
      expect((await api.gql(update, { id }, { token: member.accessToken })).errors![0].extensions.code).toBe(
        'FORBIDDEN',
      );
      const commission = await api.staff(Role.COMMISSION, 'zhambyl');
      expect((await api.gql(update, { id }, { token: commission.token })).data.updateEvent.title).toBe(
        'Жаңа атау',
      );
      const create = await api.gql(
        CREATE,
        {
          input: {
            title: 'Менің форумым',
            kind: 'FORUM',
            unitId: tarazId,
            startsAt: hours(5).toISOString(),
            endsAt: hours(6).toISOString(),
            capacity: 5,
          },
        },
        { token: member.accessToken },
      );
      expect(create.errors![0].extensions.code).toBe('FORBIDDEN');
      const outside = await api.gql(
        CREATE,
        {
          input: {
            title: 'Шу форумы',
            kind: 'FORUM',
            unitId: await api.unitId('zhambyl.shu'),
            startsAt: hours(5).toISOString(),
            endsAt: hours(6).toISOString(),
            capacity: 5,
          },
        },
        { token: coordinator.token },
      );
      expect(outside.errors![0].extensions.code).toBe('FORBIDDEN');
    });

    it('lists events with filters, cursor pagination and totalCount, in a fixed number of queries', async () => {
      const shuClub = await api.createClub('zhambyl.shu');
      const shuCoordinator = await api.staff(Role.COORDINATOR, 'zhambyl.shu', shuClub.id);
      const shuId = await api.unitId('zhambyl.shu');
      const base = Date.UTC(2031, 7, 10, 5); // within the 5-year horizon, apart from other tests' dates
      const ids: string[] = [];
      for (let i = 0; i < 7; i++) {
        const res = await api.gql(
          CREATE,
          {
            input: {
              title: `Шу дебаты ${i}`,
              kind: 'DEBATE',
              unitId: shuId,
              clubId: shuClub.id,
              startsAt: new Date(base + i * 86_400_000).toISOString(),
              endsAt: new Date(base + i * 86_400_000 + 7_200_000).toISOString(),
              capacity: 20,
            },
          },
          { token: shuCoordinator.token },
        );
        ids.push(res.data.createEvent.id);
        if (i < 6) await api.gql(PUBLISH, { id: res.data.createEvent.id }, { token: shuCoordinator.token });
      }
      const member = await api.signUp();
      await api.gql(REGISTER, { id: ids[0] }, { token: member.accessToken });
      const LIST = `query($f: EventFilter, $first: Int, $after: String) { events(filter: $f, first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor }
        edges { node { id title registeredCount waitlistCount attendedCount unit { code } club { name } myRegistration { status } } } } }`;
      const filter = {
        unitId: await api.unitId('zhambyl'),
        from: new Date(base).toISOString(),
        to: new Date(base + 30 * 86_400_000).toISOString(),
      };

      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const res: any = await api.gql(LIST, { f: filter, first: 4, after }, { token: member.accessToken });
        expect(res.data.events.totalCount).toBe(6); // the draft is not the member's to see
        seen.push(...res.data.events.edges.map((e: any) => e.node.id));
        if (!res.data.events.pageInfo.hasNextPage) break;
        after = res.data.events.pageInfo.endCursor;
      }
      expect(seen).toEqual(ids.slice(0, 6));
      const staffView = await api.gql(LIST, { f: filter, first: 10 }, { token: shuCoordinator.token });
      expect(staffView.data.events.totalCount).toBe(7);
      const published = await api.gql(
        LIST,
        { f: { ...filter, status: 'DRAFT' } },
        { token: shuCoordinator.token },
      );
      expect(published.data.events.edges.map((e: any) => e.node.id)).toEqual([ids[6]]);

      const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
      try {
        const res = await api.gql(LIST, { f: filter, first: 50 }, { token: member.accessToken });
        expect(res.data.events.edges[0].node).toMatchObject({
          registeredCount: 1,
          myRegistration: { status: 'REGISTERED' },
        });
        // session check, scope, count, page, units, clubs, counts, my registrations: not one per event
        expect(spy.mock.calls.length).toBeLessThanOrEqual(10);
      } finally {
        spy.mockRestore();
      }
    });
  });

  describe('registration and the waitlist', () => {
    it('registers, waitlists when full, returns the same registration twice, promotes on cancel', async () => {
      const id = await publishedEvent({ capacity: 2 });
      const [a, b, c, d] = await api.bulkMembers(4);
      const ra = (await api.gql(REGISTER, { id }, { token: a.token })).data.registerForEvent;
      expect(ra).toMatchObject({ status: 'REGISTERED', waitlistPosition: null, event: { id } });
      expect(ra.checkInCode).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect((await api.gql(REGISTER, { id }, { token: a.token })).data.registerForEvent.id).toBe(ra.id);
      await api.gql(REGISTER, { id }, { token: b.token });
      const rc = (await api.gql(REGISTER, { id }, { token: c.token })).data.registerForEvent;
      const rd = (await api.gql(REGISTER, { id }, { token: d.token })).data.registerForEvent;
      expect([rc.status, rc.waitlistPosition, rd.status, rd.waitlistPosition]).toEqual([
        'WAITLISTED',
        1,
        'WAITLISTED',
        2,
      ]);
      expect((await api.gql(EVENT, { id }, { token: c.token })).data.event).toMatchObject({
        registeredCount: 2,
        waitlistCount: 2,
        myRegistration: { status: 'WAITLISTED', waitlistPosition: 1 },
      });

      const cancelled = await api.gql(CANCEL_REG, { id: ra.id }, { token: a.token });
      expect(cancelled.data.cancelRegistration.status).toBe('CANCELLED');
      const after = await api.gql(EVENT, { id }, { token: c.token });
      expect(after.data.event.myRegistration).toEqual({
        id: rc.id,
        status: 'REGISTERED',
        waitlistPosition: null,
      });
      expect(
        (await api.gql(EVENT, { id }, { token: d.token })).data.event.myRegistration.waitlistPosition,
      ).toBe(1);

      const again = await api.gql(CANCEL_REG, { id: ra.id }, { token: a.token });
      expect(again.errors![0].extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'REGISTRATION_NOT_ACTIVE',
      });
      expect((await api.gql(CANCEL_REG, { id: rd.id }, { token: c.token })).errors![0].extensions.code).toBe(
        'FORBIDDEN',
      );

      const outbox = await api.db.query(
        `SELECT kind, member_id FROM notification_outbox WHERE event_id = $1 ORDER BY created_at, kind`,
        [id],
      );
      expect(outbox.map((o: any) => o.kind).sort()).toEqual([
        'PROMOTED',
        'REGISTERED',
        'REGISTERED',
        'REGISTRATION_CANCELLED',
        'WAITLISTED',
        'WAITLISTED',
      ]);
      expect(outbox.find((o: any) => o.kind === 'PROMOTED').member_id).toBe(c.id);

      // a member may register again after cancelling: a new registration, at the end of the line
      const back = (await api.gql(REGISTER, { id }, { token: a.token })).data.registerForEvent;
      expect(back).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 2 });
    });

    it('a seat freed after the event has begun (a cancellation, a raised capacity) promotes nobody', async () => {
      const id = await publishedEvent({ capacity: 1 });
      const [a, b] = await api.bulkMembers(2);
      const ra = (await api.gql(REGISTER, { id }, { token: a.token })).data.registerForEvent;
      const rb = (await api.gql(REGISTER, { id }, { token: b.token })).data.registerForEvent;
      expect(rb.status).toBe('WAITLISTED');
      // the event began five minutes ago
      await api.db.query(
        `UPDATE events SET starts_at = now() - interval '5 minutes', ends_at = now() + interval '1 hour' WHERE id = $1`,
        [id],
      );
      const cancelled = await api.gql(CANCEL_REG, { id: ra.id }, { token: a.token });
      expect(cancelled.data.cancelRegistration.status).toBe('CANCELLED');
      const [event] = await api.db.query(`SELECT seats_taken FROM events WHERE id = $1`, [id]);
      expect(event.seats_taken).toBe(0);
      const [still] = await api.db.query(`SELECT status FROM registrations WHERE id = $1`, [rb.id]);
      expect(still.status).toBe('WAITLISTED');
      // nor does a capacity raised after the start
      const raised = await api.gql(
        `mutation($id: ID!) { updateEvent(id: $id, input: { capacity: 5 }) { capacity } }`,
        { id },
        { token: coordinator.token },
      );
      expect(raised.data.updateEvent.capacity).toBe(5);
      const [stillNow] = await api.db.query(`SELECT status FROM registrations WHERE id = $1`, [rb.id]);
      expect(stillNow.status).toBe('WAITLISTED');
      const promoted = await api.db.query(
        `SELECT 1 FROM notification_outbox WHERE event_id = $1 AND kind = 'PROMOTED'`,
        [id],
      );
      expect(promoted).toHaveLength(0);
    });

    it('raising the capacity promotes as many as fit, in order', async () => {
      const id = await publishedEvent({ capacity: 1 });
      const members = await api.bulkMembers(5);
      const regs = [];
      for (const m of members)
        regs.push((await api.gql(REGISTER, { id }, { token: m.token })).data.registerForEvent);
      await api.gql(
        `mutation($id: ID!) { updateEvent(id: $id, input: { capacity: 3 }) { capacity } }`,
        { id },
        { token: coordinator.token },
      );
      const statuses = await api.db.query(`SELECT id, status FROM registrations WHERE event_id = $1`, [id]);
      const byId = new Map(statuses.map((r: any) => [r.id, r.status]));
      expect(regs.map((r) => byId.get(r.id))).toEqual([
        'REGISTERED',
        'REGISTERED',
        'REGISTERED',
        'WAITLISTED',
        'WAITLISTED',
      ]);
    });

    it('cancelling an event cancels every registration and tells each holder', async () => {
      const id = await publishedEvent({ capacity: 1 });
      const members = await api.bulkMembers(3);
      for (const m of members) await api.gql(REGISTER, { id }, { token: m.token });
      const noReason = await api.gql(
        `mutation($id: ID!) { cancelEvent(id: $id, reason: " ") { id } }`,
        { id },
        { token: coordinator.token },
      );
      expect(fieldErrors(noReason)).toEqual({ reason: 'Required.' });
      const res = await api.gql(
        `mutation($id: ID!) { cancelEvent(id: $id, reason: "Ғимарат жөнделуде") { status } }`,
        { id },
        { token: coordinator.token },
      );
      expect(res.data.cancelEvent.status).toBe('CANCELLED');
      const regs = await api.db.query(`SELECT DISTINCT status FROM registrations WHERE event_id = $1`, [id]);
      expect(regs).toEqual([{ status: 'CANCELLED' }]);
      const told = await api.db.query(
        `SELECT member_id, payload FROM notification_outbox WHERE event_id = $1 AND kind = 'EVENT_CANCELLED'`,
        [id],
      );
      expect(told.map((t: any) => t.member_id).sort()).toEqual(members.map((m) => m.id).sort());
      expect(told[0].payload).toEqual({ reason: 'Ғимарат жөнделуде' });
      const late = await api.gql(REGISTER, { id }, { token: (await api.bulkMembers(1))[0].token });
      expect(late.errors![0].extensions.reason).toBe('REGISTRATION_CLOSED');
    });

    it('moving a published event tells every active registrant', async () => {
      const id = await publishedEvent();
      const [m] = await api.bulkMembers(1);
      await api.gql(REGISTER, { id }, { token: m.token });
      await api.gql(
        `mutation($id: ID!, $s: DateTime!, $e: DateTime!) { updateEvent(id: $id, input: { startsAt: $s, endsAt: $e }) { startsAt } }`,
        { id, s: hours(72).toISOString(), e: hours(74).toISOString() },
        { token: coordinator.token },
      );
      const moved = await api.db.query(
        `SELECT member_id FROM notification_outbox WHERE event_id = $1 AND kind = 'EVENT_MOVED'`,
        [id],
      );
      expect(moved).toEqual([{ member_id: m.id }]);
    });

    it('300 concurrent registrations for 100 seats: exactly 100 in, 200 waitlisted 1..200; 50 cancellations promote the first 50', async () => {
      const id = await publishedEvent({ capacity: 100 });
      const members = await api.bulkMembers(300);
      const results = await Promise.all(members.map((m) => api.gql(REGISTER, { id }, { token: m.token })));
      expect(results.filter((r) => r.errors)).toEqual([]);
      const regs = results.map((r) => r.data.registerForEvent);
      const registered = regs.filter((r) => r.status === 'REGISTERED');
      const waitlisted = regs.filter((r) => r.status === 'WAITLISTED');
      expect(registered).toHaveLength(100);
      expect(waitlisted).toHaveLength(200);
      expect(waitlisted.map((r) => r.waitlistPosition).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 200 }, (_, i) => i + 1),
      );
      const [{ seats_taken }] = await api.db.query(`SELECT seats_taken FROM events WHERE id = $1`, [id]);
      expect(seats_taken).toBe(100);

      const byPosition = [...waitlisted].sort((a, b) => a.waitlistPosition - b.waitlistPosition);
      const tokenOf = new Map(members.map((m, i) => [regs[i].id, m.token]));
      const cancels = await Promise.all(
        registered.slice(0, 50).map((r) => api.gql(CANCEL_REG, { id: r.id }, { token: tokenOf.get(r.id) })),
      );
      expect(cancels.filter((c) => c.errors)).toEqual([]);
      const rows: Array<{ id: string; status: string }> = await api.db.query(
        `SELECT id, status FROM registrations WHERE event_id = $1`,
        [id],
      );
      const status = new Map(rows.map((r) => [r.id, r.status]));
      expect(byPosition.slice(0, 50).every((r) => status.get(r.id) === 'REGISTERED')).toBe(true);
      expect(byPosition.slice(50).every((r) => status.get(r.id) === 'WAITLISTED')).toBe(true);
      expect(rows.filter((r) => r.status === 'REGISTERED')).toHaveLength(100);
      const positions = await api.gql(EVENT, { id }, { token: tokenOf.get(byPosition[50].id) });
      expect(positions.data.event).toMatchObject({
        registeredCount: 100,
        waitlistCount: 150,
        myRegistration: { waitlistPosition: 1 },
      });
    });
  });

  describe('check-in', () => {
    it('marks ATTENDED with who, when and how; a second scan changes nothing', async () => {
      const id = await publishedEvent({}, 1);
      const [m] = await api.bulkMembers(1);
      const reg = (await api.gql(REGISTER, { id }, { token: m.token })).data.registerForEvent;
      const first = await api.gql(CHECK_IN, { e: id, c: reg.checkInCode }, { token: coordinator.token });
      expect(first.data.checkIn).toMatchObject({
        alreadyCheckedIn: false,
        registration: { id: reg.id, status: 'ATTENDED' },
      });
      const second = await api.gql(CHECK_IN, { e: id, c: reg.checkInCode }, { token: coordinator.token });
      expect(second.data.checkIn).toMatchObject({
        alreadyCheckedIn: true,
        registration: { checkedInAt: first.data.checkIn.registration.checkedInAt },
      });
      // the event id in capitals is the same event (not "another event's code")
      const upper = await api.gql(
        CHECK_IN,
        { e: id.toUpperCase(), c: reg.checkInCode },
        { token: coordinator.token },
      );
      expect(upper.errors).toBeUndefined();
      expect(upper.data.checkIn).toMatchObject({ alreadyCheckedIn: true, registration: { id: reg.id } });
      const [row] = await api.db.query(
        `SELECT checked_in_by, check_in_method FROM registrations WHERE id = $1`,
        [reg.id],
      );
      expect(row).toEqual({ checked_in_by: coordinator.id, check_in_method: 'QR' });
      expect((await api.gql(EVENT, { id }, { token: m.token })).data.event.attendedCount).toBe(1);
    });

    it('one member registering five times at once: one registration, one seat, one message', async () => {
      const id = await publishedEvent({ capacity: 2 });
      const [m] = await api.bulkMembers(1);
      const answers = await Promise.all(
        Array.from({ length: 5 }, () => api.gql(REGISTER, { id }, { token: m.token })),
      );
      for (const a of answers) expect(a.errors).toBeUndefined();
      const ids = new Set(answers.map((a) => a.data.registerForEvent.id));
      expect(ids.size).toBe(1);
      expect(answers.every((a) => a.data.registerForEvent.status === 'REGISTERED')).toBe(true);
      const [event] = await api.db.query(`SELECT seats_taken, waitlist_seq FROM events WHERE id = $1`, [id]);
      expect(event).toEqual({ seats_taken: 1, waitlist_seq: 0 });
      const rows = await api.db.query(`SELECT status FROM registrations WHERE event_id = $1`, [id]);
      expect(rows).toEqual([{ status: 'REGISTERED' }]);
      const told = await api.db.query(`SELECT kind FROM notification_outbox WHERE event_id = $1`, [id]);
      expect(told).toEqual([{ kind: 'REGISTERED' }]);
    });

    it('two scans of one code at once: exactly one checks in', async () => {
      const id = await publishedEvent({}, 1);
      const members = await api.bulkMembers(10);
      const regs = await Promise.all(members.map((m) => api.gql(REGISTER, { id }, { token: m.token })));
      const scans = await Promise.all(
        regs.flatMap((r) =>
          [0, 1].map(() =>
            api.gql(
              CHECK_IN,
              { e: id, c: r.data.registerForEvent.checkInCode },
              { token: coordinator.token },
            ),
          ),
        ),
      );
      expect(scans.filter((s) => s.errors)).toEqual([]);
      expect(scans.filter((s) => !s.data.checkIn.alreadyCheckedIn)).toHaveLength(10);
      expect(scans.filter((s) => s.data.checkIn.alreadyCheckedIn)).toHaveLength(10);
    });

    it('refuses, each with its own reason: unknown code, another event, cancelled, waitlisted, outside the window, not staff', async () => {
      const id = await publishedEvent({ capacity: 1 }, 1);
      const otherId = await publishedEvent({}, 1);
      const laterId = await publishedEvent({}, 5);
      const [a, b, c, d] = await api.bulkMembers(4);
      const ra = (await api.gql(REGISTER, { id }, { token: a.token })).data.registerForEvent;
      const rb = (await api.gql(REGISTER, { id }, { token: b.token })).data.registerForEvent; // waitlisted
      const rc = (await api.gql(REGISTER, { id: otherId }, { token: c.token })).data.registerForEvent;
      const rd = (await api.gql(REGISTER, { id: laterId }, { token: d.token })).data.registerForEvent;
      await api.gql(CANCEL_REG, { id: ra.id }, { token: a.token }); // b is promoted
      const ra2 = (await api.gql(REGISTER, { id }, { token: a.token })).data.registerForEvent; // a is now waitlisted

      const reason = async (eventId: string, code: string, token = coordinator.token) =>
        (await api.gql(CHECK_IN, { e: eventId, c: code }, { token, lang: 'kk' })).errors?.[0];
      expect((await reason(id, 'no-such-code'))!.extensions).toMatchObject({
        code: 'NOT_FOUND',
        reason: 'CHECK_IN_CODE_UNKNOWN',
      });
      expect((await reason(id, rc.checkInCode))!.extensions.reason).toBe('CHECK_IN_WRONG_EVENT');
      expect((await reason(id, ra.checkInCode))!.extensions.reason).toBe('CHECK_IN_CANCELLED');
      expect((await reason(id, ra2.checkInCode))!.extensions.reason).toBe('CHECK_IN_WAITLISTED');
      const closed = await reason(laterId, rd.checkInCode);
      expect(closed!.extensions.reason).toBe('CHECK_IN_CLOSED');
      expect(closed!.message).toBe(
        'Белгілену іс-шара басталардан 2 сағат бұрын ашылып, соңына дейін жүреді.',
      );
      expect((await reason(id, rb.checkInCode, a.token))!.extensions.code).toBe('FORBIDDEN');
      expect(
        (await api.gql(CHECK_IN, { e: id, c: rb.checkInCode }, { token: coordinator.token })).data.checkIn
          .alreadyCheckedIn,
      ).toBe(false);
    });

    it('the staff check inside the check-in statement: scope by club, unit and region, current assignments, refusals in order', async () => {
      const id = await publishedEvent({}, 1);
      const laterId = await publishedEvent({}, 5);
      const members = await api.bulkMembers(3);
      const [ra, rb, rc] = await Promise.all(
        [id, id, laterId].map(
          async (eventId, i) =>
            (await api.gql(REGISTER, { id: eventId }, { token: members[i].token })).data.registerForEvent,
        ),
      );
      const otherClub = (await api.createClub('zhambyl.taraz')).id;
      const otherClubCoordinator = await api.staff(Role.COORDINATOR, 'zhambyl.taraz', otherClub);
      const otherUnitCoordinator = await api.staff(Role.COORDINATOR, 'zhambyl.shu');
      const unitCoordinator = await api.staff(Role.COORDINATOR, 'zhambyl.taraz');
      const regionCommission = await api.staff(Role.COMMISSION, 'zhambyl');
      const scan = (eventId: string, code: string, token: string) =>
        api.gql(CHECK_IN, { e: eventId, c: code }, { token, lang: 'en' });
      const reasonOf = (res: any) => res.errors?.[0]?.extensions?.reason ?? res.errors?.[0]?.extensions?.code;

      // another club in the same unit, another unit: FORBIDDEN, before the window and the code
      for (const outsider of [otherClubCoordinator, otherUnitCoordinator]) {
        expect(reasonOf(await scan(id, ra.checkInCode, outsider.token))).toBe('FORBIDDEN');
        expect(reasonOf(await scan(laterId, rc.checkInCode, outsider.token))).toBe('FORBIDDEN');
        expect(reasonOf(await scan(id, 'no-such-code', outsider.token))).toBe('FORBIDDEN');
      }
      const [untouched] = await api.db.query(`SELECT status FROM registrations WHERE id = $1`, [ra.id]);
      expect(untouched.status).toBe('REGISTERED');
      const told = await api.db.query(
        `SELECT 1 FROM notification_outbox WHERE registration_id = $1 AND kind = 'ATTENDANCE_RECORDED'`,
        [ra.id],
      );
      expect(told).toEqual([]);
      // no such event comes first, as before (a valid id that is no event, and an invalid one)
      expect(reasonOf(await scan(randomUUID(), ra.checkInCode, otherUnitCoordinator.token))).toBe(
        'EVENT_NOT_FOUND',
      );
      expect(reasonOf(await scan('not-an-id', ra.checkInCode, coordinator.token))).toBe('EVENT_NOT_FOUND');
      // staff but outside the window: closed, whatever the code
      expect(reasonOf(await scan(laterId, 'no-such-code', coordinator.token))).toBe('CHECK_IN_CLOSED');

      // the unit's coordinator (the event belongs to a club in the unit) and the region's commission may
      const byUnit = await scan(id, ra.checkInCode, unitCoordinator.token);
      expect(byUnit.data.checkIn).toMatchObject({ alreadyCheckedIn: false, registration: { id: ra.id } });
      const byRegion = await scan(id, rb.checkInCode, regionCommission.token);
      expect(byRegion.data.checkIn).toMatchObject({ alreadyCheckedIn: false, registration: { id: rb.id } });
      const rows = await api.db.query(
        `SELECT id, checked_in_by FROM registrations WHERE id = ANY($1::uuid[]) ORDER BY checked_in_by = $2 DESC`,
        [[ra.id, rb.id], unitCoordinator.id],
      );
      expect(rows).toEqual([
        { id: ra.id, checked_in_by: unitCoordinator.id },
        { id: rb.id, checked_in_by: regionCommission.id },
      ]);

      // an assignment removed takes effect at the next scan
      await api.db.query(`DELETE FROM staff_assignments WHERE member_id = $1`, [unitCoordinator.id]);
      expect(reasonOf(await scan(id, ra.checkInCode, unitCoordinator.token))).toBe('FORBIDDEN');
    });

    it('one code scanned at once by two staff accounts (club coordinator, commission): one check-in, one outbox row', async () => {
      const id = await publishedEvent({}, 1);
      const commission = await api.staff(Role.COMMISSION, 'zhambyl');
      const members = await api.bulkMembers(8);
      const regs = await Promise.all(members.map((m) => api.gql(REGISTER, { id }, { token: m.token })));
      const scans = await Promise.all(
        regs.flatMap((r) =>
          [coordinator, commission].map((staff) =>
            api.gql(CHECK_IN, { e: id, c: r.data.registerForEvent.checkInCode }, { token: staff.token }),
          ),
        ),
      );
      expect(scans.filter((s) => s.errors)).toEqual([]);
      expect(scans.filter((s) => !s.data.checkIn.alreadyCheckedIn)).toHaveLength(8);
      const [counts] = await api.db.query(
        `SELECT count(*) FILTER (WHERE status = 'ATTENDED')::int AS attended,
                (SELECT count(*)::int FROM notification_outbox WHERE event_id = $1 AND kind = 'ATTENDANCE_RECORDED') AS told,
                (SELECT seats_taken FROM events WHERE id = $1) AS seats
         FROM registrations WHERE event_id = $1`,
        [id],
      );
      expect(counts).toEqual({ attended: 8, told: 8, seats: 8 });
    });

    it('syncs an offline batch: a result per scan, idempotent by scanId', async () => {
      const id = await publishedEvent({}, 1);
      const otherId = await publishedEvent({}, 1);
      const [a, b, c] = await api.bulkMembers(3);
      const ra = (await api.gql(REGISTER, { id }, { token: a.token })).data.registerForEvent;
      const rb = (await api.gql(REGISTER, { id }, { token: b.token })).data.registerForEvent;
      const rc = (await api.gql(REGISTER, { id: otherId }, { token: c.token })).data.registerForEvent;
      const now = new Date().toISOString();
      const scans = [
        { scanId: randomUUID(), code: ra.checkInCode, scannedAt: now },
        { scanId: randomUUID(), code: ra.checkInCode, scannedAt: now },
        { scanId: randomUUID(), code: rb.checkInCode, scannedAt: now },
        { scanId: randomUUID(), code: rc.checkInCode, scannedAt: now },
        { scanId: randomUUID(), code: 'garbage', scannedAt: now },
        { scanId: randomUUID(), code: rb.checkInCode, scannedAt: hours(3).toISOString() },
      ];
      const SYNC = `mutation($e: ID!, $s: [OfflineScanInput!]!) { syncCheckIns(eventId: $e, scans: $s) { scanId outcome message registration { id status } } }`;
      const res = await api.gql(SYNC, { e: id, s: scans }, { token: coordinator.token });
      expect(res.data.syncCheckIns.map((r: any) => r.outcome)).toEqual([
        'OK',
        'ALREADY_CHECKED_IN',
        'OK',
        'CHECK_IN_WRONG_EVENT',
        'CHECK_IN_CODE_UNKNOWN',
        'CHECK_IN_CLOSED',
      ]);
      expect(res.data.syncCheckIns[3].message).toBe('This QR code is for another event.');
      const again = await api.gql(SYNC, { e: id, s: scans }, { token: coordinator.token });
      expect(again.data.syncCheckIns).toEqual(res.data.syncCheckIns);
      const [{ n }] = await api.db.query(
        `SELECT count(*)::int AS n FROM registrations WHERE event_id = $1 AND check_in_method = 'OFFLINE_SYNC'`,
        [id],
      );
      expect(n).toBe(2);
      const bad = await api.gql(
        SYNC,
        { e: id, s: [{ scanId: 'not-a-uuid', code: 'x', scannedAt: now }] },
        { token: coordinator.token },
      );
      expect(fieldErrors(bad)).toEqual({ 'scans.0.scanId': 'Not a valid id.' });
    });

    it('walk-ins: registered and checked in on the spot, over capacity when full', async () => {
      const id = await publishedEvent({ capacity: 1 }, 1);
      const [holder] = await api.bulkMembers(1);
      await api.gql(REGISTER, { id }, { token: holder.token });
      const walker = await api.signUp({ phone: '+7 705 000 12 34' });
      const WALK = `mutation($e: ID!, $w: String!) { walkIn(eventId: $e, emailOrPhone: $w) { alreadyCheckedIn status overCapacity fullName } }`;
      const byPhone = await api.gql(WALK, { e: id, w: '8 705 000 12 34' }, { token: coordinator.token });
      expect(byPhone.data.walkIn).toMatchObject({
        alreadyCheckedIn: false,
        status: 'ATTENDED',
        overCapacity: true,
        fullName: walker.member.fullName,
      });
      const byEmail = await api.gql(WALK, { e: id, w: walker.input.email }, { token: coordinator.token });
      expect(byEmail.data.walkIn.alreadyCheckedIn).toBe(true);
      const ev = await api.gql(EVENT, { id }, { token: coordinator.token });
      expect(ev.data.event).toMatchObject({ capacity: 1, registeredCount: 2, attendedCount: 1, walkIns: 1 });
      const unknown = await api.gql(WALK, { e: id, w: 'nobody@example.kz' }, { token: coordinator.token });
      expect(unknown.errors![0].extensions.reason).toBe('WALK_IN_NOT_FOUND');
    });

    it('after the end: the worker job completes the event, marks unscanned registrations NO_SHOW, closes the waitlist', async () => {
      const id = await publishedEvent({ capacity: 2 }, 1);
      const [a, b, c] = await api.bulkMembers(3);
      const ra = (await api.gql(REGISTER, { id }, { token: a.token })).data.registerForEvent;
      const rb = (await api.gql(REGISTER, { id }, { token: b.token })).data.registerForEvent;
      const rc = (await api.gql(REGISTER, { id }, { token: c.token })).data.registerForEvent;
      expect(rc.status).toBe('WAITLISTED');
      await api.gql(CHECK_IN, { e: id, c: ra.checkInCode }, { token: coordinator.token });
      await api.db.query(
        `UPDATE events SET starts_at = now() - interval '3 hours', ends_at = now() - interval '1 minute' WHERE id = $1`,
        [id],
      );
      const result = await api.app.get(EventsService).completeEnded();
      expect(result.events).toBeGreaterThanOrEqual(1);
      const rows = await api.db.query(`SELECT id, status FROM registrations WHERE event_id = $1`, [id]);
      expect(new Map(rows.map((r: any) => [r.id, r.status]))).toEqual(
        new Map([
          [ra.id, 'ATTENDED'],
          [rb.id, 'NO_SHOW'],
          [rc.id, 'CANCELLED'],
        ]),
      );
      const [closed] = await api.db.query(
        `SELECT waitlist_seq, cancelled_at, cancelled_by FROM registrations WHERE id = $1`,
        [rc.id],
      );
      expect(closed).toMatchObject({ waitlist_seq: null, cancelled_by: null });
      expect(closed.cancelled_at).not.toBeNull();
      const ev = await api.gql(EVENT, { id }, { token: coordinator.token });
      expect(ev.data.event).toMatchObject({ status: 'COMPLETED', waitlistCount: 0 });
      // nobody is told: closing a waitlist writes no message
      const told = await api.db.query(
        `SELECT kind FROM notification_outbox WHERE registration_id = $1 AND kind NOT IN ('WAITLISTED')`,
        [rc.id],
      );
      expect(told).toEqual([]);
      expect((await api.app.get(EventsService).completeEnded()).events).toBe(0);
    });
  });

  it('withdrawing consent gives the seat to the waitlist; the data export lists registrations', async () => {
    const id = await publishedEvent({ capacity: 1 });
    const holder = await api.signUp();
    const [next] = await api.bulkMembers(1);
    await api.gql(REGISTER, { id }, { token: holder.accessToken });
    await api.gql(REGISTER, { id }, { token: next.token });
    const exported = await api.gql(`{ exportMyData }`, {}, { token: holder.accessToken });
    expect(exported.data.exportMyData.registrations).toEqual([
      expect.objectContaining({ status: 'REGISTERED' }),
    ]);
    await api.gql(`mutation { withdrawConsent }`, {}, { token: holder.accessToken });
    // the seat goes back when the worker follows the withdrawal's outbox row up
    await followUpWithdrawal(api.app, holder.member.id);
    const ev = await api.gql(EVENT, { id }, { token: next.token });
    expect(ev.data.event).toMatchObject({
      registeredCount: 1,
      waitlistCount: 0,
      myRegistration: { status: 'REGISTERED' },
    });
  });

  it('a member sees their registrations on Member.registrations; others cannot', async () => {
    const id = await publishedEvent();
    const m = await api.signUp();
    await api.gql(REGISTER, { id }, { token: m.accessToken });
    const mine = await api.gql(
      `{ me { registrations(first: 5) { totalCount edges { node { status event { id } } } } } }`,
      {},
      { token: m.accessToken },
    );
    expect(mine.data.me.registrations).toMatchObject({
      totalCount: 1,
      edges: [{ node: { status: 'REGISTERED', event: { id } } }],
    });
  });
});
