import { EngagementService, HotQuestions } from '@yvc/analytics';
import { REDIS } from '@yvc/database';
import { Role } from '@yvc/identity';
import type { Redis } from 'ioredis';
import { TestApi } from './helpers/test-api';

/**
 * Reports are priced: at most GRAPHQL_MAX_REPORTS per operation (aliases and fragments counted),
 * ENGAGEMENT_COMPUTES_PER_MINUTE computations per account, and the worker refreshes ahead at most
 * ENGAGEMENT_REFRESH_PER_ACCOUNT questions of one account and ENGAGEMENT_REFRESH_MAX in all.
 * The API runs under a Redis prefix of its own, so the hot-question sets hold only this file's.
 */
const LIMITS = {
  GRAPHQL_MAX_REPORTS: '2',
  ENGAGEMENT_CACHE_SECONDS: '60',
  ENGAGEMENT_REFRESH_MINUTES: '10',
  ENGAGEMENT_COMPUTES_PER_MINUTE: '10',
  ENGAGEMENT_REFRESH_PER_ACCOUNT: '3',
  ENGAGEMENT_REFRESH_MAX: '4',
};

/** A distinct up-to-now question (no `to`) per n: its `from` is n minutes after 1 March 2025. */
const fromOf = (n: number) => new Date(Date.parse('2025-03-01T00:00:00+05:00') + n * 60_000).toISOString();

