import { GraphQLSchemaHost } from '@nestjs/graphql';
import { Role } from '@yvc/identity';
import { GraphQLObjectType, getNamedType, isObjectType } from 'graphql';
import { randomUUID } from 'node:crypto';
import { TestApi, asText } from './helpers/test-api';

const REGISTER = `mutation($id: ID!) { registerForEvent(eventId: $id) { id status checkInCode } }`;
const CANCEL_REG = `mutation($id: ID!) { cancelRegistration(registrationId: $id) { id status } }`;
const SYNC = `mutation($e: ID!, $s: [OfflineScanInput!]!) {
  syncCheckIns(eventId: $e, scans: $s) { scanId outcome registration { id status event { id } } } }`;
const WALK_IN = `mutation($e: ID!, $w: String!) { walkIn(eventId: $e, emailOrPhone: $w) {
  registrationId status fullName membershipNumber checkedInAt alreadyCheckedIn overCapacity } }`;
const ATTENDANCE = `query($id: ID!) { event(id: $id) { attendance(first: 50) { totalCount edges { node {
  registrationId status fullName membershipNumber checkedInAt checkInMethod walkIn overCapacity checkedInBy } } } } }`;

const WALK_INS_PER_HOUR = 5;

/** At the door: offline scans scoped by event, walk-ins that reveal little and are limited, QR links. */
describe('check-in at the door (e2e)', () => {
  let api: TestApi;
  let tarazId: string;
  let clubId: string;

  beforeAll(async () => {
    api = await TestApi.start({ WALK_IN_LOOKUPS_PER_HOUR: String(WALK_INS_PER_HOUR) });
    tarazId = await api.unitId('zhambyl.taraz');
    clubId = (await api.createClub('zhambyl.taraz')).id;
  });
  afterAll(() => api.close());

  /** A coordinator of the club of its own (so each test has its own walk-in budget). */
  const coordinator = () => api.staff(Role.COORDINATOR, 'zhambyl.taraz', clubId);

  const publishedEvent = async (token: string, overrides: Record<string, unknown> = {}, startsInHours = 1) =>
    (
      await api.event(
        { title: `Өңірлік форум ${randomUUID().slice(0, 6)}`, ...overrides },
        { startsInHours, host: { token, unitId: tarazId, clubId } },
      )
    ).id;

  describe('offline scans belong to one event', () => {
    it('a scan id already used at another event is a separate scan there; a replay at the same event answers the same', async () => {
      const staff = await coordinator();
      const first = await publishedEvent(staff.token);
      const second = await publishedEvent(staff.token);
      const [a, b] = await api.bulkMembers(2);
      const ra = (await api.gql(REGISTER, { id: first }, { token: a.token })).data.registerForEvent;
      const rb = (await api.gql(REGISTER, { id: second }, { token: b.token })).data.registerForEvent;
      const scanId = randomUUID();
      const now = new Date().toISOString();

      const atFirst = await api.gql(
        SYNC,
        { e: first, s: [{ scanId, code: ra.checkInCode, scannedAt: now }] },
        { token: staff.token },
      );
      expect(atFirst.data.syncCheckIns).toEqual([
        { scanId, outcome: 'OK', registration: { id: ra.id, status: 'ATTENDED', event: { id: first } } },
      ]);

      // the same scan id at the other event: its own scan, never the first event's registration
      const atSecond = await api.gql(
        SYNC,
        { e: second, s: [{ scanId, code: rb.checkInCode, scannedAt: now }] },
        { token: staff.token },
      );
      expect(atSecond.data.syncCheckIns).toEqual([
        { scanId, outcome: 'OK', registration: { id: rb.id, status: 'ATTENDED', event: { id: second } } },
      ]);
      const garbage = await api.gql(
        SYNC,
        { e: second, s: [{ scanId: randomUUID(), code: 'garbage', scannedAt: now }] },
        { token: staff.token },
      );
      expect(garbage.data.syncCheckIns[0]).toMatchObject({
        outcome: 'CHECK_IN_CODE_UNKNOWN',
        registration: null,
      });

      // replays at each event answer what they answered the first time
      const replayFirst = await api.gql(
        SYNC,
        { e: first, s: [{ scanId, code: 'whatever-is-sent-again', scannedAt: now }] },
        { token: staff.token },
      );
      expect(replayFirst.data.syncCheckIns).toEqual(atFirst.data.syncCheckIns);
      const replaySecond = await api.gql(
        SYNC,
        { e: second, s: [{ scanId, code: rb.checkInCode, scannedAt: now }] },
        { token: staff.token },
      );
      expect(replaySecond.data.syncCheckIns).toEqual(atSecond.data.syncCheckIns);
      const rows = await api.db.query(
        `SELECT event_id, registration_id, outcome FROM check_in_scans WHERE scan_id = $1 ORDER BY synced_at`,
        [scanId],
      );
      expect(rows).toEqual([
        { event_id: first, registration_id: ra.id, outcome: 'OK' },
        { event_id: second, registration_id: rb.id, outcome: 'OK' },
      ]);
    });
  });

  describe('walk-ins', () => {
    it('any active member of the region; the answer is the name and membership number, and nothing leads further', async () => {
      const staff = await coordinator();
      const id = await publishedEvent(staff.token);
      // a member of another district, in no club of the coordinator: out of the coordinator's scope
      const guest = await api.signUp({
        fullName: 'Дәулет Шуұлы',
        unitId: await api.unitId('zhambyl.shu'),
        phone: '8 705 400 11 22',
      });
      const res = await api.gql(WALK_IN, { e: id, w: guest.input.email }, { token: staff.token });
      expect(res.errors).toBeUndefined();
      const [row] = await api.db.query(
        `SELECT r.id, r.status, r.checked_in_by, r.recorded_by, r.check_in_method, m.membership_number
         FROM registrations r JOIN members m ON m.id = r.member_id WHERE r.event_id = $1`,
        [id],
      );
      expect(res.data.walkIn).toEqual({
        registrationId: row.id,
        status: 'ATTENDED',
        fullName: 'Дәулет Шуұлы',
        membershipNumber: row.membership_number,
        checkedInAt: expect.any(String),
        alreadyCheckedIn: false,
        overCapacity: false,
      });
      expect(row).toMatchObject({
        checked_in_by: staff.id,
        recorded_by: staff.id,
        check_in_method: 'WALK_IN',
      });

      // the answer's type has no object field: nothing to traverse to the member's other data
      const schema = api.app.get(GraphQLSchemaHost).schema;
      const result = getNamedType(schema.getMutationType()!.getFields().walkIn.type) as GraphQLObjectType;
      const objects = Object.values(result.getFields()).filter((f) => isObjectType(getNamedType(f.type)));
      expect(objects.map((f) => f.name)).toEqual([]);
      const entry = schema.getType('AttendanceEntry') as GraphQLObjectType;
      expect(Object.values(entry.getFields()).filter((f) => isObjectType(getNamedType(f.type)))).toEqual([]);

      // and the member's record stays out of reach
      const member = await api.gql(
        `query($id: ID!) { member(id: $id) { id } }`,
        { id: guest.member.id },
        {
          token: staff.token,
        },
      );
      expect(member.errors![0].extensions.code).toBe('FORBIDDEN');

      // a second look-up changes nothing
      const again = await api.gql(WALK_IN, { e: id, w: '+77054001122' }, { token: staff.token });
      expect(again.data.walkIn).toMatchObject({ registrationId: row.id, alreadyCheckedIn: true });
    });

    it('refuses members who are not active, and staff accounts, as not found', async () => {
      const staff = await coordinator();
      const id = await publishedEvent(staff.token);
      const suspended = await api.signUp({ phone: '8 705 400 33 44' });
      await api.db.query(`UPDATE members SET status = 'SUSPENDED' WHERE id = $1`, [suspended.member.id]);
      const other = await coordinator();
      const bySuspended = await api.gql(WALK_IN, { e: id, w: suspended.input.email }, { token: staff.token });
      expect(bySuspended.errors![0].extensions.reason).toBe('WALK_IN_NOT_FOUND');
      const byPhone = await api.gql(WALK_IN, { e: id, w: '8 705 400 33 44' }, { token: staff.token });
      expect(byPhone.errors![0].extensions.reason).toBe('WALK_IN_NOT_FOUND');
      const byStaff = await api.gql(WALK_IN, { e: id, w: other.email }, { token: staff.token });
      expect(byStaff.errors![0].extensions.reason).toBe('WALK_IN_NOT_FOUND');
      const rows = await api.db.query(`SELECT id FROM registrations WHERE event_id = $1`, [id]);
      expect(rows).toEqual([]);
    });

    it('every walk-in is on the attendance list (GraphQL and CSV) with who recorded it; the member is told', async () => {
      const staff = await coordinator();
      const id = await publishedEvent(staff.token, { capacity: 1 });
      const [holder] = await api.bulkMembers(1);
      const held = (await api.gql(REGISTER, { id }, { token: holder.token })).data.registerForEvent;
      const walker = await api.signUp({ fullName: 'Мерей Жаяуова', phone: '8 705 400 55 66' });
      const walk = await api.gql(WALK_IN, { e: id, w: '8 705 400 55 66' }, { token: staff.token });
      expect(walk.data.walkIn).toMatchObject({ status: 'ATTENDED', overCapacity: true });

      const list = await api.gql(ATTENDANCE, { id }, { token: staff.token });
      expect(list.errors).toBeUndefined();
      const [staffRow] = await api.db.query(`SELECT full_name FROM members WHERE id = $1`, [staff.id]);
      const entries = list.data.event.attendance.edges.map((e: any) => e.node);
      expect(list.data.event.attendance.totalCount).toBe(2);
      expect(entries).toContainEqual({
        registrationId: walk.data.walkIn.registrationId,
        status: 'ATTENDED',
        fullName: 'Мерей Жаяуова',
        membershipNumber: walk.data.walkIn.membershipNumber,
        checkedInAt: walk.data.walkIn.checkedInAt,
        checkInMethod: 'WALK_IN',
        walkIn: true,
        overCapacity: true,
        checkedInBy: staffRow.full_name,
      });
      expect(entries).toContainEqual(
        expect.objectContaining({
          registrationId: held.id,
          status: 'REGISTERED',
          walkIn: false,
          checkedInBy: null,
        }),
      );
      // members see no attendance list
      const asMember = await api.gql(ATTENDANCE, { id }, { token: walker.accessToken });
      expect(asMember.errors![0].extensions.code).toBe('FORBIDDEN');

      const csv = await api.http
        .get(`/events/${id}/attendance.csv`)
        .set('Authorization', `Bearer ${staff.token}`)
        .set('Accept-Language', 'en')
        .buffer(true)
        .parse(asText);
      const lines = (csv.body as string).slice(1).trim().split('\r\n');
      expect(lines[0]).toBe(
        'Full name,Membership number,Status,Checked in at,Check-in method,Walk-in over capacity,Registered at the door,Checked in by',
      );
      const walkerLine = lines.find((l) => l.startsWith('Мерей Жаяуова'))!;
      expect(walkerLine.split(',').slice(4)).toEqual(['WALK_IN', 'yes', 'yes', staffRow.full_name]);

      const told = await api.db.query(
        `SELECT kind, member_id, payload FROM notification_outbox WHERE registration_id = $1 ORDER BY kind`,
        [walk.data.walkIn.registrationId],
      );
      expect(told.map((t: any) => t.kind)).toEqual(['ATTENDANCE_RECORDED', 'WALK_IN_RECORDED']);
      expect(told[1].member_id).toBe(walker.member.id);
      expect(new Date(told[1].payload.checkedInAt).toISOString()).toBe(
        new Date(walk.data.walkIn.checkedInAt).toISOString(),
      );
    });

    it(`look-ups are limited per staff account (${WALK_INS_PER_HOUR} an hour here), reserved before the look-up, whatever arrives at once`, async () => {
      const staff = await coordinator();
      const colleague = await coordinator();
      const id = await publishedEvent(staff.token);
      const answers = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          api.gql(
            WALK_IN,
            { e: id, w: `nobody.${i}.${randomUUID().slice(0, 6)}@example.kz` },
            { token: staff.token },
          ),
        ),
      );
      const reasons = answers.map((a) => a.errors?.[0].extensions.reason ?? a.errors?.[0].extensions.code);
      expect(reasons.filter((r) => r === 'WALK_IN_NOT_FOUND')).toHaveLength(WALK_INS_PER_HOUR);
      expect(reasons.filter((r) => r === 'RATE_LIMITED')).toHaveLength(12 - WALK_INS_PER_HOUR);
      const limited = answers.find((a) => a.errors?.[0].extensions.code === 'RATE_LIMITED')!;
      expect(limited.errors![0].extensions.retryAfter).toBeGreaterThan(0);

      // past the limit a real member is not looked up (nor checked in) either
      const real = await api.signUp({ phone: '8 705 400 99 00' });
      const refused = await api.gql(WALK_IN, { e: id, w: real.input.email }, { token: staff.token });
      expect(refused.errors![0].extensions.code).toBe('RATE_LIMITED');
      expect(await api.db.query(`SELECT id FROM registrations WHERE event_id = $1`, [id])).toEqual([]);

      // another staff account has its own budget
      const byColleague = await api.gql(WALK_IN, { e: id, w: real.input.email }, { token: colleague.token });
      expect(byColleague.errors).toBeUndefined();
      expect(byColleague.data.walkIn.status).toBe('ATTENDED');
    });
  });

  describe('the QR link of a registration that holds no seat', () => {
    it('answers "cancelled" (or "waiting list") in the member\'s language instead of the code', async () => {
      const staff = await coordinator();
      const id = await publishedEvent(staff.token, { capacity: 1 }, 48);
      const seated = await api.signUp({ phone: '8 705 401 00 01' });
      const waiting = await api.signUp({ phone: '8 705 401 00 02' });
      await api.gql(`mutation { updateMe(input: { locale: RU }) { id } }`, {}, { token: seated.accessToken });
      await api.gql(
        `mutation { updateMe(input: { locale: KK }) { id } }`,
        {},
        { token: waiting.accessToken },
      );
      const rs = (await api.gql(REGISTER, { id }, { token: seated.accessToken })).data.registerForEvent;
      const rw = (await api.gql(REGISTER, { id }, { token: waiting.accessToken })).data.registerForEvent;
      expect([rs.status, rw.status]).toEqual(['REGISTERED', 'WAITLISTED']);

      const qr = (code: string) => api.http.get(`/qr/${code}.png`).buffer(true).parse(asText);
      const working = await api.http.get(`/qr/${rs.checkInCode}.png`);
      expect(working.status).toBe(200);
      expect(working.headers['content-type']).toBe('image/png');

      const onWaitlist = await qr(rw.checkInCode);
      expect(onWaitlist.headers['content-type']).toMatch(/^text\/html/);
      expect(onWaitlist.body).toContain('Сіз күту тізіміндесіз');

      await api.gql(CANCEL_REG, { id: rs.id }, { token: seated.accessToken });
      const cancelled = await qr(rs.checkInCode);
      expect(cancelled.status).toBe(410);
      expect(cancelled.headers['content-type']).toMatch(/^text\/html/);
      expect(cancelled.headers['cache-control']).toBe('no-store');
      expect(cancelled.body).toContain('Регистрация отменена');
      expect(cancelled.body).not.toContain(rs.checkInCode);

      // the waiting member got the seat: their link now shows the code
      const promoted = await api.http.get(`/qr/${rw.checkInCode}.png`);
      expect(promoted.headers['content-type']).toBe('image/png');
      const unknown = await api.http.get(`/qr/${'x'.repeat(43)}.png`);
      expect(unknown.status).toBe(404);
    });
  });
  describe("the door's POST /check-in/<event id>", () => {
    const door = (id: string, body: unknown, token?: string, lang?: string) => {
      const req = api.http.post(`/check-in/${id}`).set('Content-Type', 'application/json');
      if (token) req.set('Authorization', `Bearer ${token}`);
      if (lang) req.set('Accept-Language', lang);
      return req.send(typeof body === 'string' ? body : JSON.stringify(body));
    };

    it('checks in by code and answers with the name, once; a second scan says alreadyCheckedIn', async () => {
      const staff = await coordinator();
      const id = await publishedEvent(staff.token);
      const student = await api.signUp({ fullName: 'Айгерім Есікқызы' });
      const reg = (await api.gql(REGISTER, { id }, { token: student.accessToken })).data.registerForEvent;

      const first = await door(id, { code: reg.checkInCode }, staff.token);
      expect(first.status).toBe(200);
      expect(first.headers['cache-control']).toBe('no-store');
      expect(first.body).toEqual({
        alreadyCheckedIn: false,
        registration: {
          id: reg.id,
          status: 'ATTENDED',
          checkedInAt: expect.any(String),
          member: { fullName: 'Айгерім Есікқызы' },
        },
      });
      const again = await door(id, { code: reg.checkInCode }, staff.token);
      expect(again.status).toBe(200);
      expect(again.body).toEqual({ ...first.body, alreadyCheckedIn: true });

      const [row] = await api.db.query(
        `SELECT status, checked_in_by, check_in_method, checked_in_at FROM registrations WHERE id = $1`,
        [reg.id],
      );
      expect(row).toMatchObject({ status: 'ATTENDED', checked_in_by: staff.id, check_in_method: 'QR' });
      expect(row.checked_in_at.toISOString()).toBe(first.body.registration.checkedInAt);
      const told = await api.db.query(
        `SELECT kind FROM notification_outbox WHERE registration_id = $1 AND kind = 'ATTENDANCE_RECORDED'`,
        [reg.id],
      );
      expect(told).toHaveLength(1);

      // a member who withdrew is not named (the stored name is anonymised), in the caller's language
      await api.db.query(`UPDATE members SET status = 'WITHDRAWN', full_name = '—' WHERE id = $1`, [
        student.member.id,
      ]);
      const gone = await door(id, { code: reg.checkInCode }, staff.token, 'en');
      expect(gone.body.registration.member).toEqual({ fullName: 'Anonymised member' });
    });

    it('of scans of one code at the same moment exactly one checks in', async () => {
      const staff = await coordinator();
      const id = await publishedEvent(staff.token);
      const [m] = await api.bulkMembers(1);
      const reg = (await api.gql(REGISTER, { id }, { token: m.token })).data.registerForEvent;
      const answers = await Promise.all(
        Array.from({ length: 6 }, () => door(id, { code: reg.checkInCode }, staff.token)),
      );
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
      expect(answers.filter((a) => a.body.alreadyCheckedIn === false)).toHaveLength(1);
      expect(new Set(answers.map((a) => a.body.registration.checkedInAt)).size).toBe(1);
      const told = await api.db.query(
        `SELECT count(*)::int AS n FROM notification_outbox WHERE registration_id = $1 AND kind = 'ATTENDANCE_RECORDED'`,
        [reg.id],
      );
      expect(told[0].n).toBe(1);
    });

    it("refuses with the code, the reason and a message in the caller's language, and writes nothing", async () => {
      const staff = await coordinator();
      const id = await publishedEvent(staff.token);
      const later = await publishedEvent(staff.token, {}, 30); // check-in not open yet
      const [m, other] = await api.bulkMembers(2);
      const reg = (await api.gql(REGISTER, { id }, { token: m.token })).data.registerForEvent;
      const early = (await api.gql(REGISTER, { id: later }, { token: other.token })).data.registerForEvent;
      const elsewhere = await api.staff(Role.COORDINATOR, 'zhambyl.shu');

      const cases: Array<[string, Promise<any>, number, string, string]> = [
        ['no token', door(id, { code: reg.checkInCode }), 401, 'UNAUTHENTICATED', 'UNAUTHENTICATED'],
        ['a member', door(id, { code: reg.checkInCode }, m.token), 403, 'FORBIDDEN', 'FORBIDDEN'],
        [
          'staff of another district',
          door(id, { code: reg.checkInCode }, elsewhere.token),
          403,
          'FORBIDDEN',
          'FORBIDDEN',
        ],
        [
          'no such event',
          door(randomUUID(), { code: reg.checkInCode }, staff.token),
          404,
          'NOT_FOUND',
          'EVENT_NOT_FOUND',
        ],
        [
          'not an id',
          door('not-an-id', { code: reg.checkInCode }, staff.token),
          404,
          'NOT_FOUND',
          'EVENT_NOT_FOUND',
        ],
        [
          'an unknown code',
          door(id, { code: 'x'.repeat(32) }, staff.token),
          404,
          'NOT_FOUND',
          'CHECK_IN_CODE_UNKNOWN',
        ],
        [
          "another event's code",
          door(id, { code: early.checkInCode }, staff.token),
          409,
          'CONFLICT',
          'CHECK_IN_WRONG_EVENT',
        ],
        [
          'not open yet',
          door(later, { code: early.checkInCode }, staff.token),
          409,
          'CONFLICT',
          'CHECK_IN_CLOSED',
        ],
        ['no code', door(id, {}, staff.token), 400, 'BAD_USER_INPUT', 'VALIDATION_FAILED'],
      ];
      for (const [what, pending, status, code, reason] of cases) {
        const res = await pending;
        expect({
          what,
          status: res.status,
          code: res.body.error?.extensions?.code,
          reason: res.body.error?.extensions?.reason,
        }).toEqual({
          what,
          status,
          code,
          reason,
        });
        expect(res.body.error.message).toEqual(expect.any(String));
      }
      const missing = await door(id, { code: '' }, staff.token, 'ru');
      expect(missing.body.error.extensions.fields).toEqual([
        { field: 'code', message: 'Обязательное поле.' },
      ]);
      const notText = await door(id, { code: 12345 }, staff.token, 'en');
      expect(notText.status).toBe(400);
      expect(notText.body.error.extensions.fields).toEqual([{ field: 'code', message: expect.any(String) }]);
      expect(notText.body.error.extensions.fields[0].message).not.toBe('Required.');
      const kk = await door(id, { code: 'x'.repeat(32) }, staff.token);
      const en = await door(id, { code: 'x'.repeat(32) }, staff.token, 'en');
      expect(kk.body.error.message).not.toBe(en.body.error.message);
      const broken = await door(id, '{"code": ', staff.token, 'en');
      expect(broken.status).toBe(400);
      expect(broken.body.error).toEqual({
        message: 'The request body could not be read: send valid JSON (Content-Type: application/json).',
        extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_REQUEST_BODY', fields: [] },
      });
      // the same on /graphql, as GraphQL's errors and in Kazakh by default
      const gqlBroken = await api.http
        .post('/graphql')
        .set('Content-Type', 'application/json')
        .send('{"query": ');
      expect(gqlBroken.status).toBe(400);
      expect(gqlBroken.body.errors[0].extensions).toEqual({
        code: 'BAD_USER_INPUT',
        reason: 'INVALID_REQUEST_BODY',
        fields: [],
      });
      expect(gqlBroken.body.errors[0].message).toMatch(/^Сұраудың денесі оқылмады/);
      expect(gqlBroken.headers['cache-control']).toBe('no-store');
      // what the router takes for /graphql too
      const upper = await api.http
        .post('/GraphQL/')
        .set('Content-Type', 'application/json')
        .send('{"query": ');
      expect(upper.body.errors[0].extensions.reason).toBe('INVALID_REQUEST_BODY');

      const rows = await api.db.query(`SELECT status FROM registrations WHERE id = ANY($1)`, [
        [reg.id, early.id],
      ]);
      expect(rows.map((r: any) => r.status)).toEqual(['REGISTERED', 'REGISTERED']);
    });
  });
});
