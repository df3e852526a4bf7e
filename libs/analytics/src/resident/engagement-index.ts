import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig, REGION_TIME_ZONE } from '@yvc/core';
import { InjectDataSource } from '@nestjs/typeorm';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { ByEvent } from './by-event';
import { ClubRowText, EventRowText, MemberRowText, REG, ResidentData, residentSql } from './resident-data';

/** How often the change log is read when nobody asks (a question reads it first anyway). */
const POLL_MS = 1000;
/** At most this often the rows are turned around again after a change (ByEvent). */
const DERIVE_MS = 2000;
/** The change log keeps rows this long; a process that read nothing for half of it loads afresh. */
export const CHANGE_LOG_KEEP_MINUTES = 10;
/** More changed keys than this in one read: loading everything again is cheaper. */
const RELOAD_ABOVE_KEYS = 200_000;

export type IndexState = 'off' | 'loading' | 'ready' | 'failed';

export interface IndexStatus {
  state: IndexState;
  /** ms the last full load took */
  loadMs: number | null;
  /** bytes of the typed arrays and id tables */
  bytes: number;
  members: number;
  registrations: number;
  /** when the change log was last read (epoch ms), null before the first load */
  syncedAt: number | null;
}

/**
 * The resident copy of what the engagement figures read (ResidentData), kept in this process:
 * loaded in the background at start (the service answers from SQL until it is ready), then
 * followed through the change log `analytics_changes` that triggers fill in the writers'
 * transactions (migration AddEngagementChangeLog). Each read of the log takes the keys of rows
 * whose transaction id is at or above the watermark, reads those rows again (idempotent: the
 * current row wins), then moves the watermark to the oldest transaction still running at that
 * read, so a transaction that commits late is read on a later round and none is missed.
 * `fresh()` reads the log before a question is answered: the figures then include every change
 * committed before the question (the lag is one round trip, not the poll interval).
 */
