import type { Response } from 'superagent';
import { INestApplication } from '@nestjs/common';
import {
  AuthService,
  MemberLocale,
  MembersService,
  PasswordHasher,
  Role,
  StaffService,
  makeIin,
} from '@yvc/identity';
import { UnitsService } from '@yvc/org';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/bootstrap';

export interface GqlOptions {
  token?: string;
  lang?: string;
  ip?: string;
}

export interface GqlResult<T = any> {
  status: number;
  data: T;
  errors?: Array<{ message: string; path?: string[]; extensions: Record<string, any> }>;
}

export const PASSWORD = 'correct-horse-9';

/** A unique, valid email for one test. */
export const email = (tag = 'm') => `${tag}.${randomUUID().slice(0, 12)}@Example.KZ`.toLowerCase();

/** A birth date `years` years (and a few days) before today in Almaty. */
export function birthDateYearsAgo(years: number, extraDays = 10): string {
  const now = new Date();
  const d = new Date(Date.UTC(now.getUTCFullYear() - years, now.getUTCMonth(), now.getUTCDate() - extraDays));
  return d.toISOString().slice(0, 10);
}

/** The API, built as in production and listening on a random local port. */
export class TestApi {
  private constructor(readonly app: INestApplication) {}

  /** `env` overrides the environment while the app reads its configuration (e.g. a low limit). */
  static async start(env: Record<string, string> = {}): Promise<TestApi> {
    const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
    Object.assign(process.env, env);
    try {
      const app = await createApiApp({ logger: false });
      await app.listen(0, '127.0.0.1');
      return new TestApi(app);
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  }

  get http() {
    return request(this.app.getHttpServer());
  }

  get db(): DataSource {
    return this.app.get(DataSource);
  }

  async gql<T = any>(
    query: string,
    variables: Record<string, unknown> = {},
    opts: GqlOptions = {},
  ): Promise<GqlResult<T>> {
    let req = this.http
      .post('/graphql')
      .set('Content-Type', 'application/json')
      .set('Accept-Language', opts.lang ?? 'en');
    if (opts.token) req = req.set('Authorization', `Bearer ${opts.token}`);
    if (opts.ip) req = req.set('X-Forwarded-For', opts.ip);
    const res = await req.send({ query, variables });
    return { status: res.status, data: res.body.data, errors: res.body.errors };
  }

  async unitId(code: string): Promise<string> {
    const unit = await this.app.get(UnitsService).findByCode(code);
    if (!unit) throw new Error(`unit ${code} missing: did units:import run?`);
    return unit.id;
  }

  /** A valid sign-up input for an adult in Taraz; override any field. */
  async signUpInput(overrides: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    return {
      fullName: 'Әлихан Сәрсенбаев',
      email: email(),
      phone: '8 701 123 45 67',
      password: PASSWORD,
      birthDate: birthDateYearsAgo(20),
      unitId: await this.unitId('zhambyl.taraz'),
      consentToDataProcessing: true,
      ...overrides,
    };
  }

  async signUp(overrides: Record<string, unknown> = {}, lang = 'en') {
    const input = await this.signUpInput(overrides);
    const res = await this.gql(SIGN_UP, { input }, { lang });
    if (res.errors) throw new Error(`signUp failed: ${JSON.stringify(res.errors)}`);
    return { ...res.data.signUp, input } as {
      accessToken: string;
      refreshToken: string;
      member: any;
      input: any;
    };
  }

  /** A staff account made as the CLI makes it, logged in. */
  async staff(role: Role, unitCode: string, clubId?: string) {
    const mail = email(role.toLowerCase());
    const member = await this.app.get(StaffService).createStaffAccount({
      email: mail,
      password: PASSWORD,
      fullName: 'Сотрудник Комиссии',
      role,
      unitCode,
      clubId,
    });
    const pair = await this.app
      .get(AuthService)
      .login(mail, PASSWORD, `10.9.${Math.floor(Math.random() * 250)}.1`);
    return { id: member.id, email: mail, token: pair.accessToken };
  }

  async createClub(unitCode: string, name = `Клуб ${randomUUID().slice(0, 8)}`) {
    const admin = await this.adminToken();
    const res = await this.gql(
      `mutation($input: CreateClubInput!) { createClub(input: $input) { id name } }`,
      {
        input: {
          unitId: await this.unitId(unitCode),
          name,
          institution: 'Тараз өңірлік университеті',
          institutionKind: 'UNIVERSITY',
        },
      },
      { token: admin },
    );
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data.createClub as { id: string; name: string };
  }

  /**
   * Many members at once, each logged in, without paying argon2 per member (one shared hash):
   * for concurrency tests that need hundreds of distinct callers.
   */
  async bulkMembers(n: number, unitCode = 'zhambyl.taraz'): Promise<Array<{ id: string; token: string }>> {
    this.sharedHash ??= this.app.get(PasswordHasher).hash(PASSWORD);
    const tag = randomUUID().slice(0, 8);
    const unitId = await this.unitId(unitCode);
    const list = Array.from({ length: n }, (_, i) => ({
      fullName: 'Көпшілік Қатысушы',
      email: `bulk.${tag}.${i}@example.kz`,
      phone: null,
      birthDate: birthDateYearsAgo(20),
      iin: null,
      locale: MemberLocale.KK,
      unitId,
      clubIds: [],
      joinedAt: new Date(),
      guardian: null,
    }));
    await this.app.get(MembersService).importMembers(list, await this.sharedHash);
    const rows: Array<{ id: string; email: string }> = await this.db.query(
      `SELECT id, email FROM members WHERE email LIKE $1`,
      [`bulk.${tag}.%`],
    );
    const auth = this.app.get(AuthService);
    const byEmail = new Map(rows.map((r) => [r.email, r.id]));
    const out: Array<{ id: string; token: string }> = [];
    for (const m of list) {
      const id = byEmail.get(m.email)!;
      const pair = await this.db.transaction((em) => auth.openSession(em, id));
      out.push({ id, token: pair.accessToken });
    }
    return out;
  }

  private organiser?: Promise<{ clubId: string; token: string; unitId: string }>;
  /** A club in Taraz and its coordinator, made once per TestApi: the host of `event()`. */
  organiserInTaraz(): Promise<EventHost> {
    this.organiser ??= (async () => {
      const club = await this.createClub('zhambyl.taraz');
      const coordinator = await this.staff(Role.COORDINATOR, 'zhambyl.taraz', club.id);
      return { clubId: club.id, token: coordinator.token, unitId: await this.unitId('zhambyl.taraz') };
    })();
    return this.organiser;
  }

  /**
   * An event in Taraz by a test coordinator (or by `host`: its token, unit and club), starting
   * `startsInHours` from now (3 hours long), PUBLISHED unless `publish: false`; override any
   * CreateEventInput field.
   */
  async event(
    overrides: Record<string, unknown> = {},
    opts: { startsInHours?: number; publish?: boolean; host?: EventHost } = {},
  ): Promise<{ id: string; title: string; coordinatorToken: string }> {
    const host = opts.host ?? (await this.organiserInTaraz());
    const startsIn = opts.startsInHours ?? 48;
    const at = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
    const input = {
      title: `Жастар форумы ${randomUUID().slice(0, 6)}`,
      kind: 'FORUM',
      unitId: host.unitId,
      clubId: host.clubId,
      startsAt: at(startsIn),
      endsAt: at(startsIn + 3),
      capacity: 100,
      ...overrides,
    };
    const created = await this.gql(
      `mutation($input: CreateEventInput!) { createEvent(input: $input) { id title } }`,
      { input },
      { token: host.token },
    );
    if (created.errors) throw new Error(JSON.stringify(created.errors));
    const { id, title } = created.data.createEvent as { id: string; title: string };
    if (opts.publish !== false) {
      const res = await this.gql(
        `mutation($id: ID!) { publishEvent(id: $id) { id } }`,
        { id },
        { token: host.token },
      );
      if (res.errors) throw new Error(JSON.stringify(res.errors));
    }
    return { id, title, coordinatorToken: host.token };
  }

  private sharedHash?: Promise<string>;
  private admin?: Promise<string>;
  adminToken(): Promise<string> {
    this.admin ??= this.staff(Role.ADMIN, 'zhambyl').then((a) => a.token);
    return this.admin;
  }

  close(): Promise<void> {
    return this.app.close();
  }
}

/** Who creates a test event: a staff token and the unit and club the event belongs to. */
export interface EventHost {
  token: string;
  unitId: string;
  clubId: string;
}

export const SIGN_UP = `mutation SignUp($input: SignUpInput!) {
  signUp(input: $input) {
    accessToken refreshToken
    member { id fullName email phone birthDate locale role membershipNumber joinedAt unit { code } clubs { id } }
  }
}`;

/** The field-level messages of a BAD_USER_INPUT, by field. */
export function fieldErrors(res: GqlResult): Record<string, string> {
  const err = res.errors?.[0];
  if (err?.extensions.code !== 'BAD_USER_INPUT')
    throw new Error(`expected BAD_USER_INPUT, got ${JSON.stringify(res.errors)}`);
  return Object.fromEntries(
    (err.extensions.fields as Array<{ field: string; message: string }>).map((f) => [f.field, f.message]),
  );
}

/** A valid IIN for the birth date with a random serial, so tests do not collide. */
export function randomIin(birthDate: string, sex: 'M' | 'F' = 'F'): string {
  return makeIin(birthDate, sex, Math.floor(Math.random() * 9000));
}

/** A superagent parser that keeps the body as text (CSV, JWT, HTML answers). */
export function asText(res: Response, done: (err: Error | null, body: string) => void): void {
  // superagent hands the parser the node response stream, typed as its own Response
  const stream = res as unknown as NodeJS.ReadableStream;
  let body = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => (body += chunk));
  stream.on('end', () => done(null, body));
}
