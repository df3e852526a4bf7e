import { BadgesService, statusListBit } from '@yvc/credentials';
import { Role } from '@yvc/identity';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { randomUUID } from 'node:crypto';
import { TestApi, asText } from './helpers/test-api';

const CREATE = `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`;
const PUBLISH = `mutation($id: ID!) { publishEvent(id: $id) { id status } }`;
const REGISTER = `mutation($id: ID!) { registerForEvent(eventId: $id) { id checkInCode } }`;
const CHECK_IN = `mutation($e: ID!, $c: String!) { checkIn(eventId: $e, code: $c) { alreadyCheckedIn } }`;
const AWARD = `mutation($m: ID!, $c: String!) { awardBadge(memberId: $m, badgeCode: $c) {
  id awardedAt verifyUrl credential badge { code name } member { id } } }`;
const MY_BADGES = `{ me { badges { id badge { code name imageUrl } awardedAt verifyUrl credential } } }`;

const hours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
const PUBLIC_URL = (process.env.PUBLIC_URL ?? 'http://localhost:3000').replace(/\/$/, '');

describe('badges (e2e)', () => {
  let api: TestApi;
  let badges: BadgesService;
  let clubId: string;
  let coordinator: { id: string; token: string };
  let tarazId: string;
  let regionId: string;

  beforeAll(async () => {
    api = await TestApi.start();
    badges = api.app.get(BadgesService);
    await badges.importCatalogue(); // npm test imports it too; idempotent
    clubId = (await api.createClub('zhambyl.taraz')).id;
    coordinator = await api.staff(Role.COORDINATOR, 'zhambyl.taraz', clubId);
    tarazId = await api.unitId('zhambyl.taraz');
    regionId = await api.unitId('zhambyl');
  });
  afterAll(() => api.close());

  /** A published event starting within the check-in window (in 1 hour). */
  async function event(kind = 'FORUM', opts: { unitId?: string; token?: string } = {}) {
    const token = opts.token ?? coordinator.token;
    const input: Record<string, unknown> = {
      title: `Іс-шара ${randomUUID().slice(0, 6)}`,
      kind,
      unitId: opts.unitId ?? tarazId,
      startsAt: hours(1),
      endsAt: hours(3),
      capacity: 50,
    };
    if (!opts.unitId) input.clubId = clubId;
    const created = await api.gql(CREATE, { input }, { token });
    if (created.errors) throw new Error(JSON.stringify(created.errors));
    const id = created.data.createEvent.id as string;
    const published = await api.gql(PUBLISH, { id }, { token });
    if (published.errors) throw new Error(JSON.stringify(published.errors));
    return id;
  }

  async function attend(memberToken: string, eventId: string, staffToken = coordinator.token) {
    const reg = await api.gql(REGISTER, { id: eventId }, { token: memberToken });
    if (reg.errors) throw new Error(JSON.stringify(reg.errors));
    const res = await api.gql(
      CHECK_IN,
      { e: eventId, c: reg.data.registerForEvent.checkInCode },
      { token: staffToken },
    );
    if (res.errors) throw new Error(JSON.stringify(res.errors));
  }

  const codes = (list: Array<{ badgeClass?: { code: string } }>) =>
    list.map((a) => a.badgeClass!.code).sort();

  async function jwks() {
    const res = await api.http.get('/.well-known/jwks.json');
    return createLocalJWKSet(res.body);
  }

  async function statusList(): Promise<{ payload: any; contentType: string }> {
    const res = await api.http.get('/credentials/status/1').buffer(true).parse(asText);
    expect(res.status).toBe(200);
    const { payload } = await jwtVerify(res.body as string, await jwks(), { typ: 'vc+jwt' });
    return { payload, contentType: res.headers['content-type'] };
  }

  it('serves the catalogue in kk, ru and en, with an SVG image and a page per badge', async () => {
    const q = `{ badgeClasses { id code name description criteria imageUrl } }`;
    const [kk, ru, en] = await Promise.all(['kk', 'ru', 'en'].map((lang) => api.gql(q, {}, { lang })));
    expect(en.errors).toBeUndefined();
    const byCode = (r: any) => Object.fromEntries(r.data.badgeClasses.map((b: any) => [b.code, b]));
    for (const code of [
      'first-forum',
      'active-voter',
      'marathon',
      'elections-day',
      'regional-forum',
      'debater',
      'one-year',
      'organizer',
    ])
      expect(byCode(en)[code]).toBeDefined();
    expect(byCode(kk)['debater'].name).toBe('Пікірсайысшы');
    expect(byCode(ru)['debater'].name).toBe('Дебатёр');
    expect(byCode(en)['debater']).toMatchObject({
      name: 'Debater',
      criteria: 'Check in at a debate.',
      imageUrl: `${PUBLIC_URL}/badges/debater.svg`,
    });

    const svg = await api.http.get('/badges/first-forum.svg').buffer(true);
    expect(svg.status).toBe(200);
    expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(String(svg.body ?? svg.text)).toContain('>FF</text>');
    const html = await api.http.get('/badges/debater').set('Accept-Language', 'ru');
    expect(html.status).toBe(200);
    expect(html.text).toContain('Дебатёр');
    expect((await api.http.get('/badges/no-such-badge')).status).toBe(404);
  });

  it('awards first-forum, debater, regional-forum, then active-voter after 5 attendances; idempotent under races', async () => {
    const m = await api.signUp();
    const admin = await api.adminToken();
    // a worker of the notifications test may evaluate the same member through the outbox at the
    // same time, so what matters is the awards in the database after each evaluation
    const awarded = async () =>
      (
        await api.db.query(
          `SELECT c.code FROM badge_awards a JOIN badge_classes c ON c.id = a.badge_class_id WHERE a.member_id = $1 ORDER BY c.code`,
          [m.member.id],
        )
      ).map((r: { code: string }) => r.code);
    await badges.evaluate(m.member.id);
    expect(await awarded()).toEqual([]);

    await attend(m.accessToken, await event('FORUM'));
    await badges.evaluate(m.member.id);
    expect(await awarded()).toEqual(['first-forum']);

    await attend(m.accessToken, await event('DEBATE'));
    await attend(m.accessToken, await event('FORUM', { unitId: regionId, token: admin }), admin);
    // two evaluations at once: each badge is awarded exactly once
    const [a, b] = await Promise.all([badges.evaluate(m.member.id), badges.evaluate(m.member.id)]);
    const both = codes([...a, ...b]);
    expect(new Set(both).size).toBe(both.length);
    expect(await awarded()).toEqual(['debater', 'first-forum', 'regional-forum']);
    expect(await badges.evaluate(m.member.id)).toEqual([]);

    await attend(m.accessToken, await event('QUIZ'));
    await badges.evaluate(m.member.id);
    expect(await awarded()).toEqual(['debater', 'first-forum', 'regional-forum']);
    await attend(m.accessToken, await event('TRAINING'));
    await badges.evaluate(m.member.id);
    expect(await awarded()).toEqual(['active-voter', 'debater', 'first-forum', 'regional-forum']);

    const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM badge_awards WHERE member_id = $1`, [
      m.member.id,
    ]);
    expect(n).toBe(4);

    const mine = await api.gql(MY_BADGES, {}, { token: m.accessToken, lang: 'en' });
    expect(mine.errors).toBeUndefined();
    expect(mine.data.me.badges.map((x: any) => x.badge.code).sort()).toEqual([
      'active-voter',
      'debater',
      'first-forum',
      'regional-forum',
    ]);
    // another member cannot read them; the coordinator of the club cannot either (not in their club)
    const other = await api.signUp();
    const peek = await api.gql(
      `query($id: ID!) { member(id: $id) { badges { id } } }`,
      { id: m.member.id },
      { token: other.accessToken },
    );
    expect(peek.errors![0].extensions.code).toBe('FORBIDDEN');
  });

  it('elections-day: an attendance on the first Thursday of February (local calendar); one-year after 365 days', async () => {
    const m = await api.signUp();
    const id = await event('MEETING');
    await attend(m.accessToken, id);
    // move the (attended) event to World Elections Day 2026: Thursday 5 February, 10:00 in Taraz
    await api.db.query(
      `UPDATE events SET starts_at = '2026-02-05T05:00:00Z', ends_at = '2026-02-05T07:00:00Z' WHERE id = $1`,
      [id],
    );
    await badges.evaluate(m.member.id);
    const got = await api.db.query(
      `SELECT c.code FROM badge_awards a JOIN badge_classes c ON c.id = a.badge_class_id WHERE a.member_id = $1 ORDER BY c.code`,
      [m.member.id],
    );
    expect(got.map((r: { code: string }) => r.code)).toEqual(['elections-day', 'first-forum']);

    await api.db.query(`UPDATE members SET joined_at = now() - interval '366 days' WHERE id = $1`, [
      m.member.id,
    ]);
    // (a worker running the daily schedule at the same time may award it first: check the award itself)
    await badges.evaluateAnniversaries();
    const [row] = await api.db.query(
      `SELECT count(*)::int AS n FROM badge_awards a JOIN badge_classes c ON c.id = a.badge_class_id
       WHERE a.member_id = $1 AND c.code = 'one-year'`,
      [m.member.id],
    );
    expect(row.n).toBe(1);
  });

  it('awardBadge: manual badges by staff in scope (idempotent); FORBIDDEN out of scope; BAD_USER_INPUT for automatic ones', async () => {
    const m = await api.signUp({ clubId });
    const first = await api.gql(AWARD, { m: m.member.id, c: 'organizer' }, { token: coordinator.token });
    expect(first.errors).toBeUndefined();
    expect(first.data.awardBadge).toMatchObject({
      badge: { code: 'organizer', name: 'Organizer' },
      member: { id: m.member.id },
      verifyUrl: `${PUBLIC_URL}/badges/awards/${first.data.awardBadge.id}`,
    });
    const again = await api.gql(AWARD, { m: m.member.id, c: 'organizer' }, { token: await api.adminToken() });
    expect(again.data.awardBadge.id).toBe(first.data.awardBadge.id);

    const otherClub = (await api.createClub('zhambyl.taraz')).id;
    const stranger = await api.staff(Role.COORDINATOR, 'zhambyl.taraz', otherClub);
    const forbidden = await api.gql(AWARD, { m: m.member.id, c: 'organizer' }, { token: stranger.token });
    expect(forbidden.errors![0].extensions.code).toBe('FORBIDDEN');
    const byMember = await api.gql(AWARD, { m: m.member.id, c: 'organizer' }, { token: m.accessToken });
    expect(byMember.errors![0].extensions.code).toBe('FORBIDDEN');

    const automatic = await api.gql(AWARD, { m: m.member.id, c: 'debater' }, { token: coordinator.token });
    expect(automatic.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'BADGE_NOT_MANUAL',
      fields: [
        { field: 'badgeCode', message: 'This badge is earned automatically and cannot be awarded by hand.' },
      ],
    });
    const unknown = await api.gql(AWARD, { m: m.member.id, c: 'nope' }, { token: coordinator.token });
    expect(unknown.errors![0].extensions.code).toBe('NOT_FOUND');
  });

  it('each award is an Open Badges 3.0 credential (VC-JWT, EdDSA) that verifies with the published JWKS', async () => {
    const m = await api.signUp({ clubId });
    await attend(m.accessToken, await event('FORUM'));
    const [award] = await badges.evaluate(m.member.id);
    const { payload, protectedHeader } = await jwtVerify(award.credential!, await jwks(), {
      typ: 'vc+jwt',
      algorithms: ['EdDSA'],
    });
    expect(protectedHeader.kid).toBe(decodeProtectedHeader(award.credential!).kid);
    expect(payload).toMatchObject({
      '@context': [
        'https://www.w3.org/ns/credentials/v2',
        'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      ],
      id: `urn:uuid:${award.id}`,
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: PUBLIC_URL, type: ['Profile'], name: expect.any(String) },
      validFrom: award.awardedAt.toISOString(),
      iss: PUBLIC_URL,
      sub: `urn:uuid:${m.member.id}`,
      jti: `urn:uuid:${award.id}`,
      nbf: Math.floor(award.awardedAt.getTime() / 1000),
      credentialSubject: {
        id: `urn:uuid:${m.member.id}`,
        type: ['AchievementSubject'],
        achievement: {
          id: `${PUBLIC_URL}/badges/first-forum`,
          type: ['Achievement'],
          name: expect.any(String),
          description: expect.any(String),
          criteria: { narrative: expect.any(String) },
          image: { id: `${PUBLIC_URL}/badges/first-forum.svg`, type: 'Image' },
        },
      },
      credentialStatus: {
        id: `${PUBLIC_URL}/credentials/status/1#${award.statusIndex}`,
        type: 'BitstringStatusListEntry',
        statusPurpose: 'revocation',
        statusListIndex: String(award.statusIndex),
        statusListCredential: `${PUBLIC_URL}/credentials/status/1`,
      },
    });
    // the member sees the same credential through GraphQL
    const mine = await api.gql(MY_BADGES, {}, { token: m.accessToken });
    expect(mine.data.me.badges[0].credential).toBe(award.credential);
  });

  it('revocation flips the award’s bit in the signed status list; the award page says so', async () => {
    const m = await api.signUp({ clubId });
    await attend(m.accessToken, await event('FORUM'));
    const [award] = await badges.evaluate(m.member.id);

    const before = await statusList();
    expect(before.contentType).toMatch(/^application\/vc\+jwt/);
    expect(before.payload).toMatchObject({
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: { id: PUBLIC_URL },
      credentialSubject: { type: 'BitstringStatusList', statusPurpose: 'revocation' },
    });
    const list = before.payload.credentialSubject.encodedList as string;
    expect(statusListBit(list, award.statusIndex)).toBe(false);
    // at least 16 KB of bits
    const { gunzipSync } = await import('node:zlib');
    expect(gunzipSync(Buffer.from(list.slice(1), 'base64url')).length).toBeGreaterThanOrEqual(16 * 1024);

    const page = await api.http.get(`/badges/awards/${award.id}`).set('Accept-Language', 'en');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Holder: Ә. С.');
    expect(page.text).toContain('data-status="valid"');
    expect(page.text).not.toContain('Сәрсенбаев');

    const revoke = await api.gql(
      `mutation($id: ID!) { revokeBadgeAward(id: $id, reason: "issued by mistake") { id revokedAt } }`,
      { id: award.id },
      { token: coordinator.token },
    );
    expect(revoke.errors).toBeUndefined();
    expect(revoke.data.revokeBadgeAward.revokedAt).toBeTruthy();

    const after = await statusList();
    expect(statusListBit(after.payload.credentialSubject.encodedList, award.statusIndex)).toBe(true);
    const revokedPage = await api.http.get(`/badges/awards/${award.id}`).set('Accept-Language', 'en');
    expect(revokedPage.text).toContain('data-status="revoked"');
    expect((await api.http.get(`/badges/awards/${randomUUID()}`)).status).toBe(404);
  });
});
