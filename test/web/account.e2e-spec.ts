import { BadgesService } from '@yvc/credentials';
import { readUnitTree } from '@yvc/demo';
import { UnitsService } from '@yvc/org';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { ownDatabase } from '../helpers/own-database';
import { Sinks, WorkerProcess, startSinks, until, workerEnv } from '../helpers/pipeline';
import { PASSWORD } from '../helpers/test-api';
import {
  KAZAKH_ONLY,
  SIZES,
  type Size,
  WebTest,
  expectNoAxeViolations,
  screenshot,
  seeText,
  visibleTexts,
  openMenu,
  AXE_TEST_TIMEOUT_MS,
} from '../helpers/web';

const ME = `{ me { id fullName email phone emailOptIn smsOptIn timeZone locale
  badges { id credential badge { code name } }
  certificate { id number status } } }`;
const NOTIFICATIONS = `{ notifications(first: 50) { unreadCount edges { node { id kind title readAt } } } }`;

/**
 * What a student holds and controls, through the real chain (browser → built app → API →
 * PostgreSQL, and a worker process for the outbox): a badge earned by a check-in done through the
 * API, the certificate a coordinator issued and its PDF, the in-app notifications and their unread
 * count, preferences, unsubscribe (the app's and the e-mailed link's), the data export, and
 * withdrawing consent.
 */
