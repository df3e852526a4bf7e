import { Role } from '@yvc/identity';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { SIZES, type Size, WebTest, expectNoAxeViolations, navTo, screenshot, seeText } from '../helpers/web';

// page.evaluate callbacks run in the browser; the test program has no DOM types
declare const document: any;

/**
 * The coordinator's console through the browser: create and publish an event through the form,
 * the event's people by list (waitlist in order, walk-ins) with cancel / certificate / badge for
 * one person, the attendance CSV, the delivery log's retry, a club's members found by phone, an
 * API refusal shown in the chosen language, a copy for next week; axe at both sizes on each page.
 */
describe('web app: the coordinator’s console (browser)', () => {
  let web: WebTest;
  let coordinator: { id: string; email: string; token: string };
  let club: { id: string; name: string };
  let unitId: string;
  let people: { id: string; title: string };
  const members: Array<{ id: string; token: string; fullName: string; email: string }> = [];
  const tag = Math.random().toString(36).slice(2, 7);

  const gql = async (query: string, variables: Record<string, unknown>, token: string) => {
    const res = await web.api.gql(query, variables, { token });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data;
  };

  async function openAs(path: string, opts: { size?: Size; lang?: 'kk' | 'ru' | 'en' } = {}) {
    const opened = await web.open('/login', opts);
    await web.login(opened.page, coordinator.email);
    await opened.page.goto(path);
    await opened.page.locator('h1').first().waitFor();
    return opened;
  }

  async function downloaded(page: Page, click: () => Promise<void>) {
    const [download] = await Promise.all([page.waitForEvent('download'), click()]);
    return { name: download.suggestedFilename(), body: readFileSync(await download.path()) };
  }

  /** The date 30 days from now in Almaty, as the form's inputs want it. */
  const dayAhead = (days: number) =>
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty' }).format(
      new Date(Date.now() + days * 86_400_000),
    );

  beforeAll(async () => {
    web = await WebTest.start();
    club = await web.api.createClub('zhambyl.taraz', `Әділет ${tag}`);
    coordinator = await web.api.staff(Role.COORDINATOR, 'zhambyl.taraz', club.id);
    unitId = await web.api.unitId('zhambyl.taraz');
    const names = ['Әсел Бекова', 'Бауыржан Серіков', 'Дана Нұрланқызы', 'Ерлан Қасымов'];
    const phones = ['8 701 444 55 10', '8 702 444 55 11', '8 705 444 55 12', '8 707 444 55 13'];
    for (const [i, fullName] of names.entries()) {
      const s = await web.api.signUp({ fullName, clubId: club.id, phone: phones[i] });
      members.push({ id: s.member.id, token: s.accessToken, fullName, email: s.input.email });
    }
    // an event under way soon (check-in is open): 2 seats, 4 registrations (2 waitlisted in order),
    // one checked in, one walk-in from another district (outside the coordinator's scope)
    const host = { token: coordinator.token, clubId: club.id, unitId };
    people = await web.api.event(
      { capacity: 2, title: `Пікірсайыс ${tag}`, kind: 'DEBATE' },
      { host, startsInHours: 1 },
    );
    const codes: string[] = [];
    for (const m of members) {
      const r = await gql(
        `mutation($e: ID!) { registerForEvent(eventId: $e) { checkInCode } }`,
        { e: people.id },
        m.token,
      );
      codes.push(r.registerForEvent.checkInCode);
    }
    await gql(
      `mutation($e: ID!, $c: String!) { checkIn(eventId: $e, code: $c) { alreadyCheckedIn } }`,
      { e: people.id, c: codes[0] },
      coordinator.token,
    );
    const stranger = await web.api.signUp({
      fullName: 'Мирас Өтегенов',
      unitId: await web.api.unitId('zhambyl.merke'),
    });
    await gql(
      `mutation($e: ID!, $w: String!) { walkIn(eventId: $e, emailOrPhone: $w) { registrationId } }`,
      { e: people.id, w: stranger.input.email },
      coordinator.token,
    );
    // a reminder the mail server refused (what the worker records after its last attempt)
    await web.api.db.query(
      `WITH n AS (INSERT INTO notifications (member_id, kind, dedup_key, event_id, params)
                  VALUES ($1, 'REMINDER', $2, $3, '{}') RETURNING id)
       INSERT INTO deliveries (notification_id, channel, status, attempts, last_error)
       SELECT id, 'EMAIL', 'FAILED', 5, '550 mailbox unavailable' FROM n`,
      [members[1].id, `test:${tag}`, people.id],
    );
  }, 120_000);
  afterAll(() => web.close());

  it('creates an event through the form, in Almaty time, and publishes it', async () => {
    const { page, context, problems } = await web.open('/login');
    await web.login(page, coordinator.email);
    await navTo(page, '/console');
    await seeText(page.locator('h1'), 'Клубтар мен іс-шаралар');
    await seeText(page.getByTestId('console-club'), club.name);
    await page.getByTestId('new-event').click();
    await seeText(page.locator('h1'), 'Жаңа іс-шара');
    const day = dayAhead(30);
    const title = `Сайлау және жастар ${tag}`;
    await page.getByTestId('title').fill(title);
    await page.getByTestId('kind').selectOption('FORUM');
    await page.getByTestId('host').selectOption(`club:${club.id}`);
    await page.getByTestId('venue-name').fill('Дулати университеті, 2-корпус');
    await page.getByTestId('venue-address').fill('Тараз, Төле би к., 60');
    await page.getByTestId('wheelchair').check();
    await page.getByTestId('starts-at').fill(`${day}T15:00`);
    await page.getByTestId('ends-at').fill(`${day}T17:00`);
    await page.getByTestId('capacity').fill('120');
    await page.getByLabel('1 сағат бұрын').check();
    await page.getByTestId('save-event').click();

    await seeText(page.getByTestId('event-saved'), 'жоба ретінде сақталды');
    await seeText(page.locator('h1'), title);
    await seeText(page.getByTestId('event-status'), 'Жоба');
    const id = new URL(page.url()).pathname.split('/').pop()!;
    const [row] = await web.api.db.query(
      `SELECT status, starts_at, ends_at, capacity, club_id, venue_wheelchair_accessible, reminder_offsets_minutes FROM events WHERE id = $1`,
      [id],
    );
    expect(row).toMatchObject({
      status: 'DRAFT',
      capacity: 120,
      club_id: club.id,
      venue_wheelchair_accessible: true,
    });
    expect(new Date(row.starts_at).toISOString()).toBe(new Date(`${day}T15:00:00+05:00`).toISOString());
    expect(new Date(row.ends_at).toISOString()).toBe(new Date(`${day}T17:00:00+05:00`).toISOString());
    expect([...row.reminder_offsets_minutes].sort((a: number, b: number) => b - a)).toEqual([1440, 120, 60]);

    await page.getByTestId('publish').click();
    await seeText(page.getByTestId('event-status'), 'Жарияланған');
    const [after] = await web.api.db.query(`SELECT status FROM events WHERE id = $1`, [id]);
    expect(after.status).toBe('PUBLISHED');
    // the door scanner is one click away
    expect(await page.getByTestId('open-scanner').getAttribute('href')).toBe(`/scan/${id}`);
    // and the list of my published events has it
    await page.goto('/console');
    await seeText(page.getByTestId('events-PUBLISHED'), title);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("shows the event's people by list: the waitlist in order, walk-ins; cancels for a member; certificate and badge", async () => {
    const { page, context, problems } = await openAs(`/console/events/${people.id}`);
    await seeText(page.locator('h1'), people.title);
    const registered = page.getByTestId('people-registered');
    await seeText(registered, members[1].fullName);
    await page.getByTestId('people-tab-waitlisted').click();
    const waitlist = page.getByTestId('people-waitlisted').getByTestId('person');
    await waitlist.first().waitFor();
    const texts = await waitlist.allInnerTexts();
    expect(texts[0]).toContain('1.');
    expect(texts[0]).toContain(members[2].fullName);
    expect(texts[1]).toContain('2.');
    expect(texts[1]).toContain(members[3].fullName);

    await page.getByTestId('people-tab-attended').click();
    await seeText(page.getByTestId('people-attended'), members[0].fullName);
    await seeText(page.getByTestId('people-attended'), 'Мирас Өтегенов');
    await page.getByTestId('people-tab-walkIns').click();
    await seeText(page.getByTestId('people-walkIns'), 'Мирас Өтегенов');
    await seeText(page.getByTestId('people-walkIns'), 'орыннан тыс');
    // a walk-in from another district: no certificate or badge from this coordinator
    await page.getByTestId('people-walkIns').getByTestId('person-actions').click();
    await seeText(page.getByTestId('person-dialog'), 'сіздің аумағыңыздан емес');
    expect(await page.getByTestId('issue-certificate').count()).toBe(0);
    await page.keyboard.press('Escape');

    // cancel Бауыржан's seat on his behalf: the first waitlisted (Дана) gets it
    await page.getByTestId('people-tab-registered').click();
    await page
      .getByTestId('people-registered')
      .getByTestId('person')
      .filter({ hasText: members[1].fullName })
      .getByTestId('person-actions')
      .click();
    const dialog = page.getByTestId('person-dialog');
    await dialog.getByTestId('staff-cancel').click();
    await dialog.getByTestId('staff-cancel-yes').click();
    await seeText(dialog.getByTestId('action-done'), 'болдырылмады');
    const status = async (memberId: string) =>
      (
        await web.api.db.query(`SELECT status FROM registrations WHERE event_id = $1 AND member_id = $2`, [
          people.id,
          memberId,
        ])
      ).map((r: { status: string }) => r.status);
    expect(await status(members[1].id)).toEqual(['CANCELLED']);
    expect(await status(members[2].id)).toEqual(['REGISTERED']);

    // the certificate and a manual badge for the same member, from the same dialog
    await dialog.getByTestId('issue-certificate').click();
    await seeText(dialog.getByTestId('action-done'), 'Куәлік берілді: ZHM-');
    await dialog.getByTestId('badge-choice').selectOption('organizer');
    await dialog.getByTestId('award-badge').click();
    await seeText(dialog.getByTestId('action-done'), 'төсбелгісі берілді');
    const [{ n }] = await web.api.db.query(
      `SELECT count(*)::int AS n FROM badge_awards a JOIN badge_classes b ON b.id = a.badge_class_id
       WHERE a.member_id = $1 AND b.code = 'organizer'`,
      [members[1].id],
    );
    expect(n).toBe(1);
    await page.keyboard.press('Escape');
    await page.getByTestId('people-registered').getByText(members[2].fullName).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('downloads the attendance CSV and sends failed reminders again', async () => {
    const { page, context, problems } = await openAs(`/console/events/${people.id}`);
    const file = await downloaded(page, () => page.getByTestId('download-csv').click());
    expect(file.name).toBe(`attendance-${people.id}.csv`);
    const text = file.body.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff); // the BOM, for spreadsheet programs
    expect(text).toContain('Аты-жөні'); // the header row in Kazakh
    expect(text).toContain(members[0].fullName);
    expect(text).toContain('Мирас Өтегенов');
    expect(text).not.toContain(members[0].email);

    const log = page.getByRole('region', { name: 'Еске салғыштар мен хаттар' });
    await seeText(log.getByTestId('delivery-failures'), '550 mailbox unavailable');
    // whose message it was: the coordinator can tell the person to check their address
    await seeText(log.getByTestId('delivery-failures'), members[1].fullName);
    await log.getByTestId('retry-failed').click();
    await seeText(log.getByTestId('retried'), '1 хат қайта жіберілді');
    const [row] = await web.api.db.query(
      `SELECT d.status FROM deliveries d JOIN notifications n ON n.id = d.notification_id WHERE n.dedup_key = $1`,
      [`test:${tag}`],
    );
    // out of FAILED, due again; a worker of another test file sharing this database may already
    // have taken it (it has no real reminder behind it, so it would be SKIPPED)
    expect(['PENDING', 'SENDING', 'SENT', 'SKIPPED']).toContain(row.status);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("finds a club's members by phone and by name, in Kazakh order", async () => {
    const { page, context, problems } = await openAs('/console');
    await page.getByTestId('console-club').getByRole('link', { name: club.name }).click();
    await seeText(page.locator('h1'), club.name);
    const rows = page.getByTestId('club-member');
    await rows.first().waitFor();
    expect((await rows.allInnerTexts()).map((t) => t.split('\t')[0].trim())).toEqual(
      members.map((m) => m.fullName),
    );
    await page.getByTestId('member-search').fill('+7 705 444 55 12');
    await page.getByRole('button', { name: 'Іздеу' }).click();
    await seeText(page.getByTestId('members-count'), '1 мүше табылды');
    await seeText(rows.first(), members[2].fullName);
    expect(await rows.count()).toBe(1);
    // contacts are masked: never the full phone or address
    expect(await page.locator('main').innerText()).not.toContain(members[2].email);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the reason the API refuses a change, in Russian; copies an event for next week', async () => {
    const { page, context, problems } = await openAs(`/console/events/${people.id}/edit`, { lang: 'ru' });
    await seeText(page.locator('h1'), 'Изменить мероприятие');
    // two seats are taken: the API will not go below
    await page.getByTestId('capacity').fill('1');
    await page.getByTestId('save-event').click();
    const field = page.locator('.mantine-InputWrapper-error');
    await field.first().waitFor();
    const message = await field.first().innerText();
    expect(message).toMatch(/[А-Яа-я]/);
    expect(message).toContain('2');
    expect(message).not.toMatch(/[A-Z_]{6,}/);
    const [{ capacity }] = await web.api.db.query(`SELECT capacity FROM events WHERE id = $1`, [people.id]);
    expect(capacity).toBe(2);

    await page.goto(`/console/events/${people.id}`);
    await page.getByTestId('copy-event').click();
    await seeText(page.locator('h1'), 'Копия мероприятия');
    expect(await page.getByTestId('title').inputValue()).toBe(people.title);
    const [src] = await web.api.db.query(`SELECT starts_at FROM events WHERE id = $1`, [people.id]);
    const week = new Date(new Date(src.starts_at).getTime() + 7 * 86_400_000);
    const wall = new Date(week.getTime() + 5 * 3_600_000).toISOString().slice(0, 16);
    expect(await page.getByTestId('starts-at').inputValue()).toBe(wall);
    await page.getByTestId('save-event').click();
    await seeText(page.getByTestId('event-saved'), 'сохранено как черновик');
    const copyId = new URL(page.url()).pathname.split('/').pop()!;
    expect(copyId).not.toBe(people.id);
    const [copy] = await web.api.db.query(
      `SELECT title, kind, capacity, club_id, status FROM events WHERE id = $1`,
      [copyId],
    );
    expect(copy).toEqual({
      title: people.title,
      kind: 'DEBATE',
      capacity: 2,
      club_id: club.id,
      status: 'DRAFT',
    });
    expect(problems).toEqual([]);
    await context.close();
  });

  for (const size of Object.keys(SIZES) as Size[]) {
    it(`has no axe violations on each console page at ${size} size`, async () => {
      const { page, context, problems } = await openAs('/console', { size });
      await page.getByTestId('console-event').first().waitFor();
      await page.getByTestId('console-club').first().waitFor();
      await expectNoAxeViolations(page);
      await screenshot(page, `console-${size}`);

      await page.goto(`/console/clubs/${club.id}`);
      await page.getByTestId('club-member').first().waitFor();
      await expectNoAxeViolations(page);
      await screenshot(page, `console-club-${size}`);

      await page.goto('/console/events/new');
      await page.getByTestId('title').waitFor();
      await expectNoAxeViolations(page);
      await screenshot(page, `console-event-new-${size}`);
      // with the API's field messages shown
      await page.getByTestId('save-event').click();
      await page.locator('.mantine-InputWrapper-error').first().waitFor();
      await expectNoAxeViolations(page);

      await page.goto(`/console/events/${people.id}/edit`);
      await page.getByTestId('title').waitFor();
      await expectNoAxeViolations(page);

      await page.goto(`/console/events/${people.id}`);
      await page.getByTestId('people-registered').getByTestId('person').first().waitFor();
      await page.getByTestId('delivery-counts').waitFor();
      await expectNoAxeViolations(page);
      await screenshot(page, `console-event-${size}`);
      await page.getByTestId('people-tab-waitlisted').click();
      await page.getByTestId('people-waitlisted').waitFor();
      await expectNoAxeViolations(page);
      await page.getByTestId('cancel-event').click();
      await page.getByTestId('cancel-reason').waitFor();
      await expectNoAxeViolations(page);
      await page.getByTestId('people-tab-attended').click();
      await page.getByTestId('people-attended').getByTestId('person-actions').first().click();
      await page.getByTestId('person-dialog').waitFor();
      // at laptop size, after the phone-size test has run (not when this test runs alone), axe
      // cannot decide the dialog's first line's contrast; against the demo data axe decides it and
      // finds no overlap (elementsFromPoint: the text, the modal, its overlay). Dark text on the
      // white dialog, looked at in console-person-laptop.png: an open question in the session note
      await expectNoAxeViolations(page, {
        undecidedContrastOk: size === 'laptop' ? ['div[data-testid="person-dialog"] > p'] : [],
      });
      await screenshot(page, `console-person-${size}`);
      // touch targets on a phone: at least 44 px high
      if (size === 'phone') {
        const box = await page.getByTestId('issue-certificate').boundingBox();
        expect(box!.height).toBeGreaterThanOrEqual(44);
      }
      expect(await page.evaluate(() => document.querySelectorAll('h1').length)).toBe(1);
      expect(problems).toEqual([]);
      await context.close();
    }, 600_000);
  }

  it('is not for members: the console says so', async () => {
    const { page, context } = await web.open('/login');
    await web.login(page, members[3].email);
    await page.goto('/console');
    await page.getByTestId('forbidden').waitFor();
    await context.close();
  }, 180_000);
});
