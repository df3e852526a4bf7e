import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  AccountTokenPurpose,
  AccountTokensService,
  AuthService,
  ClubMembershipsService,
  Role,
} from '@yvc/identity';
import { GraphQLField, GraphQLObjectType, GraphQLSchema, getNamedType, isLeafType } from 'graphql';
import { randomUUID } from 'node:crypto';
import { PASSWORD, TestApi } from './helpers/test-api';

/**
 * Who may call what: every Query and Mutation of the served schema, as each kind of caller, on
 * an object inside the caller's reach ("in": club A in Taraz) and outside it ("out": club C in
 * Merke). The expected answers are the table below; an operation of the schema without a row
 * fails the test, so a new operation cannot ship without its authorisation written down here.
 */

const CALLERS = ['anonymous', 'member', 'coordOther', 'coordIn', 'commOther', 'commAbove', 'admin'] as const;
type Caller = (typeof CALLERS)[number];
type Scope = 'in' | 'out';
type Outcome = 'ok' | 'U' | 'F' | 'N';

/*
 * Callers (columns):
 *   anonymous   no token
 *   member      a MEMBER (of club A; never the object's owner here: self-service is `me`)
 *   coordOther  COORDINATOR of another club in the same city (club B, Taraz)
 *   coordIn     COORDINATOR of club A
 *   commOther   COMMISSION of another unit (Shu district)
 *   commAbove   COMMISSION of Taraz, above club A (Merke is outside it)
 *   admin       ADMIN
 * Answers: ok = allowed (no error), U = UNAUTHENTICATED, F = FORBIDDEN, N = NOT_FOUND;
 * "ok|F" is the answer for the object in scope | out of scope; one value is both.
 */
interface Row {
  expect: string;
  /** the operation's arguments for an object in or out of scope (fresh rows when it changes them) */
  args: (w: World, scope: Scope) => Promise<Record<string, unknown>> | Record<string, unknown>;
  /** acts on the caller's own account: asked once per caller, not per scope */
  self?: boolean;
  /** spends the caller's account (withdrawConsent): a new account of the same kind per cell */
  freshCaller?: boolean;
}

//                                       anon member coordOther coordIn commOther commAbove admin
const PUBLIC = '                          ok   ok     ok         ok      ok        ok        ok';
const LOGGED_IN = '                       U    ok     ok         ok      ok        ok        ok';
const EVENT_STAFF = '                     U    F      F          ok|F    F         ok|F      ok';
const CLUB_MANAGERS = '                   U    F      F          F       F         ok|F      ok';

