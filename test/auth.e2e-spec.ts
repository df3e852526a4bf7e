import { PASSWORD, TestApi } from './helpers/test-api';

const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken refreshToken member { id email } } }`;
const REFRESH = `mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken refreshToken member { id } } }`;
const ME = `{ me { id } }`;

describe('login, refresh, logout (e2e)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.close());

  it('logs in with the email in any case and returns working tokens', async () => {
    const m = await api.signUp();
    const res = await api.gql(LOGIN, { email: m.input.email.toUpperCase(), password: PASSWORD });
    expect(res.data.login.member).toEqual({ id: m.member.id, email: m.input.email });
    const me = await api.gql(ME, {}, { token: res.data.login.accessToken });
    expect(me.data.me.id).toBe(m.member.id);
  });

  it('refuses a wrong password and an unknown email alike, in the caller’s language', async () => {
    const m = await api.signUp();
    const wrong = await api.gql(
      LOGIN,
      { email: m.input.email, password: 'wrong-password' },
      { lang: 'kk', ip: '10.1.0.1' },
    );
    const unknown = await api.gql(
      LOGIN,
      { email: 'nobody@example.kz', password: PASSWORD },
      { lang: 'kk', ip: '10.1.0.1' },
    );
    for (const res of [wrong, unknown]) {
      expect(res.errors![0].extensions).toMatchObject({
        code: 'UNAUTHENTICATED',
        reason: 'INVALID_CREDENTIALS',
      });
      expect(res.errors![0].message).toBe('Email немесе құпиясөз қате.');
    }
  });

  it('rejects requests with no token, a bad token, or an expired/forged one', async () => {
    for (const token of [undefined, 'garbage', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl']) {
      const res = await api.gql(ME, {}, { token });
      expect(res.errors![0].extensions.code).toBe('UNAUTHENTICATED');
      expect(res.data).toEqual({ me: null });
    }
  });

  it('rotates refresh tokens; reusing an old one revokes the whole family', async () => {
    const m = await api.signUp();
    const r1 = await api.gql(REFRESH, { t: m.refreshToken });
    const second = r1.data.refreshToken;
    expect(second.refreshToken).not.toBe(m.refreshToken);
    expect(second.member.id).toBe(m.member.id);

    const r2 = await api.gql(REFRESH, { t: second.refreshToken });
    const third = r2.data.refreshToken;

    // the first token again: it leaked, so the session ends
    const reuse = await api.gql(REFRESH, { t: m.refreshToken }, { lang: 'ru' });
    expect(reuse.errors![0].extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'REFRESH_TOKEN_REUSED',
    });
    // ...including the newest refresh token and the access tokens of that session
    const after = await api.gql(REFRESH, { t: third.refreshToken });
    expect(after.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await api.gql(ME, {}, { token: third.accessToken })).errors![0].extensions.code).toBe(
      'UNAUTHENTICATED',
    );
    // another login still works (a new family)
    const again = await api.gql(LOGIN, { email: m.input.email, password: PASSWORD });
    expect(again.data.login.member.id).toBe(m.member.id);
  });

  it('two concurrent refreshes with one token: one rotates, the other is treated as reuse', async () => {
    const m = await api.signUp();
    const results = await Promise.all([
      api.gql(REFRESH, { t: m.refreshToken }),
      api.gql(REFRESH, { t: m.refreshToken }),
    ]);
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors).map((r) => r.errors![0].extensions.reason)).toEqual([
      'REFRESH_TOKEN_REUSED',
    ]);
  });

  it('an unknown refresh token is just invalid', async () => {
    const res = await api.gql(REFRESH, { t: 'not-a-token' });
    expect(res.errors![0].extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'INVALID_REFRESH_TOKEN',
    });
  });

  it('logout ends the session: its access and refresh tokens stop working, other sessions go on', async () => {
    const m = await api.signUp();
    const other = (await api.gql(LOGIN, { email: m.input.email, password: PASSWORD })).data.login;
    const out = await api.gql(`mutation { logout }`, {}, { token: m.accessToken });
    expect(out.data.logout).toBe(true);
    expect((await api.gql(ME, {}, { token: m.accessToken })).errors![0].extensions.code).toBe(
      'UNAUTHENTICATED',
    );
    expect((await api.gql(REFRESH, { t: m.refreshToken })).errors![0].extensions.code).toBe(
      'UNAUTHENTICATED',
    );
    expect((await api.gql(ME, {}, { token: other.accessToken })).data.me.id).toBe(m.member.id);
  });

  it('changePassword checks the current password and ends the other sessions', async () => {
    const m = await api.signUp();
    const other = (await api.gql(LOGIN, { email: m.input.email, password: PASSWORD })).data.login;
    const CHANGE = `mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }`;
    const bad = await api.gql(CHANGE, { c: 'nope-nope-nope', n: 'new-password-1' }, { token: m.accessToken });
    expect(bad.errors![0].extensions.fields).toEqual([
      { field: 'currentPassword', message: 'The current password is wrong.' },
    ]);
    const short = await api.gql(CHANGE, { c: PASSWORD, n: 'short' }, { token: m.accessToken });
    expect(short.errors![0].extensions.fields[0].field).toBe('newPassword');
    const ok = await api.gql(CHANGE, { c: PASSWORD, n: 'new-password-1' }, { token: m.accessToken });
    expect(ok.data.changePassword).toBe(true);
    expect((await api.gql(ME, {}, { token: m.accessToken })).data.me.id).toBe(m.member.id);
    expect((await api.gql(ME, {}, { token: other.accessToken })).errors![0].extensions.code).toBe(
      'UNAUTHENTICATED',
    );
    expect(
      (await api.gql(LOGIN, { email: m.input.email, password: PASSWORD }, { ip: '10.1.0.9' })).errors,
    ).toBeDefined();
    expect(
      (await api.gql(LOGIN, { email: m.input.email, password: 'new-password-1' })).data.login.member.id,
    ).toBe(m.member.id);
  });

  describe('rate limiting of failed logins', () => {
    it('after 5 failures from one IP on one account: RATE_LIMITED with retry-after, even for the right password', async () => {
      const m = await api.signUp();
      const ip = '10.2.0.1';
      for (let i = 0; i < 5; i++) {
        const res = await api.gql(LOGIN, { email: m.input.email, password: `wrong-${i}-xx` }, { ip });
        expect(res.errors![0].extensions.reason).toBe('INVALID_CREDENTIALS');
      }
      const limited = await api.gql(LOGIN, { email: m.input.email, password: PASSWORD }, { ip, lang: 'en' });
      expect(limited.errors![0].extensions.code).toBe('RATE_LIMITED');
      expect(limited.errors![0].extensions.retryAfter).toBeGreaterThan(0);
      expect(limited.errors![0].extensions.retryAfter).toBeLessThanOrEqual(900);
      expect(limited.errors![0].message).toMatch(/^Too many attempts\. Try again in \d+ s\.$/);

      // the real user on another network is not locked out by it
      const elsewhere = await api.gql(
        LOGIN,
        { email: m.input.email, password: PASSWORD },
        { ip: '10.2.0.2' },
      );
      expect(elsewhere.data.login.member.id).toBe(m.member.id);
    });

    it('spraying many accounts from one IP is limited per IP', async () => {
      const ip = '10.3.0.1';
      const attempts = await Promise.all(
        Array.from({ length: 110 }, (_, i) =>
          api.gql(LOGIN, { email: `spray${i}@example.kz`, password: 'x-x-x-x-x' }, { ip }),
        ),
      );
      const codes = attempts.map((r) => r.errors![0].extensions.code);
      expect(codes.filter((c) => c === 'UNAUTHENTICATED').length).toBeGreaterThanOrEqual(90);
      const after = await api.gql(LOGIN, { email: 'spray-last@example.kz', password: 'x-x-x-x-x' }, { ip });
      expect(after.errors![0].extensions.code).toBe('RATE_LIMITED');
    });
  });
});
