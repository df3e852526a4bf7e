import { ModulesContainer } from '@nestjs/core';
import { QUEUES } from '@yvc/core';
import { Role } from '@yvc/identity';
import { DeliveryPump, DeliveryService, NotificationPlanner } from '@yvc/notifications';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import {
  OwnRedis,
  Sinks,
  WorkerProcess,
  startSinks,
  until,
  workerEnv,
  zoneWhereItIs,
} from './helpers/pipeline';
import { PASSWORD, TestApi, asText } from './helpers/test-api';
import ICAL from 'ical.js';

/** The calendar's METHOD and its one event, parsed by ical.js (a real RFC 5545 parser). */
function parseIcs(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  const vevent = cal.getFirstSubcomponent('vevent')!;
  return {
    method: cal.getFirstPropertyValue('method') as string,
    uid: vevent.getFirstPropertyValue('uid') as string,
    sequence: Number(vevent.getFirstPropertyValue('sequence') ?? 0),
    status: vevent.getFirstPropertyValue('status') as string | null,
    summary: vevent.getFirstPropertyValue('summary') as string,
    organizer: vevent.getFirstPropertyValue('organizer') as string | null,
    attendees: vevent.getAllProperties('attendee').map((p: any) => String(p.getFirstValue())),
  };
}

/**
 * The notification pipeline end to end: the API writes outbox rows, a real worker process (from
 * dist/) relays them through BullMQ on Redis, and the messages arrive at a local SMTP sink and an
 * HTTP SMS stub. All pipeline tests live in this one file, so one worker at a time relays the
 * shared outbox.
 */