describe('web app: my badges, certificate, notifications, settings (browser)', () => {
  let web: WebTest;
  let sinks: Sinks;
  let worker: WorkerProcess;
  let student: { id: string; email: string; fullName: string; token: string };
  let eventTitle: string;
  let certificateNumber: string;

  const gql = async (query: string, variables: Record<string, unknown>, token: string) => {
    const res = await web.api.gql(query, variables, { token });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data;
  };

  /** Logs in and waits until the app knows the member (the header shows their links). */
  async function openAs(email: string, path: string, opts: { size?: Size; lang?: 'kk' | 'ru' | 'en' } = {}) {
    const opened = await web.open('/login', opts);
    await web.login(opened.page, email);
    await opened.page.goto(path);
    await opened.page.locator('h1').first().waitFor();
    return opened;
  }

  /** The file a click saves (a blob: download), as text. */
  async function downloaded(page: Page, click: () => Promise<void>) {
    const [download] = await Promise.all([page.waitForEvent('download'), click()]);
    const path = await download.path();
    return { name: download.suggestedFilename(), body: readFileSync(path) };
  }

  let database: { url: string; drop: () => Promise<void> } | undefined;

  beforeAll(async () => {
    // a database and queues of this file's own: another file's worker on the shared ones could
    // take this file's mails (the relay hands every outbox row to whichever worker asks first)
    database = await ownDatabase('web_account');
    const env = {
      DATABASE_URL: database.url,
      REDIS_PREFIX: `${process.env.REDIS_PREFIX ?? 'yvc-test'}-web-account`,
    };
    web = await WebTest.start(env);
    await web.api.app.get(UnitsService).importTree(readUnitTree());
    await web.api.app.get(BadgesService).importCatalogue(); // ownDatabase imports it too; idempotent
    sinks = await startSinks();
    worker = new WorkerProcess(workerEnv(sinks, env)).start();
    await worker.ready();

    // a student of the organiser's club, so its coordinator may issue the certificate
    const host = await web.api.organiserInTaraz();
    const signed = await web.api.signUp({ fullName: 'Дәулет Жақсылықов', clubId: host.clubId }, 'kk');
    student = {
      id: signed.member.id,
      email: signed.input.email,
      fullName: signed.input.fullName,
      token: signed.accessToken,
    };
    // a forum starting within the check-in window; registered and checked in through the API
    const forum = await web.api.event({ kind: 'FORUM' }, { startsInHours: 1 });
    eventTitle = forum.title;
    const reg = await gql(
      `mutation($id: ID!) { registerForEvent(eventId: $id) { checkInCode } }`,
      { id: forum.id },
      student.token,
    );
    await gql(
      `mutation($e: ID!, $c: String!) { checkIn(eventId: $e, code: $c) { alreadyCheckedIn } }`,
      { e: forum.id, c: reg.registerForEvent.checkInCode },
      forum.coordinatorToken,
    );
    const cert = await gql(
      `mutation($m: ID!) { issueCertificate(memberId: $m) { number } }`,
      { m: student.id },
      host.token,
    );
    certificateNumber = cert.issueCertificate.number;
    // the worker turns the outbox rows into the badge (first-forum) and the in-app notifications
    await until(async () => (await gql(ME, {}, student.token)).me.badges.length > 0);
    await until(async () =>
      (await gql(NOTIFICATIONS, {}, student.token)).notifications.edges.some(
        (e: any) => e.node.kind === 'REGISTERED',
      ),
    );
  }, 180_000);
  afterAll(async () => {
    await worker?.stop();
    await sinks?.mail.close();
    await sinks?.sms.close();
    await web?.close();
    await database?.drop();
  });

  it('shows the badge earned by the check-in, with its image, and downloads its signed credential', async () => {
    const { page, context, problems } = await openAs(student.email, '/me/badges');
    const [{ name }] = (
      await web.api.gql(`{ badgeClasses { code name } }`, {}, { lang: 'kk' })
    ).data.badgeClasses.filter((b: { code: string }) => b.code === 'first-forum');
    expect(name).toBe('Алғашқы қадам');
    const card = page.getByTestId('badge-card').filter({ hasText: name });
    await card.waitFor();
    await seeText(card, 'Берілген күні');
    // the image is there and drawn (the SVG the API serves)
    const img = card.locator('img');
    await img.waitFor();
    await until(() => img.evaluate((el: any) => el.complete && el.naturalWidth > 0));
    expect(await img.getAttribute('src')).toBe('/badges/first-forum.svg');

    const file = await downloaded(page, () => card.getByRole('button', { name: /\.jwt/ }).click());
    const mine = (await gql(ME, {}, student.token)).me.badges.find(
      (b: any) => b.badge.code === 'first-forum',
    );
    expect(file.name).toMatch(/^first-forum-.+\.jwt$/);
    expect(file.body.toString()).toBe(mine.credential);
    expect(file.body.toString().split('.')).toHaveLength(3);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the certificate and downloads its PDF (fetched with the token, never in a URL)', async () => {
    const { page, context, problems } = await openAs(student.email, '/me/certificate');
    const cert = page.getByTestId('certificate');
    await seeText(page.getByTestId('certificate-number'), certificateNumber);
    await seeText(page.getByTestId('certificate-status'), 'Жарамды');
    const verify = page.getByTestId('certificate-verify');
    expect(await verify.getAttribute('href')).toMatch(new RegExp(`/verify/${certificateNumber}\\?c=`));
    // the QR of the verify link, drawn in the browser
    const qr = page.getByTestId('certificate-qr').locator('img');
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    expect(await qr.getAttribute('alt')).toBeTruthy();

    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const file = await downloaded(page, () => cert.getByTestId('certificate-pdf').click());
    expect(file.name).toBe(`${certificateNumber}.pdf`);
    expect(file.body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(requests.some((u) => /\/certificates\/.+\.pdf$/.test(u))).toBe(true);
    expect(requests.filter((u) => /token|Bearer|eyJ/.test(u))).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lists notifications; the unread count in the header drops after mark read (one, then all)', async () => {
    const { page, context, problems } = await openAs(student.email, '/notifications');
    const before = (await gql(NOTIFICATIONS, {}, student.token)).notifications;
    expect(before.unreadCount).toBeGreaterThan(0);
    const registered = before.edges.find((e: any) => e.node.kind === 'REGISTERED').node;
    expect(registered.title).toContain(eventTitle);
    const item = page.getByTestId('notification').filter({ hasText: eventTitle }).first();
    await item.waitFor();
    // on a phone (this page's size) the folded menu's button carries the count
    const count = page.locator('header').getByTestId('menu-unread');
    await seeText(count, String(before.unreadCount));

    // one: the first unread item's own button
    const unread = page.locator('[data-testid=notification][data-unread=true]');
    const firstUnread = unread.first();
    await firstUnread.getByRole('button').click();
    await until(
      async () =>
        (await gql(NOTIFICATIONS, {}, student.token)).notifications.unreadCount < before.unreadCount,
    );
    const now = (await gql(NOTIFICATIONS, {}, student.token)).notifications.unreadCount;
    if (now > 0) await seeText(count, String(now));
    else await count.waitFor({ state: 'detached' });

    // all
    if (now > 0) {
      await page.getByTestId('mark-all-read').click();
      await count.waitFor({ state: 'detached' });
    }
    expect((await gql(NOTIFICATIONS, {}, student.token)).notifications.unreadCount).toBe(0);
    await unread.first().waitFor({ state: 'detached' });
    // after a reload too
    await page.reload();
    await item.waitFor();
    expect(await count.count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('saves preferences (SMS and its phone, zone, language) and keeps them after a reload; shows the API’s phone message', async () => {
    const { page, context, problems } = await openAs(student.email, '/me/settings');
    const phone = page.getByTestId('phone');
    // a wrong number: the API's own message, next to the field, in Kazakh
    await phone.fill('123');
    await page.getByRole('button', { name: 'Сақтау' }).click();
    await page.locator('input[data-testid=phone][aria-invalid=true]').waitFor();
    const describedBy = (await phone.getAttribute('aria-describedby')) ?? '';
    expect(describedBy).not.toBe('');
    const messages = await Promise.all(
      describedBy
        .split(' ')
        .filter(Boolean)
        .map((id) => page.locator(`[id="${id}"]`).innerText()),
    );
    expect(messages.join(' ')).toMatch(/[А-Яа-яӘәҚқҢңӨөҰұҮүІі]/);

    await phone.fill('8 (701) 555-12-34');
    await page.getByTestId('sms-opt-in').check();
    await page.getByTestId('time-zone').selectOption('Asia/Aqtobe');
    await page.getByTestId('language').selectOption('ru');
    await page.getByRole('button', { name: 'Сақтау' }).click();
    await seeText(page.getByTestId('saved'), 'Настройки сохранены.');
    await seeText(page.locator('h1'), 'Настройки и данные');
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');

    await page.reload();
    await seeText(page.locator('h1'), 'Настройки и данные');
    await until(async () => (await page.getByTestId('phone').inputValue()) === '+77015551234');
    expect(await page.getByTestId('sms-opt-in').isChecked()).toBe(true);
    expect(await page.getByTestId('time-zone').inputValue()).toBe('Asia/Aqtobe');
    expect(await page.getByTestId('language').inputValue()).toBe('ru');
    expect((await gql(ME, {}, student.token)).me).toMatchObject({
      phone: '+77015551234',
      smsOptIn: true,
      timeZone: 'Asia/Aqtobe',
      locale: 'RU',
    });

    // unsubscribe from the app: e-mail and SMS off, in-app notifications stay
    await page.getByTestId('unsubscribe').click();
    await seeText(page.getByTestId('unsubscribed'), 'Вы отписались');
    expect(await page.getByTestId('email-opt-in').isChecked()).toBe(false);
    expect((await gql(ME, {}, student.token)).me).toMatchObject({ emailOptIn: false, smsOptIn: false });
    // back to Kazakh and e-mails for the other tests
    await gql(
      `mutation { updateMe(input: { locale: KK, emailOptIn: true, timeZone: "Asia/Almaty" }) { id } }`,
      {},
      student.token,
    );
    expect(problems).toEqual([]);
    await context.close();
  });

  it('keeps the e-mailed unsubscribe link working (the API’s page, not the app)', async () => {
    const mail = await until(() =>
      sinks.mail.received.find((m) => m.to.includes(student.email) && /\/unsubscribe\?token=/.test(m.text)),
    );
    const link = /\/unsubscribe\?token=[A-Za-z0-9_.-]+/.exec(mail.text)![0];
    const { page, context } = await web.open('/', { lang: 'en' });
    await page.goto(link);
    await page.locator('form[method=post] button').click();
    await page.waitForLoadState();
    await until(async () => (await gql(ME, {}, student.token)).me.emailOptIn === false);
    // and the app's settings show it
    await web.login(page, student.email);
    await page.goto('/me/settings');
    await page.getByTestId('email-opt-in').waitFor();
    await until(async () => !(await page.getByTestId('email-opt-in').isChecked()));
    await gql(`mutation { updateMe(input: { emailOptIn: true }) { id } }`, {}, student.token);
    await context.close();
  });

  it('exports the member’s data as a JSON file', async () => {
    const { page, context, problems } = await openAs(student.email, '/me/settings');
    const file = await downloaded(page, () => page.getByTestId('export').click());
    expect(file.name).toMatch(/^yvc-my-data-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(file.body.toString());
    const text = JSON.stringify(data);
    expect(text).toContain(student.email);
    expect(text).toContain(student.fullName);
    expect(data.member).toMatchObject({ id: student.id, email: student.email });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('withdraws consent only after the confirmation, then logs out; the login fails afterwards', async () => {
    const signed = await web.api.signUp({ fullName: 'Ержан Сұлтанов' }, 'kk');
    const { page, context, problems } = await openAs(signed.input.email, '/me/settings');
    const button = page.getByTestId('withdraw');
    // what happens is said before the button
    await seeText(page.locator('section', { has: button }), 'Мұны болдырмау мүмкін емес.');
    await button.click();
    await page.locator('input[data-testid=withdraw-confirm][aria-invalid=true]').waitFor();
    expect((await gql(ME, {}, signed.accessToken)).me.fullName).toBe('Ержан Сұлтанов');

    await page.getByTestId('withdraw-confirm').check();
    await button.click();
    await seeText(page.getByTestId('farewell'), 'Аккаунтыңыз жабылды');
    await page.locator('nav a[href="/login"]').waitFor({ state: 'attached' });
    expect((await context.cookies()).find((c) => c.name === 'yvc_refresh')).toBeUndefined();

    // the account can no longer log in
    await page.goto('/login');
    await page.locator('input[type=email]').fill(signed.input.email);
    await page.locator('input[type=password]').fill(PASSWORD);
    await page.locator('form button[type=submit]').click();
    await page.locator('[data-testid=form-error], [aria-invalid=true]').first().waitFor();
    expect(await page.locator('nav a[href="/me"]').count()).toBe(0);
    const login = await web.api.gql(
      `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`,
      {
        e: signed.input.email,
        p: PASSWORD,
      },
    );
    expect(login.errors).toBeDefined();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('speaks Russian on every account page when Russian is chosen (no Kazakh left)', async () => {
    const { page, context, problems } = await openAs(student.email, '/me/badges', { lang: 'ru' });
    const pages: Array<[string, string, string]> = [
      ['/me/badges', 'Мои значки', 'badge-card'],
      ['/me/certificate', 'Членское удостоверение', 'certificate-qr'],
      ['/notifications', 'Уведомления', 'notification'],
      ['/me/settings', 'Настройки и данные', 'export'],
    ];
    for (const [path, title, testId] of pages) {
      await page.goto(path);
      await seeText(page.locator('h1'), title);
      await page.getByTestId(testId).first().waitFor();
      const kazakh = (await visibleTexts(page)).filter((t) => KAZAKH_ONLY.test(t));
      expect({ path, kazakh }).toEqual({ path, kazakh: [] });
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  for (const size of Object.keys(SIZES) as Size[]) {
    it(
      `has no axe violations on the account pages at ${size} size`,
      async () => {
        const { page, context, problems } = await openAs(student.email, '/me', { size });
        await page.getByTestId('greeting').waitFor();
        await expectNoAxeViolations(page);
        await screenshot(page, `me-sections-${size}`);

        await page.getByRole('link', { name: 'Менің белгілерім' }).click();
        await page.getByTestId('badge-card').first().locator('img').waitFor();
        await expectNoAxeViolations(page);
        await screenshot(page, `badges-${size}`);

        await page.goto('/me/certificate');
        await page.getByTestId('certificate-qr').locator('img').waitFor();
        await expectNoAxeViolations(page);
        await screenshot(page, `certificate-${size}`);

        await page.goto('/notifications');
        await page.getByTestId('notification').first().waitFor();
        await expectNoAxeViolations(page);
        await screenshot(page, `notifications-${size}`);

        await page.goto('/me/settings');
        await page.getByTestId('phone').fill('12');
        await page.locator('form button[type=submit]').first().click();
        await page.locator('input[data-testid=phone][aria-invalid=true]').waitFor();
        await page.getByTestId('withdraw').click();
        await page.locator('input[data-testid=withdraw-confirm][aria-invalid=true]').waitFor();
        await expectNoAxeViolations(page);
        await screenshot(page, `settings-${size}`);

        await page.goto('/goodbye');
        await page.getByTestId('farewell').waitFor();
        await expectNoAxeViolations(page);
        await screenshot(page, `goodbye-${size}`);
        expect(problems).toEqual([]);
        await context.close();
      },
      AXE_TEST_TIMEOUT_MS,
    );
  }

  it('names the unread count in the header link, so a screen reader hears it', async () => {
    // one more registration: the worker adds an unread notification
    const before = (await gql(NOTIFICATIONS, {}, student.token)).notifications.unreadCount;
    const ev = await web.api.event({ kind: 'TRAINING' }, { startsInHours: 24 * 3 * 365 + 5 });
    await gql(`mutation($id: ID!) { registerForEvent(eventId: $id) { id } }`, { id: ev.id }, student.token);
    const unread = await until(async () => {
      const n = (await gql(NOTIFICATIONS, {}, student.token)).notifications.unreadCount;
      return n > before && n;
    });
    const { page, context } = await openAs(student.email, '/');
    // folded on a phone: the Menu button carries the count, then the link inside the menu
    if (await page.getByTestId('menu-button').isVisible()) {
      await seeText(page.getByTestId('menu-button'), `${unread} оқылмаған`);
      await openMenu(page);
    }
    const link = page.locator('nav a[href="/notifications"]');
    await seeText(link, `${unread} оқылмаған`);
    expect(await link.innerText()).toContain('Хабарламалар');
    await context.close();
  });
});
