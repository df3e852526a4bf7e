import { GraphQLSchemaHost } from '@nestjs/graphql';
import { readUnitTree } from '@yvc/demo';
import { AccountTokenPurpose, AccountTokensService, AuthService, MemberStatus, Role } from '@yvc/identity';
import { UnitsService } from '@yvc/org';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { ownDatabase } from './helpers/own-database';
import { FuzzOperation, FuzzPools, SchemaArbitraries, schemaOperations } from './helpers/schema-arbitraries';
import { TestApi, birthDateYearsAgo } from './helpers/test-api';

/**
 * Property-based tests generated from the served schema: every Query and Mutation, every argument
 * (field arguments below the root too), as each role, with generated values. Whatever is sent:
 * never HTTP 5xx or INTERNAL_SERVER_ERROR, never a stack trace or SQL in the answer, and a
 * mutation that fails leaves every table as it was.
 *
 * Reproducible: a fixed seed (FUZZ_SEED) and a fixed number of runs per operation and role
 * (FUZZ_RUNS); a failure prints the seed and the counterexample. FUZZ_ONLY=<substring> narrows
 * the operations while investigating; FUZZ_RUNS=200 digs deeper.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261130);
const RUNS = Number(process.env.FUZZ_RUNS ?? 5);
const ONLY = process.env.FUZZ_ONLY;

type RoleName = 'anonymous' | 'MEMBER' | 'COORDINATOR' | 'COMMISSION' | 'ADMIN';
const ROLES: RoleName[] = ['anonymous', 'MEMBER', 'COORDINATOR', 'COMMISSION', 'ADMIN'];

/**
 * Writes an operation makes on purpose while answering with an error, with why. Anything else
 * written by a failed mutation is a half-written change.
 */
const WRITES_ON_ERROR: Record<string, { tables: string[]; why: string }> = {
  '*': {
    tables: ['calendar_feeds'],
    why:
      "a member's feed token is made on first read of Member.calendarFeedUrl; that field resolver may " +
      'finish after a sibling field failed and the answer was sent, so it lands during a later request',
  },
  'Mutation.refreshToken': {
    tables: ['sessions', 'refresh_tokens'],
    why: 'presenting a used refresh token revokes its whole session (reuse detection), then refuses',
  },
};

/** What must never reach a client: stack frames, file paths, SQL and driver messages. */
const LEAKS: RegExp[] = [
  /\bat [\w.<>]+ \(.*:\d+:\d+\)/,
  /\bat .*\.(js|ts):\d+:\d+/,
  /node_modules/,
  /\/(dist|apps|libs)\/[\w/-]+\.(js|ts)/,
  /\b(SELECT|INSERT INTO|UPDATE|DELETE FROM)\b[^"]{0,80}\b(FROM|VALUES|SET|WHERE)\b/,
  /QueryFailedError|TypeORMError|EntityNotFound/,
  /violates (unique|foreign key|check|not-null) constraint/i,
  /syntax error at or near/i,
  /invalid input syntax for type/i,
  /date\/time field value out of range/i,
  /duplicate key value/i,
  /relation "[\w_]+" does not exist/i,
  /\bstacktrace\b/i,
  /Maximum call stack size exceeded/i,
];

const hash32 = (s: string) => createHash('sha256').update(s).digest().readInt32LE(0);

const clip = (v: unknown) => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 600 ? `${s.slice(0, 600)}… (${s.length} chars)` : s;
};

