import { SessionRevocations } from '@yvc/identity';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { TestApi } from './helpers/test-api';

const ME = `{ me { id } }`;

/** Polls `fn` until it returns true (every 20 ms, at most `ms`); returns how long it took. */
async function within(ms: number, fn: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < ms) {
    if (await fn()) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`not within ${ms} ms`);
}

/**
 * Two API processes (two apps on the same PostgreSQL and Redis): a session ended through one is
 * refused by the other without either reading the session per request; a revocation that was
 * never published is picked up when the subscription comes back; while it is down, the database
 * is asked (fail closed).
 */
describe('session revocations across API processes (e2e)', () => {
  let a: TestApi;
  let b: TestApi;
  beforeAll(async () => {
    a = await TestApi.start();
    b = await TestApi.start();
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  const accepted = async (api: TestApi, token: string): Promise<boolean> => {
    const res = await api.gql(ME, {}, { token });
    if (res.errors?.[0]?.extensions.code === 'UNAUTHENTICATED') return false;
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return true;
  };
  const inSync = (api: TestApi) => within(5000, async () => api.app.get(SessionRevocations).inSync);

  it('a logout on one process is refused on the other at once, with no session read per request', async () => {
    const [m] = await a.bulkMembers(1);
    expect(await accepted(b, m.token)).toBe(true); // starts b's subscription
    await inSync(b);

    const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    try {
      expect(await accepted(b, m.token)).toBe(true);
      const sessionReads = spy.mock.calls.filter(([sql]) => /\bsessions\b/.test(String(sql)));
      expect(sessionReads).toEqual([]);
    } finally {
      spy.mockRestore();
    }

    const out = await a.gql(`mutation { logout }`, {}, { token: m.token });
    expect(out.data.logout).toBe(true);
    expect(await accepted(a, m.token)).toBe(false); // the revoking process knows before it answers
    const delay = await within(2000, async () => !(await accepted(b, m.token)));
    expect(delay).toBeLessThan(2000);
  });

  it('a revocation never published is picked up when the subscription comes back', async () => {
    const [m] = await a.bulkMembers(1);
    expect(await accepted(b, m.token)).toBe(true);
    await inSync(b);
    const revocations = b.app.get(SessionRevocations);
    // ended behind the API's back (no publish): b, in sync, still trusts its list
    await b.db.query(
      `UPDATE sessions SET revoked_at = now(), revoked_reason = 'LOGOUT' WHERE member_id = $1`,
      [m.id],
    );
    expect(await accepted(b, m.token)).toBe(true);
    // the connection drops and comes back: subscribe, then reload from the database
    (
      revocations as unknown as { subscriber: { disconnect(reconnect: boolean): void } }
    ).subscriber.disconnect(true);
    await within(5000, async () => !(await accepted(b, m.token)));
    await inSync(b);
    expect(await accepted(b, m.token)).toBe(false);
  });

  it('while the subscription is down, tokens are checked against the database', async () => {
    const [m] = await a.bulkMembers(1);
    expect(await accepted(b, m.token)).toBe(true);
    await inSync(b);
    const revocations = b.app.get(SessionRevocations);
    const sub = (revocations as unknown as { subscriber: { disconnect(reconnect: boolean): void } })
      .subscriber;
    sub.disconnect(false);
    await within(2000, async () => !revocations.inSync);
    await b.db.query(
      `UPDATE sessions SET revoked_at = now(), revoked_reason = 'LOGOUT' WHERE member_id = $1`,
      [m.id],
    );
    expect(await accepted(b, m.token)).toBe(false);
    const [other] = await a.bulkMembers(1);
    expect(await accepted(b, other.token)).toBe(true);
  });
});
