import {
  KAZAKH_ONLY,
  seeText,
  SIZES,
  type Size,
  WebTest,
  expectNoAxeViolations,
  screenshot,
  visibleTexts,
  clickInMenu,
  AXE_TEST_TIMEOUT_MS,
} from '../helpers/web';

// page.evaluate callbacks run in the browser; the test program has no DOM types (they would
// change Node's), so the browser globals used there are declared for this file only
declare const document: any;
declare const localStorage: any;

/**
 * The first pages through the whole chain (browser → built app → API → PostgreSQL): the shell,
 * the public events list and page, logging in and out, languages, keyboard use, axe at two sizes.
 * The pattern for every page's spec: one WebTest per file, a fresh context per test.
 */
describe('web app: shell, public events, login (browser)', () => {
  let web: WebTest;
  let forum: { id: string; title: string };
  let debate: { id: string; title: string };
  let member: { email: string; fullName: string };
  // other spec files share the database and add events of their own: ours are three years ahead,
  // and the pages are opened from that day on (?from=), so the list shows only this file's events
  const AHEAD = 24 * 3 * 365;
  let list: string;

  beforeAll(async () => {
    web = await WebTest.start();
    forum = await web.api.event(
      {
        kind: 'FORUM',
        capacity: 30,
        venue: { name: 'Дулати университеті', address: 'Тараз, Төле би 60', wheelchairAccessible: true },
      },
      { startsInHours: AHEAD + 2 },
    );
    debate = await web.api.event(
      { kind: 'DEBATE', title: `Дебат ${forum.id.slice(0, 4)}` },
      { startsInHours: AHEAD + 30 },
    );
    list = `/?from=${new Date(Date.now() + AHEAD * 3_600_000).toISOString().slice(0, 10)}`;
    const signed = await web.api.signUp({ fullName: 'Айгерім Оспанова' });
    member = { email: signed.input.email, fullName: signed.input.fullName };
  });
  afterAll(() => web.close());

  it('lets anyone browse, filter and open events, in Kazakh by default', async () => {
    const { page, context, problems } = await web.open(list);
    expect(await page.locator('html').getAttribute('lang')).toBe('kk');
    await seeText(page.locator('header'), 'Жас сайлаушылар клубы');
    await seeText(page.locator('h1'), 'Іс-шаралар');
    const cards = page.getByTestId('event-card');
    await cards.filter({ hasText: forum.title }).waitFor();
    const card = cards.filter({ hasText: forum.title });
    await seeText(card, 'Форум');
    await seeText(card, '30 орын қалды');
    await seeText(card, 'Мүгедектер арбасымен кіруге болады');

    await page.getByTestId('filter-kind').selectOption('DEBATE');
    await cards.filter({ hasText: debate.title }).waitFor();
    await cards.filter({ hasText: forum.title }).waitFor({ state: 'detached' });
    expect(page.url()).toContain('kind=DEBATE');

    await cards.filter({ hasText: debate.title }).getByRole('link').click();
    await seeText(page.locator('h1'), debate.title);
    // focus moved to the new page's heading
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('page-title');
    await seeText(page.locator('main'), 'Asia/Almaty');
    expect(problems).toEqual([]);
    await context.close();
  });

  for (const size of Object.keys(SIZES) as Size[]) {
    it(
      `has no axe violations on each page at ${size} size`,
      async () => {
        const { page, context, problems } = await web.open(list, { size });
        await page.getByTestId('event-card').first().waitFor();
        await expectNoAxeViolations(page);
        await screenshot(page, `events-${size}`);
        await page.goto(`/events/${forum.id}`);
        await page.locator('h1', { hasText: forum.title }).waitFor();
        await expectNoAxeViolations(page);
        await screenshot(page, `event-${size}`);
        await page.goto('/login');
        await page.locator('h1').waitFor();
        await page.locator('form button[type=submit]').click();
        await page.locator('[aria-invalid=true]').first().waitFor();
        await expectNoAxeViolations(page);
        await screenshot(page, `login-errors-${size}`);
        await web.login(page, member.email);
        await page.goto('/me');
        await page.getByTestId('greeting').waitFor();
        await expectNoAxeViolations(page);
        await screenshot(page, `me-${size}`);
        expect(problems).toEqual([]);
        await context.close();
      },
      AXE_TEST_TIMEOUT_MS,
    );
  }

  it('logs in, keeps the member logged in over a reload (refresh cookie), logs out', async () => {
    const { page, context } = await web.open('/login', { lang: 'en' });
    await web.login(page, member.email);
    await page.goto('/me');
    await seeText(page.getByTestId('greeting'), `Hello, ${member.fullName}!`);
    const cookies = await context.cookies();
    const refresh = cookies.find((c) => c.name === 'yvc_refresh')!;
    expect(refresh).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/graphql' });
    // page scripts cannot see it
    expect(await page.evaluate(() => document.cookie)).not.toContain('yvc_refresh');

    await page.reload();
    await seeText(page.getByTestId('greeting'), `Hello, ${member.fullName}!`);

    await clickInMenu(page, page.getByRole('button', { name: 'Log out' }));
    await page.locator('nav a[href="/login"]').waitFor({ state: 'attached' });
    expect((await context.cookies()).find((c) => c.name === 'yvc_refresh')).toBeUndefined();
    await page.goto('/me');
    await seeText(page.locator('h1'), 'Log in');
    await context.close();
  });

  it("paints the events list's first screen from the HTML before any script, only on / in Kazakh", async () => {
    const context = await web.browser.newContext({ viewport: SIZES.phone, baseURL: web.baseUrl });
    // no JavaScript file arrives: what shows is the HTML (and its one inline script) alone
    await context.route('**/assets/*.js', (route) => route.abort());
    const page = await context.newPage();
    await page.goto('/');
    await page.locator('[data-prerendered] h1').waitFor();
    await seeText(page.locator('[data-prerendered] h1'), 'Іс-шаралар');
    expect(await page.locator('[data-prerendered] header').isVisible()).toBe(true);
    expect(await page.getByTestId('filter-unit').isVisible()).toBe(true);
    // another page, or another language remembered: the Kazakh events screen would be wrong there
    await page.goto('/login');
    expect(await page.locator('[data-prerendered]').isVisible()).toBe(false);
    await page.evaluate(() => localStorage.setItem('yvc.lang', 'ru'));
    await page.goto('/');
    expect(await page.locator('[data-prerendered]').isVisible()).toBe(false);
    await context.close();

    // with its scripts the app hydrates it: the very elements painted from the HTML become the
    // app's (a mark put on them before the scripts run is still there), nothing is doubled, no
    // hydration error, and the Content-Security-Policy allowed the inline script (no console error)
    const hydrating = await web.browser.newContext({ viewport: SIZES.phone, baseURL: web.baseUrl });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await hydrating.route('**/assets/index-*.js', async (route) => {
      await held;
      await route.continue();
    });
    const page2 = await hydrating.newPage();
    const problems: string[] = [];
    page2.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page2.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    // (DOMContentLoaded waits for the held module script: wait for the parsed markup instead)
    await page2.goto('/', { waitUntil: 'commit' });
    await page2.locator('#root main p').first().waitFor();
    await page2.evaluate(() => {
      for (const q of ['#root h1', '#root main p'])
        Object.assign(document.querySelector(q) ?? {}, { yvcPainted: true });
    });
    release();
    await page2.locator('[data-prerendered]').waitFor({ state: 'detached' });
    await page2.getByTestId('event-card').first().waitFor();
    const kept = await page2.evaluate(() =>
      ['#root h1', '#root main p'].map(
        (q) => (document.querySelector(q) as { yvcPainted?: boolean } | null)?.yvcPainted,
      ),
    );
    expect(kept).toEqual([true, true]);
    expect(await page2.locator('h1').count()).toBe(1);
    expect(problems).toEqual([]);
    await hydrating.close();

    // a filter in the address: the app draws the page afresh (the prerendered form would be wrong)
    const opened = await web.open(`${list}&kind=FORUM`);
    expect(await opened.page.locator('[data-prerendered]').count()).toBe(0);
    expect(await opened.page.locator('h1').count()).toBe(1);
    expect(await opened.page.getByTestId('filter-kind').inputValue()).toBe('FORUM');
    expect(opened.problems).toEqual([]);
    await opened.context.close();
  });

  it("shows the API's own message, in the chosen language, for a wrong password; local checks next to the fields", async () => {
    const { page, context } = await web.open('/login', { lang: 'ru' });
    await page.locator('form button[type=submit]').click();
    await page.locator('input[type=email][aria-invalid=true]').waitFor();
    await seeText(page.locator('form'), 'Заполните это поле.');
    await page.locator('input[type=email]').fill(member.email);
    await page.locator('input[type=password]').fill('wrong-password-1');
    await page.locator('form button[type=submit]').click();
    const alert = page.getByTestId('form-error');
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text).toMatch(/[А-Яа-яЁё]/); // Russian, from the API
    expect(text).not.toMatch(/INVALID_CREDENTIALS|UNAUTHENTICATED/);
    await context.close();
  });

  it('switching the language changes every visible text, <html lang> and the account locale', async () => {
    const { page, context } = await web.open(list);
    await web.login(page, member.email);
    await page.goto(list);
    await page.getByTestId('event-card').first().waitFor();
    const kk = new Set(await visibleTexts(page));
    for (const lang of ['ru', 'en'] as const) {
      await page.getByTestId(`lang-${lang}`).click();
      await page.waitForFunction((l) => document.documentElement.lang === l, lang);
      await page.getByTestId('events-count').waitFor();
      await page.waitForTimeout(300);
      // data the test wrote (titles, the venue) stays as written; every interface text changes
      // cards of events other files of the suite made on the same days are their data, not ours
      const foreign = await page
        .getByTestId('event-card')
        .filter({ hasNotText: forum.title })
        .filter({ hasNotText: debate.title })
        .allInnerTexts();
      const theirs = new Set(foreign.flatMap((t) => t.split('\n').map((line) => line.trim())));
      const data = [forum.title, debate.title, 'Дулати университеті'];
      const texts = (await visibleTexts(page)).filter(
        (t) => !data.some((d) => t.includes(d)) && !theirs.has(t),
      );
      expect(texts.filter((t) => KAZAKH_ONLY.test(t))).toEqual([]);
      // words that are the same in Kazakh and Russian, and symbols
      const same = lang === 'ru' ? ['Форум', 'Викторина', 'Тренинг'] : [];
      const unchanged = texts.filter(
        (t) => kk.has(t) && !/^[\d\s.,:·–♿🤟-]+$/u.test(t) && !same.includes(t),
      );
      expect(unchanged).toEqual([]);
    }
    await page.reload();
    await page.locator('h1').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    const me = await web.api.db.query(`SELECT locale FROM members WHERE email = $1`, [member.email]);
    expect(me[0].locale).toBe('EN');
    await context.close();
  });

  it('logs in with the keyboard only (Tab and Enter)', async () => {
    const { page, context } = await web.open('/login', { size: 'laptop' });
    const focused = () =>
      page.evaluate(() => (document.activeElement as { type?: string } | null)?.type ?? '');
    for (let i = 0; i < 25 && (await focused()) !== 'email'; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('email');
    await page.keyboard.type(member.email);
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('password');
    await page.keyboard.type('correct-horse-9');
    await page.keyboard.press('Enter');
    await page.locator('nav a[href="/me"]').waitFor({ state: 'attached' });
    await context.close();
  });
});
