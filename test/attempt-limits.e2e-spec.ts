import { GqlResult, PASSWORD, TestApi } from './helpers/test-api';

const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken member { id } } }`;
const CHANGE = `mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }`;
const ME = `{ me { id } }`;

/** the defaults (config schema); the suite does not change them */
const LOGIN_PER_ACCOUNT_IP = 5;
const CHANGES_PER_ACCOUNT = 5;

let ipSeq = 0;
/**
 * A network of its own for each burst, so the per-IP counters start at zero; 10.66.x.y is this
 * file's alone (the files of a run share one Redis prefix: certificates uses 10.77, the fuzz 10.55).
 */
const freshIp = () => `10.66.${Math.floor(++ipSeq / 250)}.${(ipSeq % 250) + 1}`;

const reasonOf = (r: GqlResult) =>
  r.errors
    ? r.errors[0].extensions.code === 'RATE_LIMITED'
      ? 'RATE_LIMITED'
      : (r.errors[0].extensions.reason ?? r.errors[0].extensions.code)
    : 'OK';
const count = (results: GqlResult[], what: string) => results.filter((r) => reasonOf(r) === what).length;

/**
 * Every limited attempt is reserved in Redis before the password is checked, so a burst sent at
 * the same moment gets no more checks than the limit allows, however the requests interleave.
 */
describe('attempt limits under concurrency (e2e)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.close());

  describe('login', () => {
    it('60 wrong passwords for one account from one address at once: only the limit is checked, the rest RATE_LIMITED', async () => {
      const m = await api.signUp();
      const ip = freshIp();
      const burst = await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          api.gql(LOGIN, { email: m.input.email, password: `wrong-guess-${i}` }, { ip }),
        ),
      );
      expect(count(burst, 'INVALID_CREDENTIALS')).toBe(LOGIN_PER_ACCOUNT_IP);
      expect(count(burst, 'RATE_LIMITED')).toBe(60 - LOGIN_PER_ACCOUNT_IP);
      for (const r of burst.filter((x) => reasonOf(x) === 'RATE_LIMITED'))
        expect(r.errors![0].extensions.retryAfter).toBeGreaterThan(0);

      // the owner elsewhere is not locked out: only counted failures weigh on the account
      const elsewhere = await api.gql(LOGIN, { email: m.input.email, password: PASSWORD }, { ip: freshIp() });
      expect(elsewhere.data.login.member.id).toBe(m.member.id);
    });

    it('a burst of 50 with the right password in it: never more checks than the limit, right or wrong', async () => {
      const m = await api.signUp();
      const ip = freshIp();
      const guesses = Array.from({ length: 50 }, (_, i) => (i === 37 ? PASSWORD : `wrong-guess-${i}`));
      const burst = await Promise.all(
        guesses.map((password) => api.gql(LOGIN, { email: m.input.email, password }, { ip })),
      );
      expect(count(burst, 'INVALID_CREDENTIALS') + count(burst, 'OK')).toBeLessThanOrEqual(
        LOGIN_PER_ACCOUNT_IP,
      );
      expect(count(burst, 'RATE_LIMITED')).toBeGreaterThanOrEqual(50 - LOGIN_PER_ACCOUNT_IP);
    });

    it('the right password arriving while wrong ones are in flight, after the limit is taken, does not log in', async () => {
      const m = await api.signUp();
      const ip = freshIp();
      const answered: GqlResult[] = [];
      const wrong = Array.from({ length: 49 }, (_, i) =>
        api.gql(LOGIN, { email: m.input.email, password: `wrong-guess-${i}` }, { ip }).then((r) => {
          answered.push(r);
          return r;
        }),
      );
      // the limit is taken once one of them was turned away, or once the limit's worth was checked
      const all = Promise.all(wrong);
      while (
        count(answered, 'RATE_LIMITED') === 0 &&
        count(answered, 'INVALID_CREDENTIALS') < LOGIN_PER_ACCOUNT_IP &&
        answered.length < wrong.length
      )
        await Promise.race([all, new Promise((r) => setImmediate(r))]);
      const right = await api.gql(LOGIN, { email: m.input.email, password: PASSWORD }, { ip });
      const rest = await all;

      expect(reasonOf(right)).toBe('RATE_LIMITED');
      expect(count(rest, 'INVALID_CREDENTIALS')).toBe(LOGIN_PER_ACCOUNT_IP);
      expect(count(rest, 'RATE_LIMITED')).toBe(49 - LOGIN_PER_ACCOUNT_IP);
    });

    it('a success clears the (account, address) count, so a member who mistypes a few times is not held back', async () => {
      const m = await api.signUp();
      const ip = freshIp();
      for (let round = 0; round < 2; round++) {
        for (let i = 0; i < LOGIN_PER_ACCOUNT_IP - 1; i++)
          expect(
            reasonOf(await api.gql(LOGIN, { email: m.input.email, password: `typo-${i}-x` }, { ip })),
          ).toBe('INVALID_CREDENTIALS');
        expect(reasonOf(await api.gql(LOGIN, { email: m.input.email, password: PASSWORD }, { ip }))).toBe(
          'OK',
        );
      }
    });
  });

  describe('changePassword', () => {
    it(`${CHANGES_PER_ACCOUNT} wrong current passwords per account, then RATE_LIMITED (even for the right one)`, async () => {
      const m = await api.signUp();
      const results: GqlResult[] = [];
      for (let i = 0; i < 25; i++)
        results.push(
          await api.gql(CHANGE, { c: `guess-${i}-xxxx`, n: 'brand-new-pass-1' }, { token: m.accessToken }),
        );
      expect(results.slice(0, CHANGES_PER_ACCOUNT).map((r) => r.errors![0].extensions.fields)).toEqual(
        Array(CHANGES_PER_ACCOUNT).fill([
          { field: 'currentPassword', message: 'The current password is wrong.' },
        ]),
      );
      expect(results.slice(CHANGES_PER_ACCOUNT).map(reasonOf)).toEqual(
        Array(25 - CHANGES_PER_ACCOUNT).fill('RATE_LIMITED'),
      );

      const right = await api.gql(
        CHANGE,
        { c: PASSWORD, n: 'brand-new-pass-1' },
        { token: m.accessToken, lang: 'ru' },
      );
      expect(reasonOf(right)).toBe('RATE_LIMITED');
      expect(right.errors![0].message).toMatch(/^Слишком много попыток\./);
      // the password did not change
      expect(
        reasonOf(await api.gql(LOGIN, { email: m.input.email, password: PASSWORD }, { ip: freshIp() })),
      ).toBe('OK');
    });

    it('25 wrong current passwords at once: only the limit is checked; the limit is per account', async () => {
      const m = await api.signUp();
      const other = await api.signUp();
      const burst = await Promise.all(
        Array.from({ length: 25 }, (_, i) =>
          api.gql(CHANGE, { c: `guess-${i}-xxxx`, n: 'brand-new-pass-1' }, { token: m.accessToken }),
        ),
      );
      expect(count(burst, 'VALIDATION_FAILED')).toBe(CHANGES_PER_ACCOUNT);
      expect(count(burst, 'RATE_LIMITED')).toBe(25 - CHANGES_PER_ACCOUNT);

      const ok = await api.gql(CHANGE, { c: PASSWORD, n: 'brand-new-pass-1' }, { token: other.accessToken });
      expect(ok.data.changePassword).toBe(true);
    });

    it('a right current password does not use up the limit', async () => {
      const m = await api.signUp();
      let current = PASSWORD;
      for (let i = 0; i < CHANGES_PER_ACCOUNT + 2; i++) {
        const next = `rotated-pass-${i}`;
        const res = await api.gql(CHANGE, { c: current, n: next }, { token: m.accessToken });
        expect(res.data.changePassword).toBe(true);
        current = next;
      }
      expect((await api.gql(ME, {}, { token: m.accessToken })).data.me.id).toBe(m.member.id);
    });
  });

  describe('every other limit counts before the work', () => {
    it('certificate checks: 70 at once from one address, 60 answered (the default), 10 RATE_LIMITED', async () => {
      const ip = freshIp();
      const VERIFY = `query($n: String!) { verifyCertificate(number: $n) { valid } }`;
      const burst = await Promise.all(
        Array.from({ length: 70 }, () => api.gql(VERIFY, { n: 'ZHM-2026-000001-C1' }, { ip })),
      );
      expect(count(burst, 'OK')).toBe(60);
      expect(count(burst, 'RATE_LIMITED')).toBe(10);
    });

    it('reset emails: 10 asked at once for one address, 3 sent (the default), 7 RATE_LIMITED', async () => {
      const m = await api.signUp();
      const ASK = `mutation($e: String!) { requestPasswordReset(email: $e) }`;
      const burst = await Promise.all(
        Array.from({ length: 10 }, () => api.gql(ASK, { e: m.input.email }, { ip: freshIp() })),
      );
      expect(count(burst, 'OK')).toBe(3);
      expect(count(burst, 'RATE_LIMITED')).toBe(7);
      const mails = await api.db.query(
        `SELECT count(*)::int AS n FROM notification_outbox WHERE member_id = $1 AND kind = 'PASSWORD_RESET'`,
        [m.member.id],
      );
      expect(mails[0].n).toBe(3);
    });
  });
});
