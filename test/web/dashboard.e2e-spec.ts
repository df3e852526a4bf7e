import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { APP_CONFIG, ConfigModule, loadConfig } from '@yvc/core';
import { CredentialsModule } from '@yvc/credentials';
import { DatabaseModule, RedisModule } from '@yvc/database';
import { DEMO_PASSWORD, DemoModule, DemoSeedService } from '@yvc/demo';
import { Role } from '@yvc/identity';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ownDatabase } from '../helpers/own-database';
import { PASSWORD, asText } from '../helpers/test-api';
import {
  KAZAKH_ONLY,
  SIZES,
  type Size,
  WebTest,
  expectNoAxeViolations,
  navTo,
  screenshot,
  seeText,
  visibleTexts,
} from '../helpers/web';

// page.evaluate callbacks run in the browser; the test program has no DOM types
declare const document: any;

const FIGURES = `query($f: EngagementFilter) { engagement(filter: $f) {
  from to members activeMembers events attendances uniqueParticipants attendanceRate
  firstTimeVoters { activeMembers }
  byUnit { unit { id code name } events attendances members }
  byClub { club { id name } members events registrations attendances uniqueParticipants noShows noShowRate }
} }`;
const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`;
const REGISTER = `mutation($id: ID!) { registerForEvent(eventId: $id) { id checkInCode } }`;
const CHECK_IN = `mutation($e: ID!, $c: String!) { checkIn(eventId: $e, code: $c) { alreadyCheckedIn } }`;

/** How long the API may keep an answer here (ENGAGEMENT_CACHE_SECONDS): the documented lag. */
const CACHE_SECONDS = 3;

/**
 * The commission's dashboard through the whole chain (browser → built app → API → PostgreSQL and
 * Redis) on the demo region, in a database of this file's own: scope (Taraz sees only Taraz),
 * drill-down region → district → club and back with the figures equal to Query.engagement's for
 * the same filter, by mouse and keyboard only, a check-in showing up within the documented lag,
 * the CSV of the view, the print view, axe at both sizes in chart and table views, kk and ru.
 */
describe('web app: the commission dashboard (browser)', () => {
  // several fresh computations and browsers per test, on a machine shared with other test files
  jest.setTimeout(300_000);
  let web: WebTest;
  let database: { url: string; drop: () => Promise<void> };
  let region: { email: string; token: string };
  let taraz: { email: string; token: string };

  beforeAll(async () => {
    database = await ownDatabase('web_dashboard');
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule, DatabaseModule, RedisModule, DemoModule, CredentialsModule],
    })
      .overrideProvider(APP_CONFIG)
      .useValue({ ...loadConfig(), DATABASE_URL: database.url })
      .compile();
    const seedApp = await moduleRef.createNestApplication(new FastifyAdapter()).init();
    try {
      await seedApp.get(DemoSeedService).seed(600);
    } finally {
      await seedApp.close();
    }
    web = await WebTest.start({
      DATABASE_URL: database.url,
      REDIS_PREFIX: `${process.env.REDIS_PREFIX ?? 'yvc-test'}-web-dashboard`,
      ENGAGEMENT_CACHE_SECONDS: String(CACHE_SECONDS),
      // every comparison below may be a fresh computation
      ENGAGEMENT_COMPUTES_PER_MINUTE: '10000',
    });
    region = await web.api.staff(Role.COMMISSION, 'zhambyl');
    taraz = await web.api.staff(Role.COMMISSION, 'zhambyl.taraz');
  }, 240_000);
  afterAll(async () => {
    await web?.close();
    await database?.drop();
  });

  async function engagement(token: string, f: Record<string, unknown>) {
    const res = await web.api.gql(FIGURES, { f }, { token, lang: 'kk' });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data.engagement;
  }

  /** Opens the dashboard signed in as `email` (laptop unless told), at `query`. */
  async function openDashboard(
    email: string,
    query = '',
    opts: { size?: Size; lang?: 'kk' | 'ru'; password?: string } = {},
  ) {
    const opened = await web.open('/', { size: opts.size ?? 'laptop', lang: opts.lang });
    await web.login(opened.page, email, opts.password ?? PASSWORD);
    await opened.page.goto(`/dashboard${query}`);
    await report(opened.page);
    return opened;
  }

  /** Waits for the figures of the view (the unit's report or the club's) and returns its element. */
  async function report(page: Page) {
    const view = page.locator('[data-testid="report"], [data-testid="club-view"]');
    try {
      await view.first().waitFor({ timeout: 60_000 });
    } catch (err) {
      await screenshot(page, 'dashboard-no-report');
      throw new Error(`no figures on ${page.url()}: ${await page.locator('main').innerText()}`, {
        cause: err,
      });
    }
    return view.first();
  }

  /** The period the shown figures were computed for (what the API returned). */
  async function shownPeriod(page: Page) {
    const view = await report(page);
    return { from: (await view.getAttribute('data-from'))!, to: (await view.getAttribute('data-to'))! };
  }

  async function figure(page: Page, key: string): Promise<number> {
    const value = page.getByTestId(`figure-${key}`).getByTestId('figure-value');
    return Number(await value.getAttribute('data-value'));
  }

  /** The key figures on the page equal Query.engagement's for the same unit and period. */
  async function expectFiguresOfApi(page: Page, token: string, unitId: string | null) {
    const period = await shownPeriod(page);
    const api = await engagement(token, { ...period, unitId });
    const expected = {
      members: api.members,
      activeMembers: api.activeMembers,
      events: api.events,
      attendances: api.attendances,
      uniqueParticipants: api.uniqueParticipants,
      attendanceRate: api.attendanceRate,
      firstTimeVoters: api.firstTimeVoters.activeMembers,
    };
    const shown = async () => ({
      members: await figure(page, 'members'),
      activeMembers: await figure(page, 'activeMembers'),
      events: await figure(page, 'events'),
      attendances: await figure(page, 'attendances'),
      uniqueParticipants: await figure(page, 'uniqueParticipants'),
      attendanceRate: await figure(page, 'attendanceRate'),
      firstTimeVoters: await figure(page, 'firstTimeVoters'),
    });
    // the address changes before the new view's figures are rendered: give the page a few seconds
    // to show them (it must end up equal; a wrong figure still fails below)
    let onPage = await shown();
    for (let i = 0; i < 40 && JSON.stringify(onPage) !== JSON.stringify(expected); i++) {
      await page.waitForTimeout(250);
      onPage = await shown();
    }
    expect(onPage).toEqual(expected);
    return api;
  }

  /**
   * The README's picture of the dashboard (its top: summary, key figures, the first charts) under
   * test-output/screenshots, and in docs/screenshots with UPDATE_SCREENSHOTS=1.
   */
  async function readmeShot(page: Page, lang: 'kk' | 'ru') {
    const file = await screenshot(page, `readme-dashboard-${lang}`);
    await page.screenshot({ path: file, clip: { x: 0, y: 0, width: 1280, height: 1300 }, fullPage: true });
    if (process.env.UPDATE_SCREENSHOTS) {
      const dir = join(process.cwd(), 'docs', 'screenshots');
      mkdirSync(dir, { recursive: true });
      copyFileSync(file, join(dir, `dashboard-${lang}-laptop.png`));
    }
  }

  const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);

  /** Presses Tab until the focused element matches `selector` (keyboard only); fails after `max` presses. */
  async function tabTo(page: Page, selector: string, max = 150) {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      const hit = await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector);
      if (hit) return;
    }
    throw new Error(`Tab never reached ${selector}`);
  }

  it('shows the Taraz officer Taraz only, and refuses a unit outside it', async () => {
    const { page, context, problems } = await openDashboard(taraz.email);
    await seeText(page.locator('h1'), 'Жастардың белсенділігі');
    await expectFiguresOfApi(page, taraz.token, null);
    const tarazId = await web.api.unitId('zhambyl.taraz');
    const all = await engagement(taraz.token, await shownPeriod(page));
    expect(all.byUnit.map((r: any) => r.unit.code)).toEqual(['zhambyl.taraz']);
    // the by-unit chart and the clubs table name Taraz and its clubs, nothing else
    await page.getByTestId('chart-units').getByTestId('view-switch').getByText('Кесте').click();
    const unitCells = await page.getByTestId('chart-units').locator('tbody th').allInnerTexts();
    expect(unitCells).toEqual([all.byUnit[0].unit.name]);
    const clubNames = await page.getByTestId('club-row').locator('th').allInnerTexts();
    expect(clubNames.sort()).toEqual(all.byClub.map((c: any) => c.club.name).sort());
    expect(await page.getByTestId('club-row').locator('td').nth(0).innerText()).toBe('Тараз қаласы');
    expect(all.byUnit[0].unit.id).toBe(tarazId);
    // the region's address, shared by a regional colleague: the API says no, the page shows no figures
    await page.goto('/dashboard?unit=zhambyl');
    await page.getByTestId('error-alert').waitFor();
    expect(await page.getByTestId('report').count()).toBe(0);
    expect(problems.filter((p) => !/status of 200/.test(p))).toEqual([]);
    await context.close();
  });

  it('drills down region → district → club and back, with the API’s figures at every step', async () => {
    const { page, context } = await openDashboard(region.email, '?period=year');
    const period = await shownPeriod(page);
    const top = await expectFiguresOfApi(page, region.token, null);
    expect(top.byUnit[0].unit.code).toBe('zhambyl');
    // a district or city with clubs that held events
    let child: any;
    let inside: any;
    for (const row of top.byUnit.slice(1).sort((a: any, b: any) => b.attendances - a.attendances)) {
      const r = await engagement(region.token, { ...period, unitId: row.unit.id });
      if (r.byClub.some((c: any) => c.events > 0)) {
        child = row;
        inside = r;
        break;
      }
    }
    expect(child).toBeDefined();

    // a bar of the by-unit chart, with the mouse
    await page
      .getByTestId('chart-units')
      .getByTestId('chart-link')
      .filter({ hasText: child.unit.name })
      .click();
    await page.waitForURL((u) => u.searchParams.get('unit') === child.unit.code);
    await seeText(page.getByTestId('crumbs'), child.unit.name);
    await expectFiguresOfApi(page, region.token, child.unit.id);

    // a club of the table
    const club = inside.byClub.find((c: any) => c.events > 0);
    await page.getByTestId('club-row').getByRole('link', { name: club.club.name, exact: true }).click();
    await page.waitForURL((u) => u.searchParams.get('club') === club.club.id);
    const clubView = page.getByTestId('club-view');
    await clubView.waitFor();
    for (const key of ['members', 'events', 'registrations', 'attendances', 'uniqueParticipants', 'noShows'])
      expect(await figure(page, key)).toBe(club[key]);
    expect(await figure(page, 'noShowRate')).toBe(club.noShowRate);
    expect(param(page, 'unit')).toBe(child.unit.code);
    expect(param(page, 'period')).toBe('year');

    // back through the breadcrumbs, then with the browser's Back
    await page.getByTestId('crumbs').getByRole('link', { name: child.unit.name }).click();
    await page.getByTestId('report').waitFor();
    expect(param(page, 'club')).toBeNull();
    await expectFiguresOfApi(page, region.token, child.unit.id);
    await page.getByTestId('crumbs').getByRole('link', { name: 'Барлық аумақ' }).click();
    await page.waitForURL((u) => !u.searchParams.get('unit'));
    await expectFiguresOfApi(page, region.token, null);
    await page.goBack();
    await page.waitForURL((u) => u.searchParams.get('unit') === child.unit.code);
    await expectFiguresOfApi(page, region.token, child.unit.id);

    // the address is the view: opened in a fresh browser it shows the same place and period
    const shared = page.url().replace(web.baseUrl, '');
    await context.close();
    const again = await openDashboard(region.email, shared.replace('/dashboard', ''));
    await seeText(again.page.getByTestId('crumbs'), child.unit.name);
    expect(await shownPeriod(again.page)).toEqual(await shownPeriod(again.page));
    await expectFiguresOfApi(again.page, region.token, child.unit.id);
    await again.context.close();
  });

  it('drills down and back with the keyboard only', async () => {
    const { page, context } = await openDashboard(region.email, '?period=year');
    const top = await engagement(region.token, await shownPeriod(page));
    const child = top.byUnit.slice(1).sort((a: any, b: any) => b.attendances - a.attendances)[0];
    // the chart's bars are links: Tab reaches the first, Enter opens it
    await tabTo(page, '[data-testid="chart-units"] a[data-testid="chart-link"]');
    const label = await page.evaluate(() => document.activeElement.innerText as string);
    expect(label).toContain(child.unit.name);
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.searchParams.get('unit') === child.unit.code);
    await report(page);
    // a club by its link in the table
    await tabTo(page, '[data-testid="club-row"] a');
    await page.keyboard.press('Enter');
    await page.getByTestId('club-view').waitFor();
    // and back up by the breadcrumbs
    await tabTo(page, '[data-testid="crumbs"] a');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => !u.searchParams.get('unit'));
    await page.getByTestId('report').waitFor();
    await context.close();
  });

  it('shows a check-in made through the API after at most the documented lag', async () => {
    // an event of a Taraz club under way: created ahead (check-in opens 2 hours before the start),
    // then its start moved half an hour into the past, as if the time had come
    const host = await web.api.organiserInTaraz();
    const event = await web.api.event({}, { startsInHours: 1, host });
    const student = await web.api.signUp();
    const seat = await web.api.gql(REGISTER, { id: event.id }, { token: student.accessToken });
    expect(seat.errors).toBeUndefined();
    await web.api.db.query(
      `UPDATE events SET starts_at = now() - interval '30 minutes', ends_at = now() + interval '2 hours' WHERE id = $1`,
      [event.id],
    );

    const { page, context } = await openDashboard(taraz.email);
    const before = await figure(page, 'attendances');
    const computedBefore = await page.getByTestId('as-of').getAttribute('data-computed-at');
    const res = await web.api.gql(
      CHECK_IN,
      { e: event.id, c: seat.data.registerForEvent.checkInCode },
      { token: host.token },
    );
    expect(res.errors).toBeUndefined();
    // the API may answer from its cache for ENGAGEMENT_CACHE_SECONDS: after that, one refresh shows it
    await page.waitForTimeout(CACHE_SECONDS * 1000 + 500);
    await page.getByTestId('refresh').click();
    await page
      .getByTestId('figure-attendances')
      .getByTestId('figure-value')
      .and(page.locator(`[data-value="${before + 1}"]`))
      .waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('as-of').getAttribute('data-computed-at')).not.toBe(computedBefore);
    await expectFiguresOfApi(page, taraz.token, null);
    await context.close();
  });

  it('downloads the CSV of the view, the same file the API gives for that filter', async () => {
    const { page, context } = await openDashboard(region.email, '?period=year');
    const top = await engagement(region.token, await shownPeriod(page));
    const child = top.byUnit[1];
    await page
      .getByTestId('chart-units')
      .getByTestId('chart-link')
      .filter({ hasText: child.unit.name })
      .click();
    await page.waitForURL((u) => u.searchParams.get('unit') === child.unit.code);
    const period = await shownPeriod(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('csv-clubs').click(),
    ]);
    const body = readFileSync(await download.path()).toString('utf8');
    expect(download.suggestedFilename()).toMatch(/^engagement-clubs-\d{4}-\d{2}-\d{2}\.csv$/);
    const q = new URLSearchParams({ ...period, unitId: child.unit.id });
    const fromApi = await web.api.http
      .get(`/engagement/clubs.csv?${q.toString()}`)
      .set('Authorization', `Bearer ${region.token}`)
      .set('Accept-Language', 'kk')
      .buffer(true)
      .parse(asText);
    expect(fromApi.status).toBe(200);
    expect(body).toBe(fromApi.body);
    expect(body.startsWith('\uFEFF')).toBe(true);
    await context.close();
  });

  it.each(['laptop', 'phone'] as Size[])('passes axe at %s size in chart and table views', async (size) => {
    {
      const { page, context, problems } = await openDashboard(region.email, '?period=year', { size });
      await page.getByTestId('chart-svg').first().waitFor();
      await expectNoAxeViolations(page);
      await screenshot(page, `dashboard-kk-${size}`);
      if (size === 'laptop') await readmeShot(page, 'kk');
      for (const card of await page.locator('[data-testid^="chart-"] [data-testid="view-switch"]').all())
        await card.getByText('Кесте').click();
      expect(await page.getByTestId('chart-table').count()).toBe(6);
      await expectNoAxeViolations(page);
      await screenshot(page, `dashboard-kk-${size}-tables`);
      // a club view too
      await page.getByTestId('club-row').first().getByRole('link').click();
      await page.getByTestId('club-view').waitFor();
      await expectNoAxeViolations(page);
      expect(page.viewportSize()).toEqual(SIZES[size]);
      expect(problems).toEqual([]);
      await context.close();
    }
  });

  it('prints on A4 and speaks Russian', async () => {
    // print: no header, no controls, the heading of the view and the "as of" line on the page
    const { page, context } = await openDashboard(region.email, '?period=year');
    await page.getByTestId('chart-svg').first().waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header').isVisible()).toBe(false);
    expect(await page.getByTestId('print').isVisible()).toBe(false);
    expect(await page.locator('.dashboard-print-only').isVisible()).toBe(true);
    await seeText(page.getByTestId('as-of'), 'жағдайы бойынша');
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await screenshot(page, 'dashboard-kk-print');
    await context.close();

    // Russian: every text of the page (the API's summary too), and a screenshot for the README
    const ru = await openDashboard(region.email, '?period=year', { lang: 'ru' });
    await seeText(ru.page.locator('h1'), 'Вовлечённость молодёжи');
    await ru.page.getByTestId('chart-svg').first().waitFor();
    await seeText(ru.page.getByTestId('as-of'), 'Показатели на');
    // club names are the clubs' own (data, in whatever language they were given), not the interface's
    const clubs = new Set(
      (await engagement(region.token, await shownPeriod(ru.page))).byClub.map((c: any) => c.club.name),
    );
    const texts = await visibleTexts(ru.page);
    expect(texts.filter((x) => KAZAKH_ONLY.test(x) && !clubs.has(x))).toEqual([]);
    await expectNoAxeViolations(ru.page);
    await screenshot(ru.page, 'dashboard-ru-laptop');
    await readmeShot(ru.page, 'ru');
    await ru.context.close();
  });

  it('gives a coordinator their own clubs’ version, and a member no figures', async () => {
    // a demo coordinator: one club, assigned by the demo seed
    const coordinator = 'coordinator01@demo.yvc.kz';
    const login = await web.api.gql(LOGIN, { e: coordinator, p: DEMO_PASSWORD });
    const token = login.data.login.accessToken as string;
    const { page, context } = await openDashboard(coordinator, '?period=year', { password: DEMO_PASSWORD });
    const api = await expectFiguresOfApi(page, token, null);
    const names = await page.getByTestId('club-row').locator('th').allInnerTexts();
    expect(names.sort()).toEqual(api.byClub.map((c: any) => c.club.name).sort());
    await context.close();

    const student = await web.api.signUp();
    const opened = await web.open('/', { size: 'phone' });
    await web.login(opened.page, student.input.email);
    await opened.page.goto('/dashboard');
    await opened.page.getByTestId('forbidden').waitFor();
    await navTo(opened.page, '/me');
    await opened.context.close();
  });
});