const MATRIX: Record<string, Row> = {
  // ---- queries
  'Query.units': { expect: PUBLIC, args: () => ({}) },
  'Query.unit': {
    expect: PUBLIC,
    args: (w, s) => ({ code: s === 'in' ? 'zhambyl.taraz' : 'zhambyl.merke' }),
  },
  'Query.club': { expect: PUBLIC, args: (w, s) => ({ id: w.club[s] }) },
  'Query.badgeClasses': { expect: PUBLIC, args: () => ({}) },
  // the sign-up form's consent text and its version
  'Query.consentText': { expect: PUBLIC, args: () => ({}) },
  // published events only, without registrant data (the web app's public pages)
  'Query.publicEvents': { expect: PUBLIC, args: (w, s) => ({ filter: { unitId: w.unit[s] } }) },
  'Query.publicEvent': { expect: PUBLIC, args: (w, s) => ({ id: w.event[s] }) },
  'Query.verifyCertificate': { expect: PUBLIC, args: (w, s) => ({ number: w.certificateNumber[s] }) },
  'Query.me': { expect: LOGGED_IN, args: () => ({}), self: true },
  'Query.exportMyData': { expect: LOGGED_IN, args: () => ({}), self: true },
  'Query.notifications': { expect: LOGGED_IN, args: () => ({}), self: true },
  'Query.events': { expect: LOGGED_IN, args: (w, s) => ({ filter: { unitId: w.unit[s] } }) },
  // a draft exists only for its staff: to anyone else it is NOT_FOUND
  'Query.event': {
    expect: '  U    N      N          ok|N    N         ok|N      ok',
    args: (w, s) => ({ id: w.draft[s] }),
  },
  'Query.member': { expect: EVENT_STAFF, args: (w, s) => ({ id: w.member[s].id }) },
  'Query.clubMembers': { expect: EVENT_STAFF, args: (w, s) => ({ clubId: w.club[s] }) },
  'Query.eventDeliveryLog': { expect: EVENT_STAFF, args: (w, s) => ({ eventId: w.event[s] }) },
  // the console's own clubs and units: every staff account has one (its own), members none
  'Query.myStaffScope': {
    expect: '                        U    F      ok         ok      ok        ok        ok',
    args: () => ({}),
    self: true,
  },
  // administration: the units and clubs an officer manages, the staff accounts it may assign
  'Query.managedUnits': {
    expect: '     U    F      F          F       ok        ok        ok',
    args: () => ({}),
  },
  'Query.managedClubs': { expect: CLUB_MANAGERS, args: (w, s) => ({ unitId: w.unit[s] }) },
  'Query.managedClub': { expect: CLUB_MANAGERS, args: (w, s) => ({ id: w.club[s] }) },
  'Query.staffAccounts': {
    expect: ' U    F      F          F       ok        ok        ok',
    args: () => ({}),
  },
  // staff looking a certificate up by number (to revoke or reissue it): the holder must be in scope
  'Query.certificate': { expect: EVENT_STAFF, args: (w, s) => ({ number: w.certificateNumber[s] }) },
  // by unit: a club's coordinator has no unit (Taraz holds other clubs too), the commission above has
  'Query.engagement': {
    expect: '                        U    F      F          F       F         ok|F      ok',
    args: (w, s) => ({ filter: { unitId: w.unit[s] } }),
  },

  // ---- account
  'Mutation.signUp': { expect: PUBLIC, args: (w) => ({ input: w.signUpInput() }), self: true },
  'Mutation.login': {
    expect: PUBLIC,
    args: (w) => ({ email: w.loginEmail, password: PASSWORD }),
    self: true,
  },
  'Mutation.refreshToken': {
    expect: PUBLIC,
    args: async (w) => ({ refreshToken: (await w.freshMember('in')).refreshToken }),
    self: true,
  },
  'Mutation.requestPasswordReset': {
    expect: PUBLIC,
    args: () => ({ email: `nobody.${randomUUID().slice(0, 8)}@example.kz` }),
    self: true,
  },
  'Mutation.resetPassword': {
    expect: PUBLIC,
    args: async (w) => ({ token: await w.resetToken(), newPassword: 'another-horse-10' }),
    self: true,
  },
  // the e-mailed link, opened in the web app without a session
  'Mutation.verifyEmail': {
    expect: PUBLIC,
    args: async (w) => ({ token: await w.verificationToken() }),
    self: true,
  },
  'Mutation.logout': { expect: LOGGED_IN, args: () => ({}), self: true },
  'Mutation.updateMe': { expect: LOGGED_IN, args: () => ({ input: { locale: 'KK' } }), self: true },
  'Mutation.changePassword': {
    expect: LOGGED_IN,
    args: () => ({ currentPassword: PASSWORD, newPassword: 'another-horse-10' }),
    self: true,
    freshCaller: true,
  },
  'Mutation.withdrawConsent': { expect: LOGGED_IN, args: () => ({}), self: true, freshCaller: true },
  'Mutation.rotateCalendarFeed': { expect: LOGGED_IN, args: () => ({}), self: true },
  'Mutation.markNotificationsRead': { expect: LOGGED_IN, args: () => ({ ids: [] }), self: true },
  'Mutation.joinClub': { expect: LOGGED_IN, args: (w, s) => ({ clubId: w.club[s] }) },
  'Mutation.leaveClub': { expect: LOGGED_IN, args: (w, s) => ({ clubId: w.club[s] }) },

  // ---- clubs and staff
  'Mutation.createClub': {
    expect: CLUB_MANAGERS,
    args: (w, s) => ({ input: { unitId: w.unit[s], name: `Клуб ${randomUUID().slice(0, 8)}` } }),
  },
  'Mutation.renameClub': {
    expect: CLUB_MANAGERS,
    args: (w, s) => ({ id: w.club[s], name: `Клуб ${randomUUID().slice(0, 8)}` }),
  },
  'Mutation.archiveClub': { expect: CLUB_MANAGERS, args: async (w, s) => ({ id: await w.freshClub(s) }) },
  'Mutation.assignCoordinator': {
    expect: CLUB_MANAGERS,
    args: (w, s) => ({ input: { memberId: w.spareCoordinator[s], clubId: w.club[s] } }),
  },
  'Mutation.removeCoordinator': {
    expect: CLUB_MANAGERS,
    args: (w, s) => ({ input: { memberId: w.spareCoordinator[s], clubId: w.club[s] } }),
  },

  // ---- events
  'Mutation.createEvent': {
    expect: EVENT_STAFF,
    args: (w, s) => ({ input: w.eventInput(s) }),
  },
  'Mutation.updateEvent': {
    expect: EVENT_STAFF,
    args: (w, s) => ({ id: w.event[s], input: { title: 'Жаңа атауы бар форум' } }),
  },
  'Mutation.publishEvent': {
    expect: EVENT_STAFF,
    args: async (w, s) => ({ id: await w.freshEvent(s, false) }),
  },
  'Mutation.cancelEvent': {
    expect: EVENT_STAFF,
    args: async (w, s) => ({ id: await w.freshEvent(s, true), reason: 'Ауа райы' }),
  },
  'Mutation.retryFailedDeliveries': { expect: EVENT_STAFF, args: (w, s) => ({ eventId: w.event[s] }) },
  'Mutation.registerForEvent': {
    expect: '                 U    ok     F          F       F         F         F',
    args: (w, s) => ({ eventId: w.event[s] }),
  },
  // by the member who holds it, or by staff of the event; here the caller never holds it
  'Mutation.cancelRegistration': {
    expect: EVENT_STAFF,
    args: async (w, s) => ({ registrationId: (await w.freshRegistration(s)).id }),
  },
  'Mutation.checkIn': {
    expect: EVENT_STAFF,
    args: async (w, s) => ({ eventId: w.event[s], code: (await w.freshRegistration(s)).code }),
  },
  'Mutation.syncCheckIns': {
    expect: EVENT_STAFF,
    args: async (w, s) => ({
      eventId: w.event[s],
      scans: [
        {
          scanId: randomUUID(),
          code: (await w.freshRegistration(s)).code,
          scannedAt: new Date().toISOString(),
        },
      ],
    }),
  },
  'Mutation.walkIn': {
    expect: EVENT_STAFF,
    args: async (w, s) => ({ eventId: w.event[s], emailOrPhone: (await w.freshMember(s)).email }),
  },

  // ---- certificates and badges: a coordinator acts only for members of their own clubs
  'Mutation.issueCertificate': { expect: EVENT_STAFF, args: (w, s) => ({ memberId: w.member[s].id }) },
  'Mutation.revokeCertificate': {
    expect: EVENT_STAFF,
    args: async (w, s) => ({ id: await w.freshCertificate(s), reason: 'Қате берілген' }),
  },
  'Mutation.awardBadge': {
    expect: EVENT_STAFF,
    args: (w, s) => ({ memberId: w.member[s].id, badgeCode: 'organizer' }),
  },
  'Mutation.revokeBadgeAward': {
    expect: EVENT_STAFF,
    args: async (w, s) => ({ id: await w.freshAward(s), reason: 'Қате берілген' }),
  },
};

