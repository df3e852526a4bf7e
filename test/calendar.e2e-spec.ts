import { toZonedIso } from '@yvc/core';
import { csvField } from '@yvc/core';
import { Role } from '@yvc/identity';
import ICAL from 'ical.js';
import { randomUUID } from 'node:crypto';
import { TestApi } from './helpers/test-api';

const CREATE = `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`;
const PUBLISH = `mutation($id: ID!) { publishEvent(id: $id) { id status } }`;
const CANCEL_EVENT = `mutation($id: ID!, $reason: String!) { cancelEvent(id: $id, reason: $reason) { id status } }`;
const REGISTER = `mutation($id: ID!) { registerForEvent(eventId: $id) { id status checkInCode } }`;
const CANCEL_REG = `mutation($id: ID!) { cancelRegistration(registrationId: $id) { id status } }`;
const CHECK_IN = `mutation($e: ID!, $c: String!) { checkIn(eventId: $e, code: $c) { alreadyCheckedIn } }`;
const WALK_IN = `mutation($e: ID!, $w: String!) { walkIn(eventId: $e, emailOrPhone: $w) { overCapacity } }`;
const FEED_URL = `{ me { id calendarFeedUrl } }`;
const ROTATE = `mutation { rotateCalendarFeed }`;

const hours = (h: number) => new Date(Date.now() + h * 3_600_000);

interface ParsedEvent {
  uid: string;
  summary: string;
  description: string | null;
  location: string | null;
  status: string | null;
  url: string | null;
  sequence: number;
  start: string;
  end: string;
}

/** Parses an iCalendar text with ical.js (a real RFC 5545 parser) into its events. */
function parseIcs(text: string): ParsedEvent[] {
  const cal = new ICAL.Component(ICAL.parse(text));
  expect(cal.name).toBe('vcalendar');
  expect(cal.getFirstPropertyValue('version')).toBe('2.0');
  return cal.getAllSubcomponents('vevent').map((vevent: any) => {
    const e = new ICAL.Event(vevent);
    return {
      uid: e.uid,
      summary: e.summary,
      description: e.description ?? null,
      location: e.location ?? null,
      status: vevent.getFirstPropertyValue('status'),
      url: vevent.getFirstPropertyValue('url'),
      sequence: e.sequence,
      start: e.startDate.toJSDate().toISOString(),
      end: e.endDate.toJSDate().toISOString(),
    };
  });
}

/** RFC 4180: fields separated by commas, quoted fields may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

/** Supertest's text parser for a body type it does not know. */
const asText = (res: any, cb: (err: Error | null, body: string) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks).toString('utf8')));
};