describe('schema fuzz: generated input for every operation and role (e2e)', () => {
  let api: TestApi;
  let drop: () => Promise<void>;
  let checksumSql: string;
  let pools: FuzzPools;
  const actors = new Map<RoleName, string>();
  let clubA: string;

  beforeAll(async () => {
    // a database of its own: the checksums below must see only this file's writes
    const own = await ownDatabase('fuzz');
    drop = own.drop;
    api = await TestApi.start({ DATABASE_URL: own.url });
    await api.app.get(UnitsService).importTree(readUnitTree());
    const tables: Array<{ name: string }> = await api.db.query(
      `SELECT table_name AS name FROM information_schema.tables
       WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'migrations' ORDER BY 1`,
    );
    checksumSql = `SELECT ${tables
      .map(
        (t) =>
          `(SELECT md5(coalesce(string_agg(x::text, ',' ORDER BY x::text), '')) FROM "${t.name}" x) AS "${t.name}"`,
      )
      .join(', ')}`;
    pools = await buildWorld();
  }, 120_000);

  afterAll(async () => {
    await api?.close();
    await drop?.();
  });

  /** Rows of every kind, reachable and not, for the generators to pick from. */
  async function buildWorld(): Promise<FuzzPools> {
    const admin = await api.adminToken();
    const a = await api.createClub('zhambyl.taraz');
    const b = await api.createClub('zhambyl.shu');
    clubA = a.id;
    const coordinator = await api.staff(Role.COORDINATOR, 'zhambyl.taraz', a.id);
    const commission = await api.staff(Role.COMMISSION, 'zhambyl.taraz');
    const [adminRow]: Array<{ id: string }> = await api.db.query(
      `SELECT id FROM members WHERE role = 'ADMIN'`,
    );
    const m1 = await api.signUp({ clubId: a.id, iin: '990115300426', birthDate: '1999-01-15' });
    const m2 = await api.signUp({ clubId: b.id, unitId: await api.unitId('zhambyl.shu'), phone: null });
    const minor = await api.signUp({
      birthDate: birthDateYearsAgo(15),
      guardian: { fullName: 'Гүлнар Ахметова', phone: '+77017654321', consentGiven: true },
    });
    actors.set('MEMBER', m1.member.id);
    actors.set('COORDINATOR', coordinator.id);
    actors.set('COMMISSION', commission.id);
    actors.set('ADMIN', adminRow.id);

    const hours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
    const event = async (unit: string, club: string | null, startsIn: number, publish: boolean) => {
      const res = await api.gql(
        `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
        {
          input: {
            title: 'Сайлау туралы форум',
            kind: 'FORUM',
            unitId: await api.unitId(unit),
            clubId: club,
            startsAt: hours(startsIn),
            endsAt: hours(startsIn + 2),
            capacity: 2,
          },
        },
        { token: admin },
      );
      if (res.errors) throw new Error(JSON.stringify(res.errors));
      const id = res.data.createEvent.id as string;
      if (publish)
        await api.gql(`mutation($id: ID!) { publishEvent(id: $id) { id } }`, { id }, { token: admin });
      return id;
    };
    const now = await event('zhambyl.taraz', a.id, 1, true); // its check-in window is open
    const later = await event('zhambyl.shu', b.id, 48, true);
    const draft = await event('zhambyl.taraz', null, 72, false);
    const registrations: string[] = [];
    for (const m of [m1, m2, minor]) {
      for (const e of [now, later]) {
        const r = await api.gql(
          `mutation($e: ID!) { registerForEvent(eventId: $e) { id } }`,
          { e },
          { token: m.accessToken },
        );
        if (r.errors) throw new Error(JSON.stringify(r.errors));
        registrations.push(r.data.registerForEvent.id);
      }
    }
    const codes: Array<{ check_in_code: string }> = await api.db.query(
      `SELECT check_in_code FROM registrations WHERE id = ANY($1::uuid[])`,
      [registrations],
    );
    const cert = await api.gql(
      `mutation($m: ID!) { issueCertificate(memberId: $m) { id number } }`,
      { m: m1.member.id },
      { token: admin },
    );
    const award = await api.gql(
      `mutation($m: ID!) { awardBadge(memberId: $m, badgeCode: "organizer") { id } }`,
      { m: m1.member.id },
      { token: admin },
    );
    if (cert.errors || award.errors) throw new Error(JSON.stringify([cert.errors, award.errors]));
    const accountTokens = api.app.get(AccountTokensService);
    const units: Array<{ id: string; code: string }> = await api.db.query(`SELECT id, code FROM units`);

    return {
      ids: {
        event: [now, later, draft],
        club: [a.id, b.id],
        member: [m1.member.id, m2.member.id, minor.member.id, coordinator.id, commission.id, adminRow.id],
        unit: units.map((u) => u.id),
        registration: registrations,
        certificate: [cert.data.issueCertificate.id],
        award: [award.data.awardBadge.id],
        notification: [],
      },
      emails: [
        m1.input.email,
        m2.input.email,
        minor.input.email,
        coordinator.email,
        coordinator.email.toUpperCase(),
      ],
      phones: ['+77011234567', '87011234567', '+77017654321'],
      strings: {
        code: [...codes.map((c) => c.check_in_code), ...units.map((u) => u.code), 'zhambyl', 'ZHAMBYL.TARAZ'],
        number: [cert.data.issueCertificate.number, `${m1.member.membershipNumber}-C9`],
        badgeCode: ['organizer', 'first-forum', 'nope'],
        token: [
          await accountTokens.issue(m2.member.id, AccountTokenPurpose.PASSWORD_RESET),
          await accountTokens.issue(minor.member.id, AccountTokenPurpose.EMAIL_VERIFICATION),
        ],
        refreshToken: [m2.refreshToken, minor.refreshToken],
        reason: ['Қате берілген', ''],
      },
    };
  }

  /** The role's account, made again when a generated withdrawConsent has erased it. */
  async function actorFor(role: Exclude<RoleName, 'anonymous'>): Promise<string> {
    const id = actors.get(role)!;
    const [row]: Array<{ status: string }> = await api.db.query(`SELECT status FROM members WHERE id = $1`, [
      id,
    ]);
    if (row.status === (MemberStatus.ACTIVE as string)) return id;
    const fresh =
      role === 'MEMBER'
        ? (await api.bulkMembers(1))[0]
        : await api.staff(Role[role], 'zhambyl.taraz', role === 'COORDINATOR' ? clubA : undefined);
    actors.set(role, fresh.id);
    pools.ids.member.push(fresh.id);
    return fresh.id;
  }

  /**
   * The role's access token; a new session once a generated logout, changePassword or
   * withdrawConsent has ended the last one (an answer said UNAUTHENTICATED).
   */
  const tokens = new Map<RoleName, Promise<string>>();
  function tokenFor(role: RoleName): Promise<string> | undefined {
    if (role === 'anonymous') return undefined;
    let token = tokens.get(role);
    if (!token) {
      const auth = api.app.get(AuthService);
      token = actorFor(role).then(
        async (id) => (await api.db.transaction((em) => auth.openSession(em, id))).accessToken,
      );
      tokens.set(role, token);
    }
    return token;
  }

  async function checksums(): Promise<Record<string, string>> {
    const [row] = await api.db.query(checksumSql);
    return row;
  }

  /** One request, and what is wrong with its answer (nothing, mostly). */
  async function check(
    op: FuzzOperation,
    role: RoleName,
    variables: Record<string, unknown>,
    lang: string,
    ip: string,
  ) {
    const token = await tokenFor(role);
    const before = op.kind === 'mutation' ? await checksums() : null;
    const body = JSON.stringify({ query: op.document, variables });
    let req = api.http
      .post('/graphql')
      .set('Content-Type', 'application/json')
      .set('Accept-Language', lang)
      .set('X-Forwarded-For', ip);
    if (token) req = req.set('Authorization', `Bearer ${token}`);
    const res = await req.send(body);
    const problems: string[] = [];
    if (res.status >= 500) problems.push(`HTTP ${res.status}`);
    const text = res.text ?? '';
    for (const pattern of LEAKS) {
      const hit = text.match(pattern)?.[0];
      // a value the client sent may come back (a name, a message quoting it): only what the server adds counts
      if (hit && !body.includes(hit)) problems.push(`leak ${pattern}: ${hit}`);
    }
    let json: {
      data?: Record<string, unknown> | null;
      errors?: Array<{ path?: unknown[]; extensions?: any }>;
    } | null;
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    if (json?.errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) tokens.delete(role);
    const internal = json?.errors?.filter((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR') ?? [];
    if (internal.length) problems.push(`INTERNAL_SERVER_ERROR ${clip(internal)}`);
    if (before) {
      // the operation itself failed (not only a field below it, after it ran): it wrote nothing
      const failed = json?.errors?.some((e) => !e.path || e.path.length <= 1) ?? false;
      if (failed || res.status >= 400) {
        const after = await checksums();
        const allowed = [...WRITES_ON_ERROR['*'].tables, ...(WRITES_ON_ERROR[op.name]?.tables ?? [])];
        const changed = Object.keys(before).filter((t) => before[t] !== after[t] && !allowed.includes(t));
        if (changed.length)
          problems.push(`answered ${clip(json?.errors ?? res.status)} but changed ${changed.join(', ')}`);
      }
    }
    return problems;
  }

  it('answers every generated request without a 5xx, a leak or a half-written change', async () => {
    const schema = api.app.get(GraphQLSchemaHost).schema;
    const arbitraries = new SchemaArbitraries(schema, pools);
    const ops = schemaOperations(schema).filter((op) => !ONLY || op.name.includes(ONLY));
    expect(ops.length).toBeGreaterThan(ONLY ? 0 : 30);
    const failures: string[] = [];

    const fuzz = async (op: FuzzOperation, role: RoleName) => {
      const seed = SEED ^ hash32(`${op.name}|${role}`);
      const property = fc.asyncProperty(
        arbitraries.variables(op.args, op.field),
        fc.constantFrom('kk', 'ru', 'en'),
        fc.tuple(fc.nat(255), fc.nat(255)).map(([x, y]) => `10.55.${x}.${y}`),
        async (variables, lang, ip) => {
          const problems = await check(op, role, variables, lang, ip);
          if (problems.length) throw new Error(problems.join('; '));
        },
      );
      // no shrinking: each run is a request, and the counterexample is printed as found
      const details = await fc.check(property, { seed, numRuns: RUNS, endOnFailure: true });
      if (details.failed) {
        const error = details.errorInstance as Error | undefined;
        failures.push(
          `${op.name} as ${role} (FUZZ_SEED=${SEED}, seed ${seed}): ${String(error?.message ?? error).slice(0, 800)}\n` +
            `  variables: ${clip(details.counterexample?.[0])}`,
        );
      }
    };
    for (const op of ops) {
      // a mutation's checksums need it alone on the database; queries may run side by side
      if (op.kind === 'query') await Promise.all(ROLES.map((role) => fuzz(op, role)));
      else for (const role of ROLES) await fuzz(op, role);
    }
    if (failures.length) console.error(`schema fuzz failures:\n${failures.join('\n')}`);
    expect(failures).toEqual([]);
  }, 600_000);
});
