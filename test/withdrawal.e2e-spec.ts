import { BadgesService, CertificatesService, statusListBit } from '@yvc/credentials';
import { readUnitTree } from '@yvc/demo';
import { Role } from '@yvc/identity';
import { NotificationPlanner } from '@yvc/notifications';
import { UnitsService } from '@yvc/org';
import { createLocalJWKSet, jwtVerify } from 'jose';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { ownDatabase } from './helpers/own-database';
import { Sinks, WorkerProcess, followUpWithdrawal, startSinks, until, workerEnv } from './helpers/pipeline';
import { TestApi, asText } from './helpers/test-api';

/**
 * Withdrawal of consent: one transaction anonymises the member and writes a CONSENT_WITHDRAWN
 * outbox row; a real worker (from dist/) frees the seats and erases notifications and credentials
 * from it. In a database of this file's own, so every row of every table can be searched for the
 * person, and the worker relays this outbox only.
 */
describe('withdrawal of consent (real worker, own database)', () => {
  let database: { url: string; drop: () => Promise<void> };
  let api: TestApi;
  let sinks: Sinks;
  let worker: WorkerProcess | undefined;
  let env: Record<string, string>;
  let coordinator: { id: string; token: string };
  let commission: { id: string; token: string };
  let clubId: string;
  let tarazId: string;
  const prefix = `${process.env.REDIS_PREFIX ?? 'yvc-test'}-withdrawal`;

  beforeAll(async () => {
    database = await ownDatabase(`yvc_withdrawal_${process.pid}`);
    env = { DATABASE_URL: database.url, REDIS_PREFIX: prefix, ENGAGEMENT_CACHE_SECONDS: '0' };
    api = await TestApi.start(env);
    await api.app.get(UnitsService).importTree(readUnitTree());
    await api.app.get(BadgesService).importCatalogue();
    sinks = await startSinks();
    clubId = (await api.createClub('zhambyl.taraz')).id;
    coordinator = await api.staff(Role.COORDINATOR, 'zhambyl.taraz', clubId);
    commission = await api.staff(Role.COMMISSION, 'zhambyl');
    tarazId = await api.unitId('zhambyl.taraz');
  }, 120_000);

  afterAll(async () => {
    await worker?.stop();
    await sinks?.mail.close();
    await sinks?.sms.close();
    await api?.close();
    await database?.drop();
  });

  /** A worker on this database and prefix; many quick retries, so an injected failure heals. */
  async function startWorker(): Promise<void> {
    worker = new WorkerProcess(workerEnv(sinks, { ...env, DELIVERY_ATTEMPTS: '40' })).start();
    await worker.ready();
  }
  async function stopWorker(): Promise<void> {
    await worker?.stop();
    worker = undefined;
  }

  const letters = 'АӘБВГҒДЕЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЫІЭЮЯ';
  const word = () =>
    Array.from({ length: 9 }, (_, i) => {
      const c = letters[Math.floor(Math.random() * letters.length)];
      return i === 0 ? c : c.toLocaleLowerCase('kk');
    }).join('');

  async function person() {
    const surname = word();
    const fullName = `${word()} ${surname}`;
    const phone = `+7701${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    const m = await api.signUp({ fullName, phone, clubId });
    return { ...m, fullName, surname, phone };
  }

  async function event(capacity: number, startsInDays = 3): Promise<string> {
    const at = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();
    const res = await api.gql(
      `mutation($i: CreateEventInput!) { createEvent(input: $i) { id } }`,
      {
        i: {
          title: `Форум ${randomUUID().slice(0, 6)}`,
          kind: 'FORUM',
          unitId: tarazId,
          clubId,
          startsAt: at(startsInDays),
          endsAt: at(startsInDays + 0.1),
          capacity,
          reminderOffsetsMinutes: [60],
        },
      },
      { token: coordinator.token },
    );
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    const id = res.data.createEvent.id as string;
    await api.gql(
      `mutation($id: ID!) { publishEvent(id: $id) { id } }`,
      { id },
      { token: coordinator.token },
    );
    return id;
  }

  const register = async (eventId: string, token: string) => {
    const res = await api.gql(
      `mutation($id: ID!) { registerForEvent(eventId: $id) { id status } }`,
      { id: eventId },
      { token },
    );
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data.registerForEvent as { id: string; status: string };
  };

  const withdraw = (token: string) => api.gql(`mutation { withdrawConsent }`, {}, { token });

  const seats = async (eventId: string) =>
    (
      await api.db.query(
        `SELECT e.seats_taken AS "seatsTaken",
           (SELECT count(*)::int FROM registrations r WHERE r.event_id = e.id AND r.status = 'WAITLISTED') AS waitlisted
         FROM events e WHERE e.id = $1`,
        [eventId],
      )
    )[0] as { seatsTaken: number; waitlisted: number };

  const statusOf = async (registrationId: string) =>
    (await api.db.query(`SELECT status FROM registrations WHERE id = $1`, [registrationId]))[0].status;

  /** A member holding a seat (with a waitlist behind), a certificate, a badge, a feed, a pending reset. */
  async function holder() {
    const m = await person();
    const eventId = await event(1);
    const reg = await register(eventId, m.accessToken);
    const next = await person();
    const waiting = await register(eventId, next.accessToken);
    const issued = await api.gql(
      `mutation($m: ID!) { issueCertificate(memberId: $m) { id number verifyUrl credential } }`,
      { m: m.member.id },
      { token: coordinator.token },
    );
    if (issued.errors) throw new Error(JSON.stringify(issued.errors));
    const award = await api.gql(
      `mutation($m: ID!) { awardBadge(memberId: $m, badgeCode: "organizer") { id credential } }`,
      { m: m.member.id },
      { token: coordinator.token },
    );
    if (award.errors) throw new Error(JSON.stringify(award.errors));
    await api.gql(`{ me { calendarFeedUrl } }`, {}, { token: m.accessToken });
    await api.gql(`mutation($e: String!) { requestPasswordReset(email: $e) }`, { e: m.input.email });
    const [{ statusIndex: certBit }] = await api.db.query(
      `SELECT status_index AS "statusIndex" FROM certificates WHERE id = $1`,
      [issued.data.issueCertificate.id],
    );
    const [{ statusIndex: badgeBit }] = await api.db.query(
      `SELECT status_index AS "statusIndex" FROM badge_awards WHERE id = $1`,
      [award.data.awardBadge.id],
    );
    return {
      m,
      next,
      eventId,
      reg,
      waiting,
      certificate: issued.data.issueCertificate as { id: string; number: string; verifyUrl: string },
      award: award.data.awardBadge as { id: string },
      certBit: certBit as number,
      badgeBit: badgeBit as number,
    };
  }

  /** Every text-like column of every table, as (table, column). */
  async function textColumns(): Promise<Array<{ t: string; c: string }>> {
    return api.db.query(
      `SELECT table_name AS t, column_name AS c FROM information_schema.columns
       WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'character', 'jsonb', 'json')
         AND table_name NOT IN ('migrations', 'typeorm_metadata')`,
    );
  }

  /** A value as stored, plus the payload of any compact JWS in it (a signed credential hides its text). */
  const readable = (v: string) =>
    v +
    (v.match(/[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]*/g) ?? [])
      .map((jws) => Buffer.from(jws.split('.')[1], 'base64url').toString('utf8'))
      .join(' ');

  /** Where in the database (table.column) any of the needles still appears. */
  async function whereStored(needles: string[], except: string[] = []): Promise<string[]> {
    const found: string[] = [];
    const lower = needles.map((x) => x.toLowerCase());
    for (const { t, c } of await textColumns()) {
      if (except.includes(`${t}.${c}`)) continue;
      const rows: Array<{ v: string }> = await api.db.query(
        `SELECT "${c}"::text AS v FROM "${t}" WHERE "${c}" IS NOT NULL`,
      );
      if (rows.some((r) => lower.some((x) => readable(r.v).toLowerCase().includes(x))))
        found.push(`${t}.${c}`);
    }
    return found;
  }

  /** Redis values under this file's prefix (jobs, caches, counters) holding any of the needles. */
  async function redisHolding(needles: string[]): Promise<string[]> {
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    try {
      const hits: string[] = [];
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
        cursor = next;
        for (const key of keys) {
          const type = await redis.type(key);
          const text =
            type === 'string'
              ? ((await redis.get(key)) ?? '')
              : type === 'hash'
                ? JSON.stringify(await redis.hgetall(key))
                : type === 'list'
                  ? JSON.stringify(await redis.lrange(key, 0, -1))
                  : type === 'zset'
                    ? JSON.stringify(await redis.zrange(key, 0, -1))
                    : type === 'set'
                      ? JSON.stringify(await redis.smembers(key))
                      : '';
          if (needles.some((x) => key.includes(x) || text.toLowerCase().includes(x.toLowerCase())))
            hits.push(key);
        }
      } while (cursor !== '0');
      return hits;
    } finally {
      redis.disconnect();
    }
  }

  async function statusBit(list: 1 | 2, index: number): Promise<boolean> {
    const jwks = createLocalJWKSet((await api.http.get('/.well-known/jwks.json')).body);
    const res = await api.http.get(`/credentials/status/${list}`).buffer(true).parse(asText);
    const { payload } = await jwtVerify(res.body as string, jwks, { typ: 'vc+jwt' });
    return statusListBit((payload.credentialSubject as { encodedList: string }).encodedList, index);
  }

  const mailsTo = (email: string) => sinks.mail.received.filter((x) => x.to.includes(email));

  const followUpDone = (memberId: string) =>
    until(async () => {
      const [row] = await api.db.query(
        `SELECT (SELECT count(*)::int FROM certificates WHERE member_id = $1 AND erased_at IS NULL) AS certs,
                (SELECT count(*)::int FROM badge_awards WHERE member_id = $1 AND erased_at IS NULL) AS badges,
                (SELECT count(*)::int FROM registrations r JOIN events e ON e.id = r.event_id
                 WHERE r.member_id = $1 AND r.status IN ('REGISTERED', 'WAITLISTED') AND e.starts_at > now()) AS seats`,
        [memberId],
      );
      return row.certs === 0 && row.badges === 0 && row.seats === 0;
    }, 60_000);

  describe('with a worker', () => {
    beforeAll(() => startWorker(), 90_000);
    afterAll(() => stopWorker());

    it('erases every stored copy: certificate and badge revoked and dropped, seats freed, the waitlist promoted, nothing sent to the withdrawn', async () => {
      const h = await holder();
      const { m } = h;
      // the address check, the confirmation and the reset link went out: notifications and
      // deliveries exist for the member
      await until(() => mailsTo(m.input.email).length >= 3);
      const toldBefore = mailsTo(m.input.email).length;
      await until(() => mailsTo(h.next.input.email).length >= 1);
      const toldNext = mailsTo(h.next.input.email).length;
      expect(h.waiting.status).toBe('WAITLISTED');
      const before = await whereStored([m.fullName, m.input.email, m.member.membershipNumber]);
      expect(before).toEqual(
        expect.arrayContaining(['members.full_name', 'certificates.number', 'certificates.credential']),
      );

      expect((await withdraw(m.accessToken)).data).toEqual({ withdrawConsent: true });
      await followUpDone(m.member.id);

      // no name, e-mail, phone or membership number in any column of any table, but the
      // member's own membership number (kept so that counts hold; it names nobody any more)
      const needles = [m.surname, m.input.email, m.phone.slice(2), m.member.membershipNumber];
      expect(await whereStored(needles, ['members.membership_number'])).toEqual([]);
      expect(await redisHolding([m.surname, m.input.email, m.phone.slice(2)])).toEqual([]);
      const [cert] = await api.db.query(
        `SELECT status, credential, revoked_reason, number FROM certificates WHERE id = $1`,
        [h.certificate.id],
      );
      expect(cert).toEqual({
        status: 'REVOKED',
        credential: null,
        revoked_reason: 'consent withdrawn',
        number: expect.stringMatching(/^WITHDRAWN-\d+$/),
      });
      const [badge] = await api.db.query(
        `SELECT credential, evidence, revoked_at FROM badge_awards WHERE id = $1`,
        [h.award.id],
      );
      expect(badge).toMatchObject({ credential: null, evidence: null });
      expect(badge.revoked_at).not.toBeNull();
      for (const table of ['notifications', 'calendar_feeds', 'account_tokens'])
        expect(
          (
            await api.db.query(`SELECT count(*)::int AS n FROM ${table} WHERE member_id = $1`, [m.member.id])
          )[0].n,
        ).toBe(0);

      // revoked where offline verifiers look
      expect(await statusBit(2, h.certBit)).toBe(true);
      expect(await statusBit(1, h.badgeBit)).toBe(true);

      // what staff see: revoked, no signed copy, no number that names the member
      const seen = await api.gql(
        `query($id: ID!) { member(id: $id) { fullName certificate { number status credential verifyUrl }
           badges { revokedAt credential } } }`,
        { id: m.member.id },
        { token: commission.token, lang: 'en' },
      );
      expect(seen.errors).toBeUndefined();
      const c = seen.data.member.certificate;
      expect(c).toMatchObject({ status: 'REVOKED', credential: null });
      expect(JSON.stringify(seen.data)).not.toContain(m.member.membershipNumber);
      expect(JSON.stringify(seen.data)).not.toContain(m.surname);
      expect(seen.data.member.badges).toEqual([{ revokedAt: expect.any(String), credential: '' }]);

      // the printed card's QR link: revoked, no name; the number alone no longer finds anything
      const page = await api.http.get(
        new URL(h.certificate.verifyUrl).pathname + new URL(h.certificate.verifyUrl).search,
      );
      expect(page.text).toContain('data-status="REVOKED"');
      expect(page.text).not.toContain(m.surname);
      const check = await api.gql(
        `query($n: String!) { verifyCertificate(number: $n) { status holderName } }`,
        { n: h.certificate.number },
      );
      expect(check.data.verifyCertificate).toEqual({ status: null, holderName: null });
      const award = await api.http.get(`/badges/awards/${h.award.id}`).set('Accept-Language', 'en');
      expect(award.text).toContain('data-status="revoked"');

      // the seat went to the first on the waitlist, who is told; the withdrawn member is told nothing
      expect(await statusOf(h.reg.id)).toBe('CANCELLED');
      expect(await statusOf(h.waiting.id)).toBe('REGISTERED');
      expect(await seats(h.eventId)).toEqual({ seatsTaken: 1, waitlisted: 0 });
      await until(() => mailsTo(h.next.input.email).length > toldNext);
      await until(async () => {
        const [{ n }] = await api.db.query(
          `SELECT count(*)::int AS n FROM notification_outbox WHERE member_id = $1 AND dispatched_at IS NULL`,
          [m.member.id],
        );
        return n === 0;
      });
      await new Promise((r) => setTimeout(r, 1000));
      expect(mailsTo(m.input.email)).toHaveLength(toldBefore);
    });

    it('a follow-up that fails half-way (seats freed, credentials not yet) finishes when retried', async () => {
      const h = await holder();
      await api.db.query(`CREATE OR REPLACE FUNCTION wd_fail() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'injected failure'; END $$`);
      await api.db.query(
        `CREATE TRIGGER wd_fail BEFORE UPDATE ON certificates FOR EACH ROW EXECUTE FUNCTION wd_fail()`,
      );
      try {
        expect((await withdraw(h.m.accessToken)).data).toEqual({ withdrawConsent: true });
        await until(async () => (await statusOf(h.waiting.id)) === 'REGISTERED');
        const [cert] = await api.db.query(`SELECT credential FROM certificates WHERE id = $1`, [
          h.certificate.id,
        ]);
        expect(cert.credential).toEqual(expect.any(String));
      } finally {
        await api.db.query(`DROP TRIGGER wd_fail ON certificates`);
        await api.db.query(`DROP FUNCTION wd_fail()`);
      }
      await followUpDone(h.m.member.id);
      expect(
        await whereStored([h.m.surname, h.m.member.membershipNumber], ['members.membership_number']),
      ).toEqual([]);
      expect(await seats(h.eventId)).toEqual({ seatsTaken: 1, waitlisted: 0 });
    });
  });

  describe('without a worker', () => {
    it('a crash before the outbox is processed leaves the member anonymised; the seats are freed once it is', async () => {
      const h = await holder();
      expect((await withdraw(h.m.accessToken)).data).toEqual({ withdrawConsent: true });
      // the transaction's effects are all there, the follow-up has not run yet
      const [row] = await api.db.query(`SELECT full_name, email, status FROM members WHERE id = $1`, [
        h.m.member.id,
      ]);
      expect(row).toMatchObject({ email: null, status: 'WITHDRAWN' });
      const pending = await api.db.query(
        `SELECT id FROM notification_outbox WHERE member_id = $1 AND kind = 'CONSENT_WITHDRAWN'`,
        [h.m.member.id],
      );
      expect(pending).toHaveLength(1);
      expect(await seats(h.eventId)).toEqual({ seatsTaken: 1, waitlisted: 1 });

      await startWorker();
      try {
        await followUpDone(h.m.member.id);
        expect(await statusOf(h.waiting.id)).toBe('REGISTERED');
        expect(await seats(h.eventId)).toEqual({ seatsTaken: 1, waitlisted: 0 });
      } finally {
        await stopWorker();
      }
    }, 120_000);

    it('the follow-up run twice, or by two workers at once, changes nothing more', async () => {
      const h = await holder();
      const third = await person();
      const waiting2 = await register(h.eventId, third.accessToken);
      expect((await withdraw(h.m.accessToken)).data).toEqual({ withdrawConsent: true });
      const [{ id: outboxId }] = await api.db.query(
        `SELECT id FROM notification_outbox WHERE member_id = $1 AND kind = 'CONSENT_WITHDRAWN'`,
        [h.m.member.id],
      );
      const planner = api.app.get(NotificationPlanner);
      const certificates = api.app.get(CertificatesService);
      const badges = api.app.get(BadgesService);
      const snapshot = async () =>
        api.db.query(
          `SELECT (SELECT json_agg(r ORDER BY r.id) FROM registrations r WHERE r.event_id = $1) AS regs,
                  (SELECT json_agg(o.kind ORDER BY o.kind) FROM notification_outbox o WHERE o.event_id = $1) AS outbox,
                  (SELECT json_agg(c ORDER BY c.id) FROM certificates c WHERE c.member_id = $2) AS certs,
                  (SELECT json_agg(b ORDER BY b.id) FROM badge_awards b WHERE b.member_id = $2) AS badges,
                  (SELECT seats_taken FROM events WHERE id = $1) AS seats`,
          [h.eventId, h.m.member.id],
        );
      const both = () =>
        Promise.all([
          planner.dispatch(outboxId),
          planner.dispatch(outboxId),
          certificates.eraseForWithdrawnMember(h.m.member.id),
          certificates.eraseForWithdrawnMember(h.m.member.id),
          badges.eraseForWithdrawnMember(h.m.member.id),
          badges.eraseForWithdrawnMember(h.m.member.id),
        ]);
      await both();
      const once = await snapshot();
      // one seat freed, one person promoted (the first), the second still waiting
      expect(await statusOf(h.waiting.id)).toBe('REGISTERED');
      expect(await statusOf(waiting2.id)).toBe('WAITLISTED');
      expect(await seats(h.eventId)).toEqual({ seatsTaken: 1, waitlisted: 1 });
      expect(once[0].outbox.filter((k: string) => k === 'PROMOTED')).toHaveLength(1);
      expect(once[0].outbox.filter((k: string) => k === 'REGISTRATION_CANCELLED')).toHaveLength(1);
      expect(once[0].certs[0]).toMatchObject({ credential: null, status: 'REVOKED' });
      await both();
      expect(await snapshot()).toEqual(once);
    });

    it('the withdrawal is all or nothing: a failure after the anonymisation leaves the member untouched', async () => {
      const h = await holder();
      await api.db.query(`CREATE OR REPLACE FUNCTION wd_fail_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.kind::text = 'CONSENT_WITHDRAWN' THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$`);
      await api.db.query(
        `CREATE TRIGGER wd_fail_outbox BEFORE INSERT ON notification_outbox FOR EACH ROW EXECUTE FUNCTION wd_fail_outbox()`,
      );
      let res;
      try {
        res = await withdraw(h.m.accessToken);
      } finally {
        await api.db.query(`DROP TRIGGER wd_fail_outbox ON notification_outbox`);
        await api.db.query(`DROP FUNCTION wd_fail_outbox()`);
      }
      expect(res.errors?.[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
      const [row] = await api.db.query(
        `SELECT full_name, email, status, anonymized_at FROM members WHERE id = $1`,
        [h.m.member.id],
      );
      expect(row).toEqual({
        full_name: h.m.fullName,
        email: h.m.input.email,
        status: 'ACTIVE',
        anonymized_at: null,
      });
      const [consent] = await api.db.query(`SELECT withdrawn_at FROM consents WHERE member_id = $1`, [
        h.m.member.id,
      ]);
      expect(consent.withdrawn_at).toBeNull();
      expect(await statusOf(h.reg.id)).toBe('REGISTERED');
      // still logged in: the sessions were not ended either
      const me = await api.gql(`{ me { id } }`, {}, { token: h.m.accessToken });
      expect(me.data.me).toEqual({ id: h.m.member.id });
    });

    it('two withdrawals at once write one outbox row', async () => {
      const m = await person();
      const answers = await Promise.all([withdraw(m.accessToken), withdraw(m.accessToken)]);
      expect(answers.filter((a) => a.data?.withdrawConsent === true).length).toBeGreaterThanOrEqual(1);
      const rows = await api.db.query(
        `SELECT id FROM notification_outbox WHERE member_id = $1 AND kind = 'CONSENT_WITHDRAWN'`,
        [m.member.id],
      );
      expect(rows).toHaveLength(1);
    });

    it('aggregate statistics do not change on withdrawal', async () => {
      const m = await person();
      const eventId = await event(10);
      const reg = await register(eventId, m.accessToken);
      // the event took place last month and the member came
      await api.db.query(
        `UPDATE events SET starts_at = now() - interval '30 days', ends_at = now() - interval '30 days' + interval '2 hours',
           status = 'COMPLETED' WHERE id = $1`,
        [eventId],
      );
      await api.db.query(
        `UPDATE registrations SET status = 'ATTENDED', checked_in_at = now() - interval '30 days' WHERE id = $1`,
        [reg.id],
      );
      expect((await api.app.get(BadgesService).evaluate(m.member.id)).length).toBeGreaterThan(0);
      await api.db.query(
        `UPDATE badge_awards SET awarded_at = now() - interval '30 days' WHERE member_id = $1`,
        [m.member.id],
      );
      const filter = {
        unitId: tarazId,
        from: new Date(Date.now() - 60 * 86_400_000).toISOString(),
        to: new Date(Date.now() - 86_400_000).toISOString(),
      };
      const q = `query($f: EngagementFilter) { engagement(filter: $f) {
        members activeMembers events registrations attendances uniqueParticipants
        byAgeBand { band members activeMembers attendances uniqueParticipants }
        funnel { registrations attendances badges registeredMembers attendedMembers badgedMembers }
        retention { participants returning rate } } }`;
      const report = async () => {
        const res = await api.gql(q, { f: filter }, { token: commission.token, lang: 'en' });
        if (res.errors) throw new Error(JSON.stringify(res.errors));
        return res.data.engagement;
      };
      const before = await report();
      expect(before.funnel.badges).toBeGreaterThan(0);
      expect((await withdraw(m.accessToken)).data).toEqual({ withdrawConsent: true });
      await followUpWithdrawal(api.app, m.member.id);
      expect(await report()).toEqual(before);
    });
  });
});
