import { Role } from '@yvc/identity';
import { TestApi } from './helpers/test-api';

const SCOPE = `{ myStaffScope { units { id code } clubs { id name } } }`;
const SEARCH = `query($clubId: ID!, $search: String) {
  clubMembers(clubId: $clubId, search: $search, first: 50) { totalCount edges { node { id fullName membershipNumber } } }
}`;
const PEOPLE = `query($id: ID!, $status: RegistrationStatus, $walkIn: Boolean, $first: Int, $after: String) {
  event(id: $id) { attendance(status: $status, walkIn: $walkIn, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { registrationId status fullName waitlistPosition memberId walkIn } } } } }`;
const MINE = `query($clubId: ID) { events(filter: { mine: true, clubId: $clubId }, first: 100) { edges { node { id } } } }`;

/** What the coordinator's console asks of the API beyond the first issues: scope, search, the event's people. */
describe('the console’s API: my clubs and units, member search, an event’s people (e2e)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.close());

  const ok = async (query: string, variables: Record<string, unknown>, token: string) => {
    const res = await api.gql(query, variables, { token });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data;
  };

  it('myStaffScope: a club coordinator gets their club, a unit commission its subtree, admin everything', async () => {
    const club = await api.createClub('zhambyl.shu', `Шу клубы ${Date.now()}`);
    const archived = await api.createClub('zhambyl.shu');
    const coordinator = await api.staff(Role.COORDINATOR, 'zhambyl.shu', club.id);
    await ok(
      `mutation($id: ID!) { archiveClub(id: $id) { id } }`,
      { id: archived.id },
      await api.adminToken(),
    );

    const mine = (await ok(SCOPE, {}, coordinator.token)).myStaffScope;
    expect(mine.clubs).toEqual([{ id: club.id, name: club.name }]);
    expect(mine.units).toEqual([]);

    const commission = await api.staff(Role.COMMISSION, 'zhambyl.shu');
    const theirs = (await ok(SCOPE, {}, commission.token)).myStaffScope;
    expect(theirs.units.map((u: { code: string }) => u.code)).toEqual(['zhambyl.shu']);
    const ids = theirs.clubs.map((c: { id: string }) => c.id);
    expect(ids).toContain(club.id);
    expect(ids).not.toContain(archived.id); // archived: no longer looked after

    const all = (await ok(SCOPE, {}, await api.adminToken())).myStaffScope;
    expect(all.units.length).toBeGreaterThanOrEqual(12);
    expect(all.units[0].code).toBe('zhambyl');

    const member = await api.signUp();
    const refused = await api.gql(SCOPE, {}, { token: member.accessToken });
    expect(refused.errors![0].extensions.code).toBe('FORBIDDEN');
  });

  it('clubMembers finds a member by part of the name, membership number, e-mail (any case) or phone (any form)', async () => {
    const club = await api.createClub('zhambyl.taraz');
    const coordinator = await api.staff(Role.COORDINATOR, 'zhambyl.taraz', club.id);
    const a = await api.signUp({ clubId: club.id, fullName: 'Мәдина Серікқызы', phone: '+7 702 555 11 22' });
    const b = await api.signUp({ clubId: club.id, fullName: 'Бауыржан Төлеген', phone: '8 747 555 33 44' });
    const number = (await ok(`{ me { membershipNumber } }`, {}, b.accessToken)).me.membershipNumber as string;
    const found = async (search: string) =>
      ((await ok(SEARCH, { clubId: club.id, search }, coordinator.token)).clubMembers.edges as any[]).map(
        (e) => e.node.id,
      );
    expect(await found('мәдина')).toEqual([a.member.id]);
    expect(await found(number.slice(-6))).toEqual([b.member.id]);
    expect(await found(a.input.email.toUpperCase())).toEqual([a.member.id]);
    expect(await found('8 (702) 555-11-22')).toEqual([a.member.id]);
    expect(await found('+77475553344')).toEqual([b.member.id]);
    // a part of an address or of a number is not a search for contacts
    expect(await found(a.input.email.slice(0, 6) + '@')).toEqual([]);
    expect(await found('%')).toEqual([]);
    // Kazakh order without a search
    expect(await found('')).toEqual([b.member.id, a.member.id]);
  });

  it('attendance by status: the waitlist in its order with positions, walk-ins, member ids only within scope', async () => {
    const host = await api.organiserInTaraz();
    const ev = await api.event({ capacity: 1 }, { startsInHours: 1 });
    const people = await api.bulkMembers(4);
    // members of the coordinator's club: in scope
    for (const p of people)
      await ok(`mutation($c: ID!) { joinClub(clubId: $c) { id } }`, { c: host.clubId }, p.token);
    for (const p of people)
      await ok(`mutation($e: ID!) { registerForEvent(eventId: $e) { id } }`, { e: ev.id }, p.token);
    // someone from another district walks in (outside the coordinator's scope)
    const stranger = await api.signUp({
      unitId: await api.unitId('zhambyl.merke'),
      phone: '8 705 555 77 88',
    });
    await ok(
      `mutation($e: ID!, $w: String!) { walkIn(eventId: $e, emailOrPhone: $w) { registrationId } }`,
      { e: ev.id, w: stranger.input.email },
      host.token,
    );

    const page1 = (await ok(PEOPLE, { id: ev.id, status: 'WAITLISTED', first: 2 }, host.token)).event
      .attendance;
    expect(page1.totalCount).toBe(3);
    expect(page1.edges.map((e: any) => e.node.waitlistPosition)).toEqual([1, 2]);
    const page2 = (
      await ok(
        PEOPLE,
        { id: ev.id, status: 'WAITLISTED', first: 2, after: page1.pageInfo.endCursor },
        host.token,
      )
    ).event.attendance;
    expect(page2.edges.map((e: any) => e.node.waitlistPosition)).toEqual([3]);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    const order = [...page1.edges, ...page2.edges].map((e: any) => e.node.memberId);
    expect(order).toEqual(people.slice(1).map((p) => p.id));

    // the first in line gets the seat when it frees: positions close up
    const seat = (await ok(PEOPLE, { id: ev.id, status: 'REGISTERED' }, host.token)).event.attendance;
    expect(seat.edges.map((e: any) => e.node.memberId)).toEqual([people[0].id]);
    await ok(
      `mutation($r: ID!) { cancelRegistration(registrationId: $r) { status } }`,
      { r: seat.edges[0].node.registrationId },
      host.token,
    );
    const after = (await ok(PEOPLE, { id: ev.id, status: 'WAITLISTED' }, host.token)).event.attendance;
    expect(after.edges.map((e: any) => [e.node.memberId, e.node.waitlistPosition])).toEqual([
      [people[2].id, 1],
      [people[3].id, 2],
    ]);

    const walkIns = (await ok(PEOPLE, { id: ev.id, walkIn: true }, host.token)).event.attendance;
    expect(walkIns.edges).toEqual([
      {
        node: expect.objectContaining({
          status: 'ATTENDED',
          walkIn: true,
          memberId: null,
          waitlistPosition: null,
        }),
      },
    ]);
    // a cursor of one order is refused by the other
    const mixed = await api.gql(
      PEOPLE,
      { id: ev.id, status: 'REGISTERED', after: page1.pageInfo.endCursor },
      { token: host.token },
    );
    expect(mixed.errors![0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('events(filter: { mine: true }) lists only the events the caller is staff of', async () => {
    const club = await api.createClub('zhambyl.taraz');
    const coordinator = await api.staff(Role.COORDINATOR, 'zhambyl.taraz', club.id);
    const host = { token: coordinator.token, clubId: club.id, unitId: await api.unitId('zhambyl.taraz') };
    const ours = await api.event({}, { host });
    const draft = await api.event({}, { host, publish: false });
    const theirs = await api.event({});
    const ids = (await ok(MINE, {}, coordinator.token)).events.edges.map((e: any) => e.node.id);
    expect(ids).toEqual(expect.arrayContaining([ours.id, draft.id]));
    expect(ids).not.toContain(theirs.id);
    const admin = (await ok(MINE, { clubId: club.id }, await api.adminToken())).events.edges.map(
      (e: any) => e.node.id,
    );
    expect(admin.sort()).toEqual([ours.id, draft.id].sort());
  });
});
