import AxeBuilder from '@axe-core/playwright';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Locator, type Page, chromium } from 'playwright-core';
import { PASSWORD, TestApi } from './test-api';

// page.evaluate callbacks run in the browser; the test program has no DOM types (they would
// change Node's), so the browser globals used there are declared for this file only
declare const document: any, localStorage: any, NodeFilter: any, getComputedStyle: any;

/**
 * The browser-test harness: Debian's Chromium (never a downloaded browser) driving the built web
 * app, served by the API on a real port. Copy test/web/shell.e2e-spec.ts to start a new page's spec.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Chromium's flags for the tests (a spec that needs more, e.g. a fake camera, adds to them). */
export const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const PHONE = { width: 390, height: 844 } as const;
export const LAPTOP = { width: 1280, height: 800 } as const;
export type Size = 'phone' | 'laptop';
// A browser test drives a whole app (build, API, Chromium): on a busy 2-core machine a step can take
// many times its quiet-machine time, so every file that uses these helpers gets 3 minutes per test
// (a guard against hanging, not a speed requirement; the benches measure speed).
jest.setTimeout(180_000);

export const SIZES: Record<Size, { width: number; height: number }> = { phone: PHONE, laptop: LAPTOP };

/** The API with the built web app (dist/web, made by `npm test`), listening on 127.0.0.1, and a browser. */
export class WebTest {
  private constructor(
    readonly api: TestApi,
    readonly browser: Browser,
    readonly baseUrl: string,
  ) {}

  static async start(env: Record<string, string> = {}): Promise<WebTest> {
    if (!existsSync(join(process.cwd(), 'dist', 'web', 'index.html')))
      throw new Error('dist/web is missing: run the tests through `npm test` (it builds the web app)');
    const api = await TestApi.start(env);
    const address = api.app.getHttpServer().address() as { port: number };
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    return new WebTest(api, browser, `http://127.0.0.1:${address.port}`);
  }

  /**
   * A fresh browser context (own cookies and storage) and a page at phone or laptop size. The page
   * fails the test on an uncaught script error; `lang` is the language remembered beforehand.
   */
  async open(path: string, opts: { size?: Size; lang?: 'kk' | 'ru' | 'en'; context?: BrowserContext } = {}) {
    const context =
      opts.context ??
      (await this.browser.newContext({
        viewport: SIZES[opts.size ?? 'phone'],
        locale: 'kk-KZ',
        timezoneId: 'Asia/Almaty',
        baseURL: this.baseUrl,
      }));
    if (opts.lang) {
      const lang = opts.lang;
      await context.addInitScript((l) => {
        if (!localStorage.getItem('yvc.lang')) localStorage.setItem('yvc.lang', l);
      }, lang);
    }
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !/status of (400|401|404)/.test(m.text()))
        problems.push(`console: ${m.text()}`);
    });
    await page.goto(path);
    await page.locator('h1').first().waitFor();
    // the build's prerendered first screen (index.html) is static markup: wait for the app's own
    await page.locator('[data-prerendered]').waitFor({ state: 'detached' });
    return { page, context, problems };
  }

  /** Logs in through the login page (as a person would), then waits for the member's nav link. */
  async login(page: Page, email: string, password = PASSWORD): Promise<void> {
    await page.goto('/login');
    await page.locator('input[type=email]').fill(email);
    await page.locator('input[type=password]').fill(password);
    await page.locator('form button[type=submit]').click();
    await page.locator('nav a[href="/me"]').waitFor({ state: 'attached' });
    // the login page then goes on to where it was asked to (a navigation closes the phone menu)
    await page.waitForURL((url) => url.pathname !== '/login');
  }

  async close(): Promise<void> {
    await this.browser.close();
    await this.api.close();
  }
}

/** Opens the header's menu when it is folded (a phone-sized page); no-op on a wide page. */
export async function openMenu(page: Page): Promise<void> {
  const button = page.getByTestId('menu-button');
  if ((await button.isVisible()) && (await button.getAttribute('aria-expanded')) !== 'true')
    await button.click();
}

