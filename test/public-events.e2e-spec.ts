import { TestApi } from './helpers/test-api';

const LIST = `query($filter: PublicEventFilter) { publicEvents(filter: $filter, first: 100) {
  totalCount edges { node { id title kind seatsLeft capacity startsAtLocal unit { code } clubName venue { name } } } } }`;
const ONE = `query($id: ID!) { publicEvent(id: $id) { id title seatsLeft } }`;

describe('published events for anyone, without an account (e2e)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.close());

  it('lists published events without a token, with seats left; never drafts or cancelled ones', async () => {
    const before = Date.now();
    const published = await api.event({
      capacity: 2,
      venue: { name: 'Дулати университеті', address: 'Тараз, Төле би 60' },
    });
    const draft = await api.event({}, { publish: false });
    const cancelled = await api.event();
    await api.gql(
      `mutation($id: ID!) { cancelEvent(id: $id, reason: "ауа райы") { id } }`,
      { id: cancelled.id },
      {
        token: cancelled.coordinatorToken,
      },
    );
    const member = await api.signUp();
    await api.gql(
      `mutation($id: ID!) { registerForEvent(eventId: $id) { id } }`,
      { id: published.id },
      {
        token: member.accessToken,
      },
    );

    // only the events starting in the seconds these were made for (48 hours ahead): the suite's
    // other files publish more than a page of events in the same database
    const at = (t: number) => new Date(t + 48 * 3_600_000).toISOString();
    const filter = { from: at(before - 1000), to: at(Date.now() + 1000) };
    const res = await api.gql(LIST, { filter }, { lang: 'kk' });
    expect(res.errors).toBeUndefined();
    const ids = res.data.publicEvents.edges.map((e: any) => e.node.id);
    expect(ids).toContain(published.id);
    expect(ids).not.toContain(draft.id);
    expect(ids).not.toContain(cancelled.id);
    const node = res.data.publicEvents.edges.find((e: any) => e.node.id === published.id).node;
    expect(node).toMatchObject({
      seatsLeft: 1,
      capacity: 2,
      unit: { code: 'zhambyl.taraz' },
      venue: { name: 'Дулати университеті' },
    });

    expect((await api.gql(ONE, { id: published.id })).data.publicEvent).toMatchObject({
      id: published.id,
      seatsLeft: 1,
    });
    expect((await api.gql(ONE, { id: draft.id })).data.publicEvent).toBeNull();
    expect((await api.gql(ONE, { id: cancelled.id })).data.publicEvent).toBeNull();
    expect((await api.gql(ONE, { id: 'not-a-uuid' })).data.publicEvent).toBeNull();
  });

  it('filters by unit (and below), kind and start date', async () => {
    const debate = await api.event({ kind: 'DEBATE' }, { startsInHours: 24 * 30 });
    const later = await api.event({ kind: 'QUIZ' }, { startsInHours: 24 * 60 });
    const region = await api.unitId('zhambyl');
    const merke = await api.unitId('zhambyl.merke');
    // the suite's other files publish events in the same database (more than one page of them):
    // look only between these two starts, unless a test gives its own bounds
    const window = {
      from: new Date(Date.now() + (24 * 30 - 1) * 3_600_000).toISOString(),
      to: new Date(Date.now() + (24 * 60 + 1) * 3_600_000).toISOString(),
    };
    const ids = async (filter: Record<string, unknown>) =>
      (await api.gql(LIST, { filter: { ...window, ...filter } })).data.publicEvents.edges.map(
        (e: any) => e.node.id as string,
      );
    expect(await ids({ kind: 'DEBATE' })).toContain(debate.id);
    expect(await ids({ kind: 'DEBATE' })).not.toContain(later.id);
    expect(await ids({ unitId: region })).toEqual(expect.arrayContaining([debate.id, later.id]));
    expect(await ids({ unitId: merke })).not.toContain(debate.id);
    expect(await ids({ from: new Date(Date.now() + 45 * 86_400_000).toISOString() })).not.toContain(
      debate.id,
    );
  });

  it('has no registrant data in its type, and the full Event stays behind a login', async () => {
    const type = await api.gql(`{ __type(name: "PublicEvent") { fields { name } } }`);
    const fields = type.data.__type.fields.map((f: any) => f.name).sort();
    expect(fields).toEqual(
      [
        'capacity',
        'clubName',
        'description',
        'endsAt',
        'icsUrl',
        'id',
        'kind',
        'seatsLeft',
        'startsAt',
        'startsAtLocal',
        'timeZone',
        'title',
        'unit',
        'venue',
      ].sort(),
    );
    const anonymous = await api.gql(`{ events { totalCount } }`);
    expect(anonymous.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});
