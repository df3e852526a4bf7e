import { readUnitTree } from '@yvc/demo';
import { UnitsService } from '@yvc/org';
import type { Page } from 'playwright-core';
import { ownDatabase } from '../helpers/own-database';
import { type Sinks, WorkerProcess, startSinks, until, workerEnv } from '../helpers/pipeline';
import { PASSWORD, birthDateYearsAgo, email, randomIin } from '../helpers/test-api';
import {
  SIZES,
  type Size,
  WebTest,
  expectNoAxeViolations,
  screenshot,
  seeText,
  clickInMenu,
  AXE_TEST_TIMEOUT_MS,
} from '../helpers/web';

// page.evaluate callbacks run in the browser; the test program has no DOM types
declare const document: any;

/**
 * The account-making flows through the whole chain (browser → built app → API → outbox → the
 * real worker → the mail catcher): sign-up as an adult and as a minor with a guardian, the IIN
 * checked as typed, the e-mail link, a forgotten password, a changed one; keyboard only; axe.
 */
describe('web app: sign-up, e-mail check, password reset and change (browser)', () => {
  let web: WebTest;
  let sinks: Sinks;
  let worker: WorkerProcess;
  let club: { id: string; name: string };

  let database: { url: string; drop: () => Promise<void> };

  beforeAll(async () => {
    // a database and queues of this file's own: another file's worker on the shared ones could
    // take this file's mails (the relay hands every outbox row to whichever worker asks first)
    database = await ownDatabase('web_sign_up');
    const env = {
      DATABASE_URL: database.url,
      REDIS_PREFIX: `${process.env.REDIS_PREFIX ?? 'yvc-test'}-web-sign-up`,
    };
    web = await WebTest.start(env);
    await web.api.app.get(UnitsService).importTree(readUnitTree());
    sinks = await startSinks();
    worker = new WorkerProcess(workerEnv(sinks, env)).start();
    await worker.ready();
    club = await web.api.createClub('zhambyl.taraz', `Тараз клубы ${Date.now() % 100000}`);
  });
  afterAll(async () => {
    await worker.stop();
    await sinks.mail.close();
    await sinks.sms.close();
    await web.close();
    await database.drop();
  });

  const mailsTo = (address: string) => sinks.mail.received.filter((m) => m.to.includes(address));
  /** The path and query of the link to `path` in the newest mail to the address (the worker's PUBLIC_URL is another host). */
  const linkIn = async (address: string, path: string) => {
    const re = new RegExp(`https?://[^\\s"<>]+${path}\\?token=[A-Za-z0-9_-]+`);
    const mail = await until(() => [...mailsTo(address)].reverse().find((m) => re.test(m.text)));
    const url = new URL(re.exec(mail.text)![0]);
    return `${url.pathname}${url.search}`;
  };

  interface Person {
    fullName: string;
    email: string;
    birthDate: string;
    phone?: string;
    iin?: string;
  }

  /** Fills the sign-up form as a person would (mouse and keyboard), leaving consent and guardian to the test. */
  async function fill(page: Page, p: Person) {
    await page.getByLabel('Аты-жөні', { exact: false }).first().fill(p.fullName);
    await page.getByRole('textbox', { name: 'Электрондық пошта' }).fill(p.email);
    await page.getByLabel('Құпиясөз').fill(PASSWORD);
    await page.getByTestId('birth-date').fill(p.birthDate);
    if (p.phone) await page.getByRole('textbox', { name: /Ұялы телефон/ }).fill(p.phone);
    if (p.iin) await page.getByRole('textbox', { name: /ЖСН/ }).fill(p.iin);
    await page.getByRole('combobox', { name: 'Аудан немесе қала' }).selectOption({ label: 'Тараз қаласы' });
  }

  const person = (years: number, tag: string): Person => {
    const birthDate = birthDateYearsAgo(years);
    return {
      fullName: 'Дана Серікқызы',
      email: email(tag),
      birthDate,
      iin: randomIin(birthDate),
    };
  };

  it('an adult signs up with a club, gets logged in, confirms the e-mail from the mail and logs in again', async () => {
    const { page, context, problems } = await web.open('/signup');
    await seeText(page.locator('h1'), 'Тіркелу');
    // the consent text comes from the API, in Kazakh, with the version signUp records
    await seeText(page.getByTestId('consent-text'), 'Дербес деректер және оларды қорғау туралы');
    await seeText(page.getByTestId('consent-version'), '2026-01');
    // units sorted the Kazakh way: Байзақ before Жамбыл before Тараз, Қордай after Жуалы
    const units = await page
      .getByRole('combobox', { name: 'Аудан немесе қала' })
      .locator('option')
      .allInnerTexts();
    expect(units.indexOf('Жуалы ауданы')).toBeLessThan(units.indexOf('Қордай ауданы'));
    expect(units.indexOf('Қордай ауданы')).toBeLessThan(units.indexOf('Меркі ауданы'));

    const p = { ...person(22, 'adult'), phone: '8 701 555 12 34' };
    await fill(page, p);
    // no guardian for an adult
    expect(await page.getByTestId('guardian').count()).toBe(0);
    await page.getByRole('combobox', { name: /Клуб/ }).selectOption({ label: club.name });
    await page.getByLabel('Мәтінді оқыдым').check();
    await page.getByRole('button', { name: 'Тіркелу' }).click();
    await seeText(page.getByTestId('signed-up'), p.email);
    await page.locator('nav a[href="/me"]').waitFor({ state: 'attached' });
    await screenshot(page, 'sign-up-done-phone');

    const [row] = await web.api.db.query(
      `SELECT m.phone, m.email_verified_at, c.text_version,
              (SELECT count(*)::int FROM club_memberships cm WHERE cm.member_id = m.id AND cm.club_id = $2) AS in_club
         FROM members m JOIN consents c ON c.member_id = m.id WHERE m.email = $1`,
      [p.email, club.id],
    );
    expect(row).toMatchObject({
      phone: '+77015551234',
      email_verified_at: null,
      text_version: '2026-01',
      in_club: 1,
    });

    // the link in the mail opens the web app's page, which confirms in the chosen language
    const link = await linkIn(p.email, '/account/verify-email');
    await page.goto(link);
    await seeText(page.getByTestId('verified'), 'Email мекенжайыңыз расталды');
    await screenshot(page, 'verify-email-phone');
    const [after] = await web.api.db.query(`SELECT email_verified_at FROM members WHERE email = $1`, [
      p.email,
    ]);
    expect(after.email_verified_at).not.toBeNull();
    // a second opening: the API's message (used link), never a raw code
    await page.reload();
    await seeText(page.getByTestId('form-error'), 'Сілтеменің мерзімі өткен немесе ол бұрын қолданылған.');

    await clickInMenu(page, page.getByRole('button', { name: 'Шығу' }));
    await page.locator('nav a[href="/login"]').waitFor({ state: 'attached' });
    await web.login(page, p.email);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a 16-year-old sees the guardian fields only then, must fill them, and signs up with them', async () => {
    const { page, context, problems } = await web.open('/signup');
    await page.getByTestId('consent-text').waitFor();
    const p = person(16, 'minor');
    await fill(page, { ...p, birthDate: birthDateYearsAgo(20) });
    expect(await page.getByTestId('guardian').count()).toBe(0);
    await page.getByTestId('birth-date').fill(p.birthDate);
    await page.getByRole('textbox', { name: /ЖСН/ }).fill(p.iin!);
    await page.getByTestId('guardian').waitFor();
    await page.getByLabel('Мәтінді оқыдым').check();
    // without the guardian: the form says what is missing, next to each field
    await page.getByRole('button', { name: 'Тіркелу' }).click();
    const guardian = page.getByTestId('guardian');
    await seeText(guardian, 'Бұл өрісті толтырыңыз.');
    expect(await guardian.locator('[aria-invalid="true"]').count()).toBe(2);
    await guardian.getByRole('textbox', { name: /аты-жөні/ }).fill('Гүлнар Серікова');
    await guardian.getByRole('textbox', { name: /телефоны/ }).fill('+7 (705) 123-45-67');
    await page.getByLabel('Ата-анасы немесе заңды өкілі ретінде').check();
    await screenshot(page, 'sign-up-minor-phone');
    await page.getByRole('button', { name: 'Тіркелу' }).click();
    await seeText(page.getByTestId('signed-up'), p.email);
    const consents = await web.api.db.query(
      `SELECT c.given_by, c.guardian_name, c.guardian_phone FROM consents c JOIN members m ON m.id = c.member_id
        WHERE m.email = $1 ORDER BY c.given_by::text`,
      [p.email],
    );
    expect(consents).toEqual([
      { given_by: 'GUARDIAN', guardian_name: 'Гүлнар Серікова', guardian_phone: '+77051234567' },
      { given_by: 'SELF', guardian_name: null, guardian_phone: null },
    ]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('says as the IIN is typed that its checksum fails, and shows the API’s messages for an age out of range', async () => {
    const { page, context, problems } = await web.open('/signup', { lang: 'ru' });
    await page.getByTestId('consent-text').waitFor();
    await page.getByLabel('Дата рождения').fill('2006-12-11');
    const iin = page.getByRole('textbox', { name: /ИИН/ });
    await iin.pressSequentially('06121160001');
    expect(await page.getByTestId('iin-error').count()).toBe(0);
    await iin.pressSequentially('3'); // 061211600013: a wrong check digit
    await seeText(page.getByTestId('iin-error'), 'ИИН неверен');
    expect(await iin.getAttribute('aria-invalid')).toBe('true');
    await iin.press('Backspace');
    await iin.pressSequentially('2'); // 061211600012: valid (the second weights)
    await page.getByTestId('iin-error').waitFor({ state: 'detached' });
    await seeText(page.locator('form'), 'ИИН верен.');
    await page.getByLabel('Дата рождения').fill('2006-12-12');
    await seeText(page.getByTestId('iin-error'), 'ИИН не совпадает с датой рождения.');
    await screenshot(page, 'sign-up-iin-ru-phone');

    // 13 years old: the API's own message next to the birth date, in Russian
    await iin.fill('');
    await page.getByLabel('ФИО').fill('Дана Серікқызы');
    await page.getByRole('textbox', { name: 'Электронная почта' }).fill(email('young'));
    await page.getByLabel('Пароль').fill(PASSWORD);
    await page.getByLabel('Дата рождения').fill(birthDateYearsAgo(13));
    await page.getByRole('combobox', { name: 'Район или город' }).selectOption({ label: 'город Тараз' });
    await page.getByLabel('Я прочитал(а) текст').check();
    await page.getByRole('button', { name: 'Зарегистрироваться' }).click();
    await seeText(page.locator('form'), 'от 14 до 35');
    expect(await page.getByLabel('Дата рождения').getAttribute('aria-invalid')).toBe('true');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('signs up with the keyboard only (Tab, typing, Space, Enter)', async () => {
    const { page, context, problems } = await web.open('/signup', { size: 'laptop' });
    await page.getByTestId('consent-text').waitFor();
    const p = person(25, 'keys');
    // from the top of the page: Tab until the full name field has the focus
    const focusedLabel = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        return el?.labels?.[0]?.textContent ?? el?.textContent ?? '';
      });
    /** Tab (and only Tab) until the field labelled so has the focus. */
    const tabTo = async (label: string, most = 3) => {
      for (let i = 0; i < most && !(await focusedLabel()).startsWith(label); i++)
        await page.keyboard.press('Tab');
      expect(await focusedLabel()).toMatch(new RegExp(`^${label}`));
    };
    await tabTo('Аты-жөні', 30);
    await page.keyboard.type(p.fullName);
    await tabTo('Электрондық пошта');
    await page.keyboard.type(p.email);
    await tabTo('Құпиясөз');
    await page.keyboard.type(PASSWORD);
    await tabTo('Туған күні');
    expect(await page.evaluate(() => document.activeElement?.type)).toBe('date');
    // the date field's segments follow the browser's own locale (this Chromium: mm/dd/yyyy);
    // month and day move on by themselves after two digits
    const [y, m, d] = p.birthDate.split('-');
    await page.keyboard.type(`${m}${d}${y}`);
    expect(await page.getByTestId('birth-date').inputValue()).toBe(p.birthDate);
    // the date field's calendar button may take a Tab of its own
    await tabTo('Ұялы телефон');
    await page.keyboard.type('701 555 00 11');
    await tabTo('ЖСН');
    await page.keyboard.type(p.iin!);
    await tabTo('Аудан немесе қала');
    // a native select: the arrow keys move through the options (Kazakh order)
    const options = await page
      .getByRole('combobox', { name: 'Аудан немесе қала' })
      .locator('option')
      .allInnerTexts();
    for (let i = 0; i < options.indexOf('Тараз қаласы'); i++) await page.keyboard.press('ArrowDown');
    await tabTo('Клуб'); // none
    await tabTo('Мәтінді оқыдым');
    await page.keyboard.press('Space');
    expect(await page.getByLabel('Мәтінді оқыдым').isChecked()).toBe(true);
    await tabTo('Тіркелу', 1);
    await page.keyboard.press('Enter');
    await page
      .locator('[data-testid="signed-up"], [aria-invalid="true"], [data-testid="form-error"]')
      .first()
      .waitFor();
    await screenshot(page, 'sign-up-keyboard-laptop');
    await seeText(page.getByTestId('signed-up'), p.email);
    const [row] = await web.api.db.query(
      `SELECT m.birth_date::text AS birth_date, u.code, m.phone FROM members m JOIN units u ON u.id = m.unit_id WHERE m.email = $1`,
      [p.email],
    );
    expect(row).toEqual({ birth_date: p.birthDate, code: 'zhambyl.taraz', phone: '+77015550011' });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a forgotten password: the e-mailed link, a new password, logging in with it; a used link says so', async () => {
    const signed = await web.api.signUp({ locale: 'EN' });
    const address = signed.input.email as string;
    const { page, context, problems } = await web.open('/login', { lang: 'en' });
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await seeText(page.locator('h1'), 'Reset your password');
    await page.getByRole('textbox', { name: 'Email' }).fill(address);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await seeText(page.getByTestId('reset-sent'), address);
    await screenshot(page, 'forgot-password-en-phone');

    const link = await linkIn(address, '/account/reset-password');
    await page.goto(link);
    await seeText(page.locator('h1'), 'New password');
    // the API's field message for a short password
    await page.getByLabel('New password').fill('short');
    await page.getByRole('button', { name: 'Save the password' }).click();
    await seeText(page.locator('form'), 'at least 8');
    await page.getByLabel('New password').fill('a-brand-new-pass-7');
    await page.getByRole('button', { name: 'Save the password' }).click();
    await seeText(page.getByTestId('reset-done'), 'Your password is changed.');
    await web.login(page, address, 'a-brand-new-pass-7');

    // the link is single use
    await page.goto(link);
    await page.getByLabel('New password').fill('yet-another-pass-8');
    await page.getByRole('button', { name: 'Save the password' }).click();
    await seeText(page.getByTestId('form-error'), 'This link has expired or was already used.');
    await page.getByRole('link', { name: 'Ask for a new link' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the forgot-password page shows the API’s rate limit message', async () => {
    const address = email('limited');
    const { page, context } = await web.open('/forgot-password', { lang: 'en' });
    const ask = async () => {
      await page.getByRole('textbox', { name: 'Email' }).fill(address);
      await page.getByRole('button', { name: 'Send the link' }).click();
      await page.locator('[data-testid="reset-sent"], [data-testid="form-error"]').first().waitFor();
    };
    for (let i = 0; i < 10 && (await page.getByTestId('form-error').count()) === 0; i++) await ask();
    await seeText(page.getByTestId('form-error'), 'Too many attempts');
    await context.close();
  });

  it('changes the password on the account page; the wrong current one gets the API’s message', async () => {
    const signed = await web.api.signUp();
    const address = signed.input.email as string;
    const { page, context, problems } = await web.open('/');
    await web.login(page, address);
    await page.goto('/me');
    await page.getByTestId('greeting').waitFor();
    await page.getByLabel('Қазіргі құпиясөз').fill('not-my-password');
    await page.getByLabel('Жаңа құпиясөз').fill('changed-pass-99');
    await page.getByRole('button', { name: 'Құпиясөзді өзгерту' }).click();
    await seeText(page.locator('form'), 'Қазіргі құпиясөз қате.');
    await page.getByLabel('Қазіргі құпиясөз').fill(PASSWORD);
    await page.getByRole('button', { name: 'Құпиясөзді өзгерту' }).click();
    await seeText(page.getByTestId('password-changed'), 'Құпиясөз өзгертілді.');
    await screenshot(page, 'change-password-phone');
    await clickInMenu(page, page.getByRole('button', { name: 'Шығу' }));
    await page.locator('nav a[href="/login"]').waitFor({ state: 'attached' });
    await web.login(page, address, 'changed-pass-99');
    expect(problems).toEqual([]);
    await context.close();
  });

  for (const size of Object.keys(SIZES) as Size[]) {
    it(
      `has no axe violations on the new pages at ${size} size`,
      async () => {
        const { page, context, problems } = await web.open('/signup', { size });
        await page.getByTestId('consent-text').waitFor();
        // with the guardian part, an IIN message and the club select showing
        await page.getByTestId('birth-date').fill(birthDateYearsAgo(16));
        await page.getByRole('textbox', { name: /ЖСН/ }).fill('061211600013');
        await page
          .getByRole('combobox', { name: 'Аудан немесе қала' })
          .selectOption({ label: 'Тараз қаласы' });
        await page.getByTestId('guardian').waitFor();
        await page.getByTestId('iin-error').waitFor();
        await expectNoAxeViolations(page);
        await screenshot(page, `sign-up-${size}`);
        // the required-field messages
        await page.getByRole('button', { name: 'Тіркелу' }).click();
        await page.locator('[aria-invalid="true"]').first().waitFor();
        await expectNoAxeViolations(page);

        for (const [path, name] of [
          ['/forgot-password', 'forgot-password'],
          ['/account/reset-password?token=not-a-real-token', 'reset-password'],
          ['/account/verify-email?token=not-a-real-token', 'verify-email-bad'],
          ['/login', 'login'],
        ] as const) {
          await page.goto(path);
          await page.locator('h1').waitFor();
          if (name === 'verify-email-bad') await page.getByTestId('form-error').waitFor();
          await expectNoAxeViolations(page);
          await screenshot(page, `${name}-${size}`);
        }

        const signed = await web.api.signUp();
        await web.login(page, signed.input.email as string);
        await page.goto('/me');
        await page.getByLabel('Қазіргі құпиясөз').waitFor();
        await expectNoAxeViolations(page);
        await screenshot(page, `me-change-password-${size}`);
        expect(problems).toEqual([]);
        await context.close();
      },
      AXE_TEST_TIMEOUT_MS,
    );
  }
});