describe('calendar files, personal feeds and the attendance CSV (e2e)', () => {
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

  async function createEvent(overrides: Record<string, unknown> = {}, publish = true): Promise<string> {
    const input = {
      title: `Жастар форумы ${randomUUID().slice(0, 6)}`,
      kind: 'FORUM',
      unitId: tarazId,
      clubId,
      startsAt: hours(48).toISOString(),
      endsAt: hours(51).toISOString(),
      capacity: 100,
      ...overrides,
    };
    const created = await api.gql(CREATE, { input }, { token: coordinator.token });
    if (created.errors) throw new Error(JSON.stringify(created.errors));
    const id = created.data.createEvent.id as string;
    if (publish) {
      const published = await api.gql(PUBLISH, { id }, { token: coordinator.token });
      if (published.errors) throw new Error(JSON.stringify(published.errors));
    }
    return id;
  }

  async function register(eventId: string, token: string) {
    const res = await api.gql(REGISTER, { id: eventId }, { token });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data.registerForEvent as { id: string; status: string; checkInCode: string };
  }

  const getIcs = (path: string) => api.http.get(path).buffer(true).parse(asText);

  describe('GET /events/:id.ics', () => {
    const title = 'Жастар форумы — Тараз';
    const description =
      'Жас сайлаушыларға арналған форум; сайлау жүйесі, «ашық әңгіме», пікірталас.\n' +
      'Екінші жол: тіркелу міндетті. ' +
      Array(3)
        .fill(
          'Өңір жастарының белсенділігін арттыру, құқықтық сауаттылық және азаматтық жауапкершілік туралы.',
        )
        .join(' ');

    it('is a valid iCalendar file of one event, Kazakh text intact', async () => {
      const id = await createEvent({
        title,
        description,
        startsAt: '2031-03-10T10:00:00+05:00',
        endsAt: '2031-03-10T13:30:00+05:00',
        venue: { name: 'Дулати университеті, актовый зал', address: 'Тараз, Сүлейменов к., 7' },
      });
      const res = await getIcs(`/events/${id}.ics`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="[^"]+\.ics"$/);
      const text = res.body as string;
      // RFC 5545: CRLF line ends and lines folded at 75 octets (never inside a UTF-8 character)
      expect(text.split('\r\n').every((l) => Buffer.byteLength(l, 'utf8') <= 75)).toBe(true);
      expect(text).not.toContain('\uFFFD');

      const events = parseIcs(text);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        uid: `${id}@yvc`,
        summary: title,
        description,
        location: 'Дулати университеті, актовый зал, Тараз, Сүлейменов к., 7',
        status: 'CONFIRMED',
        start: '2031-03-10T05:00:00.000Z',
        end: '2031-03-10T08:30:00.000Z',
      });
      expect(events[0].url).toMatch(new RegExp(`/events/${id}\\.ics$`));
      expect(events[0].sequence).toBeGreaterThanOrEqual(0);
    });

    it('a cancelled event says CANCELLED, with the reason, and its sequence moves on', async () => {
      const id = await createEvent({ title });
      const before = parseIcs((await getIcs(`/events/${id}.ics`)).body)[0];
      await new Promise((r) => setTimeout(r, 1100));
      const cancelled = await api.gql(
        CANCEL_EVENT,
        { id, reason: 'Зал жөндеуде' },
        { token: coordinator.token },
      );
      expect(cancelled.data.cancelEvent.status).toBe('CANCELLED');
      const res = await getIcs(`/events/${id}.ics`).set('Accept-Language', 'ru');
      expect(res.status).toBe(200);
      const after = parseIcs(res.body)[0];
      expect(after.status).toBe('CANCELLED');
      expect(after.uid).toBe(before.uid);
      expect(after.description).toContain('Отменено: Зал жөндеуде');
      expect(after.sequence).toBeGreaterThan(before.sequence);
    });

    it('a draft, an unknown id and a non-id answer 404', async () => {
      const draft = await createEvent({}, false);
      for (const path of [
        `/events/${draft}.ics`,
        `/events/${randomUUID()}.ics`,
        '/events/not-an-id.ics',
        `/events/${draft}`,
      ]) {
        const res = await api.http.get(path);
        expect({ path, status: res.status }).toEqual({ path, status: 404 });
      }
      const res = await api.http.get(`/events/${draft}.ics`).set('Accept-Language', 'en');
      expect(res.body.error).toMatchObject({
        message: 'Event not found.',
        extensions: { code: 'NOT_FOUND', reason: 'EVENT_NOT_FOUND' },
      });
    });
  });

  describe('personal feed', () => {
    it('lists exactly the member’s active registrations', async () => {
      const member = await api.signUp();
      const other = await api.signUp();
      const token = member.accessToken;

      const a = await createEvent({ title: 'Дебат: жастар және сайлау' });
      const b = await createEvent({
        title: 'Жастар форумы — Тараз',
        startsAt: '2031-04-01T09:00:00+05:00',
        endsAt: '2031-04-01T12:00:00+05:00',
      });
      const full = await createEvent({ capacity: 1 });
      const dropped = await createEvent();
      const called = await createEvent();
      const notMine = await createEvent();
      await register(a, token);
      await register(b, token);
      await register(full, other.accessToken);
      expect((await register(full, token)).status).toBe('WAITLISTED');
      const reg = await register(dropped, token);
      await api.gql(CANCEL_REG, { id: reg.id }, { token });
      await register(called, token);
      await api.gql(CANCEL_EVENT, { id: called, reason: 'Ауа райы' }, { token: coordinator.token });
      await register(notMine, other.accessToken);

      // two first calls at once agree on one token
      const [first, second] = await Promise.all([
        api.gql(FEED_URL, {}, { token }),
        api.gql(FEED_URL, {}, { token }),
      ]);
      const url = first.data.me.calendarFeedUrl as string;
      expect(url).toMatch(/^https?:\/\/[^/]+\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
      expect(second.data.me.calendarFeedUrl).toBe(url);
      expect((await api.gql(FEED_URL, {}, { token })).data.me.calendarFeedUrl).toBe(url);

      const res = await getIcs(new URL(url).pathname);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(/filename="[^"]+\.ics"/);
      const events = parseIcs(res.body);
      expect(events.map((e) => e.uid).sort()).toEqual([`${a}@yvc`, `${b}@yvc`, `${full}@yvc`].sort());
      const byUid = new Map(events.map((e) => [e.uid, e]));
      expect(byUid.get(`${b}@yvc`)).toMatchObject({
        summary: 'Жастар форумы — Тараз',
        start: '2031-04-01T04:00:00.000Z',
        end: '2031-04-01T07:00:00.000Z',
        status: 'CONFIRMED',
      });
      expect(byUid.get(`${full}@yvc`)!.status).toBe('TENTATIVE');
    });

    it('is visible to its owner only', async () => {
      const member = await api.signUp();
      const other = await api.signUp();
      const commission = await api.staff(Role.COMMISSION, 'zhambyl');
      const Q = `query($id: ID!) { member(id: $id) { id calendarFeedUrl } }`;
      const feeds = async (id: string) =>
        (await api.db.query(`SELECT count(*)::int AS n FROM calendar_feeds WHERE member_id = $1`, [id]))[0].n;
      const staff = await api.gql(Q, { id: member.member.id }, { token: commission.token });
      expect(staff.errors).toBeUndefined();
      expect(staff.data.member).toEqual({ id: member.member.id, calendarFeedUrl: null });
      const peer = await api.gql(Q, { id: member.member.id }, { token: other.accessToken });
      expect(peer.data?.member?.calendarFeedUrl ?? null).toBeNull();
      expect(await feeds(member.member.id)).toBe(0); // others looking made no feed
      const own = await api.gql(Q, { id: member.member.id }, { token: member.accessToken });
      expect(own.data.member.calendarFeedUrl).toMatch(/\/calendar\/.+\.ics$/);
      expect(await feeds(member.member.id)).toBe(1);
    });

    it('rotating gives a new URL and the old one stops working', async () => {
      const member = await api.signUp();
      const token = member.accessToken;
      await register(await createEvent(), token);
      const old = (await api.gql(FEED_URL, {}, { token })).data.me.calendarFeedUrl as string;
      expect((await getIcs(new URL(old).pathname)).status).toBe(200);

      const rotated = await api.gql(ROTATE, {}, { token });
      expect(rotated.errors).toBeUndefined();
      const fresh = rotated.data.rotateCalendarFeed as string;
      expect(fresh).toMatch(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
      expect(fresh).not.toBe(old);
      expect((await getIcs(new URL(old).pathname)).status).toBe(404);
      const now = await getIcs(new URL(fresh).pathname);
      expect(now.status).toBe(200);
      expect(parseIcs(now.body)).toHaveLength(1);
      expect((await api.gql(FEED_URL, {}, { token })).data.me.calendarFeedUrl).toBe(fresh);

      const anonymous = await api.gql(ROTATE);
      expect(anonymous.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    });

    it('an unknown token, a malformed one and a withdrawn member’s feed are 404', async () => {
      for (const path of ['/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics', '/calendar/x.ics']) {
        expect((await api.http.get(path)).status).toBe(404);
      }
      const member = await api.signUp();
      await register(await createEvent(), member.accessToken);
      const url = (await api.gql(FEED_URL, {}, { token: member.accessToken })).data.me
        .calendarFeedUrl as string;
      expect((await getIcs(new URL(url).pathname)).status).toBe(200);
      const withdrawn = await api.gql(`mutation { withdrawConsent }`, {}, { token: member.accessToken });
      expect(withdrawn.errors).toBeUndefined();
      expect((await api.http.get(new URL(url).pathname)).status).toBe(404);
    });
  });

  describe('GET /events/:id/attendance.csv', () => {
    // in Kazakh alphabetical order (Ә after А, Ө after О, Ұ and Ү after У, І after Ы)
    const NAMES = [
      'Абай Құнанбаев',
      'Әйгерім Сапарова',
      'Бауыржан Момышұлы',
      'Қанат Ерланұлы',
      'Өмірзақ Жұмабек',
      'Ұлжан Серікқызы',
      'Үміт Нұрланқызы',
      'Іңкәр Бекова',
    ];
    let eventId: string;
    let members: Array<{ name: string; id: string; email: string; phone: string; token: string }>;
    const fetchCsv = (lang?: string, token = coordinator.token) => {
      let req = api.http.get(`/events/${eventId}/attendance.csv`).buffer(true).parse(asText);
      if (lang) req = req.set('Accept-Language', lang);
      return req.set('Authorization', `Bearer ${token}`);
    };

    beforeAll(async () => {
      eventId = await createEvent({
        capacity: 6,
        startsAt: hours(1).toISOString(),
        endsAt: hours(4).toISOString(),
      });
      // signed up out of order, so that the sort is the file's doing
      const order = [6, 2, 7, 0, 4, 1, 5, 3];
      members = [];
      for (const i of order) {
        const s = await api.signUp({ fullName: NAMES[i], phone: `8 701 555 00 ${10 + i}` });
        members[i] = {
          name: NAMES[i],
          id: s.member.id,
          email: s.member.email,
          phone: s.member.phone,
          token: s.accessToken,
        };
      }
      const regs: Record<number, { id: string; checkInCode: string; status: string }> = {};
      for (const i of [0, 1, 2, 3, 4, 5]) regs[i] = await register(eventId, members[i].token);
      await api.gql(CANCEL_REG, { id: regs[5].id }, { token: members[5].token }); // not in the file
      regs[6] = await register(eventId, members[6].token); // the freed seat: 6 of 6
      expect(regs[6].status).toBe('REGISTERED');
      for (const i of [0, 1, 3]) {
        const res = await api.gql(
          CHECK_IN,
          { e: eventId, c: regs[i].checkInCode },
          { token: coordinator.token },
        );
        expect(res.errors).toBeUndefined();
      }
      const walk = await api.gql(WALK_IN, { e: eventId, w: members[7].email }, { token: coordinator.token });
      expect(walk.data.walkIn.overCapacity).toBe(true);
      // a name with a comma and quotes (as an import could bring), sorted under Я
      members[2].name = 'Ясауи, Ахмет "Қожа"';
      await api.db.query(`UPDATE members SET full_name = $2 WHERE id = $1`, [members[2].id, members[2].name]);
    });

    it('is UTF-8 with a BOM, a Kazakh header by default, rows in Kazakh order, properly quoted', async () => {
      const res = await fetchCsv();
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="[^"]+\.csv"$/);
      const text = res.body as string;
      expect(text.charCodeAt(0)).toBe(0xfeff);
      expect(text).toContain('"Ясауи, Ахмет ""Қожа"""');
      const rows = parseCsv(text.slice(1));
      expect(rows[0]).toEqual([
        'Аты-жөні',
        'Мүшелік нөмірі',
        'Мәртебесі',
        'Белгіленген уақыты',
        'Белгілену тәсілі',
        'Орын санынан тыс',
        'Есік алдында тіркелді',
        'Белгілеген қызметкер',
      ]);
      const body = rows.slice(1);
      expect(body.map((r) => r[0])).toEqual([
        'Абай Құнанбаев',
        'Әйгерім Сапарова',
        'Қанат Ерланұлы',
        'Өмірзақ Жұмабек',
        'Үміт Нұрланқызы',
        'Іңкәр Бекова',
        'Ясауи, Ахмет "Қожа"',
      ]);
      expect(body.every((r) => r.length === 8)).toBe(true);

      const [numbers, checkins] = await Promise.all([
        api.db.query(`SELECT id, membership_number FROM members WHERE id = ANY($1::uuid[])`, [
          members.map((m) => m.id),
        ]),
        api.db.query(`SELECT member_id, checked_in_at FROM registrations WHERE event_id = $1`, [eventId]),
      ]);
      const numberOf = new Map(numbers.map((r: any) => [r.id, r.membership_number]));
      const checkedIn = new Map(checkins.map((r: any) => [r.member_id, r.checked_in_at]));
      const local = (i: number) => {
        const at = checkedIn.get(members[i].id) as Date;
        return toZonedIso(new Date(at), 'Asia/Almaty').slice(0, 16).replace('T', ' ');
      };
      const row = (i: number, ...rest: string[]) => [members[i].name, numberOf.get(members[i].id), ...rest];
      const by = 'Сотрудник Комиссии'; // the coordinator (test-api's staff accounts)
      expect(body).toEqual([
        row(0, 'ATTENDED', local(0), 'QR', 'жоқ', 'жоқ', by),
        row(1, 'ATTENDED', local(1), 'QR', 'жоқ', 'жоқ', by),
        row(3, 'ATTENDED', local(3), 'QR', 'жоқ', 'жоқ', by),
        row(4, 'REGISTERED', '', '', 'жоқ', 'жоқ', ''),
        row(6, 'REGISTERED', '', '', 'жоқ', 'жоқ', ''),
        row(7, 'ATTENDED', local(7), 'WALK_IN', 'иә', 'иә', by),
        row(2, 'REGISTERED', '', '', 'жоқ', 'жоқ', ''),
      ]);
      expect(local(0)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
      // Asia/Almaty is UTC+5: the local time is 5 hours ahead of the instant
      const at = new Date(checkedIn.get(members[0].id) as Date);
      expect(local(0)).toBe(
        new Date(at.getTime() + 5 * 3_600_000).toISOString().slice(0, 16).replace('T', ' '),
      );

      // data minimisation: no contacts in the file
      for (const m of members) {
        expect(text).not.toContain(m.email);
        expect(text).not.toContain(m.phone);
        expect(text).not.toContain(m.phone.slice(2));
      }
    });

    it('speaks Russian (and English) when asked', async () => {
      const ru = parseCsv((await fetchCsv('ru-RU,ru;q=0.9')).body.slice(1));
      expect(ru[0]).toEqual([
        'ФИО',
        'Членский номер',
        'Статус',
        'Время отметки',
        'Способ отметки',
        'Сверх вместимости',
        'Зарегистрирован на входе',
        'Кто отметил',
      ]);
      expect(ru.slice(1).map((r) => r[5])).toEqual(['нет', 'нет', 'нет', 'нет', 'нет', 'да', 'нет']);
      const en = parseCsv((await fetchCsv('en')).body.slice(1));
      expect(en[0][0]).toBe('Full name');
      expect(en[1][5]).toBe('no');
    });

    it('is for the event’s staff only: 401 without a token, 403 for others, 404 for no event', async () => {
      const anonymous = await api.http.get(`/events/${eventId}/attendance.csv`);
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.error.extensions.code).toBe('UNAUTHENTICATED');
      const bad = await api.http
        .get(`/events/${eventId}/attendance.csv`)
        .set('Authorization', 'Bearer not-a-jwt');
      expect(bad.status).toBe(401);

      const elsewhere = await api.staff(Role.COORDINATOR, 'zhambyl.merke');
      const forbidden = await fetchCsv('en', elsewhere.token);
      expect(forbidden.status).toBe(403);
      expect(JSON.parse(forbidden.body).error.extensions.code).toBe('FORBIDDEN');
      expect((await fetchCsv('en', members[0].token)).status).toBe(403);

      const commission = await api.staff(Role.COMMISSION, 'zhambyl');
      expect((await fetchCsv('en', commission.token)).status).toBe(200);

      const missing = await api.http
        .get(`/events/${randomUUID()}/attendance.csv`)
        .set('Authorization', `Bearer ${coordinator.token}`);
      expect(missing.status).toBe(404);
      const malformed = await api.http
        .get(`/events/nope/attendance.csv`)
        .set('Authorization', `Bearer ${coordinator.token}`);
      expect(malformed.status).toBe(404);
    });

    it('quotes fields as RFC 4180 says and defuses spreadsheet formulas', () => {
      expect(csvField('Абай')).toBe('Абай');
      expect(csvField('a,b')).toBe('"a,b"');
      expect(csvField('say "hi"')).toBe('"say ""hi"""');
      expect(csvField('two\nlines')).toBe('"two\nlines"');
      expect(csvField('cr\rlf')).toBe('"cr\rlf"');
      expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
      expect(csvField('+7701')).toBe("'+7701");
      expect(parseCsv(csvField('a,"b"\r\nc') + '\r\n')).toEqual([['a,"b"\r\nc']]);
    });
  });
});
