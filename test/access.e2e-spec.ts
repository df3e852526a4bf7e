import { Role } from '@yvc/identity';
import { PASSWORD, TestApi } from './helpers/test-api';

const MEMBER = `query($id: ID!) { member(id: $id) { id fullName email phone birthDate clubs { id } } }`;
const CLUB_MEMBERS = `query($clubId: ID!, $search: String, $first: Int, $after: String) {
  clubMembers(clubId: $clubId, search: $search, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id fullName maskedContact } }
  }
}`;

describe('roles and scopes (e2e)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.close());

  describe('a coordinator sees only their own club’s or unit’s members', () => {
    it('FORBIDDEN outside the scope, the data inside it', async () => {
      const mine = await api.createClub('zhambyl.taraz');
      const other = await api.createClub('zhambyl.shu');
      const coordinator = await api.staff(Role.COORDINATOR, 'zhambyl.taraz', mine.id);
      const inMine = await api.signUp({ clubId: mine.id, unitId: await api.unitId('zhambyl.merke') });
      const inOther = await api.signUp({ clubId: other.id, unitId: await api.unitId('zhambyl.shu') });

      const ok = await api.gql(MEMBER, { id: inMine.member.id }, { token: coordinator.token });
      expect(ok.data.member).toMatchObject({
        id: inMine.member.id,
        email: inMine.input.email,
        phone: '+77011234567',
      });

      const denied = await api.gql(
        MEMBER,
        { id: inOther.member.id },
        { token: coordinator.token, lang: 'ru' },
      );
      expect(denied.errors![0].extensions.code).toBe('FORBIDDEN');
      expect(denied.errors![0].message).toBe('У вас нет доступа к этому.');
      expect(denied.data).toEqual({ member: null });

      const list = await api.gql(CLUB_MEMBERS, { clubId: other.id }, { token: coordinator.token });
      expect(list.errors![0].extensions.code).toBe('FORBIDDEN');
    });

    it('a unit coordinator sees members whose home unit is in the unit', async () => {
      const coordinator = await api.staff(Role.COORDINATOR, 'zhambyl.kordai');
      const local = await api.signUp({ unitId: await api.unitId('zhambyl.kordai') });
      const away = await api.signUp({ unitId: await api.unitId('zhambyl.talas') });
      expect(
        (await api.gql(MEMBER, { id: local.member.id }, { token: coordinator.token })).data.member.id,
      ).toBe(local.member.id);
      expect(
        (await api.gql(MEMBER, { id: away.member.id }, { token: coordinator.token })).errors![0].extensions
          .code,
      ).toBe('FORBIDDEN');
    });

    it('a regional commission sees the whole region; a member sees only themselves', async () => {
      const commission = await api.staff(Role.COMMISSION, 'zhambyl');
      const a = await api.signUp({ unitId: await api.unitId('zhambyl.moiynkum') });
      const b = await api.signUp();
      expect((await api.gql(MEMBER, { id: a.member.id }, { token: commission.token })).data.member.id).toBe(
        a.member.id,
      );
      expect((await api.gql(MEMBER, { id: a.member.id }, { token: a.accessToken })).data.member.id).toBe(
        a.member.id,
      );
      expect(
        (await api.gql(MEMBER, { id: b.member.id }, { token: a.accessToken })).errors![0].extensions.code,
      ).toBe('FORBIDDEN');
      const missing = await api.gql(
        MEMBER,
        { id: '00000000-0000-4000-8000-000000000000' },
        { token: commission.token },
      );
      expect(missing.errors![0].extensions.code).toBe('NOT_FOUND');
    });
  });

  describe('clubs: COMMISSION within its subtree and ADMIN manage them', () => {
    const CREATE = `mutation($input: CreateClubInput!) { createClub(input: $input) { id name institution unit { code } memberCount } }`;

    it('a city commission creates, renames and archives clubs in its city but not elsewhere', async () => {
      const taraz = await api.staff(Role.COMMISSION, 'zhambyl.taraz');
      const created = await api.gql(
        CREATE,
        {
          input: {
            unitId: await api.unitId('zhambyl.taraz'),
            name: '  Жас  заңгерлер 2 ',
            institution: 'Тараз колледжі',
            institutionKind: 'COLLEGE',
          },
        },
        { token: taraz.token },
      );
      expect(created.data.createClub).toMatchObject({
        name: 'Жас заңгерлер 2',
        unit: { code: 'zhambyl.taraz' },
        memberCount: 0,
      });
      const id = created.data.createClub.id;

      const elsewhere = await api.gql(
        CREATE,
        { input: { unitId: await api.unitId('zhambyl.merke'), name: 'Меркі клубы' } },
        { token: taraz.token },
      );
      expect(elsewhere.errors![0].extensions.code).toBe('FORBIDDEN');

      const dup = await api.gql(
        CREATE,
        { input: { unitId: await api.unitId('zhambyl.taraz'), name: 'Жас заңгерлер 2' } },
        { token: taraz.token },
      );
      expect(dup.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'CLUB_NAME_TAKEN' });

      const short = await api.gql(
        CREATE,
        { input: { unitId: await api.unitId('zhambyl.taraz'), name: 'Ab' } },
        { token: taraz.token },
      );
      expect(short.errors![0].extensions.fields).toEqual([
        { field: 'name', message: 'Must be at least 3 characters.' },
      ]);

      const renamed = await api.gql(
        `mutation($id: ID!) { renameClub(id: $id, name: "Жас заңгерлер клубы") { name } }`,
        { id },
        { token: taraz.token },
      );
      expect(renamed.data.renameClub.name).toBe('Жас заңгерлер клубы');
      const archived = await api.gql(
        `mutation($id: ID!) { archiveClub(id: $id) { archivedAt } }`,
        { id },
        { token: taraz.token },
      );
      expect(archived.data.archiveClub.archivedAt).toEqual(expect.any(String));
      const units = await api.gql(`{ unit(code: "zhambyl.taraz") { clubs { id } } }`);
      expect(units.data.unit.clubs.map((c: { id: string }) => c.id)).not.toContain(id);
    });

    it('members and coordinators may not manage clubs', async () => {
      const member = await api.signUp();
      const coordinator = await api.staff(Role.COORDINATOR, 'zhambyl.taraz');
      for (const token of [member.accessToken, coordinator.token]) {
        const res = await api.gql(
          CREATE,
          { input: { unitId: await api.unitId('zhambyl.taraz'), name: 'Тыйым салынған' } },
          { token },
        );
        expect(res.errors![0].extensions.code).toBe('FORBIDDEN');
      }
    });

    it('assigns and removes coordinators; the scope follows at once', async () => {
      const commission = await api.staff(Role.COMMISSION, 'zhambyl');
      const club = await api.createClub('zhambyl.zhualy');
      const coordinator = await api.staff(Role.COORDINATOR, 'zhambyl.zhambyl');
      const member = await api.signUp({ clubId: club.id, unitId: await api.unitId('zhambyl.taraz') });
      const ASSIGN = `mutation($input: StaffAssignmentInput!) { assignCoordinator(input: $input) { id club { id } unit { code } member { id } } }`;
      const REMOVE = `mutation($input: StaffAssignmentInput!) { removeCoordinator(input: $input) { id club { id } } }`;

      expect(
        (await api.gql(MEMBER, { id: member.member.id }, { token: coordinator.token })).errors![0].extensions
          .code,
      ).toBe('FORBIDDEN');
      const assigned = await api.gql(
        ASSIGN,
        { input: { memberId: coordinator.id, clubId: club.id } },
        { token: commission.token },
      );
      expect(assigned.data.assignCoordinator).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ club: { id: club.id }, member: { id: coordinator.id } }),
        ]),
      );
      // assigning twice keeps one assignment
      const twice = await api.gql(
        ASSIGN,
        { input: { memberId: coordinator.id, clubId: club.id } },
        { token: commission.token },
      );
      expect(twice.data.assignCoordinator.filter((a: any) => a.club?.id === club.id)).toHaveLength(1);
      expect(
        (await api.gql(MEMBER, { id: member.member.id }, { token: coordinator.token })).data.member.id,
      ).toBe(member.member.id);

      await api.gql(
        REMOVE,
        { input: { memberId: coordinator.id, clubId: club.id } },
        { token: commission.token },
      );
      expect(
        (await api.gql(MEMBER, { id: member.member.id }, { token: coordinator.token })).errors![0].extensions
          .code,
      ).toBe('FORBIDDEN');

      const notStaff = await api.gql(
        ASSIGN,
        { input: { memberId: member.member.id, clubId: club.id } },
        { token: commission.token },
      );
      expect(notStaff.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_STAFF' });
      const both = await api.gql(
        ASSIGN,
        { input: { memberId: coordinator.id } },
        { token: commission.token },
      );
      expect(both.errors![0].extensions.fields[0].field).toBe('clubId');
    });
  });

  describe('ids that name nothing are NOT_FOUND or FORBIDDEN, never a 500', () => {
    it('createClub in a unit that does not exist, awardBadge to a member id that is not one', async () => {
      const admin = await api.adminToken();
      const coordinator = await api.staff(Role.COORDINATOR, 'zhambyl.taraz');
      const CREATE = `mutation($u: ID!) { createClub(input: { unitId: $u, name: "Жоқ клуб" }) { id } }`;
      const AWARD = `mutation($m: ID!) { awardBadge(memberId: $m, badgeCode: "organizer") { id } }`;
      const codes = [];
      for (const unitId of ['00000000-0000-4000-8000-000000000000', 'nope'])
        codes.push((await api.gql(CREATE, { u: unitId }, { token: admin })).errors?.[0].extensions.code);
      for (const token of [admin, coordinator.token])
        for (const memberId of ['nope', '-775872202'])
          codes.push((await api.gql(AWARD, { m: memberId }, { token })).errors?.[0].extensions.code);
      expect(codes).toEqual(['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'FORBIDDEN', 'FORBIDDEN']);
    });
  });

  describe('club member lists', () => {
    it('sorts Kazakh names by ICU collation, searches, and pages with cursors', async () => {
      const club = await api.createClub('zhambyl.baizak');
      const coordinator = await api.staff(Role.COORDINATOR, 'zhambyl.baizak', club.id);
      // code-point order would put Ә, Ғ, Қ, Ө, Ұ, Ү, І after Я; Kazakh order puts Ә right after А
      const names = [
        'Ярослав Ким',
        'Әсел Нұрланова',
        'Азамат Омаров',
        'Ұлжан Тоқтарова',
        'Ілияс Сейітов',
        'Бауыржан Оспанов',
        'Қайрат Жұмабаев',
      ];
      for (const fullName of names) await api.signUp({ fullName, clubId: club.id });
      const expected = [
        'Азамат Омаров',
        'Әсел Нұрланова',
        'Бауыржан Оспанов',
        'Қайрат Жұмабаев',
        'Ұлжан Тоқтарова',
        'Ілияс Сейітов',
        'Ярослав Ким',
      ];
      expect([...names].sort(new Intl.Collator('kk').compare)).toEqual(expected);

      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 5; page++) {
        const res: any = await api.gql(
          CLUB_MEMBERS,
          { clubId: club.id, first: 3, after },
          { token: coordinator.token },
        );
        const conn = res.data.clubMembers;
        expect(conn.totalCount).toBe(7);
        seen.push(...conn.edges.map((e: any) => e.node.fullName));
        if (!conn.pageInfo.hasNextPage) break;
        after = conn.pageInfo.endCursor;
      }
      expect(seen).toEqual(expected);

      const found = await api.gql(
        CLUB_MEMBERS,
        { clubId: club.id, search: 'нұрлан' },
        { token: coordinator.token },
      );
      expect(found.data.clubMembers.edges.map((e: any) => e.node.fullName)).toEqual(['Әсел Нұрланова']);
      expect(found.data.clubMembers.edges[0].node.maskedContact).toMatch(
        /^.\*\*\*.@example\.kz, \+7701\*{5}67$/,
      );
      const wild = await api.gql(
        CLUB_MEMBERS,
        { clubId: club.id, search: '%' },
        { token: coordinator.token },
      );
      expect(wild.data.clubMembers.totalCount).toBe(0);

      const badPage = await api.gql(
        CLUB_MEMBERS,
        { clubId: club.id, first: 500 },
        { token: coordinator.token },
      );
      expect(badPage.errors![0].extensions.fields).toEqual([
        { field: 'first', message: 'Must be between 1 and 100.' },
      ]);
      const badCursor = await api.gql(
        CLUB_MEMBERS,
        { clubId: club.id, after: 'bm9wZQ' },
        { token: coordinator.token },
      );
      expect(badCursor.errors![0].extensions.fields[0].field).toBe('after');
    });
  });

  describe('a member’s own data', () => {
    it('updateMe, joinClub, leaveClub', async () => {
      const m = await api.signUp();
      const club = await api.createClub('zhambyl.sarysu');
      const UPDATE = `mutation($input: UpdateMeInput!) { updateMe(input: $input) { fullName phone locale unit { code } } }`;
      const updated = await api.gql(
        UPDATE,
        {
          input: {
            fullName: 'Ақбота Ысқақова',
            phone: '+7 (775) 555-11-22',
            locale: 'RU',
            unitId: await api.unitId('zhambyl.sarysu'),
          },
        },
        { token: m.accessToken },
      );
      expect(updated.data.updateMe).toEqual({
        fullName: 'Ақбота Ысқақова',
        phone: '+77755551122',
        locale: 'RU',
        unit: { code: 'zhambyl.sarysu' },
      });
      const bad = await api.gql(UPDATE, { input: { phone: '12345' } }, { token: m.accessToken, lang: 'kk' });
      expect(bad.errors![0].extensions.fields).toEqual([
        { field: 'phone', message: 'Қазақстандық ұялы нөмірді енгізіңіз, мысалы +7 701 123 4567.' },
      ]);

      const JOIN = `mutation($id: ID!) { joinClub(clubId: $id) { clubs { id } } }`;
      expect((await api.gql(JOIN, { id: club.id }, { token: m.accessToken })).data.joinClub.clubs).toEqual([
        { id: club.id },
      ]);
      expect((await api.gql(JOIN, { id: club.id }, { token: m.accessToken })).data.joinClub.clubs).toEqual([
        { id: club.id },
      ]);
      const count = await api.gql(`query($id: ID!) { club(id: $id) { memberCount } }`, { id: club.id });
      expect(count.data.club.memberCount).toBe(1);
      const left = await api.gql(
        `mutation($id: ID!) { leaveClub(clubId: $id) { clubs { id } } }`,
        { id: club.id },
        { token: m.accessToken },
      );
      expect(left.data.leaveClub.clubs).toEqual([]);
      const missing = await api.gql(JOIN, { id: 'nope' }, { token: m.accessToken });
      expect(missing.errors![0].extensions.code).toBe('NOT_FOUND');
    });

    it('exportMyData returns everything, IIN included, to its owner', async () => {
      const club = await api.createClub('zhambyl.talas');
      const m = await api.signUp({ clubId: club.id });
      const res = await api.gql(`{ exportMyData }`, {}, { token: m.accessToken });
      const data = res.data.exportMyData;
      expect(data.member).toMatchObject({
        id: m.member.id,
        email: m.input.email,
        phone: '+77011234567',
        status: 'ACTIVE',
      });
      expect(data.clubs).toEqual([expect.objectContaining({ clubId: club.id })]);
      expect(data.consents).toEqual([expect.objectContaining({ givenBy: 'SELF', textVersion: '2026-01' })]);
      expect(data.sessions.length).toBeGreaterThanOrEqual(1);
      expect(data.member).toMatchObject({ timeZone: 'Asia/Almaty', emailOptIn: true, smsOptIn: false });
      expect([data.certificates, data.badges]).toEqual([[], []]);
    });

    it('exportMyData holds the certificates, badges and notifications too', async () => {
      const club = await api.createClub('zhambyl.talas');
      const m = await api.signUp({ clubId: club.id });
      const admin = await api.adminToken();
      const cert = await api.gql(
        `mutation($m: ID!) { issueCertificate(memberId: $m) { number } }`,
        { m: m.member.id },
        { token: admin },
      );
      const award = await api.gql(
        `mutation($m: ID!) { awardBadge(memberId: $m, badgeCode: "organizer") { id } }`,
        { m: m.member.id },
        { token: admin },
      );
      expect([cert.errors, award.errors]).toEqual([undefined, undefined]);
      // a notification as the worker writes one (no worker runs in this file), with its e-mail sent
      const [n] = await api.db.query(
        `INSERT INTO notifications (member_id, kind, dedup_key, params)
         VALUES ($1, 'WALK_IN_RECORDED', $2, '{"event":"Форум"}') RETURNING id`,
        [m.member.id, `test:${m.member.id}`],
      );
      await api.db.query(
        `INSERT INTO deliveries (notification_id, channel, status, sent_at) VALUES ($1, 'EMAIL', 'SENT', now())`,
        [n.id],
      );
      const res = await api.gql(`{ exportMyData }`, {}, { token: m.accessToken });
      const exported = res.data.exportMyData;
      expect(exported.certificates).toEqual([
        expect.objectContaining({ number: cert.data.issueCertificate.number, status: 'VALID' }),
      ]);
      expect(exported.certificates[0].credential).toEqual(expect.any(String));
      expect(exported.badges).toEqual([
        expect.objectContaining({ badge: 'organizer', revokedAt: null, credential: expect.any(String) }),
      ]);
      // (a worker another test file runs may also have written the sign-up's address check)
      expect(exported.notifications.filter((x: { kind: string }) => x.kind === 'WALK_IN_RECORDED')).toEqual([
        expect.objectContaining({
          kind: 'WALK_IN_RECORDED',
          params: { event: 'Форум' },
          readAt: null,
          deliveries: [
            expect.objectContaining({ channel: 'EMAIL', status: 'SENT', sentAt: expect.any(String) }),
          ],
        }),
      ]);
    });

    it('withdrawConsent anonymises the member, ends their sessions and keeps the counts', async () => {
      const club = await api.createClub('zhambyl.ryskulov');
      const m = await api.signUp({ clubId: club.id });
      const commission = await api.staff(Role.COMMISSION, 'zhambyl');
      const [{ before }] = await api.db.query(
        `SELECT count(*)::int AS before FROM members WHERE role = 'MEMBER'`,
      );

      const res = await api.gql(`mutation { withdrawConsent }`, {}, { token: m.accessToken });
      expect(res.data.withdrawConsent).toBe(true);
      expect((await api.gql(`{ me { id } }`, {}, { token: m.accessToken })).errors![0].extensions.code).toBe(
        'UNAUTHENTICATED',
      );
      const login = await api.gql(
        `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`,
        { e: m.input.email, p: PASSWORD },
      );
      expect(login.errors![0].extensions.code).toBe('UNAUTHENTICATED');

      const seen = await api.gql(MEMBER, { id: m.member.id }, { token: commission.token, lang: 'kk' });
      expect(seen.data.member).toMatchObject({ fullName: 'Анонимделген қатысушы', email: null, phone: null });
      const [row] = await api.db.query(
        `SELECT full_name, email, phone, iin_hash, password_hash, status, membership_number, birth_date FROM members WHERE id = $1`,
        [m.member.id],
      );
      expect(row).toMatchObject({
        email: null,
        phone: null,
        iin_hash: null,
        password_hash: null,
        status: 'WITHDRAWN',
      });
      expect(row.full_name).not.toContain('Сәрсенбаев');
      expect(row.membership_number).toBe(m.member.membershipNumber);
      const [{ after }] = await api.db.query(
        `SELECT count(*)::int AS after FROM members WHERE role = 'MEMBER'`,
      );
      expect(after).toBeGreaterThanOrEqual(before);
      // the same email may sign up again later, as a new person
      await api.signUp({ email: m.input.email });
    });
  });
});
