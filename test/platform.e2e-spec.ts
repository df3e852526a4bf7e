import { UnitsService } from '@yvc/org';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { TestApi } from './helpers/test-api';

describe('platform behaviour (e2e)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.close());

  it('health: live, and ready when PostgreSQL and Redis answer', async () => {
    const live = await api.http.get('/health/live');
    expect(live.status).toBe(200);
    const ready = await api.http.get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.details).toMatchObject({ database: { status: 'up' }, redis: { status: 'up' } });
    // informative only: the engagement index never makes the API unready (answers come from SQL until it is loaded)
    expect(ready.body.details.engagementIndex).toMatchObject({ status: 'up' });
    expect(['loading', 'ready']).toContain(ready.body.details.engagementIndex.state);
  });

  it('every response carries a request id (given or new)', async () => {
    const given = await api.http.get('/health/live').set('X-Request-Id', 'req-12345678');
    expect(given.headers['x-request-id']).toBe('req-12345678');
    const fresh = await api.http.get('/health/live').set('X-Request-Id', 'bad id with spaces');
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  // Apollo's cache-control plugin is off: noStorePlugin sets the header once per answer
  it('GraphQL answers are never stored by a cache: data, errors and GET queries alike', async () => {
    const ok = await api.http.post('/graphql').send({ query: '{ __typename }' });
    expect(ok.status).toBe(200);
    expect(ok.headers['cache-control']).toBe('no-store');
    const bad = await api.http.post('/graphql').send({ query: '{ nope }' });
    expect(bad.headers['cache-control']).toBe('no-store');
    const get = await api.http
      .get('/graphql')
      .query({ query: '{ __typename }' })
      .set('apollo-require-preflight', 'true');
    expect(get.status).toBe(200);
    expect(get.headers['cache-control']).toBe('no-store');
  });

  it('a GET answered whole carries a weak ETag, and asking with it again is 304 Not Modified', async () => {
    const first = await api.http.get('/.well-known/jwks.json');
    expect(first.status).toBe(200);
    expect(first.headers.etag).toMatch(/^W\/"[0-9a-f]+-[A-Za-z0-9+/]{27}"$/);
    const again = await api.http.get('/.well-known/jwks.json').set('If-None-Match', first.headers.etag);
    expect(again.status).toBe(304);
    expect(again.text ?? '').toBe('');
    const changed = await api.http.get('/.well-known/jwks.json').set('If-None-Match', 'W/"0-other"');
    expect(changed.status).toBe(200);
    // a POST gets none (GraphQL answers are never revalidated)
    const gql = await api.gql(`{ units { code } }`);
    expect(gql.status).toBe(200);
    const posted = await api.http.post('/graphql').send({ query: '{ units { code } }' });
    expect(posted.headers.etag).toBeUndefined();
  });

  it('public queries need no token and answer in the caller’s language', async () => {
    const q = `{ units { code name level parent { code } } }`;
    const kk = await api.gql(q, {}, { lang: 'kk' });
    const ru = await api.gql(q, {}, { lang: 'ru' });
    const en = await api.gql(q, {}, { lang: 'en' });
    expect(kk.data.units[0]).toEqual({
      code: 'zhambyl',
      name: 'Жамбыл облысы',
      level: 'REGION',
      parent: null,
    });
    expect(ru.data.units[0].name).toBe('Жамбылская область');
    expect(en.data.units[0].name).toBe('Zhambyl Region');
    expect(kk.data.units).toHaveLength(12);
    expect(kk.data.units[1]).toMatchObject({
      code: 'zhambyl.taraz',
      level: 'CITY',
      parent: { code: 'zhambyl' },
    });
    const ryskulov = await api.gql(
      `{ unit(code: "zhambyl.ryskulov") { name children { code } } }`,
      {},
      { lang: 'kk' },
    );
    expect(ryskulov.data.unit).toEqual({ name: 'Т. Рысқұлов ауданы', children: [] });
    expect((await api.gql(`{ unit(code: "nowhere") { name } }`)).data.unit).toBeNull();
  });

  it('relation fields go through DataLoaders: a deep listing costs a fixed number of queries', async () => {
    await api.createClub('zhambyl.taraz');
    await api.createClub('zhambyl.shu');
    const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    try {
      const q = `{ units { name parent { name } children { name clubs { name memberCount unit { code } } }
                   clubs { name memberCount unit { code parent { code } } } } }`;
      const res = await api.gql(q);
      expect(res.errors).toBeUndefined();
      const clubs = res.data.units.flatMap((u: any) => u.clubs);
      expect(clubs.length).toBeGreaterThanOrEqual(2);
      // units, parents, children, clubs of units, member counts (plus at most one or two repeats)
      expect(spy.mock.calls.length).toBeLessThanOrEqual(8);
    } finally {
      spy.mockRestore();
    }
  });

  it('an unexpected failure returns INTERNAL_SERVER_ERROR with an errorId and nothing else', async () => {
    const spy = jest
      .spyOn(api.app.get(UnitsService), 'findAll')
      .mockRejectedValueOnce(
        new Error('relation "units" failed near SELECT * FROM members WHERE email = \'a@b.kz\''),
      );
    try {
      const res = await api.gql(`{ units { code } }`, {}, { lang: 'ru' });
      const err = res.errors![0];
      expect(err.extensions).toEqual({
        code: 'INTERNAL_SERVER_ERROR',
        errorId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      });
      expect(err.message).toBe(
        `На нашей стороне произошла ошибка. Код обращения: ${err.extensions.errorId}.`,
      );
      expect(JSON.stringify(res)).not.toMatch(/SELECT|a@b\.kz|stack/);
    } finally {
      spy.mockRestore();
    }
  });

  it('malformed queries are BAD_USER_INPUT', async () => {
    const syntax = await api.gql(`{ units { code `);
    expect(syntax.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    const unknown = await api.gql(`{ units { nope } }`);
    expect(unknown.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_QUERY' });
    const badVar = await api.gql(`query($c: String!) { unit(code: $c) { code } }`, {});
    expect(badVar.errors![0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('control characters and forged cursors are BAD_USER_INPUT, not a crash', async () => {
    const nul = await api.gql(
      `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`,
      {
        e: 'a\u0000b@example.kz',
        p: 'whatever-123',
      },
    );
    expect(nul.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    const member = await api.signUp();
    const forged = Buffer.from(
      JSON.stringify({ c: 'not a date', i: '00000000-0000-4000-8000-000000000000' }),
    ).toString('base64url');
    const res = await api.gql(
      `query($a: String) { me { registrations(first: 2, after: $a) { totalCount } } }`,
      { a: forged },
      { token: member.accessToken },
    );
    expect(res.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'after', message: 'Not a valid id.' }],
    });
  });

  it('a request refused before it runs answers HTTP 400, not 500', async () => {
    const send = (query: string, variables: Record<string, unknown>) =>
      api.http.post('/graphql').set('Content-Type', 'application/json').send({ query, variables });
    const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`;
    const refused = [
      await send(LOGIN, { e: null, p: 'x' }), // null for a non-null variable
      await send(`query($f: Int) { events(first: $f) { totalCount } }`, { f: 'x' }), // wrong type
      await send(LOGIN, { e: 'a\u0001b@example.kz', p: 'x' }), // control characters
      await send(
        `{ ${Array.from({ length: 2001 }, (_, i) => `u${i}: badgeClasses { code }`).join(' ')} }`,
        {},
      ),
    ];
    for (const res of refused) {
      expect({ status: res.status, code: res.body.errors[0].extensions.code }).toEqual({
        status: 400,
        code: 'BAD_USER_INPUT',
      });
    }
  });

  it('limits query depth and complexity', async () => {
    const deep = `{ units { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { code } } } } } } } } } } } }`;
    const tooDeep = await api.gql(deep);
    expect(tooDeep.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect(tooDeep.errors![0].message).toMatch(/depth/);

    const token = await api.adminToken();
    const club = await api.createClub('zhambyl.taraz');
    const wide = `query($id: ID!) { a: clubMembers(clubId: $id, first: 100) { edges { node { id fullName email phone clubs { id name unit { code name } } unit { code name children { code } } } } }
                                        b: clubMembers(clubId: $id, first: 100) { edges { node { id fullName email phone clubs { id name unit { code name } } unit { code name children { code } } } } } }`;
    const tooComplex = await api.gql(wide, { id: club.id }, { token });
    expect(tooComplex.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'QUERY_TOO_COMPLEX',
    });
  });

  it('refuses CSRF-prone requests and oversized bodies', async () => {
    const simple = await api.http.get('/graphql').query({ query: '{ units { code } }' });
    expect(simple.status).toBe(400);
    const form = await api.http
      .post('/graphql')
      .set('Content-Type', 'text/plain')
      .send('{"query":"{ units { code } }"}');
    expect(form.status).toBeGreaterThanOrEqual(400);
    const huge = await api.http
      .post('/graphql')
      .set('Content-Type', 'application/json')
      .send({ query: '{ units { code } }', variables: { pad: 'x'.repeat(1_200_000) } });
    expect(huge.status).toBe(413);
  });

  it('introspection is on outside production', async () => {
    const res = await api.gql(`{ __schema { queryType { name } } }`);
    expect(res.data.__schema.queryType.name).toBe('Query');
  });
});