describe('notifications and reminders (e2e, real worker, Redis, SMTP sink, SMS stub)', () => {
  let api: TestApi;
  let sinks: Sinks;
  let coordinator: { id: string; token: string };
  let tarazId: string;
  let clubId: string;
  const sec = (s: number) => new Date(Date.now() + s * 1000).toISOString();

  beforeAll(async () => {
    api = await TestApi.start();
    sinks = await startSinks();
    clubId = (await api.createClub('zhambyl.taraz')).id;
    coordinator = await api.staff(Role.COORDINATOR, 'zhambyl.taraz', clubId);
    tarazId = await api.unitId('zhambyl.taraz');
  });
  afterAll(async () => {
    await sinks.mail.close();
    await sinks.sms.close();
    await api.close();
  });

  async function member(opts: { locale?: string; sms?: boolean; zoneHour?: number; phone?: string } = {}) {
    const m = await api.signUp({
      phone: opts.phone ?? `+7 701 ${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`,
    });
    const input: Record<string, unknown> = {
      smsOptIn: !!opts.sms,
      timeZone: zoneWhereItIs(opts.zoneHour ?? 12),
    };
    if (opts.locale) input.locale = opts.locale;
    const res = await api.gql(
      `mutation($i: UpdateMeInput!) { updateMe(input: $i) { phone } }`,
      { i: input },
      { token: m.accessToken },
    );
    return { ...m, phone: res.data.updateMe.phone as string };
  }

  async function event(startsInSeconds: number, offsets = [1], title = `Форум ${randomUUID().slice(0, 6)}`) {
    const created = await api.gql(
      `mutation($i: CreateEventInput!) { createEvent(input: $i) { id } }`,
      {
        i: {
          title,
          kind: 'FORUM',
          unitId: tarazId,
          clubId,
          startsAt: sec(startsInSeconds),
          endsAt: sec(startsInSeconds + 3600),
          capacity: 100,
          reminderOffsetsMinutes: offsets,
          venue: {
            name: 'Дулати университеті',
            address: 'Тараз, Сүлейменов к., 7',
            wheelchairAccessible: true,
          },
        },
      },
      { token: coordinator.token },
    );
    const id = created.data.createEvent.id as string;
    await api.gql(
      `mutation($id: ID!) { publishEvent(id: $id) { id } }`,
      { id },
      { token: coordinator.token },
    );
    return { id, title };
  }

  const register = async (eventId: string, token: string) =>
    (
      await api.gql(
        `mutation($id: ID!) { registerForEvent(eventId: $id) { id status } }`,
        { id: eventId },
        { token },
      )
    ).data.registerForEvent;

  const mailsTo = (email: string) => sinks.mail.received.filter((m) => m.to.includes(email));
  const smsTo = (phone: string) => sinks.sms.received.filter((s) => s.to === phone);
  const settle = (ms = 1500) => new Promise((r) => setTimeout(r, ms));

  it('an API process has no delivery pump, whatever DELIVERY_PUMP says: only workers send', () => {
    // (app.get of a missing provider would end the process: Nest's abortOnError)
    const providers = [...api.app.get(ModulesContainer).values()].flatMap((m) => [...m.providers.keys()]);
    expect(providers).toContain(DeliveryService);
    expect(providers).not.toContain(DeliveryPump);
  });

  describe('with a worker on the suite’s Redis', () => {
    let worker: WorkerProcess;
    beforeAll(async () => {
      // the same Redis and prefix as the API in this process: retries it queues reach this worker
      worker = new WorkerProcess(workerEnv(sinks, { REDIS_PREFIX: process.env.REDIS_PREFIX! })).start();
      await worker.ready();
    });
    afterAll(() => worker.stop());

    it('registration: a confirmation with the .ics, then one reminder by email and SMS, in the member’s language', async () => {
      const m = await member({ locale: 'RU', sms: true });
      const ev = await event(70, [1]); // the 1-minute reminder is due in about 10 s
      await register(ev.id, m.accessToken);

      const confirmation = await until(() =>
        mailsTo(m.input.email).find((x) => x.subject.startsWith('Вы зарегистрированы')),
      );
      expect(confirmation.subject).toBe(`Вы зарегистрированы: «${ev.title}»`);
      expect(confirmation.text).toContain('Здравствуйте, Әлихан Сәрсенбаев!');
      expect(confirmation.text).toContain('Есть доступ для инвалидных колясок.');
      expect(confirmation.text).toMatch(/\/qr\/[A-Za-z0-9_-]{43}\.png/);
      expect(confirmation.text).toMatch(/\/unsubscribe\?token=/);
      expect(confirmation.attachments[0].contentType).toMatch(/^text\/calendar/);
      expect(confirmation.attachments[0].content).toContain(`SUMMARY:${ev.title}`);

      const reminder = await until(
        () => mailsTo(m.input.email).find((x) => x.subject.startsWith('Напоминание')),
        40_000,
      );
      expect(reminder.subject).toMatch(new RegExp(`^Напоминание: «${ev.title}», \\d+ \\S+ в \\d{2}:\\d{2}$`));
      const sms = await until(() => smsTo(m.phone).find((s) => s.text.startsWith('Напоминание')), 20_000);
      expect(sms.text).toContain(ev.title);
      expect(sms.encoding).toBe('UCS2');

      await settle();
      expect(mailsTo(m.input.email).filter((x) => x.subject.startsWith('Напоминание'))).toHaveLength(1);
      expect(smsTo(m.phone).filter((s) => s.text.startsWith('Напоминание'))).toHaveLength(1);
      // the sign-up's address check came too (rendered when sent: kk or ru, depending on the race
      // with the locale change above)
      expect(mailsTo(m.input.email).some((x) => /verify-email\?token=/.test(x.text))).toBe(true);

      const inApp = await api.gql(
        `{ notifications(first: 10) { unreadCount edges { node { kind title } } } }`,
        {},
        { token: m.accessToken, lang: 'en' },
      );
      const kinds = inApp.data.notifications.edges.map((e: any) => e.node.kind);
      expect(kinds).toEqual(expect.arrayContaining(['REGISTERED', 'REMINDER']));
      expect(inApp.data.notifications.edges.find((e: any) => e.node.kind === 'REGISTERED').node.title).toBe(
        `You are registered: «${ev.title}»`,
      );
      const read = await api.gql(`mutation { markNotificationsRead }`, {}, { token: m.accessToken });
      expect(read.data.markNotificationsRead).toBe(inApp.data.notifications.unreadCount);
    });

    it('moving the event re-times the reminder; cancelling a registration removes it', async () => {
      const a = await member({ locale: 'EN' });
      const b = await member({ locale: 'KK' });
      const ev = await event(72, [1]);
      await register(ev.id, a.accessToken);
      const rb = await register(ev.id, b.accessToken);
      await api.gql(
        `mutation($id: ID!) { cancelRegistration(registrationId: $id) { status } }`,
        { id: rb.id },
        { token: b.accessToken },
      );
      await until(() => mailsTo(a.input.email).find((x) => x.subject.startsWith('You are registered')));
      const moved = await api.gql(
        `mutation($id: ID!, $s: DateTime!, $e: DateTime!) { updateEvent(id: $id, input: { startsAt: $s, endsAt: $e }) { startsAt } }`,
        { id: ev.id, s: sec(80), e: sec(3680) },
        { token: coordinator.token },
      );
      expect(moved.errors).toBeUndefined();
      await until(() => mailsTo(a.input.email).find((x) => x.subject.startsWith('New time')));
      const reminder = await until(
        () => mailsTo(a.input.email).find((x) => x.subject.startsWith('Reminder')),
        45_000,
      );
      await settle(3000);
      expect(mailsTo(a.input.email).filter((x) => x.subject.startsWith('Reminder'))).toEqual([reminder]);
      expect(mailsTo(b.input.email).map((x) => x.subject)).toEqual(
        expect.arrayContaining([`Тіркелудің күші жойылды: «${ev.title}»`]),
      );
      expect(mailsTo(b.input.email).some((x) => x.subject.startsWith('Еске салу'))).toBe(false);
    });

    it('new reminder times for a published event reschedule the reminders of the seats taken, with no message', async () => {
      const a = await member({ locale: 'EN' });
      const ev = await event(75, [120]); // a 2-hour reminder: already past, none scheduled
      const ra = await register(ev.id, a.accessToken);
      await until(() => mailsTo(a.input.email).find((x) => x.subject.startsWith('You are registered')));
      const changed = await api.gql(
        `mutation($id: ID!) { updateEvent(id: $id, input: { reminderOffsetsMinutes: [1] }) { reminderOffsetsMinutes } }`,
        { id: ev.id },
        { token: coordinator.token },
      );
      expect(changed.data.updateEvent.reminderOffsetsMinutes).toEqual([1]);
      const [row] = await api.db.query(
        `SELECT kind, payload FROM notification_outbox WHERE registration_id = $1 AND kind = 'REMINDERS_CHANGED'`,
        [ra.id],
      );
      expect(row.payload).toEqual({ previousOffsets: [120], startsAt: expect.any(String) });
      // the 1-minute reminder is due about 15 s from now
      const reminder = await until(
        () => mailsTo(a.input.email).find((x) => x.subject.startsWith('Reminder')),
        45_000,
      );
      await settle(3000);
      expect(mailsTo(a.input.email).filter((x) => x.subject.startsWith('Reminder'))).toEqual([reminder]);
      // no "new time" or other message about the change itself (the sign-up's address check aside)
      const about = mailsTo(a.input.email).filter((x) => !/verify-email\?token=/.test(x.text));
      expect(about.map((x) => x.subject.split(':')[0]).sort()).toEqual(['Reminder', 'You are registered']);
    });

    it('an SMS gateway answering 500 three times then 200: one SMS, attempts recorded; a 400 fails at once', async () => {
      const m = await member({ sms: true, locale: 'KK' });
      const ev = await event(3600);
      await register(ev.id, m.accessToken);
      await until(() => mailsTo(m.input.email).some((x) => x.subject.startsWith('Тіркелдіңіз')));
      sinks.sms.setScript([500, 500, 500]);
      await api.gql(
        `mutation($id: ID!) { cancelEvent(id: $id, reason: "Жөндеу") { status } }`,
        { id: ev.id },
        { token: coordinator.token },
      );
      const sms = await until(() => smsTo(m.phone).find((s) => s.text.startsWith('Өтпейді')), 20_000);
      expect(sms.text).toContain(ev.title);
      await settle();
      expect(smsTo(m.phone).filter((s) => s.text.startsWith('Өтпейді'))).toHaveLength(1);
      const [row] = await api.db.query(
        `SELECT d.status, d.attempts FROM deliveries d JOIN notifications n ON n.id = d.notification_id
         WHERE n.event_id = $1 AND n.kind = 'EVENT_CANCELLED' AND d.channel = 'SMS'`,
        [ev.id],
      );
      expect(row).toEqual({ status: 'SENT', attempts: 4 });

      const m2 = await member({ sms: true });
      const ev2 = await event(3600);
      await register(ev2.id, m2.accessToken);
      await until(() => mailsTo(m2.input.email).some((x) => x.subject.startsWith('Тіркелдіңіз')));
      sinks.sms.setScript([400]);
      await api.gql(
        `mutation($id: ID!) { cancelEvent(id: $id, reason: "Жөндеу") { status } }`,
        { id: ev2.id },
        { token: coordinator.token },
      );
      const log = await until(async () => {
        const res = await api.gql(
          `query($id: ID!) { eventDeliveryLog(eventId: $id) { counts { channel status count } failures { channel attempts lastError kind fullName } } }`,
          { id: ev2.id },
          { token: coordinator.token },
        );
        return res.data.eventDeliveryLog.failures.length ? res.data.eventDeliveryLog : undefined;
      });
      expect(log.failures).toEqual([
        {
          channel: 'SMS',
          attempts: 1,
          lastError: 'SMS gateway: http-400',
          kind: 'EVENT_CANCELLED',
          fullName: m2.input.fullName,
        },
      ]);
      expect(log.counts).toEqual(expect.arrayContaining([{ channel: 'SMS', status: 'FAILED', count: 1 }]));

      const retried = await api.gql(
        `mutation($id: ID!) { retryFailedDeliveries(eventId: $id) }`,
        { id: ev2.id },
        { token: coordinator.token },
      );
      expect(retried.data.retryFailedDeliveries).toBe(1);
      await until(() => smsTo(m2.phone).find((s) => s.text.startsWith('Өтпейді')), 20_000);
    });

    it('quiet hours: an SMS due at night is held back, the email goes at once', async () => {
      const m = await member({ sms: true, zoneHour: 23 });
      const ev = await event(3 * 3600);
      await register(ev.id, m.accessToken);
      await until(() => mailsTo(m.input.email).some((x) => x.subject.startsWith('Тіркелдіңіз')));
      await api.gql(
        `mutation($id: ID!) { cancelEvent(id: $id, reason: "Жөндеу") { status } }`,
        { id: ev.id },
        { token: coordinator.token },
      );
      await until(() => mailsTo(m.input.email).some((x) => x.subject.startsWith('Іс-шара өтпейді')));
      const [sms] = await api.db.query(
        `SELECT d.status, d.send_after, d.last_error FROM deliveries d JOIN notifications n ON n.id = d.notification_id
         WHERE n.event_id = $1 AND n.kind = 'EVENT_CANCELLED' AND d.channel = 'SMS'`,
        [ev.id],
      );
      // 23:00 local: the next 08:00 is after the start (in 3 h), the evening before is past: email only
      expect(sms).toMatchObject({ status: 'SKIPPED', last_error: 'quiet hours' });
      expect(smsTo(m.phone)).toHaveLength(0);
    });

    it('account mail: a password reset link works once; an unknown address gets the same answer and no mail', async () => {
      const m = await member({ locale: 'EN' });
      const ask = `mutation($e: String!) { requestPasswordReset(email: $e) }`;
      expect((await api.gql(ask, { e: 'nobody-here@example.kz' })).data.requestPasswordReset).toBe(true);
      expect((await api.gql(ask, { e: m.input.email.toUpperCase() })).data.requestPasswordReset).toBe(true);
      const mail = await until(() => mailsTo(m.input.email).find((x) => x.subject === 'Reset your password'));
      const token = /reset-password\?token=([A-Za-z0-9_-]+)/.exec(mail.text)![1];
      const RESET = `mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }`;
      expect((await api.gql(RESET, { t: token, p: 'brand-new-pass-1' })).data.resetPassword).toBe(true);
      const again = await api.gql(RESET, { t: token, p: 'another-pass-22' });
      expect(again.errors![0].extensions.fields).toEqual([
        { field: 'token', message: 'This link has expired or was already used.' },
      ]);
      const login = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`;
      expect(
        (await api.gql(login, { e: m.input.email, p: 'brand-new-pass-1' })).data.login.accessToken,
      ).toEqual(expect.any(String));
      expect(
        (await api.gql(login, { e: m.input.email, p: PASSWORD }, { ip: '10.7.0.1' })).errors,
      ).toBeDefined();
      expect(sinks.mail.received.some((x) => x.to.includes('nobody-here@example.kz'))).toBe(false);
    });

    it('the email check and the unsubscribe link work without logging in', async () => {
      const m = await member({ locale: 'EN' });
      const verify = await until(() =>
        mailsTo(m.input.email).find((x) => /verify-email\?token=/.test(x.text)),
      );
      const link = /verify-email\?token=([A-Za-z0-9_-]+)/.exec(verify.text)![1];
      const page = await api.http.get(`/account/verify-email?token=${link}`).set('Accept-Language', 'en');
      expect(page.text).toContain('Your email address is confirmed.');
      const [{ email_verified_at }] = await api.db.query(
        `SELECT email_verified_at FROM members WHERE id = $1`,
        [m.member.id],
      );
      expect(email_verified_at).not.toBeNull();

      const ev = await event(3600);
      await register(ev.id, m.accessToken);
      const confirmation = await until(() =>
        mailsTo(m.input.email).find((x) => x.subject.startsWith('You are registered')),
      );
      const unsubscribe = /\/unsubscribe\?token=([A-Za-z0-9_.-]+)/.exec(confirmation.text)![0];
      // RFC 8058: the header names the same link, and says it takes a one-click POST
      expect(confirmation.headers['list-unsubscribe']).toMatch(/^<https?:\/\/[^>]+>$/);
      expect(confirmation.headers['list-unsubscribe'].endsWith(`${unsubscribe}>`)).toBe(true);
      expect(confirmation.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
      const optedIn = async () =>
        (await api.db.query(`SELECT email_opt_in FROM members WHERE id = $1`, [m.member.id]))[0].email_opt_in;
      // opening the link (a person, a mail scanner, a link preview) only asks
      const asked = await api.http.get(unsubscribe);
      expect(asked.text).toContain('Stop emails to this address?');
      expect(asked.text).toContain('<form method="post"');
      expect(await optedIn()).toBe(true);
      // the button, or the mail client's one-click POST, unsubscribes
      const res = await api.http.post(unsubscribe).type('form').send({ 'List-Unsubscribe': 'One-Click' });
      expect(res.status).toBe(200);
      expect(res.text).toContain('You are unsubscribed from emails.');
      expect(await optedIn()).toBe(false);
      const forged = await api.http
        .post(unsubscribe.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')))
        .set('Accept-Language', 'en');
      expect(forged.text).toContain('This link is invalid or has expired.');
      await api.gql(
        `mutation($id: ID!) { cancelEvent(id: $id, reason: "Жөндеу") { status } }`,
        { id: ev.id },
        { token: coordinator.token },
      );
      await settle(3000);
      expect(mailsTo(m.input.email).some((x) => x.subject.startsWith('Event cancelled'))).toBe(false);
    });

    it('a check-in leads, through the outbox and the worker, to the first-forum badge (no notification)', async () => {
      const m = await member();
      const ev = await event(3600, [1]); // check-in is open from 2 hours before the start
      const reg = (
        await api.gql(
          `mutation($id: ID!) { registerForEvent(eventId: $id) { checkInCode } }`,
          { id: ev.id },
          { token: m.accessToken },
        )
      ).data.registerForEvent;
      const checkIn = await api.gql(
        `mutation($e: ID!, $c: String!) { checkIn(eventId: $e, code: $c) { alreadyCheckedIn } }`,
        { e: ev.id, c: reg.checkInCode },
        { token: coordinator.token },
      );
      expect(checkIn.errors).toBeUndefined();
      const [outbox] = await api.db.query(
        `SELECT count(*)::int AS n FROM notification_outbox WHERE member_id = $1 AND kind = 'ATTENDANCE_RECORDED'`,
        [m.member.id],
      );
      expect(outbox.n).toBe(1);
      const award = await until(async () => {
        const [row] = await api.db.query(
          `SELECT a.id, a.credential FROM badge_awards a JOIN badge_classes c ON c.id = a.badge_class_id
           WHERE a.member_id = $1 AND c.code = 'first-forum'`,
          [m.member.id],
        );
        return row;
      });
      expect(award.credential).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
      const [notes] = await api.db.query(
        `SELECT count(*)::int AS n FROM notifications WHERE member_id = $1 AND kind::text NOT IN ('REGISTERED', 'EMAIL_VERIFICATION')`,
        [m.member.id],
      );
      expect(notes.n).toBe(0);
    });

    it('no entrance code once a registration holds no seat; a cancellation carries METHOD:CANCEL for the same calendar entry', async () => {
      const m = await member({ locale: 'EN' });
      const w = await member({ locale: 'EN' });
      const ev = await event(3 * 3600, [60]);
      const rm = await register(ev.id, m.accessToken);
      await api.db.query(`UPDATE events SET capacity = 1 WHERE id = $1`, [ev.id]);
      const rw = await register(ev.id, w.accessToken);
      expect([rm.status, rw.status]).toEqual(['REGISTERED', 'WAITLISTED']);
      const QR_LINK = /\/qr\/[A-Za-z0-9_-]{43}\.png/;
      const noEntranceCode = (mail: { text: string; html: string }) => {
        expect(mail.text).not.toMatch(/\/qr\//);
        expect(mail.html).not.toMatch(/\/qr\//);
        expect(mail.text).not.toMatch(/QR/);
      };

      const confirmation = await until(() =>
        mailsTo(m.input.email).find((x) => x.subject.startsWith('You are registered')),
      );
      const qrUrl = QR_LINK.exec(confirmation.text)![0];
      const published = parseIcs(confirmation.attachments[0].content);
      expect(published.method).toBe('PUBLISH');
      const waitlisted = await until(() =>
        mailsTo(w.input.email).find((x) => x.subject.startsWith('Waiting list')),
      );
      noEntranceCode(waitlisted);

      await api.gql(
        `mutation($id: ID!) { cancelRegistration(registrationId: $id) { id } }`,
        { id: rm.id },
        { token: m.accessToken },
      );
      const cancellation = await until(() =>
        mailsTo(m.input.email).find((x) => x.subject.startsWith('Registration cancelled')),
      );
      noEntranceCode(cancellation);
      expect(cancellation.attachments).toHaveLength(1);
      expect(cancellation.attachments[0].contentType).toMatch(/^text\/calendar/);
      const cancel = parseIcs(cancellation.attachments[0].content);
      expect(cancel).toMatchObject({
        method: 'CANCEL',
        uid: published.uid,
        status: 'CANCELLED',
        summary: ev.title,
      });
      expect(cancel.sequence).toBeGreaterThan(published.sequence);
      expect(cancel.attendees.map((a: string) => a.toLowerCase())).toEqual([`mailto:${m.input.email}`]);
      expect(cancel.organizer).toMatch(/^mailto:noreply@/i);

      // the old link answers "cancelled"; the promoted member's message has a working one
      const old = await api.http.get(new URL(qrUrl, 'http://x').pathname).buffer(true).parse(asText);
      expect(old.status).toBe(410);
      expect(old.body).toContain('Registration cancelled');
      const promoted = await until(() =>
        mailsTo(w.input.email).find((x) => x.subject.startsWith('A seat for you')),
      );
      const promotedQr = await api.http.get(new URL(QR_LINK.exec(promoted.text)![0], 'http://x').pathname);
      expect(promotedQr.headers['content-type']).toBe('image/png');

      // the whole event cancelled: no entrance code either, and the calendar entry goes
      await api.gql(
        `mutation($id: ID!) { cancelEvent(id: $id, reason: "Зал жабық") { id } }`,
        { id: ev.id },
        { token: coordinator.token },
      );
      const eventCancelled = await until(() =>
        mailsTo(w.input.email).find((x) => x.subject.startsWith('Event cancelled')),
      );
      noEntranceCode(eventCancelled);
      const dropped = parseIcs(eventCancelled.attachments[0].content);
      expect(dropped).toMatchObject({ method: 'CANCEL', uid: published.uid, status: 'CANCELLED' });
      expect(dropped.sequence).toBeGreaterThan(published.sequence);
    });

    it('a walk-in is told: an email and an in-app notification, in their language, with the event and the time', async () => {
      const m = await member({ locale: 'KK' });
      const ev = await event(3600, [30]);
      const res = await api.gql(
        `mutation($e: ID!, $w: String!) { walkIn(eventId: $e, emailOrPhone: $w) { checkedInAt } }`,
        { e: ev.id, w: m.input.email },
        { token: coordinator.token },
      );
      expect(res.errors).toBeUndefined();
      const told = await until(() =>
        mailsTo(m.input.email).find((x) => x.subject.startsWith('Қатысуыңыз белгіленді')),
      );
      expect(told.subject).toBe(`Қатысуыңыз белгіленді: «${ev.title}»`);
      expect(told.text).toMatch(
        new RegExp(
          `Сіз «${ev.title}» іс-шарасына кіреберісте қатысушы ретінде белгілендіңіз \\(\\d+ \\S+, \\d{2}:\\d{2}\\)`,
        ),
      );
      expect(told.text).not.toMatch(/\/qr\//);
      const inApp = await until(async () => {
        const list = await api.gql(
          `{ notifications(first: 10) { edges { node { kind title body } } } }`,
          {},
          { token: m.accessToken, lang: 'en' },
        );
        return list.data.notifications.edges.find((e: any) => e.node.kind === 'WALK_IN_RECORDED')?.node;
      });
      expect(inApp.title).toBe(`You were checked in: «${ev.title}»`);
      expect(inApp.body).toMatch(
        new RegExp(`^You were checked in at the door of «${ev.title}» \\(.+ \\d{2}:\\d{2}\\)\\.`),
      );
    });
  });

  describe('the delivery pump: batches, two workers', () => {
    let workers: WorkerProcess[] = [];
    // small batches, so that two workers each claim several and a kill lands inside one
    const start = (extra: Record<string, string> = {}) =>
      new WorkerProcess({
        // a lease longer than a batch takes on a loaded machine: a copy sent after a lease ran out
        // would be the takeover the SIGKILL test provokes, not a fault
        ...workerEnv(sinks, {
          REDIS_PREFIX: process.env.REDIS_PREFIX!,
          DELIVERY_BATCH_SIZE: '10',
          DELIVERY_LEASE_SECONDS: '30',
        }),
        ...extra,
      }).start();
    let queue: Queue;
    // these wait for reminders to fall due and for slow sends: longer than the default 60 s
    const LONG = 300_000;

    beforeAll(async () => {
      queue = new Queue(QUEUES.notifications, {
        connection: { url: process.env.REDIS_URL },
        prefix: `${process.env.REDIS_PREFIX}:bull`,
      });
      workers = [start(), start()];
      await Promise.all(workers.map((w) => w.ready()));
    }, LONG);
    afterAll(async () => {
      await Promise.all(workers.map((w) => w.stop()));
      await queue.close();
    });

    /** `n` members registered for `eventId` through the API; returns their ids and emails. */
    async function registered(eventId: string, n: number) {
      const ms = await api.bulkMembers(n);
      for (let i = 0; i < ms.length; i += 20)
        await Promise.all(ms.slice(i, i + 20).map((m) => register(eventId, m.token)));
      return ms;
    }

    interface DeliveryRow {
      id: string;
      channel: string;
      status: string;
      attempts: number;
      last_error: string | null;
      member_id: string;
    }
    const deliveriesOf = (eventId: string, kind: string) =>
      api.db.query<DeliveryRow[]>(
        `SELECT d.id, d.channel, d.status, d.attempts, d.last_error, n.member_id FROM deliveries d
         JOIN notifications n ON n.id = d.notification_id WHERE n.event_id = $1 AND n.kind = $2`,
        [eventId, kind],
      );
    const settled = (eventId: string, kind: string, count: number) =>
      until(
        async () => {
          const rows = await deliveriesOf(eventId, kind);
          return rows.length === count && rows.every((r) => !['PENDING', 'SENDING'].includes(r.status))
            ? rows
            : undefined;
        },
        240_000,
        500,
      );
    const mailsWithId = (deliveryId: string) =>
      sinks.mail.received.filter((m) => m.messageId?.startsWith(`<${deliveryId}@`));
    const smsWithRef = (deliveryId: string) => sinks.sms.received.filter((s) => s.reference === deliveryId);

    it(
      'one reminder job per event, not per seat; every reminder once with two workers; quiet hours per zone and opt-outs respected',
      async () => {
        const ev = await event(280, [3]); // due in about 100 s
        const ms = await registered(ev.id, 60);
        const ids = ms.map((m) => m.id);
        const noon = ids.filter((_, i) => i % 3 === 0);
        const night = ids.filter((_, i) => i % 3 === 1);
        const noEmail = ids.filter((_, i) => i % 10 === 5);
        await api.db.query(
          `UPDATE members SET phone = '+7702' || lpad((floor(random() * 1e7))::int::text, 7, '0'), sms_opt_in = true,
                time_zone = CASE WHEN id = ANY($1::uuid[]) THEN $3 ELSE $4 END
         WHERE id = ANY($1::uuid[]) OR id = ANY($2::uuid[])`,
          [noon, night, zoneWhereItIs(12), zoneWhereItIs(23)],
        );
        await api.db.query(`UPDATE members SET email_opt_in = false WHERE id = ANY($1::uuid[])`, [noEmail]);
        // every registration dispatched: then the event has its one delayed job for the offset
        await until(async () => {
          const [{ n }] = await api.db.query(
            `SELECT count(*)::int AS n FROM notifications WHERE event_id = $1 AND kind = 'REGISTERED'`,
            [ev.id],
          );
          return n === 60;
        }, 60_000);
        const jobs = (await queue.getJobs(['delayed', 'waiting', 'active', 'prioritized'])).filter((j) =>
          j.id?.startsWith(`reminders-${ev.id}-`),
        );
        expect(jobs).toHaveLength(1);
        expect(jobs[0].name).toBe('plan-reminders');
        // and no job per registration
        expect((await queue.getDelayed(0, -1)).filter((j) => j.name === 'reminder')).toEqual([]);

        const rows = await settled(ev.id, 'REMINDER', 60 - noEmail.length + noon.length + night.length);
        const email = rows.filter((r) => r.channel === 'EMAIL');
        const sms = rows.filter((r) => r.channel === 'SMS');
        expect(email.map((r) => r.member_id).sort()).toEqual(
          ids.filter((id) => !noEmail.includes(id)).sort(),
        );
        expect(email.every((r) => r.status === 'SENT' && r.attempts === 1)).toBe(true);
        for (const r of email) expect(mailsWithId(r.id)).toHaveLength(1);
        // 23:00 local: the next 08:00 is after the start, the evening before is past: no SMS
        expect(sms.filter((r) => noon.includes(r.member_id)).map((r) => r.status)).toEqual(
          noon.map(() => 'SENT'),
        );
        expect(sms.filter((r) => night.includes(r.member_id)).map((r) => [r.status, r.last_error])).toEqual(
          night.map(() => ['SKIPPED', 'quiet hours']),
        );
        for (const r of sms.filter((x) => x.status === 'SENT')) expect(smsWithRef(r.id)).toHaveLength(1);
        const subjects = email.map((r) => mailsWithId(r.id)[0].subject);
        expect(subjects.every((x) => x.startsWith(`Еске салу: «${ev.title}»`))).toBe(true);
      },
      LONG,
    );

    it(
      'a reminder planned after its due time (a backlog longer than the offset) is still sent, not dropped as stale',
      async () => {
        const ev = await event(100, [2]); // due 2 minutes before the start: already past
        const ms = await registered(ev.id, 5);
        const [row] = await api.db.query(`SELECT starts_at FROM events WHERE id = $1`, [ev.id]);
        // registering past the due time queues no job; the event's plan, run late, still plans
        expect(
          (await queue.getDelayed(0, -1)).filter((j) => j.id?.startsWith(`reminders-${ev.id}-`)),
        ).toEqual([]);
        const planner = api.app.get(NotificationPlanner);
        const startsAt = new Date(row.starts_at).toISOString();
        expect(await planner.planEventReminders(ev.id, 2, startsAt)).toEqual({ planned: 5 });
        // a second run (a retried job, a second worker) adds nothing
        expect(await planner.planEventReminders(ev.id, 2, startsAt)).toEqual({ planned: 0 });
        expect(await planner.planEventReminders(ev.id, 7, startsAt)).toBe('stale');
        const rows = await settled(ev.id, 'REMINDER', 5);
        expect(rows.map((r) => r.status)).toEqual(ms.map(() => 'SENT'));
      },
      LONG,
    );

    it(
      'opted out, cancelled or moved on before the send: the planned reminder is skipped, the others go',
      async () => {
        const ev = await event(95, [1]); // due in about 35 s
        const ms = await registered(ev.id, 6);
        const [row] = await api.db.query(`SELECT starts_at FROM events WHERE id = $1`, [ev.id]);
        // planned early (as for members whose SMS quiet hours move to the evening before)
        const planned = await api.app
          .get(NotificationPlanner)
          .planEventReminders(ev.id, 1, new Date(row.starts_at).toISOString());
        expect(planned).toEqual({ planned: 6 });
        await api.db.query(`UPDATE members SET email_opt_in = false WHERE id = $1`, [ms[0].id]);
        const [reg] = await api.db.query(
          `SELECT id FROM registrations WHERE event_id = $1 AND member_id = $2`,
          [ev.id, ms[1].id],
        );
        await api.gql(
          `mutation($id: ID!) { cancelRegistration(registrationId: $id) { status } }`,
          { id: reg.id },
          { token: ms[1].token },
        );
        const rows = await settled(ev.id, 'REMINDER', 6);
        const byMember = new Map(rows.map((r) => [r.member_id, r]));
        expect(byMember.get(ms[0].id)).toMatchObject({
          status: 'SKIPPED',
          last_error: 'recipient unavailable or opted out',
        });
        expect(byMember.get(ms[1].id)).toMatchObject({
          status: 'SKIPPED',
          last_error: 'reminder no longer applies',
        });
        for (const m of ms.slice(2))
          expect(byMember.get(m.id)).toMatchObject({ status: 'SENT', attempts: 1 });
      },
      LONG,
    );

    it(
      'a worker killed (SIGKILL) mid-batch: its leases run out, the other worker claims them again; one SMS per reference, one Message-ID per email',
      async () => {
        const ev = await event(3600);
        const ms = await registered(ev.id, 24);
        await api.db.query(
          `UPDATE members SET phone = '+7703' || lpad((floor(random() * 1e7))::int::text, 7, '0'), sms_opt_in = true, time_zone = $2
         WHERE id = ANY($1::uuid[])`,
          [ms.map((m) => m.id), zoneWhereItIs(12)],
        );
        await settled(ev.id, 'REGISTERED', 24);
        // a slow gateway: the kill lands while batches of SMS are in flight
        sinks.sms.setScript(Array.from({ length: 24 }, () => ({ status: 200, delayMs: 2000 })));
        await api.gql(
          `mutation($id: ID!) { cancelEvent(id: $id, reason: "Ауа райы") { status } }`,
          { id: ev.id },
          { token: coordinator.token },
        );
        await until(
          async () => {
            const rows = await deliveriesOf(ev.id, 'EVENT_CANCELLED');
            return rows.filter((r) => r.channel === 'SMS' && r.status === 'SENDING').length >= 10;
          },
          60_000,
          50,
        );
        await workers[0].stop('SIGKILL');
        workers[0] = start();
        await workers[0].ready();
        const rows = await settled(ev.id, 'EVENT_CANCELLED', 48);
        expect(rows.every((r) => r.status === 'SENT')).toBe(true);
        for (const r of rows.filter((x) => x.channel === 'SMS')) expect(smsWithRef(r.id)).toHaveLength(1);
        for (const r of rows.filter((x) => x.channel === 'EMAIL')) {
          const copies = mailsWithId(r.id);
          expect(copies.length).toBeGreaterThanOrEqual(1);
          expect(new Set(copies.map((c) => c.messageId)).size).toBe(1);
        }
      },
      LONG,
    );
  });

  describe('a batch that takes longer than its lease', () => {
    // a short lease and a gateway slower than it: without renewal, the other worker would take the
    // batch over while it is still being sent and every SMS would be posted twice
    const LEASE = 4;
    const LONG = 300_000;
    let workers: WorkerProcess[] = [];
    beforeAll(async () => {
      const env = workerEnv(sinks, {
        REDIS_PREFIX: process.env.REDIS_PREFIX!,
        DELIVERY_BATCH_SIZE: '10',
        DELIVERY_LEASE_SECONDS: String(LEASE),
      });
      workers = [new WorkerProcess(env).start(), new WorkerProcess(env).start()];
      await Promise.all(workers.map((w) => w.ready()));
    }, LONG);
    afterAll(() => Promise.all(workers.map((w) => w.stop())));

    it(
      'the lease is renewed while the batch is in flight: every SMS posted once, one attempt each, none taken over',
      async () => {
        const members = await Promise.all(Array.from({ length: 6 }, () => member({ sms: true })));
        const ev = await event(3600);
        await Promise.all(members.map((m) => register(ev.id, m.accessToken)));
        // the confirmations gone (by email and SMS) before the gateway slows down
        await until(async () => {
          const [{ sent, open }] = await api.db.query(
            `SELECT count(*) FILTER (WHERE d.status = 'SENT')::int AS sent,
                    count(*) FILTER (WHERE d.status IN ('PENDING', 'SENDING'))::int AS open
             FROM deliveries d JOIN notifications n ON n.id = d.notification_id WHERE n.event_id = $1`,
            [ev.id],
          );
          return sent > 0 && open === 0;
        }, 60_000);
        // each SMS takes one and a half leases to be answered
        sinks.sms.setScript(Array.from({ length: 6 }, () => ({ status: 200, delayMs: LEASE * 1500 })));
        await api.gql(
          `mutation($id: ID!) { cancelEvent(id: $id, reason: "Ауа райы") { status } }`,
          { id: ev.id },
          { token: coordinator.token },
        );
        const rows = await until(
          async () => {
            const rs: Array<{ id: string; channel: string; status: string; attempts: number }> =
              await api.db.query(
                `SELECT d.id, d.channel, d.status, d.attempts FROM deliveries d
                 JOIN notifications n ON n.id = d.notification_id
                 WHERE n.event_id = $1 AND n.kind = 'EVENT_CANCELLED'`,
                [ev.id],
              );
            return rs.length === 12 && rs.every((r) => r.status === 'SENT') ? rs : undefined;
          },
          120_000,
          250,
        );
        expect(rows.map((r) => r.attempts)).toEqual(rows.map(() => 1));
        for (const r of rows.filter((x) => x.channel === 'SMS'))
          expect(sinks.sms.requests.filter((key) => key === r.id)).toHaveLength(1);
        for (const r of rows.filter((x) => x.channel === 'EMAIL'))
          expect(sinks.mail.received.filter((m) => m.messageId?.startsWith(`<${r.id}@`))).toHaveLength(1);
      },
      LONG,
    );
  });

  describe('faults, with a worker on a Redis of the test’s own', () => {
    const redis = new OwnRedis(16_379 + (process.pid % 1000));
    let worker: WorkerProcess;
    const env = () => workerEnv(sinks, { REDIS_URL: redis.url, REDIS_PREFIX: `yvc-fault-${process.pid}` });

    beforeAll(async () => {
      await redis.start();
      worker = new WorkerProcess(env()).start();
      await worker.ready();
    });
    afterAll(async () => {
      await worker.stop();
      await redis.stop();
    });

    it('Redis stopped while students register: every registration succeeds, every reminder arrives once after it returns', async () => {
      const ev = await event(80, [1]); // reminders due in about 20 s
      const members = await Promise.all(Array.from({ length: 8 }, () => member({ locale: 'EN' })));
      await redis.stop();
      const regs = await Promise.all(members.map((m) => register(ev.id, m.accessToken)));
      expect(regs.every((r) => r.status === 'REGISTERED')).toBe(true);
      await settle(1500);
      const [{ waiting }] = await api.db.query(
        `SELECT count(*)::int AS waiting FROM notification_outbox WHERE event_id = $1 AND dispatched_at IS NULL`,
        [ev.id],
      );
      expect(waiting).toBe(8);
      await redis.start();
      for (const m of members) {
        await until(() => mailsTo(m.input.email).find((x) => x.subject.startsWith('Reminder')), 60_000);
      }
      await settle(2000);
      for (const m of members) {
        expect(mailsTo(m.input.email).filter((x) => x.subject.startsWith('Reminder'))).toHaveLength(1);
        expect(mailsTo(m.input.email).filter((x) => x.subject.startsWith('You are registered'))).toHaveLength(
          1,
        );
      }
    });

    it('a worker killed (SIGKILL) in the middle of sending: after a restart each message arrives exactly once', async () => {
      const members = await Promise.all(Array.from({ length: 6 }, () => member({ sms: true, locale: 'RU' })));
      const ev = await event(3600);
      await Promise.all(members.map((m) => register(ev.id, m.accessToken)));
      for (const m of members)
        await until(() => mailsTo(m.input.email).some((x) => x.subject.startsWith('Вы зарегистрированы')));
      // the gateway is slow: the kill lands while SMS requests are in flight
      sinks.sms.setScript(Array.from({ length: 6 }, () => ({ status: 200, delayMs: 1500 })));
      await api.gql(
        `mutation($id: ID!) { cancelEvent(id: $id, reason: "Ауа райы") { status } }`,
        { id: ev.id },
        { token: coordinator.token },
      );
      await until(async () => {
        const [{ n }] = await api.db.query(
          `SELECT count(*)::int AS n FROM deliveries d JOIN notifications n ON n.id = d.notification_id
           WHERE n.event_id = $1 AND d.channel = 'SMS' AND d.status = 'SENDING'`,
          [ev.id],
        );
        return n > 0;
      });
      await worker.stop('SIGKILL');
      worker = new WorkerProcess(env()).start();
      await worker.ready();
      await until(async () => {
        const [{ n }] = await api.db.query(
          `SELECT count(*)::int AS n FROM deliveries d JOIN notifications n ON n.id = d.notification_id
           WHERE n.event_id = $1 AND n.kind = 'EVENT_CANCELLED' AND d.status = 'SENT'`,
          [ev.id],
        );
        return n === 12;
      }, 60_000);
      for (const m of members) {
        // the gateway dedups by Idempotency-Key (our delivery id): one SMS per person
        expect(smsTo(m.phone).filter((s) => s.text.startsWith('Отменено'))).toHaveLength(1);
        const cancelled = mailsTo(m.input.email).filter((x) => x.subject.startsWith('Мероприятие отменено'));
        expect(new Set(cancelled.map((x) => x.messageId)).size).toBe(1);
      }
    });
  });
});