@Injectable()
export class EngagementIndex implements OnApplicationShutdown {
  private data: ResidentData | null = null;
  private watermark = '0';
  private state: IndexState = 'off';
  private loadMs: number | null = null;
  private syncedAt: number | null = null;
  private lastPrune = 0;
  private derivedAt = 0;
  private client: pg.Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private catching: Promise<void> | null = null;
  private stopped = false;
  private readonly sql = residentSql(REGION_TIME_ZONE);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly primary: DataSource,
  ) {}

  /** Starts the background load and the polling (the API does; the worker and CLI do not). */
  start(): void {
    if (this.state !== 'off' || !this.config.ENGAGEMENT_INDEX) return;
    this.state = 'loading';
    void this.reload().then(
      () => this.schedule(),
      () => this.schedule(),
    );
  }

  status(): IndexStatus {
    return {
      state: this.state,
      loadMs: this.loadMs,
      bytes: this.data?.bytes ?? 0,
      members: this.data?.members ?? 0,
      registrations: this.data?.regs.rows ?? 0,
      syncedAt: this.syncedAt,
    };
  }

  /**
   * The data with every change committed before this call applied, or null (not loaded).
   * `turned`: also the rows turned around (ByEvent) at that state, built now if stale.
   */
  async fresh(turned = false): Promise<ResidentData | null> {
    if (this.state !== 'ready' || !this.data) return null;
    try {
      await this.catchUp();
    } catch {
      return null;
    }
    if (turned) this.derive(true);
    return this.state === 'ready' ? this.data : null;
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.catching?.catch(() => undefined);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      const run =
        this.state === 'ready' ? this.catchUp() : this.state === 'failed' ? this.reload() : Promise.resolve();
      void run.catch(() => undefined).finally(() => this.schedule());
    }, POLL_MS);
    this.timer.unref();
  }

  private async connection(): Promise<pg.Client> {
    if (this.client) return this.client;
    const client = new pg.Client({
      connectionString: this.config.ENGAGEMENT_INDEX_DATABASE_URL ?? this.config.DATABASE_URL,
      application_name: 'yvc-engagement-index',
    });
    client.on('error', () => {
      if (this.client === client) this.client = null;
    });
    await client.connect();
    this.client = client;
    return client;
  }

  /** Reads everything in one REPEATABLE READ snapshot; the watermark is that snapshot's xmin. */
  async reload(): Promise<void> {
    const began = Date.now();
    try {
      const client = await this.connection();
      const data = new ResidentData();
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      try {
        const [{ xmin }] = (
          await client.query<{ xmin: string }>(`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin`)
        ).rows;
        data.setClubs((await client.query<ClubRowText>(this.sql.clubs)).rows);
        for (const e of (await client.query<EventRowText>(this.sql.events)).rows) data.setEvent(e);
        await stream(client, this.sql.members, (r) =>
          data.setMember({
            id: r[0] as string,
            unit_id: r[1] as string,
            role: r[2] as string,
            birth: r[3] as number | null,
            joined_us: r[4] as string,
            joined_month: r[5] as number,
          }),
        );
        await this.bulk(client, data);
        await client.query('COMMIT');
        data.byEvent = new ByEvent(data);
        this.data = data;
        this.watermark = xmin;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      }
      this.loadMs = Date.now() - began;
      this.syncedAt = Date.now();
      this.state = 'ready';
    } catch (err) {
      this.state = this.data ? 'ready' : 'failed';
      throw err;
    }
  }

  /** Registrations, club memberships and badge awards: streamed into scratch columns, then placed by member. */
  private async bulk(client: pg.Client, data: ResidentData): Promise<void> {
    // only the columns a table needs (the registrations' event and state fit one Int32)
    type Scratch = { member: Int32Array; a: Float64Array; b: Float64Array; c: Float64Array };
    const scratch = (n: number, wide: number): Scratch => ({
      member: new Int32Array(n),
      a: new Float64Array(wide > 0 ? n : 0),
      b: new Float64Array(wide > 1 ? n : 0),
      c: new Float64Array(wide > 2 ? n : 0),
    });
    const collect = async (sql: string, wide: number, row: (r: unknown[], s: Scratch, i: number) => void) => {
      let s = scratch(1 << 16, wide);
      let i = 0;
      await stream(client, sql, (r) => {
        if (i === s.member.length) {
          const t = scratch(s.member.length * 2, wide);
          t.member.set(s.member);
          t.a.set(s.a);
          t.b.set(s.b);
          t.c.set(s.c);
          s = t;
        }
        row(r, s, i++);
      });
      return { s, n: i };
    };
    let v = new Int32Array(1 << 16);
    const regs = await collect(this.sql.registrations, 0, (r, s, i) => {
      s.member[i] = data.member(r[0] as string);
      if (i === v.length) {
        const w = new Int32Array(v.length * 2);
        w.set(v);
        v = w;
      }
      v[i] = (data.event(r[1] as string) << 2) | (r[2] as number);
    });
    data.regs.load(data.members, regs.s.member, regs.n, { v: v.subarray(0, regs.n) });
    const cms = await collect(this.sql.clubMemberships, 3, (r, s, i) => {
      s.member[i] = data.member(r[0] as string);
      s.a[i] = data.club(r[1] as string);
      s.b[i] = Number(r[2]);
      s.c[i] = r[3] === null ? Number.NaN : Number(r[3]);
    });
    data.clubMemberships.load(data.members, cms.s.member, cms.n, {
      club: Int32Array.from(cms.s.a.subarray(0, cms.n)),
      joined: cms.s.b.subarray(0, cms.n),
      left: cms.s.c.subarray(0, cms.n),
    });
    const badges = await collect(this.sql.badges, 1, (r, s, i) => {
      s.member[i] = data.member(r[0] as string);
      s.a[i] = Number(r[1]);
    });
    data.badges.load(data.members, badges.s.member, badges.n, { at: badges.s.a.subarray(0, badges.n) });
  }

  /**
   * Rebuilds the rows turned around (ByEvent, for regional questions) when the data changed, at
   * most every DERIVE_MS: between a change and the next rebuild, questions take the full pass.
   */
  private derive(now = false): void {
    const data = this.data;
    if (!data || data.byEvent?.version === data.version || (!now && Date.now() - this.derivedAt < DERIVE_MS))
      return;
    this.derivedAt = Date.now();
    data.byEvent = new ByEvent(data);
  }

  /** Reads the change log once (one reader at a time; a caller during a read waits for it). */
  private catchUp(): Promise<void> {
    this.catching ??= this.readChanges().finally(() => (this.catching = null));
    return this.catching;
  }

  private async readChanges(): Promise<void> {
    const data = this.data;
    if (!data) return;
    if (this.syncedAt !== null && Date.now() - this.syncedAt > (CHANGE_LOG_KEEP_MINUTES / 2) * 60_000) {
      await this.reload();
      return;
    }
    const client = await this.connection();
    const {
      rows: [{ xmin, keys }],
    } = await client.query<{ xmin: string; keys: string[] }>(
      `SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin,
              array(SELECT DISTINCT kind::text || key::text FROM analytics_changes WHERE xid >= $1::xid8) AS keys`,
      [this.watermark],
    );
    if (keys.length > RELOAD_ABOVE_KEYS || keys.some((k) => k[0] === '*')) {
      await this.reload();
      return;
    }
    if (keys.length) data.version++;
    const byKind = new Map<string, string[]>();
    for (const k of keys) {
      const list = byKind.get(k[0]) ?? [];
      list.push(k.slice(1));
      byKind.set(k[0], list);
    }
    const ids = (kind: string) => byKind.get(kind) ?? [];
    if (ids('k').length) data.setClubs((await client.query<ClubRowText>(this.sql.clubs)).rows);
    if (ids('e').length) {
      const rows = (
        await client.query<EventRowText>(`${this.sql.events} WHERE id = ANY($1::uuid[])`, [ids('e')])
      ).rows;
      const found = new Set(rows.map((r) => r.id));
      for (const r of rows) data.setEvent(r);
      for (const id of ids('e')) if (!found.has(id)) data.dropEvent(id);
    }
    if (ids('m').length) {
      const rows = (
        await client.query<MemberRowText>(`${this.sql.members} WHERE id = ANY($1::uuid[])`, [ids('m')])
      ).rows;
      const found = new Set(rows.map((r) => r.id));
      for (const r of rows) data.setMember(r);
      for (const id of ids('m')) if (!found.has(id)) data.dropMember(id);
    }
    const perMember = async <R>(
      kind: string,
      sql: string,
      apply: (m: number, rows: R[]) => void,
      memberOf: (r: R) => string,
    ) => {
      const members = ids(kind);
      if (!members.length) return;
      const rows = (
        await client.query<R & pg.QueryResultRow>(`${sql} AND member_id = ANY($1::uuid[])`, [members])
      ).rows as R[];
      const grouped = new Map<string, R[]>(members.map((m) => [m, []]));
      for (const r of rows) grouped.get(memberOf(r))?.push(r);
      for (const [m, list] of grouped) apply(data.member(m), list);
    };
    type RegRow = { member_id: string; event_id: string; st: number };
    await perMember<RegRow>(
      'r',
      this.sql.registrations,
      (m, rows) => data.regs.replace(m, { v: rows.map((r) => (data.event(r.event_id) << 2) | r.st) }),
      (r) => r.member_id,
    );
    type CmRow = { member_id: string; club_id: string; joined_us: string; left_us: string | null };
    await perMember<CmRow>(
      'c',
      `${this.sql.clubMemberships} WHERE true`,
      (m, rows) =>
        data.clubMemberships.replace(m, {
          club: rows.map((r) => data.club(r.club_id)),
          joined: rows.map((r) => Number(r.joined_us)),
          left: rows.map((r) => (r.left_us === null ? Number.NaN : Number(r.left_us))),
        }),
      (r) => r.member_id,
    );
    type BadgeRow = { member_id: string; awarded_us: string };
    await perMember<BadgeRow>(
      'b',
      `SELECT * FROM (${this.sql.badges}) b WHERE true`,
      (m, rows) => data.badges.replace(m, { at: rows.map((r) => Number(r.awarded_us)) }),
      (r) => r.member_id,
    );
    this.watermark = xmin;
    this.syncedAt = Date.now();
    // on the primary (the index may read from a replica); every process prunes, harmlessly
    if (Date.now() - this.lastPrune > 60_000) {
      this.lastPrune = Date.now();
      await this.primary
        .query(
          `DELETE FROM analytics_changes WHERE at < now() - interval '${CHANGE_LOG_KEEP_MINUTES} minutes'`,
        )
        .catch(() => undefined);
    }
  }
}

export { REG };

/** Streams a query's rows as arrays (none are kept by the driver). */
function stream(client: pg.Client, text: string, row: (r: unknown[]) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const q = new pg.Query({ text, rowMode: 'array' } as pg.QueryConfig);
    q.on('row', (r: unknown[]) => row(r));
    q.on('end', () => resolve());
    q.on('error', reject);
    void client.query(q);
  });
}