interface Person {
  id: string;
  email: string;
  token: string;
  refreshToken: string;
}

/** The rows the builders above draw on, and the builders of fresh rows. */
class World {
  unit!: Record<Scope, string>;
  club!: Record<Scope, string>;
  event!: Record<Scope, string>;
  draft!: Record<Scope, string>;
  member!: Record<Scope, Person>;
  spareCoordinator!: Record<Scope, string>;
  certificateNumber!: Record<Scope, string>;
  callers = new Map<Caller, string>();
  loginEmail!: string;
  clubB!: string;
  private admin!: string;

  constructor(private readonly api: TestApi) {}

  async build(): Promise<void> {
    const api = this.api;
    this.admin = await api.adminToken();
    this.unit = { in: await api.unitId('zhambyl.taraz'), out: await api.unitId('zhambyl.merke') };
    const a = await api.createClub('zhambyl.taraz');
    const b = await api.createClub('zhambyl.taraz');
    const c = await api.createClub('zhambyl.merke');
    this.club = { in: a.id, out: c.id };
    this.clubB = b.id;
    for (const caller of CALLERS)
      if (caller !== 'anonymous') this.callers.set(caller, await this.newCaller(caller));
    this.member = { in: await this.freshMember('in'), out: await this.freshMember('out') };
    this.spareCoordinator = {
      in: (await api.staff(Role.COORDINATOR, 'zhambyl.taraz')).id,
      out: (await api.staff(Role.COORDINATOR, 'zhambyl.merke')).id,
    };
    this.event = { in: await this.freshEvent('in', true), out: await this.freshEvent('out', true) };
    this.draft = { in: await this.freshEvent('in', false), out: await this.freshEvent('out', false) };
    this.certificateNumber = {
      in: (await this.issue(this.member.in.id)).number,
      out: (await this.issue(this.member.out.id)).number,
    };
    this.loginEmail = (await api.signUp()).input.email;
  }

