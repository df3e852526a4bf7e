import { PASSWORD, TestApi } from './helpers/test-api';

const WEB = { 'X-YVC-Client': 'web', 'Content-Type': 'application/json', 'Accept-Language': 'en' };
const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken refreshToken member { id } } }`;
const REFRESH = `mutation { refreshToken { accessToken refreshToken member { id } } }`;

/** The refresh cookie of a Set-Cookie header list, with its attributes. */
function refreshCookie(setCookie: string[] | string | undefined) {
  const list = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const raw = list.find((c) => c.startsWith('yvc_refresh='));
  if (!raw) return undefined;
  const [pair, ...attrs] = raw.split(';').map((s) => s.trim());
  return {
    value: decodeURIComponent(pair.slice('yvc_refresh='.length)),
    attrs: attrs.map((a) => a.toLowerCase()),
    raw,
  };
}

describe("the web app's refresh token is an httpOnly cookie (e2e)", () => {
  let api: TestApi;
  let emailAddr: string;
  beforeAll(async () => {
    api = await TestApi.start();
    emailAddr = (await api.signUp()).input.email;
  });
  afterAll(() => api.close());

  const post = (
    query: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = WEB,
  ) => api.http.post('/graphql').set(headers).send({ query, variables });

  async function webLogin() {
    const res = await post(LOGIN, { e: emailAddr, p: PASSWORD });
    expect(res.body.errors).toBeUndefined();
    return { res, cookie: refreshCookie(res.headers['set-cookie'])! };
  }

  it('login sets it HttpOnly, SameSite=Strict, on /graphql only, and the body holds no refresh token', async () => {
    const { res, cookie } = await webLogin();
    expect(cookie).toBeDefined();
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(cookie.attrs).toEqual(expect.arrayContaining(['httponly', 'samesite=strict', 'path=/graphql']));
    expect(cookie.attrs.some((a) => a.startsWith('max-age='))).toBe(true);
    // plain HTTP here: not Secure (it is over HTTPS, where req.secure holds)
    expect(cookie.attrs).not.toContain('secure');
    expect(res.body.data.login.refreshToken).toBe('');
    expect(res.body.data.login.accessToken).toBeTruthy();
  });

  it('is Secure when the request came over HTTPS (through the trusted proxy)', async () => {
    // TRUST_PROXY is loopback by default, and supertest connects from 127.0.0.1
    const res = await post(LOGIN, { e: emailAddr, p: PASSWORD }, { ...WEB, 'X-Forwarded-Proto': 'https' });
    expect(refreshCookie(res.headers['set-cookie'])?.attrs).toContain('secure');
  });

  it('other clients keep the token in the body and get no cookie (the contract is unchanged)', async () => {
    const res = await post(LOGIN, { e: emailAddr, p: PASSWORD }, { 'Content-Type': 'application/json' });
    expect(res.body.data.login.refreshToken).toMatch(/.{20,}/);
    expect(refreshCookie(res.headers['set-cookie'])).toBeUndefined();
    const rotated = await api.gql(
      `mutation($t: String!) { refreshToken(refreshToken: $t) { refreshToken } }`,
      {
        t: res.body.data.login.refreshToken,
      },
    );
    expect(rotated.data.refreshToken.refreshToken).toMatch(/.{20,}/);
  });

  it('refreshes by the cookie alone and rotates it; the old cookie again is reuse and ends the session', async () => {
    const { cookie } = await webLogin();
    const first = await post(REFRESH).set('Cookie', `yvc_refresh=${cookie.value}`);
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data.refreshToken.accessToken).toBeTruthy();
    expect(first.body.data.refreshToken.refreshToken).toBe('');
    const next = refreshCookie(first.headers['set-cookie'])!;
    expect(next.value).not.toBe(cookie.value);

    const reused = await post(REFRESH).set('Cookie', `yvc_refresh=${cookie.value}`);
    expect(reused.body.errors[0].extensions.reason).toBe('REFRESH_TOKEN_REUSED');
    // the refused cookie is cleared...
    const cleared = refreshCookie(reused.headers['set-cookie'])!;
    expect(cleared.value).toBe('');
    expect(cleared.raw).toMatch(/Expires=Thu, 01 Jan 1970/);
    // ...and the whole family is revoked: the newer cookie no longer works either
    const after = await post(REFRESH).set('Cookie', `yvc_refresh=${next.value}`);
    expect(after.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('without the web header the cookie is not used', async () => {
    const { cookie } = await webLogin();
    const res = await post(REFRESH, {}, { 'Content-Type': 'application/json' }).set(
      'Cookie',
      `yvc_refresh=${cookie.value}`,
    );
    expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    // and the cookie is still good for the web app
    const ok = await post(REFRESH).set('Cookie', `yvc_refresh=${cookie.value}`);
    expect(ok.body.errors).toBeUndefined();
  });

  it('logout ends the session and clears the cookie', async () => {
    const { res, cookie } = await webLogin();
    const out = await post(`mutation { logout }`)
      .set('Authorization', `Bearer ${res.body.data.login.accessToken}`)
      .set('Cookie', `yvc_refresh=${cookie.value}`);
    expect(out.body).toEqual({ data: { logout: true } });
    const cleared = refreshCookie(out.headers['set-cookie'])!;
    expect(cleared.value).toBe('');
    expect(cleared.attrs).toContain('path=/graphql');
    const again = await post(REFRESH).set('Cookie', `yvc_refresh=${cookie.value}`);
    expect(again.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('a cross-site form post cannot use it: Apollo refuses it before anything runs (CSRF prevention)', async () => {
    const { cookie } = await webLogin();
    // what a hostile page's <form method=post> can send: a simple content type, no custom header
    for (const [type, body] of [
      ['application/x-www-form-urlencoded', `query=${encodeURIComponent(REFRESH)}`],
      ['text/plain', JSON.stringify({ query: REFRESH })],
      [
        'multipart/form-data; boundary=x',
        `--x\r\nContent-Disposition: form-data; name="query"\r\n\r\n${REFRESH}\r\n--x--`,
      ],
    ]) {
      const res = await api.http
        .post('/graphql')
        .set('Content-Type', type)
        .set('Origin', 'https://evil.example')
        .set('Cookie', `yvc_refresh=${cookie.value}`)
        .send(body);
      expect(res.status).toBe(400);
      expect(refreshCookie(res.headers['set-cookie'])).toBeUndefined();
      expect(res.text).not.toContain('accessToken');
    }
    // a GET (a link or an <img>) cannot run a mutation either
    const get = await api.http
      .get('/graphql')
      .query({ query: REFRESH })
      .set('X-YVC-Client', 'web')
      .set('Cookie', `yvc_refresh=${cookie.value}`);
    expect(get.text).not.toContain('accessToken');
    expect(refreshCookie(get.headers['set-cookie'])).toBeUndefined();
    // the cookie is still unused and good
    const ok = await post(REFRESH).set('Cookie', `yvc_refresh=${cookie.value}`);
    expect(ok.body.errors).toBeUndefined();
  });
});
