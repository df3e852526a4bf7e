import { AccountTokenPurpose, AccountTokensService } from '@yvc/identity';
import { TestApi, fieldErrors } from './helpers/test-api';

/** What the web app's sign-up and e-mail link pages ask of the API: the consent text and verifyEmail. */
describe('consent text and e-mail confirmation for the web app (e2e)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.close());

  it('serves the consent text in the caller’s language with the version signUp records', async () => {
    const q = `{ consentText { version text } }`;
    const kk = (await api.gql(q, {}, { lang: 'kk' })).data.consentText;
    const ru = (await api.gql(q, {}, { lang: 'ru' })).data.consentText;
    const en = (await api.gql(q, {}, { lang: 'en' })).data.consentText;
    expect(kk.version).toBe('2026-01');
    expect(ru.version).toBe('2026-01');
    expect(kk.text).toContain('№ 94-V «Дербес деректер және оларды қорғау туралы»');
    expect(ru.text).toContain('№ 94-V «О персональных данных и их защите»');
    expect(en.text).toContain('No. 94-V');

    const m = await api.signUp();
    const [consent] = await api.db.query(`SELECT text_version FROM consents WHERE member_id = $1`, [
      m.member.id,
    ]);
    expect(consent.text_version).toBe(kk.version);
  });

  it('verifyEmail confirms the address once; a used, unknown or expired token is a field message', async () => {
    const m = await api.signUp();
    const token = await api.app
      .get(AccountTokensService)
      .issue(m.member.id, AccountTokenPurpose.EMAIL_VERIFICATION);
    const verify = `mutation($t: String!) { verifyEmail(token: $t) }`;
    expect((await api.gql(verify, { t: token })).data.verifyEmail).toBe(true);
    const [row] = await api.db.query(`SELECT email_verified_at FROM members WHERE id = $1`, [m.member.id]);
    expect(row.email_verified_at).not.toBeNull();

    const again = await api.gql(verify, { t: token }, { lang: 'kk' });
    expect(again.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect(fieldErrors(again)).toEqual({ token: 'Сілтеменің мерзімі өткен немесе ол бұрын қолданылған.' });
    expect(fieldErrors(await api.gql(verify, { t: 'nope' }))).toEqual({
      token: 'This link has expired or was already used.',
    });

    // a reset token is not an e-mail token
    const reset = await api.app
      .get(AccountTokensService)
      .issue(m.member.id, AccountTokenPurpose.PASSWORD_RESET);
    expect(fieldErrors(await api.gql(verify, { t: reset }))).toHaveProperty('token');
  });
});
