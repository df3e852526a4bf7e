import { loadConfig } from '@yvc/core';
import { createRedis } from '@yvc/database';
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { EngagementScope } from './engagement-scope';
import { HotQuestions } from './hot-questions';

/** HotQuestions on the real Redis, under a prefix of its own. */
describe('HotQuestions', () => {
  let redis: Redis;
  const base = loadConfig();
  const prefix = `${base.REDIS_PREFIX}-hot-${process.pid}-${randomUUID().slice(0, 8)}`;
  const config = {
    ...base,
    REDIS_PREFIX: prefix,
    ENGAGEMENT_REFRESH_MINUTES: 10,
    ENGAGEMENT_REFRESH_PER_ACCOUNT: 5,
    ENGAGEMENT_REFRESH_MAX: 8,
  };
  let hot: HotQuestions;
  const t0 = Date.parse('2026-11-26T10:00:00Z');
  const at = (s: number) => new Date(t0 + s * 1000);

  const scope = (key: string): EngagementScope => ({
    rootUnitId: 'u-root',
    unitIds: ['u-root', 'u-a'],
    clubIds: [],
    bucketIds: ['u-root', 'u-a'],
    bucketOf: new Map([
      ['u-root', 'u-root'],
      ['u-a', 'u-a'],
    ]),
    wholeTree: false,
    key,
  });
  /** Question n: the same scope, `from` n days after 1 January 2026. */
  const from = (n: number) => new Date(Date.parse('2026-01-01T00:00:00Z') + n * 86_400_000);
  const froms = async (now: Date) => (await hot.recent(now)).map((q) => q.from!.getTime());

  beforeAll(() => {
    redis = createRedis(config.REDIS_URL);
  });
  beforeEach(async () => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    hot = new HotQuestions(redis, config);
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  it('100 distinct questions of one account at once leave at most ENGAGEMENT_REFRESH_PER_ACCOUNT', async () => {
    const account = randomUUID();
    await Promise.all(
      Array.from({ length: 100 }, (_, i) => hot.remember(account, scope('s'), from(i), at(0))),
    );
    expect(await redis.zcard(`${prefix}:engagement:hot`)).toBe(5);
    expect(await redis.zcard(`${prefix}:engagement:hot:acct:${account}`)).toBe(5);
    expect(await redis.hlen(`${prefix}:engagement:hot:questions`)).toBe(5);
    expect(await hot.recent(at(1))).toHaveLength(5);
  });

  it('past the per-account cap the least recently asked is dropped; asking again keeps it', async () => {
    const account = randomUUID();
    for (let i = 1; i <= 6; i++) await hot.remember(account, scope('s'), from(i), at(i));
    expect((await froms(at(7))).sort()).toEqual([2, 3, 4, 5, 6].map((i) => from(i).getTime()));
    await hot.remember(account, scope('s'), from(2), at(8)); // asked again: now the latest
    await hot.remember(account, scope('s'), from(7), at(9));
    expect((await froms(at(10))).sort()).toEqual([2, 4, 5, 6, 7].map((i) => from(i).getTime()));
  });

  it('in all at most ENGAGEMENT_REFRESH_MAX, the latest asked first; one account cannot push out more than its share', async () => {
    const accounts = [randomUUID(), randomUUID(), randomUUID()];
    let s = 0;
    for (const a of accounts)
      for (let i = 0; i < 4; i++) await hot.remember(a, scope(`s-${a}`), from(i), at((s += 1)));
    const recent = await hot.recent(at(100));
    expect(recent).toHaveLength(8);
    expect(recent[0].scope.key).toBe(`s-${accounts[2]}`);
    expect(recent[0].scope.bucketOf.get('u-a')).toBe('u-a');
    // the first account's four were the oldest: all gone, and gone from its own set too
    expect(recent.filter((q) => q.scope.key === `s-${accounts[0]}`)).toHaveLength(0);
    expect(await redis.zcard(`${prefix}:engagement:hot:acct:${accounts[0]}`)).toBe(0);
    expect(await redis.hlen(`${prefix}:engagement:hot:questions`)).toBe(8);

    // one account asking many more questions holds at most its five: the others keep 8 - 5
    for (let i = 10; i < 30; i++)
      await hot.remember(accounts[1], scope(`s-${accounts[1]}`), from(i), at((s += 1)));
    const after = await hot.recent(at(200));
    expect(after).toHaveLength(8);
    expect(after.filter((q) => q.scope.key === `s-${accounts[1]}`)).toHaveLength(5);
    expect(after.filter((q) => q.scope.key === `s-${accounts[2]}`)).toHaveLength(3);
  });

  it('a question asked by two accounts is refreshed once; questions older than the window are forgotten', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    await hot.remember(a, scope('shared'), null, at(0));
    await hot.remember(b, scope('shared'), null, at(1));
    await hot.remember(b, scope('other'), from(1), at(2));
    expect((await hot.recent(at(3))).map((q) => q.scope.key)).toEqual(['other', 'shared']);
    // ten minutes after the second ask only what was asked since is kept
    expect((await hot.recent(at(601.5))).map((q) => q.scope.key)).toEqual(['other']);
    expect(await redis.hlen(`${prefix}:engagement:hot:questions`)).toBe(1);
    expect(await redis.zcard(`${prefix}:engagement:hot:acct:${a}`)).toBe(0);
  });

  it('one refresh round at a time: a second claim fails until the first is released', async () => {
    const claims = await Promise.all([hot.claimRound(), hot.claimRound(), hot.claimRound()]);
    const held = claims.filter((c): c is string => !!c);
    expect(held).toHaveLength(1);
    expect(await hot.claimRound()).toBeNull();
    await hot.releaseRound('someone else');
    expect(await hot.claimRound()).toBeNull();
    await hot.releaseRound(held[0]);
    expect(await hot.claimRound()).toBeTruthy();
  });
});