  /** An account of the caller's kind with the caller's assignments; its id. */
  async newCaller(caller: Exclude<Caller, 'anonymous'>): Promise<string> {
    const api = this.api;
    switch (caller) {
      case 'member':
        return (await api.signUp({ clubId: this.club.in })).member.id;
      case 'coordOther':
        return (await api.staff(Role.COORDINATOR, 'zhambyl.taraz', this.clubB)).id;
      case 'coordIn':
        return (await api.staff(Role.COORDINATOR, 'zhambyl.taraz', this.club.in)).id;
      case 'commOther':
        return (await api.staff(Role.COMMISSION, 'zhambyl.shu')).id;
      case 'commAbove':
        return (await api.staff(Role.COMMISSION, 'zhambyl.taraz')).id;
      case 'admin':
        return (await api.staff(Role.ADMIN, 'zhambyl')).id;
    }
  }

  async tokenOf(memberId: string): Promise<string> {
    const auth = this.api.app.get(AuthService);
    return (await this.api.db.transaction((em) => auth.openSession(em, memberId))).accessToken;
  }

  /** A member living in the scope's unit and belonging to its club, logged in. */
  async freshMember(scope: Scope): Promise<Person> {
    const [m] = await this.api.bulkMembers(1, scope === 'in' ? 'zhambyl.taraz' : 'zhambyl.merke');
    await this.api.app.get(ClubMembershipsService).join(m.id, this.club[scope]);
    const [row]: Array<{ email: string }> = await this.api.db.query(
      `SELECT email FROM members WHERE id = $1`,
      [m.id],
    );
    const auth = this.api.app.get(AuthService);
    const pair = await this.api.db.transaction((em) => auth.openSession(em, m.id));
    return { id: m.id, email: row.email, token: m.token, refreshToken: pair.refreshToken };
  }

  eventInput(scope: Scope) {
    const hours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
    return {
      title: 'Сайлау туралы форум',
      kind: 'FORUM',
      unitId: this.unit[scope],
      clubId: this.club[scope],
      startsAt: hours(1), // its check-in window (from two hours before the start) is open
      endsAt: hours(3),
      capacity: 50,
    };
  }

  private async admin_<T = any>(query: string, variables: Record<string, unknown>): Promise<T> {
    const res = await this.api.gql(query, variables, { token: this.admin });
    if (res.errors) throw new Error(`${query}: ${JSON.stringify(res.errors)}`);
    return res.data as T;
  }

