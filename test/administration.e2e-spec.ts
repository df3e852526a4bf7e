import { ClubMembershipsService, Role } from '@yvc/identity';
import { TestApi } from './helpers/test-api';

/**
 * The API behind the administration pages (issue 14): the units and clubs an officer manages, a
 * club's coordinators, the staff accounts an officer may assign, a certificate found by number,
 * and the rules the pages show when the API refuses.
 */
describe('administration API', () => {
  let api: TestApi;
  let admin: string;
  let tarazOfficer: { id: string; token: string };
  let tarazClub: { id: string; name: string };
  let merkeClub: { id: string; name: string };
  let tarazCoordinator: { id: string; token: string };
  let merkeCoordinator: { id: string; token: string };

  beforeAll(async () => {
    api = await TestApi.start();
    admin = await api.adminToken();
    tarazOfficer = await api.staff(Role.COMMISSION, 'zhambyl.taraz');
    tarazClub = await api.createClub('zhambyl.taraz');
    merkeClub = await api.createClub('zhambyl.merke');
    tarazCoordinator = await api.staff(Role.COORDINATOR, 'zhambyl.taraz', tarazClub.id);
    merkeCoordinator = await api.staff(Role.COORDINATOR, 'zhambyl.merke', merkeClub.id);
  });
  afterAll(() => api.close());

  const ok = async (query: string, variables: Record<string, unknown>, token: string) => {
    const res = await api.gql(query, variables, { token });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data;
  };

  it('managedUnits and managedClubs: the Taraz officer sees Taraz only, the admin everything', async () => {
    const units = await ok(`{ managedUnits { code } }`, {}, tarazOfficer.token);
    expect(units.managedUnits.map((u: { code: string }) => u.code)).toEqual(['zhambyl.taraz']);
    const all = await ok(`{ managedUnits { code } }`, {}, admin);
    expect(all.managedUnits[0].code).toBe('zhambyl');
    expect(all.managedUnits.length).toBeGreaterThan(10);

    const CLUBS = `query($unitId: ID, $a: Boolean) { managedClubs(unitId: $unitId, includeArchived: $a) {
      id name archivedAt unit { code } coordinators { id } } }`;
    const mine = (await ok(CLUBS, {}, tarazOfficer.token)).managedClubs;
    expect(mine.every((c: any) => c.unit.code === 'zhambyl.taraz')).toBe(true);
    expect(mine.map((c: any) => c.id)).toContain(tarazClub.id);
    expect(mine.map((c: any) => c.id)).not.toContain(merkeClub.id);
    expect(mine.find((c: any) => c.id === tarazClub.id).coordinators).toEqual([{ id: tarazCoordinator.id }]);
    // sorted by name in Kazakh collation
    const names = mine.map((c: any) => c.name as string);
    expect(names).toEqual([...names].sort(new Intl.Collator('kk').compare));

    const merke = await api.gql(
      CLUBS,
      { unitId: await api.unitId('zhambyl.merke') },
      { token: tarazOfficer.token },
    );
    expect(merke.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const merkeAsAdmin = (await ok(CLUBS, { unitId: await api.unitId('zhambyl.merke') }, admin)).managedClubs;
    expect(merkeAsAdmin.map((c: any) => c.id)).toContain(merkeClub.id);

    // archived clubs only when asked
    const old = await api.createClub('zhambyl.taraz');
    await ok(`mutation($id: ID!) { archiveClub(id: $id) { id } }`, { id: old.id }, tarazOfficer.token);
    const active = (await ok(CLUBS, {}, tarazOfficer.token)).managedClubs.map((c: any) => c.id);
    expect(active).not.toContain(old.id);
    const withArchived = (await ok(CLUBS, { a: true }, tarazOfficer.token)).managedClubs;
    expect(withArchived.find((c: any) => c.id === old.id).archivedAt).toBeTruthy();
  });

  it("Club.coordinators: the club's staff, the commission above and admins; null for anyone else", async () => {
    // the public club query never reads a token: no coordinators there
    const PUBLIC = `query($id: ID!) { club(id: $id) { coordinators { id } } }`;
    expect((await api.gql(PUBLIC, { id: tarazClub.id }, { token: admin })).data.club.coordinators).toBeNull();
    const MANAGED = `query($id: ID!) { managedClub(id: $id) { name coordinators { id fullName email } } }`;
    const seen = (await ok(MANAGED, { id: tarazClub.id }, tarazOfficer.token)).managedClub.coordinators;
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ id: tarazCoordinator.id });
    expect(seen[0].email).toContain('@');
    const out = await api.gql(MANAGED, { id: merkeClub.id }, { token: tarazOfficer.token, lang: 'ru' });
    expect(out.errors?.[0]).toMatchObject({
      message: 'У вас нет доступа к этому.',
      extensions: { code: 'FORBIDDEN' },
    });
    // a member of the club does not see them
    const MINE = `{ me { clubs { id coordinators { id } } } }`;
    const member = await api.signUp({ clubId: tarazClub.id });
    const memberView = (await ok(MINE, {}, member.accessToken)).me.clubs;
    expect(memberView.find((c: any) => c.id === tarazClub.id).coordinators).toBeNull();
  });

  it('staffAccounts: staff at home in the scope, and assigning follows the rules', async () => {
    const LIST = `{ staffAccounts { id role } }`;
    const ids = (await ok(LIST, {}, tarazOfficer.token)).staffAccounts.map((m: any) => m.id);
    expect(ids).toContain(tarazCoordinator.id);
    expect(ids).toContain(tarazOfficer.id);
    expect(ids).not.toContain(merkeCoordinator.id);
    const everyone = (await ok(LIST, {}, admin)).staffAccounts;
    expect(everyone.map((m: any) => m.id)).toContain(merkeCoordinator.id);
    expect(everyone.every((m: any) => m.role === 'COORDINATOR' || m.role === 'COMMISSION')).toBe(true);

    const ASSIGN = `mutation($input: StaffAssignmentInput!) { assignCoordinator(input: $input) { club { id } } }`;
    const club = await api.createClub('zhambyl.taraz');
    await ok(ASSIGN, { input: { memberId: tarazCoordinator.id, clubId: club.id } }, tarazOfficer.token);
    // out of scope: a Merke club, or a Merke coordinator
    const outClub = await api.gql(
      ASSIGN,
      { input: { memberId: tarazCoordinator.id, clubId: merkeClub.id } },
      { token: tarazOfficer.token, lang: 'ru' },
    );
    expect(outClub.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(outClub.errors?.[0].message).toBe('У вас нет доступа к этому.');
    const outStaff = await api.gql(
      ASSIGN,
      { input: { memberId: merkeCoordinator.id, clubId: club.id } },
      { token: tarazOfficer.token },
    );
    expect(outStaff.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    // an archived club takes no new coordinators; removing one from it still works
    await ok(`mutation($id: ID!) { archiveClub(id: $id) { id } }`, { id: club.id }, tarazOfficer.token);
    const other = await api.staff(Role.COORDINATOR, 'zhambyl.taraz');
    const late = await api.gql(
      ASSIGN,
      { input: { memberId: other.id, clubId: club.id } },
      { token: tarazOfficer.token, lang: 'kk' },
    );
    expect(late.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'CLUB_ARCHIVED' });
    const rows: unknown[] = await api.db.query(
      `SELECT 1 FROM staff_assignments WHERE member_id = $1 AND club_id = $2`,
      [other.id, club.id],
    );
    expect(rows).toHaveLength(0);
    const left = await ok(
      `mutation($input: StaffAssignmentInput!) { removeCoordinator(input: $input) { club { id } } }`,
      { input: { memberId: tarazCoordinator.id, clubId: club.id } },
      tarazOfficer.token,
    );
    expect(left.removeCoordinator.map((a: any) => a.club?.id)).not.toContain(club.id);
  });

  it('certificate(number): staff in scope find it (any case), revoke it and reissue it', async () => {
    const m = await api.signUp({ clubId: tarazClub.id });
    const { issueCertificate: first } = await ok(
      `mutation($m: ID!) { issueCertificate(memberId: $m) { id number } }`,
      { m: m.member.id },
      tarazCoordinator.token,
    );
    const FIND = `query($n: String!) { certificate(number: $n) { id number status revokedReason member { id fullName } } }`;
    const found = (await ok(FIND, { n: `  ${first.number.toLowerCase()} ` }, tarazOfficer.token)).certificate;
    expect(found).toMatchObject({ id: first.id, status: 'VALID', member: { id: m.member.id } });
    expect((await ok(FIND, { n: 'ZHM-1999-000000-C9' }, tarazOfficer.token)).certificate).toBeNull();
    const merkeOfficer = await api.staff(Role.COMMISSION, 'zhambyl.merke');
    const out = await api.gql(FIND, { n: first.number }, { token: merkeOfficer.token });
    expect(out.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const asMember = await api.gql(FIND, { n: first.number }, { token: m.accessToken });
    expect(asMember.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    // reissue = issue again: the valid one is revoked as "reissued", a new number follows
    const { issueCertificate: second } = await ok(
      `mutation($m: ID!) { issueCertificate(memberId: $m) { id number status } }`,
      { m: m.member.id },
      tarazOfficer.token,
    );
    expect(second.number).toBe(first.number.replace(/-C1$/, '-C2'));
    expect((await ok(FIND, { n: first.number }, tarazOfficer.token)).certificate).toMatchObject({
      status: 'REVOKED',
      revokedReason: 'reissued',
    });
    // revoking twice: the second is refused with its reason
    const REVOKE = `mutation($id: ID!, $r: String!) { revokeCertificate(id: $id, reason: $r) { status revokedReason } }`;
    await ok(REVOKE, { id: second.id, r: 'Клубтан шықты' }, tarazOfficer.token);
    const again = await api.gql(
      REVOKE,
      { id: second.id, r: 'Тағы' },
      { token: tarazOfficer.token, lang: 'en' },
    );
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'CERTIFICATE_NOT_VALID' });
    expect(again.errors?.[0].message).toBe('This certificate is already revoked.');
  });

  it("BadgeAward.revokedReason: the reason staff gave, on the member's badges", async () => {
    const m = await api.signUp({ unitId: await api.unitId('zhambyl.taraz') });
    await api.app.get(ClubMembershipsService).join(m.member.id, tarazClub.id);
    const { awardBadge } = await ok(
      `mutation($m: ID!) { awardBadge(memberId: $m, badgeCode: "organizer") { id revokedReason } }`,
      { m: m.member.id },
      tarazOfficer.token,
    );
    expect(awardBadge.revokedReason).toBeNull();
    await ok(
      `mutation($id: ID!) { revokeBadgeAward(id: $id, reason: "Қате берілген") { id } }`,
      { id: awardBadge.id },
      tarazOfficer.token,
    );
    const { member } = await ok(
      `query($id: ID!) { member(id: $id) { badges { id revokedAt revokedReason } } }`,
      { id: m.member.id },
      tarazOfficer.token,
    );
    expect(member.badges.find((b: any) => b.id === awardBadge.id)).toMatchObject({
      revokedReason: 'Қате берілген',
    });
  });
});