describe('costly fields are priced (e2e)', () => {
  let api: TestApi;
  let redis: Redis;
  let service: EngagementService;
  const prefix = `${process.env.REDIS_PREFIX ?? 'yvc-test'}-priced-${process.pid}`;
  const hotKey = `${prefix}:engagement:hot`;
  let question = 0;
  const nextFrom = () => fromOf((question += 1));

  beforeAll(async () => {
    api = await TestApi.start({ ...LIMITS, REDIS_PREFIX: prefix });
    redis = api.app.get<Redis>(REDIS);
    service = api.app.get(EngagementService);
  });

  afterEach(() => jest.restoreAllMocks());

  afterAll(async () => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    await api?.close();
  });

  const commission = () => api.staff(Role.COMMISSION, 'zhambyl');
  const countComputes = () => jest.spyOn(service, 'compute');
  /** The hot questions of one account, as the worker would see them. */
  const hotOf = async (memberId: string) =>
    (await redis.zrange(hotKey, 0, -1)).filter((m) => m.startsWith(`${memberId}|`));

  it('100 aliased engagement fields: refused before any computation, in the caller language, nothing remembered', async () => {
    const { token } = await commission();
    const aliases = Array.from(
      { length: 100 },
      (_, i) => `r${i}: engagement(filter: { from: "${nextFrom()}" }) { events }`,
    ).join('\n');
    const computes = countComputes();
    const hotBefore = await redis.zcard(hotKey);
    const messages: string[] = [];
    for (const lang of ['kk', 'ru', 'en']) {
      const res = await api.gql(`{ ${aliases} }`, {}, { token, lang });
      expect(res.data).toBeFalsy();
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TOO_MANY_REPORTS' });
      messages.push(res.errors![0].message);
    }
    expect(messages).toEqual([
      'Бір сұрауда ең көбі 2 есеп болуы мүмкін (мұнда 100).',
      'Один запрос может содержать не больше 2 отчётов (здесь 100).',
      'One request may ask for at most 2 reports (this one asks for 100).',
    ]);
    expect(computes).not.toHaveBeenCalled();
    expect(await redis.zcard(hotKey)).toBe(hotBefore);
  });

  it('two reports in one operation are answered', async () => {
    const { token } = await commission();
    const res = await api.gql(
      `query($a: DateTime, $b: DateTime) {
        a: engagement(filter: { from: $a }) { events members }
        b: engagement(filter: { from: $b }) { events members }
      }`,
      { a: nextFrom(), b: nextFrom() },
      { token },
    );
    expect(res.errors).toBeUndefined();
    expect(typeof res.data.a.events).toBe('number');
    expect(typeof res.data.b.members).toBe('number');
  });

  it('reports are counted across aliases, named and inline fragments; a skipped one does not count', async () => {
    const { token } = await commission();
    const refused = async (query: string, variables: Record<string, unknown> = {}) => {
      const res = await api.gql(query, variables, { token });
      expect(res.errors?.[0]?.extensions).toMatchObject({ reason: 'TOO_MANY_REPORTS' });
    };
    const computes = countComputes();
    // one in a named fragment, two aliased beside it: three
    await refused(
      `query { ...R x: engagement(filter: { from: "${nextFrom()}" }) { events } y: engagement(filter: { from: "${nextFrom()}" }) { to } }
       fragment R on Query { engagement { events } }`,
    );
    await refused(
      `query { ...R ...S } fragment R on Query { a: engagement { events } } fragment S on Query { b: engagement(filter: { from: "${nextFrom()}" }) { members } c: engagement(filter: { from: "${nextFrom()}" }) { events } }`,
    );
    await refused(
      `{ ... on Query { a: engagement { events } } ... { b: engagement(filter: { from: "${nextFrom()}" }) { events } } c: exportMyData }`,
    );
    // other reports count with engagement: the data export and an event's delivery log
    await refused(
      `query($e: ID!) { engagement { events } exportMyData eventDeliveryLog(eventId: $e) { counts { channel } } }`,
      { e: '00000000-0000-4000-8000-000000000000' },
    );
    expect(computes).not.toHaveBeenCalled();

    // three written, one skipped by a variable: two run
    const res = await api.gql(
      `query($skip: Boolean!) {
        a: engagement(filter: { from: "${nextFrom()}" }) { events }
        b: engagement(filter: { from: "${nextFrom()}" }) { events }
        c: engagement(filter: { from: "${nextFrom()}" }) @skip(if: $skip) { events }
      }`,
      { skip: true },
      { token },
    );
    expect(res.errors).toBeUndefined();
    expect(Object.keys(res.data).sort()).toEqual(['a', 'b']);
  });

  it('batched HTTP requests are refused, so the per-operation limit cannot be split over a batch', async () => {
    const { token } = await commission();
    const one = { query: `{ engagement { events } }` };
    const res = await api.http
      .post('/graphql')
      .set('Content-Type', 'application/json')
      .set('Authorization', `Bearer ${token}`)
      .send([one, one, one]);
    expect(res.status).toBe(400);
  });

  it('100 concurrent single-report requests from one account: at most the per-minute computations, at most N remembered', async () => {
    const { id, token } = await commission();
    const computes = countComputes();
    const results = await Promise.all(
      Array.from({ length: 100 }, () =>
        api.gql(
          `query($f: DateTime) { engagement(filter: { from: $f }) { events } }`,
          { f: nextFrom() },
          { token },
        ),
      ),
    );
    const answered = results.filter((r) => !r.errors);
    const limited = results.filter((r) => r.errors?.[0]?.extensions.code === 'RATE_LIMITED');
    expect(answered.length + limited.length).toBe(100);
    expect(answered.length).toBe(10);
    expect(computes).toHaveBeenCalledTimes(10);
    expect(limited[0].errors![0].extensions.retryAfter).toBeGreaterThan(0);
    expect((await hotOf(id)).length).toBe(3);
    expect(await redis.zcard(`${prefix}:engagement:hot:acct:${id}`)).toBe(3);
  });

  it('one question asked by many at once is computed once and counts once', async () => {
    const { token } = await commission();
    const f = nextFrom();
    const computes = countComputes();
    const results = await Promise.all(
      Array.from({ length: 30 }, () =>
        api.gql(
          `query($f: DateTime) { engagement(filter: { from: $f }) { events computedAt } }`,
          { f },
          { token },
        ),
      ),
    );
    expect(results.filter((r) => r.errors)).toEqual([]);
    expect(new Set(results.map((r) => r.data.engagement.computedAt)).size).toBe(1);
    expect(computes).toHaveBeenCalledTimes(1);
  });

  it('the worker refreshes at most ENGAGEMENT_REFRESH_MAX questions a round, the latest asked', async () => {
    const accounts = await Promise.all([commission(), commission(), commission()]);
    for (const a of accounts) {
      for (let i = 0; i < 3; i++) {
        const res = await api.gql(
          `query($f: DateTime) { engagement(filter: { from: $f }) { events } }`,
          { f: nextFrom() },
          { token: a.token },
        );
        expect(res.errors).toBeUndefined();
      }
    }
    expect(await redis.zcard(hotKey)).toBe(4);
    // the last account's three and the second's last one: the least recently asked went first
    expect((await hotOf(accounts[2].id)).length).toBe(3);
    expect((await hotOf(accounts[1].id)).length).toBe(1);
    expect((await hotOf(accounts[0].id)).length).toBe(0);

    // a new minute: no answer cached
    for (const key of await redis.keys(`${prefix}:engagement:*`)) {
      if (!/:engagement:(hot|question)/.test(key)) await redis.del(key);
    }
    const computes = countComputes();
    const round = await service.refreshHot();
    expect(round).toMatchObject({ questions: 4, computed: 4, failed: 0, skipped: 0, overlapped: false });
    expect(computes).toHaveBeenCalledTimes(4);
  });

  it('a round that would overlap a running one is skipped; a round starts no computation past its deadline', async () => {
    const { token } = await commission();
    const res = await api.gql(`{ engagement { events } }`, {}, { token });
    expect(res.errors).toBeUndefined();
    for (const key of await redis.keys(`${prefix}:engagement:*`)) {
      if (!/:engagement:(hot|question)/.test(key)) await redis.del(key);
    }
    const hot = api.app.get(HotQuestions);
    const computes = countComputes();

    const held = await hot.claimRound();
    expect(held).toBeTruthy();
    expect(await service.refreshHot()).toMatchObject({ overlapped: true, questions: 0, computed: 0 });
    await hot.releaseRound(held!);

    // no time left in the round: every question is left for the next one
    const late = await service.refreshHot(0);
    expect(late.overlapped).toBe(false);
    expect(late.questions).toBeGreaterThanOrEqual(1);
    expect(late.computed).toBe(0);
    expect(late.skipped).toBe(late.questions);
    expect(computes).not.toHaveBeenCalled();

    // and the lock of that round was let go: the next one runs
    expect((await service.refreshHot()).computed).toBeGreaterThanOrEqual(1);
  });
});

