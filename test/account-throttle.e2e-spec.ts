import { randomUUID } from 'node:crypto';
import { SIGN_UP, TestApi, email } from './helpers/test-api';

const ASK = `mutation($e: String!) { requestPasswordReset(email: $e) }`;
const RESET = `mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }`;

let ipSeq = 0;
/** A network of its own for each test, so the per-IP counters start at zero. */
const freshIp = () => `10.88.${Math.floor(++ipSeq / 250)}.${(ipSeq % 250) + 1}`;

/**
 * Public account mutations are rate limited (RATE_LIMITED with retry-after, in the caller's
 * language). The reset limits are the defaults; the sign-up limit is set low here, because the
 * suite's environment raises it (every test file signs up from 127.0.0.1).
 */
describe('rate limits of public account mutations (e2e)', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start({ SIGN_UP_PER_IP_PER_HOUR: '3' });
  });
  afterAll(() => api.close());

  function expectLimited(res: { errors?: Array<{ message: string; extensions: Record<string, any> }> }) {
    expect(res.errors?.[0].extensions.code).toBe('RATE_LIMITED');
    expect(res.errors![0].extensions.retryAfter).toBeGreaterThan(0);
    expect(res.errors![0].extensions.retryAfter).toBeLessThanOrEqual(3600);
    return res.errors![0].message;
  }

  async function signUp(ip: string, lang = 'en') {
    return api.gql(SIGN_UP, { input: await api.signUpInput() }, { ip, lang });
  }

  const resetMails = async (memberId: string) =>
    Number(
      (
        await api.db.query(
          `SELECT count(*)::int AS n FROM notification_outbox WHERE member_id = $1 AND kind = 'PASSWORD_RESET'`,
          [memberId],
        )
      )[0].n,
    );

  it('signUp: 3 per IP and hour (as configured), then RATE_LIMITED in the caller language and no member made', async () => {
    const ip = freshIp();
    for (let i = 0; i < 3; i++)
      expect((await signUp(ip)).data.signUp.accessToken).toEqual(expect.any(String));
    const input = await api.signUpInput();
    const limited = await api.gql(SIGN_UP, { input }, { ip, lang: 'ru' });
    expect(expectLimited(limited)).toMatch(/^Слишком много попыток\. Повторите через \d+ с\.$/);
    const rows = await api.db.query(`SELECT id FROM members WHERE email = $1`, [input.email]);
    expect(rows).toHaveLength(0);
    // another network signs up as usual
    expect((await signUp(freshIp())).data.signUp.accessToken).toEqual(expect.any(String));
  });

  it('requestPasswordReset: 3 per address and hour, whatever the IP; no 4th email; the same for an unknown address', async () => {
    const m = (await signUp(freshIp())).data.signUp;
    const address: string = m.member.email;
    for (let i = 0; i < 3; i++) {
      const ok = await api.gql(ASK, { e: i === 1 ? address.toUpperCase() : address }, { ip: freshIp() });
      expect(ok.data.requestPasswordReset).toBe(true);
    }
    const limited = await api.gql(ASK, { e: ` ${address} ` }, { ip: freshIp(), lang: 'kk' });
    expect(expectLimited(limited)).toMatch(/^Әрекет тым көп\. \d+ секундтан кейін қайталаңыз\.$/);
    expect(await resetMails(m.member.id)).toBe(3);

    // an address without an account answers exactly the same way: true three times, then limited
    const nobody = email('nobody');
    for (let i = 0; i < 3; i++)
      expect((await api.gql(ASK, { e: nobody }, { ip: freshIp() })).data.requestPasswordReset).toBe(true);
    const unknown = await api.gql(ASK, { e: nobody }, { ip: freshIp(), lang: 'kk' });
    expect(unknown.errors![0].extensions.code).toBe('RATE_LIMITED');
    expect(unknown.errors![0].message).toMatch(/^Әрекет тым көп\./);
  });

  it('requestPasswordReset: 20 per IP and hour across addresses, then RATE_LIMITED and no email', async () => {
    const m = (await signUp(freshIp())).data.signUp;
    const ip = freshIp();
    for (let i = 0; i < 20; i++) {
      const ok = await api.gql(ASK, { e: `bomb.${randomUUID().slice(0, 8)}@example.kz` }, { ip });
      expect(ok.data.requestPasswordReset).toBe(true);
    }
    const limited = await api.gql(ASK, { e: m.member.email }, { ip, lang: 'en' });
    expect(expectLimited(limited)).toMatch(/^Too many attempts\. Try again in \d+ s\.$/);
    expect(await resetMails(m.member.id)).toBe(0);
  });

  it('resetPassword: 30 attempts per IP and hour, then RATE_LIMITED even for a good token', async () => {
    const ip = freshIp();
    const attempts = await Promise.all(
      Array.from({ length: 30 }, () => api.gql(RESET, { t: randomUUID(), p: 'guess-pass-123' }, { ip })),
    );
    for (const r of attempts) expect(r.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    const limited = await api.gql(RESET, { t: randomUUID(), p: 'guess-pass-123' }, { ip, lang: 'ru' });
    expect(expectLimited(limited)).toMatch(/^Слишком много попыток\./);
    // elsewhere the same call still reaches the token check
    const other = await api.gql(RESET, { t: randomUUID(), p: 'guess-pass-123' }, { ip: freshIp() });
    expect(other.errors![0].extensions.code).toBe('BAD_USER_INPUT');
  });
});
