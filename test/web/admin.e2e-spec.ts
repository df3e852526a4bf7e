import { Locale, translate } from '@yvc/core';
import { ClubMembershipsService, Role } from '@yvc/identity';
import type { Page } from 'playwright-core';
import { SIZES, type Size, WebTest, expectNoAxeViolations, navTo, screenshot, seeText } from '../helpers/web';

// page.evaluate callbacks run in the browser; the test program has no DOM types
declare const document: any, getComputedStyle: any;

/**
 * Administration (issue 14) through the real chain (browser → built app → API → PostgreSQL), as a
 * COMMISSION officer of Taraz: clubs (create, rename, archive, coordinators), the badge catalogue,
 * a member's badges (revoke), certificates (find by number, revoke, reissue); refusals show the
 * API's reason in the chosen language; axe at both sizes; keyboard only.
 */
// many steps per test on a shared, loaded machine
jest.setTimeout(240_000);

describe('web app: administration (browser)', () => {
  let web: WebTest;
  let officer: { id: string; email: string; token: string };
  let tarazClub: { id: string; name: string };
  let merkeClub: { id: string; name: string };
  let coordinator: { id: string; email: string; token: string };
  let spare: { id: string };
  let student: { id: string; fullName: string };
  let certificateNumber: string;

  const apiMessage = (locale: Locale, code: string) => translate(locale, `errors.${code}`);
  const gql = async (query: string, variables: Record<string, unknown>, token: string) => {
    const res = await web.api.gql(query, variables, { token });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data;
  };

  beforeAll(async () => {
    web = await WebTest.start();
    officer = await web.api.staff(Role.COMMISSION, 'zhambyl.taraz');
    tarazClub = await web.api.createClub('zhambyl.taraz', `Әкімшілік клубы ${Date.now() % 100000}`);
    merkeClub = await web.api.createClub('zhambyl.merke', `Меркі клубы ${Date.now() % 100000}`);
    coordinator = await web.api.staff(Role.COORDINATOR, 'zhambyl.taraz', tarazClub.id);
    spare = await web.api.staff(Role.COORDINATOR, 'zhambyl.taraz');
    await web.api.db.query(`UPDATE members SET full_name = 'Бос Үйлестіруші' WHERE id = $1`, [spare.id]);
    const signed = await web.api.signUp({ fullName: 'Әйгерім Төлеуова' });
    student = { id: signed.member.id, fullName: 'Әйгерім Төлеуова' };
    await web.api.app.get(ClubMembershipsService).join(student.id, tarazClub.id);
    const { issueCertificate } = await gql(
      `mutation($m: ID!) { issueCertificate(memberId: $m) { number } }`,
      { m: student.id },
      coordinator.token,
    );
    certificateNumber = issueCertificate.number;
    await gql(
      `mutation($m: ID!) { awardBadge(memberId: $m, badgeCode: "organizer") { id } }`,
      { m: student.id },
      coordinator.token,
    );
  });
  afterAll(() => web.close());

  async function openAs(email: string, path: string, opts: { size?: Size; lang?: 'kk' | 'ru' | 'en' } = {}) {
    const opened = await web.open('/login', opts);
    await web.login(opened.page, email);
    await opened.page.goto(path);
    await opened.page.locator('h1').first().waitFor();
    return opened;
  }

  /** Presses Tab until the focused element matches `selector` (fails after `max` presses). */
  async function tabTo(page: Page, selector: string, max = 80): Promise<void> {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((s) => !!document.activeElement?.matches(s), selector)) return;
    }
    throw new Error(`Tab never reached ${selector}`);
  }

  it('the Taraz officer sees only Taraz: clubs, units, staff accounts; the page shows the CLI command', async () => {
    const { page, context, problems } = await openAs(officer.email, '/');
    await navTo(page, '/admin');
    await seeText(page.locator('h1'), 'Әкімшілік');
    await seeText(page.getByTestId('admin-scope'), 'Сіздің аумағыңыз: Тараз қаласы');
    const cli = await page.getByTestId('cli-coordinator').innerText();
    expect(cli).toContain('npm run cli -- user:create');
    expect(cli).toContain('--role COORDINATOR --unit zhambyl.taraz');
    expect(await page.getByTestId('cli-commission').innerText()).toContain(
      '--role COMMISSION --unit zhambyl.taraz',
    );

    await page.locator('nav a[href="/admin/clubs"]').click();
    await page.getByTestId('admin-club').first().waitFor();
    const clubs = page.getByTestId('admin-club');
    await seeText(clubs.filter({ hasText: tarazClub.name }), 'Тараз');
    const shown = await clubs.allInnerTexts();
    expect(shown.some((t) => t.includes(merkeClub.name))).toBe(false);
    // every club on the page is one of Taraz's (other spec files add clubs all over the region)
    expect(shown.every((t) => t.includes('Тараз қаласы'))).toBe(true);
    const units = await page.getByTestId('filter-unit').locator('option').allInnerTexts();
    expect(units).toEqual(['Барлық аумақтар', 'Тараз қаласы']);
    await seeText(clubs.filter({ hasText: tarazClub.name }), 'Сотрудник Комиссии');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('creates, renames, assigns and removes a coordinator, archives a club; a taken name is refused in Kazakh', async () => {
    const { page, context, problems } = await openAs(officer.email, '/admin/clubs', { size: 'laptop' });
    const name = `Жаңа клуб ${Date.now() % 100000}`;
    const form = page.getByTestId('create-club');
    await form.getByTestId('create-name').fill(name);
    await form.getByLabel('Оқу орны', { exact: true }).fill('Тараз колледжі');
    await form.getByLabel('Оқу орнының түрі').selectOption('COLLEGE');
    await form.getByTestId('create-submit').click();
    await seeText(page.getByTestId('create-done'), `«${name}» клубы құрылды.`);
    await page.getByTestId('admin-club').filter({ hasText: name }).waitFor();

    // the same name again in the same unit: the API's CLUB_NAME_TAKEN, in Kazakh
    await form.getByTestId('create-name').fill(name);
    await form.getByTestId('create-submit').click();
    await seeText(form.getByTestId('error-alert'), apiMessage('kk', 'CLUB_NAME_TAKEN'));

    await page.getByRole('link', { name: `«${name}» клубын басқару` }).click();
    await seeText(page.getByTestId('club-name'), name);
    await page.getByTestId('rename-name').fill(`${name} (жаңа)`);
    await page.getByTestId('rename-submit').click();
    await seeText(page.getByTestId('club-done'), 'Атауы сақталды.');
    await seeText(page.getByTestId('club-name'), `${name} (жаңа)`);

    await page
      .getByTestId('assign-who')
      .selectOption({ label: 'Бос Үйлестіруші (үйлестіруші, Тараз қаласы)' });
    await page.getByTestId('assign-submit').click();
    await seeText(page.getByTestId('coordinators-done'), 'Бос Үйлестіруші клубтың үйлестірушісі болды.');
    await page.getByTestId('coordinator').filter({ hasText: 'Бос Үйлестіруші' }).waitFor();
    const clubId = page.url().split('/').pop()!;
    const [row] = await web.api.db.query(
      `SELECT count(*)::int AS n FROM staff_assignments WHERE member_id = $1 AND club_id = $2`,
      [spare.id, clubId],
    );
    expect(row.n).toBe(1);
    await page.getByRole('button', { name: 'Бос Үйлестіруші — клубтан алып тастау' }).click();
    await seeText(
      page.getByTestId('coordinators-done'),
      'Бос Үйлестіруші бұдан былай бұл клубтың үйлестірушісі емес.',
    );
    await page.getByTestId('coordinator').waitFor({ state: 'detached' });
    expect(await page.getByTestId('cli-club').innerText()).toContain(`--club ${clubId}`);

    await page.getByTestId('archive').click();
    await page.getByTestId('archive-yes').click();
    await page.getByTestId('club-archived').waitFor();
    const [club] = await web.api.db.query(`SELECT archived_at FROM clubs WHERE id = $1`, [clubId]);
    expect(club.archived_at).not.toBeNull();
    // archived clubs leave the list unless asked for
    await page.goto('/admin/clubs');
    await page.getByTestId('admin-club').first().waitFor();
    expect(await page.getByTestId('admin-club').filter({ hasText: name }).count()).toBe(0);
    // a controlled checkbox follows the address (?archived=1), which changes right after the click
    await page.getByTestId('filter-archived').click();
    await page.waitForURL(/archived=1/);
    await seeText(page.getByTestId('admin-club').filter({ hasText: name }), 'Мұрағатта');
    expect(await page.getByTestId('filter-archived').isChecked()).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('refusals show their reason in Russian: a stale tab after archiving, a club outside the area', async () => {
    const club = await web.api.createClub('zhambyl.taraz', `Клуб архива ${Date.now() % 100000}`);
    const { page, context } = await openAs(officer.email, `/admin/clubs/${club.id}`, { lang: 'ru' });
    await seeText(page.getByTestId('club-name'), club.name);
    const stale = await context.newPage();
    await stale.goto(`/admin/clubs/${club.id}`);
    await seeText(stale.getByTestId('club-name'), club.name);

    await page.getByTestId('archive').click();
    await page.getByTestId('archive-yes').click();
    await seeText(page.getByTestId('club-done'), 'Клуб отправлен в архив.');

    // the other tab still shows the club active: renaming it, and assigning to it, are refused
    await stale.getByTestId('rename-name').fill('Новое имя клуба');
    await stale.getByTestId('rename-submit').click();
    await seeText(
      stale.getByTestId('rename-club').getByTestId('error-alert'),
      apiMessage('ru', 'CLUB_ARCHIVED'),
    );
    await stale
      .getByTestId('assign-who')
      .selectOption({ label: 'Бос Үйлестіруші (координатор, город Тараз)' });
    await stale.getByTestId('assign-submit').click();
    await seeText(stale.getByTestId('assign-form').getByTestId('error-alert'), 'Этот клуб в архиве.');
    const [row] = await web.api.db.query(`SELECT name FROM clubs WHERE id = $1`, [club.id]);
    expect(row.name).toBe(club.name);

    // a Merke club's address, opened by the Taraz officer: the API's refusal, nothing to act on
    await page.goto(`/admin/clubs/${merkeClub.id}`);
    await seeText(page.getByTestId('error-alert'), 'У вас нет доступа к этому.');
    expect(await page.getByTestId('rename-club').count()).toBe(0);
    await context.close();
  });

  it("certificates: found by number, revoked with a reason, reissued; a member's badge revoked (English)", async () => {
    const { page, context, problems } = await openAs(officer.email, '/admin/certificates', { lang: 'en' });
    await page.getByTestId('cert-search-number').fill(` ${certificateNumber.toLowerCase()} `);
    await page.getByTestId('cert-search').getByRole('button', { name: 'Find' }).click();
    const panel = page.getByTestId('admin-certificate');
    await seeText(panel.getByTestId('cert-number'), certificateNumber);
    await seeText(panel.getByTestId('cert-status'), 'Valid');
    await seeText(panel, student.fullName);
    expect(page.url()).toContain(`number=${certificateNumber}`);

    await panel.getByTestId('cert-revoke').click();
    const form = panel.getByTestId('cert-revoke-form');
    await form.getByRole('button', { name: 'Revoke' }).click();
    await seeText(form, 'Write the reason.');
    await form.getByLabel('Reason').fill('Left the club');
    await form.getByRole('button', { name: 'Revoke' }).click();
    await seeText(panel.getByTestId('cert-status'), 'Revoked');
    await seeText(panel.getByTestId('cert-reason'), 'Left the club');
    const [revoked] = await web.api.db.query(
      `SELECT status, revoked_reason FROM certificates WHERE number = $1`,
      [certificateNumber],
    );
    expect(revoked).toEqual({ status: 'REVOKED', revoked_reason: 'Left the club' });

    await panel.getByTestId('cert-reissue').click();
    const next = certificateNumber.replace(/-C1$/, '-C2');
    await seeText(page.getByTestId('cert-reissued'), `A new certificate was issued: ${next}.`);
    await seeText(page.getByTestId('cert-number'), next);
    await seeText(page.getByTestId('cert-status'), 'Valid');

    // two tabs on the new certificate: the second revocation is refused with the API's reason
    const stale = await context.newPage();
    await stale.goto(`/admin/certificates?number=${next}`);
    await seeText(stale.getByTestId('cert-status'), 'Valid');
    await page.getByTestId('cert-revoke').click();
    await page.getByTestId('cert-revoke-form').getByLabel('Reason').fill('Issued by mistake');
    await page.getByTestId('cert-revoke-form').getByRole('button', { name: 'Revoke' }).click();
    await seeText(page.getByTestId('cert-status'), 'Revoked');
    await stale.getByTestId('cert-revoke').click();
    await stale.getByTestId('cert-revoke-form').getByLabel('Reason').fill('Again');
    await stale.getByTestId('cert-revoke-form').getByRole('button', { name: 'Revoke' }).click();
    await seeText(stale.getByTestId('cert-revoke-form'), apiMessage('en', 'CERTIFICATE_NOT_VALID'));

    await page.getByRole('link', { name: "The member's page" }).click();
    await seeText(page.getByTestId('member-name'), student.fullName);
    const badge = page.getByTestId('member-badge').first();
    const badgeName = (await badge.locator('h3').innerText()).trim();
    await badge.getByTestId('badge-revoke').click();
    await badge.getByTestId('badge-revoke-form').getByLabel('Reason').fill('Awarded by mistake');
    await badge.getByTestId('badge-revoke-form').getByRole('button', { name: 'Revoke' }).click();
    await seeText(page.getByTestId('badge-done'), `The badge "${badgeName}" was revoked.`);
    await seeText(badge.getByTestId('badge-revoked'), 'Reason: Awarded by mistake');
    const { member } = await gql(
      `query($id: ID!) { member(id: $id) { badges { revokedAt revokedReason } } }`,
      { id: student.id },
      officer.token,
    );
    expect(member.badges[0]).toMatchObject({ revokedReason: 'Awarded by mistake' });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the badge catalogue shows every badge with its criteria', async () => {
    const { page, context } = await openAs(officer.email, '/admin/badges', { lang: 'ru' });
    await page.getByTestId('badge-class').first().waitFor();
    const { badgeClasses } = (
      await web.api.gql(`{ badgeClasses { name criteria manual } }`, {}, { lang: 'ru' })
    ).data;
    expect(await page.getByTestId('badge-class').count()).toBe(badgeClasses.length);
    for (const b of badgeClasses) {
      const card = page.getByTestId('badge-class').filter({ hasText: b.name });
      await seeText(card, b.criteria);
      await seeText(card, b.manual ? 'Выдаётся вручную' : 'По правилу');
    }
    await context.close();
  });

  it('works with the keyboard alone: open a club, rename it, assign a coordinator', async () => {
    const club = await web.api.createClub('zhambyl.taraz', `Аа пернетақта клубы ${Date.now() % 100000}`);
    const { page, context } = await openAs(officer.email, '/admin/clubs', { size: 'laptop' });
    await page.getByTestId('admin-club').first().waitFor();
    await page.locator('h1').focus();
    await tabTo(page, `a[href="/admin/clubs/${club.id}"]`, 200);
    await page.keyboard.press('Enter');
    await seeText(page.getByTestId('club-name'), club.name);
    // focus went to the new page's heading; Tab on to the name field
    await page.waitForFunction(() => document.activeElement?.id === 'page-title');
    await tabTo(page, '[data-testid="rename-name"]');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(`${club.name} 2`);
    await page.keyboard.press('Enter');
    await seeText(page.getByTestId('club-done'), 'Атауы сақталды.');
    await tabTo(page, '[data-testid="assign-who"]');
    await page.keyboard.press('ArrowDown'); // the first account offered
    await tabTo(page, '[data-testid="assign-submit"]');
    await page.keyboard.press('Enter');
    await page.getByTestId('coordinator').first().waitFor();
    // a focus ring is drawn on what has the focus
    await tabTo(page, '[data-testid="remove-coordinator"]');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    expect(outline).not.toBe('none');
    await context.close();
  });

  it('a member and a coordinator get no administration (no menu entry; the page says so)', async () => {
    const signed = await web.api.signUp();
    for (const email of [signed.input.email, coordinator.email]) {
      const { page, context } = await openAs(email, '/admin/clubs');
      await page.getByTestId('forbidden').waitFor();
      expect(await page.locator('nav a[href="/admin"]').count()).toBe(0);
      await context.close();
    }
  });

  for (const size of Object.keys(SIZES) as Size[]) {
    it(`has no axe violations on every administration page at ${size} size`, async () => {
      const { page, context, problems } = await openAs(officer.email, '/admin', { size });
      await page.getByTestId('admin-scope').waitFor();
      await expectNoAxeViolations(page);
      await screenshot(page, `admin-${size}`);

      await page.goto('/admin/clubs');
      await page.getByTestId('admin-club').first().waitFor();
      await expectNoAxeViolations(page);
      await screenshot(page, `admin-clubs-${size}`);

      await page.goto(`/admin/clubs/${tarazClub.id}`);
      await page.getByTestId('club-member').first().waitFor();
      await page.getByTestId('archive').click(); // the confirmation, without confirming
      await expectNoAxeViolations(page);
      await screenshot(page, `admin-club-${size}`);

      await page.goto('/admin/badges');
      await page.getByTestId('badge-class').first().waitFor();
      await expectNoAxeViolations(page);
      await screenshot(page, `admin-badges-${size}`);

      const { member } = await gql(
        `query($id: ID!) { member(id: $id) { certificate { number } } }`,
        { id: student.id },
        officer.token,
      );
      await page.goto(`/admin/certificates?number=${member.certificate.number}`);
      await page.getByTestId('admin-certificate').waitFor();
      await page.getByTestId('cert-revoke').or(page.getByTestId('cert-reissue')).first().waitFor();
      await expectNoAxeViolations(page);
      await screenshot(page, `admin-certificates-${size}`);

      await page.goto(`/admin/members/${student.id}`);
      await page.getByTestId('member-badge').first().waitFor();
      const open = page.getByTestId('badge-revoke');
      if (await open.count()) await open.first().click();
      await expectNoAxeViolations(page);
      await screenshot(page, `admin-member-${size}`);
      expect(problems).toEqual([]);
      await context.close();
    });
  }
});