describe('pricing refuses with a 400, never a 500 (e2e)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.close());
  const post = (body: Record<string, unknown>, token?: string) => {
    const req = api.http.post('/graphql').set('Content-Type', 'application/json');
    return (token ? req.set('Authorization', `Bearer ${token}`) : req).send(body);
  };

  it('too many reports, too complex, too many fields to price, a bad variable: HTTP 400 and BAD_USER_INPUT', async () => {
    const { token } = await api.staff(Role.COMMISSION, 'zhambyl');
    const cases = [
      {
        body: { query: `{ a: engagement { events } b: engagement { to } c: engagement { from } }` },
        reason: 'TOO_MANY_REPORTS',
      },
      {
        body: { query: `{ ${Array.from({ length: 10_001 }, (_, i) => `a${i}: __typename`).join(' ')} }` },
        reason: 'QUERY_TOO_COMPLEX',
      },
      {
        body: {
          query: `query($f: DateTime) { engagement(filter: { from: $f }) { events } }`,
          variables: { f: 'yesterday' },
        },
        reason: 'INVALID_QUERY',
      },
    ];
    for (const c of cases) {
      const res = await post(c.body, token);
      expect({ status: res.status, ...res.body.errors[0].extensions }).toMatchObject({
        status: 400,
        code: 'BAD_USER_INPUT',
        reason: c.reason,
      });
    }
    const club = await api.createClub('zhambyl.taraz');
    const wide = `query($id: ID!) { a: clubMembers(clubId: $id, first: 100) { edges { node { id fullName clubs { id name unit { code name } } } } }
                                    b: clubMembers(clubId: $id, first: 100) { edges { node { id fullName clubs { id name unit { code name } } } } } }`;
    const res = await post({ query: wide, variables: { id: club.id } }, await api.adminToken());
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.reason).toBe('QUERY_TOO_COMPLEX');
  });
});
