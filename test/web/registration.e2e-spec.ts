import jsQR from 'jsqr';
import type { Locator, Page } from 'playwright-core';
import {
  SIZES,
  type Size,
  WebTest,
  expectNoAxeViolations,
  screenshot,
  seeText,
  navTo,
  clickInMenu,
  AXE_TEST_TIMEOUT_MS,
} from '../helpers/web';

// page.evaluate callbacks run in the browser; the test program has no DOM types (they would
// change Node's), so the browser globals used there are declared for this file only
declare const document: any, window: any, navigator: any, Image: any;

/** The first registration's fields of `eventId` for the member behind `token`. */
const MY_REGS = `query { me { registrations(first: 100) { edges { node { id status checkInCode waitlistPosition event { id } } } } } }`;

/**
 * A student's registrations through the browser: register for a full event and wait, get the
 * seat when someone cancels (no reload), cancel with a confirmation, the entrance QR on My events
 * (decoded from a screenshot), the same page offline after one visit (service worker + the saved
 * answer), joining and leaving clubs; axe at both sizes on each page.
 */
describe('web app: registrations, My events offline, clubs (browser)', () => {
  let web: WebTest;
  let student: { email: string; token: string; id: string };
  let other: { token: string };
  const tag = Math.random().toString(36).slice(2, 8);

  const gql = async (query: string, variables: Record<string, unknown>, token: string) => {
    const res = await web.api.gql(query, variables, { token });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data;
  };
  const register = (eventId: string, token: string) =>
    gql(
      `mutation($e: ID!) { registerForEvent(eventId: $e) { id status waitlistPosition } }`,
      { e: eventId },
      token,
    ).then((d) => d.registerForEvent as { id: string; status: string; waitlistPosition: number | null });
  const myRegistration = async (eventId: string, token = student.token) => {
    const d = await gql(MY_REGS, {}, token);
    return d.me.registrations.edges.map((e: any) => e.node).find((n: any) => n.event.id === eventId);
  };

  /** A screenshot of the element, decoded by jsQR (the browser turns the PNG into pixels). */
  async function decodeQr(page: Page, element: Locator): Promise<string | null> {
    const png = await element.screenshot();
    const { data, width, height } = await page.evaluate<
      { data: number[]; width: number; height: number },
      string
    >(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const ctx = canvas.getContext('2d');
      ctx.drawImage(img, 0, 0);
      const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      return { data: Array.from(pixels), width: canvas.width, height: canvas.height };
    }, png.toString('base64'));
    return jsQR(Uint8ClampedArray.from(data), width, height)?.data ?? null;
  }

  beforeAll(async () => {
    web = await WebTest.start();
    const s = await web.api.signUp({ fullName: 'Дана Әбілқасымова' });
    student = { email: s.input.email, token: s.accessToken, id: s.member.id };
    const o = await web.api.signUp({ fullName: 'Ерлан Сейітов' });
    other = { token: o.accessToken };
  });
  afterAll(() => web.close());

  it('waitlists the student for a full event at place 1, then shows the seat when someone cancels, without a reload', async () => {
    const full = await web.api.event({ capacity: 1, title: `Толық форум ${tag}` });
    const taken = await register(full.id, other.token);
    expect(taken.status).toBe('REGISTERED');

    const { page, context, problems } = await web.open('/login');
    await web.login(page, student.email);
    await page.goto(`/events/${full.id}`);
    const panel = page.getByTestId('registration');
    await seeText(panel, 'Орын қалмады');
    await page.getByTestId('register').click();
    await seeText(page.getByTestId('registration-status'), 'Сіз күту тізіміндесіз, кезегіңіз: 1.');
    expect(await myRegistration(full.id)).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 1 });

    // a mark on this document: it would be gone after a reload
    await page.evaluate(() => (window.__sameDocument = true));
    await gql(
      `mutation($id: ID!) { cancelRegistration(registrationId: $id) { id } }`,
      { id: taken.id },
      other.token,
    );
    // the page asks every 15 s while visible: the seat appears by itself
    await page.getByTestId('promoted').waitFor({ timeout: 40_000 });
    await seeText(page.getByTestId('registration-status'), 'Сіз тіркелдіңіз: орныңыз бар.');
    expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
    expect(await myRegistration(full.id)).toMatchObject({ status: 'REGISTERED', waitlistPosition: null });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('cancels a registration by keyboard, after a confirmation, and the seat is free again', async () => {
    const ev = await web.api.event({ capacity: 5, title: `Дебат ${tag}`, kind: 'DEBATE' });
    await register(ev.id, student.token);
    const { page, context, problems } = await web.open('/login', { lang: 'ru' });
    await web.login(page, student.email);
    await page.goto(`/events/${ev.id}`);
    await seeText(page.getByTestId('registration-status'), 'Вы зарегистрированы: место за вами.');
    await page.getByTestId('cancel').focus();
    await page.keyboard.press('Enter');
    await seeText(page.getByTestId('confirm-cancel'), 'Ваше место перейдёт следующему в листе ожидания');
    // the focus moved to the confirming button: Escape-free, one key confirms
    expect(await page.evaluate(() => document.activeElement?.dataset?.testid)).toBe('confirm-cancel-yes');
    // nothing happened yet
    expect((await myRegistration(ev.id)).status).toBe('REGISTERED');
    await page.keyboard.press('Enter');
    await seeText(page.getByTestId('register'), 'Зарегистрироваться');
    expect((await myRegistration(ev.id)).status).toBe('CANCELLED');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows upcoming registrations with an entrance QR that decodes to the check-in code, past ones, the calendar links', async () => {
    const ev = await web.api.event({ capacity: 10, title: `Тренинг ${tag}`, kind: 'TRAINING' });
    await register(ev.id, student.token);
    const code = (await myRegistration(ev.id)).checkInCode as string;
    expect(code).toMatch(/^[A-Za-z0-9_-]{20,64}$/);
    // an event that has ended since the student registered
    const old = await web.api.event({ title: `Өткен кездесу ${tag}`, kind: 'MEETING' }, { startsInHours: 2 });
    await register(old.id, student.token);
    await web.api.db.query(
      `UPDATE events SET starts_at = now() - interval '30 hours', ends_at = now() - interval '27 hours' WHERE id = $1`,
      [old.id],
    );

    const { page, context, problems } = await web.open('/login');
    await web.login(page, student.email);
    await navTo(page, '/my-events');
    await seeText(page.locator('h1'), 'Менің іс-шараларым');
    const card = page.getByTestId('upcoming').filter({ hasText: ev.title });
    await seeText(card, 'экранының жарықтығын арттырыңыз');
    const qr = card.getByTestId('qr-box');
    await qr.locator('svg').waitFor();
    expect(await card.getByRole('img', { name: `«${ev.title}» іс-шарасына кіру QR коды` }).count()).toBe(1);
    expect(await decodeQr(page, qr)).toBe(code);
    // large enough for a scanner: most of the phone's width
    expect((await qr.boundingBox())!.width).toBeGreaterThanOrEqual(300);
    expect(await card.getByRole('link', { name: 'Күнтізбеге қосу (.ics)' }).getAttribute('href')).toContain(
      `/events/${ev.id}.ics`,
    );
    await seeText(page.getByTestId('past').filter({ hasText: old.title }), 'Тіркелгенсіз');
    expect(await page.getByTestId('upcoming').filter({ hasText: old.title }).count()).toBe(0);
    const feed = await page.getByTestId('feed-url').inputValue();
    expect(feed).toMatch(/\/calendar\/[^/]+\.ics$/);
    // the feed answers: a calendar with this student's event in it
    const ics = await web.api.http.get(new URL(feed).pathname);
    expect(ics.status).toBe(200);
    expect(ics.text).toContain(ev.title);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('button', { name: 'Көшіру' }).click();
    await page.getByRole('button', { name: 'Көшірілді' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(feed);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('opens My events and its QR with no network after one visit (service worker and the saved answer)', async () => {
    const ev = await web.api.event({ capacity: 10, title: `Офлайн форум ${tag}` });
    await register(ev.id, student.token);
    const code = (await myRegistration(ev.id)).checkInCode as string;
    const { page, context } = await web.open('/login');
    await web.login(page, student.email);
    await page.goto('/my-events');
    const card = page.getByTestId('upcoming').filter({ hasText: ev.title });
    await card.getByTestId('qr-box').locator('svg').waitFor();
    // the service worker installed, precached the app and controls the page
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

    await context.setOffline(true);
    await page.reload();
    await page.getByTestId('offline-banner').waitFor();
    await seeText(page.locator('h1'), 'Менің іс-шараларым');
    await seeText(page.getByTestId('saved-copy'), 'Телефонда сақталған көшірме');
    const offlineCard = page.getByTestId('upcoming').filter({ hasText: ev.title });
    const qr = offlineCard.getByTestId('qr-box');
    await qr.locator('svg').waitFor();
    expect(await decodeQr(page, qr)).toBe(code);
    await screenshot(page, 'my-events-offline-phone');
    await expectNoAxeViolations(page);

    // back online: the session is confirmed by itself (the member's menu returns) and the page
    // is live again (no saved-copy notice)
    await context.setOffline(false);
    await page.locator('nav a[href="/clubs"]').waitFor({ state: 'attached' });
    await page.getByTestId('saved-copy').waitFor({ state: 'detached' });
    await page
      .getByTestId('upcoming')
      .filter({ hasText: ev.title })
      .getByTestId('qr-box')
      .locator('svg')
      .waitFor();

    // logging out forgets the saved answer: offline again, nothing of this member is shown
    await clickInMenu(page, page.getByRole('button', { name: 'Шығу' }));
    await page.locator('nav a[href="/login"]').waitFor({ state: 'attached' });
    expect(
      await page.evaluate(() =>
        Object.keys(window.localStorage).filter((k: string) => k.startsWith('yvc.offline.')),
      ),
    ).toEqual([]);
    await context.close();
  });

  it('lists the clubs of the unit in Kazakh order; joins and leaves; shows the API message for an archived club', async () => {
    const admin = await web.api.adminToken();
    // in code-point order Ә (U+04D8) sorts after Б; Kazakh puts it right after А
    const birlik = await web.api.createClub('zhambyl.taraz', `Бірлік ${tag}`);
    const adilet = await web.api.createClub('zhambyl.taraz', `Әділет ${tag}`);
    const gone = await web.api.createClub('zhambyl.taraz', `Ғылым ${tag}`);
    const { page, context, problems } = await web.open('/login');
    await web.login(page, student.email);
    await navTo(page, '/clubs');
    await seeText(page.locator('h1'), 'Клубтар');
    const clubs = page.getByTestId('club');
    await clubs.filter({ hasText: birlik.name }).waitFor();
    const ours = (await clubs.allInnerTexts()).map((t) => t.split('\n')[0]).filter((t) => t.endsWith(tag));
    expect(ours).toEqual([adilet.name, birlik.name, gone.name]);

    const club = clubs.filter({ hasText: adilet.name });
    await club.getByTestId('join').click();
    await seeText(page.getByTestId('club-done'), `Сіз «${adilet.name}» клубына қосылдыңыз.`);
    await seeText(club, 'Сіз мүшесіз');
    await seeText(club, '1 мүше');
    const clubsOf = async () =>
      (await gql(`{ me { clubs { id } } }`, {}, student.token)).me.clubs.map((c: any) => c.id) as string[];
    expect(await clubsOf()).toContain(adilet.id);
    await club.getByTestId('leave').click();
    await seeText(page.getByTestId('club-done'), `Сіз «${adilet.name}» клубынан шықтыңыз.`);
    await club.getByTestId('join').waitFor();
    expect(await clubsOf()).not.toContain(adilet.id);

    // archived after the page was loaded: the API refuses, and says why in Kazakh
    await gql(`mutation($id: ID!) { archiveClub(id: $id) { id } }`, { id: gone.id }, admin);
    await clubs.filter({ hasText: gone.name }).getByTestId('join').click();
    const alert = page.getByTestId('error-alert');
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text).toMatch(/[А-Яа-яӘәҒғҚқҢңӨөҰұҮүІі]/);
    expect(text).not.toMatch(/[A-Z_]{6,}/);
    expect(await clubsOf()).not.toContain(gone.id);
    expect(problems).toEqual([]);
    await context.close();
  });

  for (const size of Object.keys(SIZES) as Size[]) {
    it(
      `has no axe violations on the registration box, My events and Clubs at ${size} size`,
      async () => {
        const full = await web.api.event({ capacity: 1, title: `Axe ${size} ${tag}` });
        await register(full.id, other.token);
        await register(full.id, student.token);
        const { page, context, problems } = await web.open('/login', { size });
        await web.login(page, student.email);
        await page.goto(`/events/${full.id}`);
        await page.getByTestId('registration-status').waitFor();
        await page.getByTestId('cancel').click();
        await page.getByTestId('confirm-cancel').waitFor();
        await expectNoAxeViolations(page);
        await screenshot(page, `event-waitlisted-${size}`);
        await page.goto('/my-events');
        await page.getByTestId('qr-box').first().locator('svg').waitFor();
        await expectNoAxeViolations(page);
        await screenshot(page, `my-events-${size}`);
        await page.goto('/clubs');
        await page.getByTestId('club').first().waitFor();
        await expectNoAxeViolations(page);
        await screenshot(page, `clubs-${size}`);
        expect(problems).toEqual([]);
        await context.close();
      },
      AXE_TEST_TIMEOUT_MS,
    );
  }
});
