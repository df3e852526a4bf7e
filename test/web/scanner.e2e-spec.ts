import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';
import { Role } from '@yvc/identity';
import { writeQrVideo } from '../helpers/fake-camera';
import { until } from '../helpers/pipeline';
import { PASSWORD } from '../helpers/test-api';
import {
  CHROMIUM,
  FLAGS,
  SIZES,
  type Size,
  WebTest,
  expectNoAxeViolations,
  screenshot,
  seeText,
} from '../helpers/web';

// page.evaluate callbacks run in the browser (no DOM types in the test program)
declare const navigator: any, caches: any, window: any, document: any;

/**
 * The door scanner in a browser whose camera is Chromium's fake device playing a video this test
 * writes (the students' QR codes, test/helpers/fake-camera.ts): each outcome on the big panel
 * (first entry, already, wrong event, cancelled, waitlisted, unknown, not a code), manual entry and
 * walk-ins; 20 scans offline that survive a reload and sync once; two phones offline with one code;
 * axe at both sizes.
 */
describe('web app: the door scanner (browser, fake camera)', () => {
  let web: WebTest;
  let camera: Browser;
  const video = join(tmpdir(), `yvc-scanner-${process.pid}-${randomBytes(4).toString('hex')}.y4m`);
  let coordinator: { email: string; token: string };
  let officer: { email: string };
  let host: { token: string; unitId: string; clubId: string };

  const gql = async (query: string, variables: Record<string, unknown>, token: string) => {
    const res = await web.api.gql(query, variables, { token });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data;
  };
  const register = (eventId: string, token: string) =>
    gql(
      `mutation($e: ID!) { registerForEvent(eventId: $e) { id status checkInCode } }`,
      { e: eventId },
      token,
    ).then((d) => d.registerForEvent as { id: string; status: string; checkInCode: string | null });
  const event = (title: string, capacity: number) =>
    web.api.event({ title, capacity }, { startsInHours: 1, host });
  /** A student with a name of their own (the panel shows it). */
  const student = async (fullName: string) => {
    const s = await web.api.signUp({ fullName, phone: null });
    return { token: s.accessToken, email: s.input.email as string };
  };

  /** A context of the camera browser, signed in as `email`, on the scanner of `eventId`. */
  async function scanner(eventId: string, email: string, size: Size = 'phone') {
    const context = await camera.newContext({
      viewport: SIZES[size],
      locale: 'kk-KZ',
      timezoneId: 'Asia/Almaty',
      baseURL: web.baseUrl,
      permissions: ['camera'],
    });
    const { page, problems } = await web.open('/login', { context });
    await web.login(page, email);
    await page.goto(`/scan/${eventId}`);
    await page.locator('h1').waitFor();
    return { page, context, problems };
  }

  /** The camera shows `codes` (one after the other, looped) from the next time a page opens it. */
  const show = (codes: Array<string | null>, framesEach = 10) => writeQrVideo(video, codes, { framesEach });

  const feedback = (page: Page) => page.getByTestId('scan-feedback');
  /** What the phone's screen shows (not the whole page): the README's pictures of each outcome. */
  const screen = (page: Page, name: string) =>
    page.screenshot({ path: join(process.cwd(), 'test-output', 'screenshots', `${name}-screen.png`) });
  async function expectTone(page: Page, tone: string, text: string) {
    await page.locator(`[data-testid="scan-feedback"][data-tone="${tone}"]`).waitFor({ timeout: 60_000 });
    await seeText(feedback(page), text);
  }

  /** The service worker controls the page and the scanner's own files are cached for offline use. */
  async function readyOffline(page: Page) {
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.locator('[data-testid="camera"]').waitFor({ state: 'attached' });
    await page.waitForFunction(
      async () => {
        const cache = await caches.open('yvc-assets');
        const urls = (await cache.keys()).map((r: any) => r.url as string);
        return (
          urls.some((u: string) => /\/assets\/ScanPage-/.test(u)) &&
          urls.some((u: string) => /\/assets\/decoder\.worker-/.test(u))
        );
      },
      undefined,
      { timeout: 30_000, polling: 500 },
    );
  }

  const attended = async (eventId: string) =>
    (
      await web.api.db.query(
        `SELECT count(*)::int AS n, count(DISTINCT member_id)::int AS members FROM registrations
         WHERE event_id = $1 AND status = 'ATTENDED'`,
        [eventId],
      )
    )[0] as { n: number; members: number };

  beforeAll(async () => {
    show([null]);
    web = await WebTest.start();
    camera = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        ...FLAGS,
        '--use-fake-device-for-media-stream',
        '--use-fake-ui-for-media-stream',
        `--use-file-for-fake-video-capture=${video}`,
        '--autoplay-policy=no-user-gesture-required',
      ],
    });
    const club = await web.api.createClub('zhambyl.taraz');
    const c = await web.api.staff(Role.COORDINATOR, 'zhambyl.taraz', club.id);
    coordinator = { email: c.email, token: c.token };
    host = { token: c.token, unitId: await web.api.unitId('zhambyl.taraz'), clubId: club.id };
    const o = await web.api.staff(Role.COMMISSION, 'zhambyl');
    officer = { email: o.email };
  }, 120_000);

  afterAll(async () => {
    await camera?.close();
    await web?.close();
    rmSync(video, { force: true });
  });

  it('reads codes from the camera and shows each outcome in colour, symbol, words; manual entry and walk-ins', async () => {
    const ev = await event('Сайлау және жастар: есік', 3);
    const other = await event('Басқа форум', 10);
    const aigerim = await student('Айгерім Нұрланова');
    const cancelled = await student('Бауыржан Оспанов');
    const here = await student('Дәулет Серікұлы');
    const waiting = await student('Гүлнар Әлібекова');
    const elsewhere = await student('Ержан Қасымов');
    const typed = await student('Жанар Төлеуова');
    const walker = await student('Зарина Мұратқызы');
    const first = await register(ev.id, aigerim.token);
    const gone = await register(ev.id, cancelled.token);
    await gql(
      `mutation($r: ID!) { cancelRegistration(registrationId: $r) { status } }`,
      { r: gone.id },
      cancelled.token,
    );
    const came = await register(ev.id, here.token);
    const typedReg = await register(ev.id, typed.token);
    await gql(
      `mutation($e: ID!, $c: String!) { checkIn(eventId: $e, code: $c) { alreadyCheckedIn } }`,
      { e: ev.id, c: came.checkInCode },
      coordinator.token,
    );
    const wait = await register(ev.id, waiting.token);
    expect(wait.status).toBe('WAITLISTED');
    const wrong = await register(other.id, elsewhere.token);
    const unknown = randomBytes(32).toString('base64url');

    show([first.checkInCode]);
    const { page, context, problems } = await scanner(ev.id, coordinator.email);
    await seeText(page.locator('h1'), 'Сайлау және жастар: есік');
    await expectTone(page, 'ok', 'Айгерім Нұрланова');
    await seeText(feedback(page), 'Кіру рұқсат етілді');
    await seeText(page.getByTestId('scan-counts'), 'Кірді: 2 / тіркелген: 3');
    await screenshot(page, 'scanner-ok-phone');
    await screen(page, 'scanner-ok-phone');
    await expectNoAxeViolations(page);

    // the same code held up for longer is read once (no second answer while it stays in view)
    await page.waitForTimeout(4_000);
    expect(await page.getByTestId('recent-scan').count()).toBe(1);

    const cases: Array<[string | null | undefined, string, string, string]> = [
      [came.checkInCode, 'already', 'Бұрын кірген', 'scanner-already-phone'],
      [wrong.checkInCode, 'error', 'басқа іс-шараға арналған', 'scanner-wrong-event-phone'],
      [gone.checkInCode, 'error', 'күші жойылған', 'scanner-cancelled-phone'],
      [wait.checkInCode, 'error', 'күту тізімінде тұр', 'scanner-waitlisted-phone'],
      [unknown, 'error', 'ешбір тіркелуге жатпайды', 'scanner-unknown-phone'],
      ['https://example.kz/not-an-entrance-code', 'error', 'кіру коды емес', 'scanner-not-a-code-phone'],
    ];
    for (const [code, tone, text, shot] of cases) {
      show([code!]);
      await page.reload();
      await expectTone(page, tone, text);
      await screenshot(page, shot);
      await screen(page, shot);
    }
    await expectNoAxeViolations(page);
    // the list keeps each answer; a server answer about Дәулет names him with the first time
    await seeText(page.getByTestId('recent-scans'), 'Дәулет Серікұлы');

    // manual entry (a code typed, or the QR link of the e-mail) answers like a scan
    show([null]);
    await page.reload();
    await page.getByTestId('manual-input').fill(`${web.baseUrl}/qr/${first.checkInCode}.png`);
    await page.getByTestId('manual-submit').click();
    await expectTone(page, 'already', 'Айгерім Нұрланова');
    await page.getByTestId('manual-input').fill(` ${typedReg.checkInCode!} `);
    await page.getByTestId('manual-submit').click();
    await expectTone(page, 'ok', 'Жанар Төлеуова');

    // a walk-in by e-mail: registered at the door (over capacity: the event is full) and in
    await page.getByTestId('walk-in-input').fill(walker.email);
    await page.getByTestId('walk-in-submit').click();
    await expectTone(page, 'ok', 'Зарина Мұратқызы');
    await seeText(feedback(page), 'сыйымдылықтан тыс');
    await screenshot(page, 'scanner-walk-in-phone');
    await page.getByTestId('walk-in-input').fill('nobody.at.all@example.kz');
    await page.getByTestId('walk-in-submit').click();
    await page.locator('[data-testid="scan-feedback"][data-tone="error"]').waitFor();
    await page.getByTestId('walk-in-input').fill('');
    await page.getByTestId('walk-in-submit').click();
    await seeText(page.locator('form'), 'Телефон немесе e-mail енгізіңіз');
    await expectNoAxeViolations(page);

    const rows = await web.api.db.query(
      `SELECT m.full_name, r.check_in_method FROM registrations r JOIN members m ON m.id = r.member_id
       WHERE r.event_id = $1 AND r.status = 'ATTENDED' ORDER BY m.full_name`,
      [ev.id],
    );
    expect(rows.map((r: any) => r.full_name)).toEqual([
      'Айгерім Нұрланова',
      'Дәулет Серікұлы',
      'Жанар Төлеуова',
      'Зарина Мұратқызы',
    ]);
    expect(problems.filter((p) => !/Failed to load resource/.test(p))).toEqual([]);
    await context.close();

    // at laptop size too
    show([null]);
    const laptop = await scanner(ev.id, coordinator.email, 'laptop');
    await laptop.page.getByTestId('manual-input').fill(first.checkInCode!);
    await laptop.page.getByTestId('manual-submit').click();
    await expectTone(laptop.page, 'already', 'Айгерім Нұрланова');
    await screenshot(laptop.page, 'scanner-laptop');
    await laptop.page.evaluate(() => window.scrollTo(0, 0));
    await screen(laptop.page, 'scanner-laptop');
    await expectNoAxeViolations(laptop.page);

    // signing out forgets this phone's answered scans (they name people); none was pending here
    // (a page-side expression: the tests' types have no IndexedDB)
    const answeredScans = `new Promise((resolve, reject) => {
      const open = indexedDB.open('yvc-scanner');
      open.onerror = () => reject(new Error('indexedDB.open failed'));
      open.onsuccess = () => {
        const all = open.result.transaction('scans').objectStore('scans').getAll();
        all.onerror = () => reject(new Error('getAll failed'));
        all.onsuccess = () => {
          resolve(all.result.filter((s) => s.state === 'done').length);
          open.result.close();
        };
      };
    })`;
    expect(await laptop.page.evaluate<number>(answeredScans)).toBeGreaterThan(0);
    await laptop.page.goto('/console');
    await laptop.page.getByRole('button', { name: 'Шығу' }).click();
    let left = -1;
    for (let i = 0; i < 100 && left !== 0; i++) {
      await laptop.page.waitForTimeout(100);
      left = await laptop.page.evaluate<number>(answeredScans);
    }
    expect(left).toBe(0);
    await laptop.context.close();
  }, 400_000);

  it('queues 20 scans offline, keeps them over a reload, and syncs them once when the network returns', async () => {
    const ev = await event('Офлайн есік', 30);
    const members = await web.api.bulkMembers(20);
    const codes: string[] = [];
    for (const m of members) codes.push((await register(ev.id, m.token)).checkInCode!);

    show([null]);
    const { page, context } = await scanner(ev.id, coordinator.email);
    await seeText(page.getByTestId('scan-counts'), 'Кірді: 0 / тіркелген: 20');
    await readyOffline(page);

    await context.setOffline(true);
    show(codes, 6);
    await page.reload();
    await page.getByTestId('scanner-offline').waitFor();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="recent-scan"][data-tone="queued"]').length >= 20,
      undefined,
      { timeout: 90_000, polling: 250 },
    );
    await expectTone(page, 'queued', 'синхрондалады');
    await screenshot(page, 'scanner-queued-phone');
    await screen(page, 'scanner-queued-phone');
    await expectNoAxeViolations(page);
    expect((await attended(ev.id)).n).toBe(0);

    // closing the page loses nothing: reloaded offline, the 20 are still there, waiting
    show([null]);
    await page.reload();
    await page.getByTestId('scanner-offline').waitFor();
    await seeText(page.getByTestId('scan-pending'), 'Синхрондауды күтуде: 20');
    expect(await page.locator('[data-testid="recent-scan"][data-tone="queued"]').count()).toBe(20);

    await context.setOffline(false);
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="recent-scan"][data-tone="ok"]').length === 20,
      undefined,
      { timeout: 60_000, polling: 250 },
    );
    await page.getByTestId('scan-pending').waitFor({ state: 'detached' });
    await seeText(page.getByTestId('scan-counts'), 'Кірді: 20 / тіркелген: 20');
    expect(await attended(ev.id)).toEqual({ n: 20, members: 20 });
    const scans = await web.api.db.query(
      `SELECT outcome, count(*)::int AS n FROM check_in_scans WHERE event_id = $1 GROUP BY outcome`,
      [ev.id],
    );
    expect(scans).toEqual([{ outcome: 'OK', n: 20 }]);
    const methods = await web.api.db.query(
      `SELECT DISTINCT check_in_method FROM registrations WHERE event_id = $1 AND status = 'ATTENDED'`,
      [ev.id],
    );
    expect(methods).toEqual([{ check_in_method: 'OFFLINE_SYNC' }]);
    await context.close();
  }, 300_000);

  it('"Sync now" sends the waiting scans at once, without waiting for the next automatic try', async () => {
    const ev = await event('Қазір синхрондау', 10);
    const codes: string[] = [];
    for (const name of ['Дана Серікова', 'Ерасыл Мұратов'])
      codes.push((await register(ev.id, (await student(name)).token)).checkInCode!);
    show([null]);
    // no service worker in this context, so the test sees (and can refuse) the page's own requests
    const context = await camera.newContext({
      viewport: SIZES.phone,
      locale: 'kk-KZ',
      timezoneId: 'Asia/Almaty',
      baseURL: web.baseUrl,
      permissions: ['camera'],
      serviceWorkers: 'block',
    });
    let refuse = true;
    const refused: number[] = [];
    const sent: number[] = [];
    await context.route('**/graphql', async (route) => {
      if (!(route.request().postData() ?? '').includes('syncCheckIns')) return route.continue();
      if (refuse) {
        refused.push(Date.now());
        return route.abort('internetdisconnected');
      }
      sent.push(Date.now());
      return route.continue();
    });
    const { page, problems } = await web.open('/login', { context });
    await web.login(page, coordinator.email);
    await page.goto(`/scan/${ev.id}`);
    await page.locator('[data-testid="camera"]').waitFor({ state: 'attached' });

    // two codes typed at the door with no network: saved, waiting
    await context.setOffline(true);
    await page.getByTestId('scanner-offline').waitFor();
    for (const code of codes) {
      await page.getByTestId('manual-input').fill(code);
      await page.getByTestId('manual-submit').click();
      await expectTone(page, 'queued', 'синхрондалады');
    }
    await seeText(page.getByTestId('scan-pending'), 'Синхрондауды күтуде: 2');
    // the network returns, but the automatic sync's request is lost: the scans stay queued
    await context.setOffline(false);
    await page.waitForFunction(() => navigator.onLine);
    await until(() => refused.length > 0, 30_000);
    await page.getByTestId('sync-now').and(page.locator(':not([data-loading])')).waitFor();
    await seeText(page.getByTestId('scan-pending'), 'Синхрондауды күтуде: 2');
    expect((await attended(ev.id)).n).toBe(0);

    refuse = false;
    await page.getByTestId('sync-now').click();
    await page.getByTestId('scan-pending').waitFor({ state: 'detached', timeout: 30_000 });
    expect(await page.locator('[data-testid="recent-scan"][data-tone="ok"]').count()).toBe(2);
    expect(await attended(ev.id)).toEqual({ n: 2, members: 2 });
    // the request that went through was the button's: the automatic retry comes 30 s after the
    // refused one (useScans.ts RETRY_MS), this one came sooner
    expect(sent.length).toBeGreaterThan(0);
    expect(sent[0] - refused[refused.length - 1]).toBeLessThan(30_000);
    expect(problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(p))).toEqual([]);
    await context.close();
  }, 180_000);

  it('two phones offline scanning one code: one attendance, one "already"', async () => {
    const ev = await event('Екі телефон', 10);
    const s = await student('Камила Жақсылықова');
    const code = (await register(ev.id, s.token)).checkInCode!;
    show([null]);
    const a = await scanner(ev.id, coordinator.email);
    const b = await scanner(ev.id, officer.email);
    await readyOffline(a.page);
    await readyOffline(b.page);
    await a.context.setOffline(true);
    await b.context.setOffline(true);
    show([code]);
    await a.page.reload();
    await expectTone(a.page, 'queued', 'синхрондалады');
    await b.page.reload();
    await expectTone(b.page, 'queued', 'синхрондалады');
    show([null]);

    await a.context.setOffline(false);
    await a.page.locator('[data-testid="recent-scan"][data-tone="ok"]').waitFor({ timeout: 30_000 });
    await expectTone(a.page, 'ok', 'Камила Жақсылықова');

    // the second phone syncs when its network returns: the server says it was already in
    await b.context.setOffline(false);
    await b.page.locator('[data-testid="recent-scan"][data-tone="already"]').waitFor({ timeout: 30_000 });
    await expectTone(b.page, 'already', 'Камила Жақсылықова');
    await screenshot(b.page, 'scanner-two-phones-already-phone');

    expect(await attended(ev.id)).toEqual({ n: 1, members: 1 });
    const outcomes = await web.api.db.query(
      `SELECT outcome FROM check_in_scans WHERE event_id = $1 ORDER BY outcome`,
      [ev.id],
    );
    expect(outcomes.map((r: any) => r.outcome)).toEqual(['ALREADY_CHECKED_IN', 'OK']);
    await a.context.close();
    await b.context.close();
  }, 240_000);

  it('is for staff only: a student is told the page is not for them', async () => {
    const ev = await event('Тек қызметкерлерге', 5);
    const s = await student('Ләззат Бекова');
    const { page, context } = await web.open('/login');
    await web.login(page, s.email, PASSWORD);
    await page.goto(`/scan/${ev.id}`);
    await page.getByTestId('forbidden').waitFor();
    await context.close();
  });
});