/**
 * Clicks something in the header menu as a person would, opening the phone menu first (again, if
 * a navigation that was still under way closed it meanwhile).
 */
export async function clickInMenu(page: Page, target: Locator): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await openMenu(page);
    try {
      await target.click({ timeout: attempt < 3 ? 5_000 : 30_000 });
      return;
    } catch (err) {
      if (attempt >= 3) throw err;
    }
  }
}

/** Follows a header menu link (`nav a[href=...]`). */
export async function navTo(page: Page, href: string): Promise<void> {
  await clickInMenu(page, page.locator(`nav a[href="${href}"]`));
}

/**
 * A test that runs axe over several pages: axe's full-page analysis takes seconds per page on a
 * busy 2-core machine, so these get more than jest's default 60 s (a guard against hanging, not a
 * speed requirement).
 */
export const AXE_TEST_TIMEOUT_MS = 240_000;

/**
 * axe-core over the whole page: no violation of WCAG 2.0/2.1 A and AA. Colour-contrast results
 * axe could not decide ("incomplete": text over an image or a gradient, or a light badge that
 * draws invisible text) fail too, since they hide real failures (stack-notes).
 */
export async function expectNoAxeViolations(
  page: Page,
  /** contrast results axe could not decide that are known and looked at by eye (say why at the call) */
  opts: { undecidedContrastOk?: string[] } = {},
): Promise<void> {
  // a dialog or panel still fading in has text at part opacity, whose contrast axe cannot decide:
  // let running transitions and animations finish first (they take a few hundred ms)
  await page
    .waitForFunction(
      () => document.getAnimations().every((a: { playState: string }) => a.playState !== 'running'),
      undefined,
      {
        timeout: 5_000,
      },
    )
    .catch(() => undefined); // an endless animation (a spinner): check the page as it is
  // a dialog's own fade-in (Mantine sets the styles a frame later): wait until it is opaque
  await page
    .waitForFunction(
      () =>
        [...document.querySelectorAll('[role="dialog"]')].every((d) => {
          for (let n = d; n; n = n.parentElement) if (getComputedStyle(n).opacity !== '1') return false;
          return true;
        }),
      undefined,
      { timeout: 5_000 },
    )
    .catch(() => undefined);
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const report = (items: typeof results.violations) =>
    items.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(report(results.violations)).toEqual([]);
  const undecided = results.incomplete
    .filter((i) => i.id === 'color-contrast')
    .map((i) => ({
      ...i,
      nodes: i.nodes.filter((n) => !opts.undecidedContrastOk?.includes(n.target.join(' '))),
    }))
    .filter((i) => i.nodes.length > 0);
  // with axe's reason (overlapped, a pseudo-element, a background image...): what to look at
  expect(
    undecided.map(
      (v) =>
        `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} (${n.any.map((a) => a.message).join('; ')})`).join(', ')}`,
    ),
  ).toEqual([]);
}

/** A full-page PNG under test-output/screenshots/<name>.png (gitignored), to look at. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = join(process.cwd(), 'test-output', 'screenshots');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Every visible text node of the page (for "no Kazakh left after switching to Russian" checks). */
export async function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim();
      const el = n.parentElement;
      if (!text || !el || el.closest('[lang]:not(html)')) continue; // a part marked with its own language
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none' || el.getClientRects().length === 0)
        continue;
      out.push(text);
    }
    return out;
  });
}

/** Letters only Kazakh uses (Ә Ғ Қ Ң Ө Ұ Ү Һ І): a Russian or English page must have none. */
export const KAZAKH_ONLY = /[ӘәҒғҚқҢңӨөҰұҮүҺһІі]/;

/** Waits (up to 10 s) until the locator's element contains the text; fails the test with what it showed. */
export async function seeText(locator: Locator, text: string): Promise<void> {
  try {
    await locator.filter({ hasText: text }).first().waitFor({ timeout: 10_000 });
  } catch {
    const shown = await locator
      .first()
      .innerText({ timeout: 1_000 })
      .catch(() => '(nothing)');
    throw new Error(`expected ${JSON.stringify(text)} in ${locator.toString()}, it shows: ${shown}`);
  }
}