  async freshEvent(scope: Scope, publish: boolean): Promise<string> {
    const { createEvent } = await this.admin_(
      `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
      { input: this.eventInput(scope) },
    );
    if (publish)
      await this.admin_(`mutation($id: ID!) { publishEvent(id: $id) { id } }`, { id: createEvent.id });
    return createEvent.id;
  }

  async freshRegistration(scope: Scope): Promise<{ id: string; code: string }> {
    const m = await this.freshMember(scope);
    const res = await this.api.gql(
      `mutation($e: ID!) { registerForEvent(eventId: $e) { id checkInCode } }`,
      { e: this.event[scope] },
      { token: m.token },
    );
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return { id: res.data.registerForEvent.id, code: res.data.registerForEvent.checkInCode };
  }

  async freshClub(scope: Scope): Promise<string> {
    return (await this.api.createClub(scope === 'in' ? 'zhambyl.taraz' : 'zhambyl.merke')).id;
  }

  private async issue(memberId: string): Promise<{ id: string; number: string }> {
    const { issueCertificate } = await this.admin_(
      `mutation($m: ID!) { issueCertificate(memberId: $m) { id number } }`,
      { m: memberId },
    );
    return issueCertificate;
  }

  async freshCertificate(scope: Scope): Promise<string> {
    return (await this.issue((await this.freshMember(scope)).id)).id;
  }

  async freshAward(scope: Scope): Promise<string> {
    const m = await this.freshMember(scope);
    const { awardBadge } = await this.admin_(
      `mutation($m: ID!) { awardBadge(memberId: $m, badgeCode: "organizer") { id } }`,
      { m: m.id },
    );
    return awardBadge.id;
  }

  async resetToken(): Promise<string> {
    const m = await this.freshMember('in');
    return this.api.app.get(AccountTokensService).issue(m.id, AccountTokenPurpose.PASSWORD_RESET);
  }

  async verificationToken(): Promise<string> {
    const m = await this.freshMember('in');
    return this.api.app.get(AccountTokensService).issue(m.id, AccountTokenPurpose.EMAIL_VERIFICATION);
  }

  signUpInput() {
    return {
      fullName: 'Әлихан Сәрсенбаев',
      email: `matrix.${randomUUID().slice(0, 12)}@example.kz`,
      password: PASSWORD,
      birthDate: '2004-03-21',
      unitId: this.unit.in,
      consentToDataProcessing: true,
    };
  }
}

/**
 * The operation as a document passing the given arguments as variables (the others keep their
 * defaults), with the least selection its result allows.
 */
function documentOf(
  schema: GraphQLSchema,
  name: string,
  given: string[],
): { document: string; field: string } {
  const [kind, field] = name.split('.') as ['Query' | 'Mutation', string];
  const root = (kind === 'Query' ? schema.getQueryType() : schema.getMutationType())!;
  const f: GraphQLField<unknown, unknown> = root.getFields()[field];
  const args = f.args.filter((a) => given.includes(a.name));
  const defs = args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const call = args.length ? `${field}(${args.map((a) => `${a.name}: $${a.name}`).join(', ')})` : field;
  const selection = isLeafType(getNamedType(f.type)) ? '' : ' { __typename }';
  return { document: `${kind.toLowerCase()}${defs ? `(${defs})` : ''} { ${call}${selection} }`, field };
}

function schemaOperationNames(schema: GraphQLSchema): string[] {
  return (['Query', 'Mutation'] as const).flatMap((t) =>
    Object.keys((schema.getType(t) as GraphQLObjectType).getFields()).map((f) => `${t}.${f}`),
  );
}

/** "U F ok|F …" as seven (in, out) pairs. */
function parse(expect: string): Array<[Outcome, Outcome]> {
  const cells = expect.trim().split(/\s+/);
  if (cells.length !== CALLERS.length) throw new Error(`"${expect}" needs ${CALLERS.length} cells`);
  return cells.map((c) => {
    const [i, o = i] = c.split('|') as Outcome[];
    return [i, o];
  });
}

const format = (cells: Array<[Outcome, Outcome]>) =>
  cells
    .map(([i, o]) => (i === o ? i : `${i}|${o}`).padEnd(5))
    .join(' ')
    .trimEnd();

describe('authorisation matrix: every operation x every kind of caller x in and out of scope (e2e)', () => {
  let api: TestApi;
  let world: World;
  let schema: GraphQLSchema;

  beforeAll(async () => {
    api = await TestApi.start();
    schema = api.app.get(GraphQLSchemaHost).schema;
    world = new World(api);
    await world.build();
  }, 120_000);
  afterAll(() => api.close());

  it('the table has a row for every operation of the served schema, and no other', () => {
    const served = schemaOperationNames(schema).sort();
    expect({
      withoutRow: served.filter((op) => !MATRIX[op]),
      notServed: Object.keys(MATRIX).filter((op) => !served.includes(op)),
    }).toEqual({
      withoutRow: [],
      notServed: [],
    });
  });

  it('answers as the table says', async () => {
    const expected: Record<string, string> = {};
    const actual: Record<string, string> = {};
    for (const name of schemaOperationNames(schema).filter((op) => MATRIX[op])) {
      const row = MATRIX[name];
      const cells: Array<[Outcome, Outcome]> = [];
      const notes: string[] = [];
      for (const caller of CALLERS) {
        const answer = async (scope: Scope): Promise<Outcome> => {
          const variables = await row.args(world, scope);
          const { document, field } = documentOf(schema, name, Object.keys(variables));
          let token: string | undefined;
          if (caller !== 'anonymous') {
            const id = row.freshCaller ? await world.newCaller(caller) : world.callers.get(caller)!;
            token = await world.tokenOf(id);
          }
          const res = await api.gql(document, variables, {
            token,
            ip: `10.88.${CALLERS.indexOf(caller)}.${scope === 'in' ? 1 : 2}`,
          });
          if (!res.errors?.length && res.data?.[field] !== undefined) return 'ok';
          const code = res.errors?.[0]?.extensions?.code as string | undefined;
          const short = { UNAUTHENTICATED: 'U', FORBIDDEN: 'F', NOT_FOUND: 'N' }[code ?? ''] as
            Outcome | undefined;
          if (!short) notes.push(`${caller}/${scope}: ${JSON.stringify(res.errors)}`);
          return short ?? (code as Outcome);
        };
        // in and out of scope touch different rows, so they may run at once
        const [inScope, outOfScope] = await Promise.all([answer('in'), row.self ? null : answer('out')]);
        cells.push([inScope, outOfScope ?? inScope]);
      }
      expected[name] = format(parse(row.expect));
      actual[name] = format(cells);
      if (notes.length && actual[name] !== expected[name]) actual[name] += `  (${notes.join('; ')})`;
    }
    expect(actual).toEqual(expected);
  }, 300_000);
});
