import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig, REGION_TIME_ZONE, heapFlags, localDate } from '@yvc/core';
import { InjectDataSource } from '@nestjs/typeorm';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { copyBinary, CopyRow } from './binary-copy';
import type { EngagementParts } from '../engagement-parts';
import { PassThreads } from './pass-threads';
import { ClubRowText, EventRowText, MemberRowText, REG, ResidentData, residentSql } from './resident-data';
import {
  affected,
  addCounts,
  copyCounts,
  Cover,
  CoverChoice,
  covers,
  price,
  questionKey,
  Rollup,
  Rollups,
  rollupKey,
  slim,
} from './rollups';
import {
  canPassScoped,
  Counts,
  finishParts,
  memberColumns,
  memberPass,
  Plan,
  planQuestion,
  ResidentQuestion,
  scopedMembers,
} from './resident-report';

/** How often the change log is read when nobody asks (a question reads it first anyway). */
const POLL_MS = 1000;
/** At most this often the rows are turned around again after changes (ByEvent). */
const DERIVE_MS = 2000;
/** The rows are turned around again once this many accounts changed since the last time. */
const REBUILD_ABOVE_TOUCHED = 20_000;
/** The change log keeps rows this long; a process that read nothing for half of it loads afresh. */
export const CHANGE_LOG_KEEP_MINUTES = 10;
/** More changed keys than this in one read: loading everything again is cheaper. */
const RELOAD_ABOVE_KEYS = 200_000;
/** More changed accounts than this in one read: the rollups are dropped rather than followed. */
const FOLLOW_UP_TO_ACCOUNTS = 5_000;
/**
 * Lists of accounts at least this long are counted on the threads, shorter ones here (a rollup's
 * edge accounts, ~10,000 for the country's last 12 months: ~1 ms here, more in messages to threads).
 */
const THREADS_FROM = 30_000;
/** A kept rollup of the question answers while its edges hold at most this many registrations. */
const REUSE_UP_TO = 20_000;
/** ... and the hour's own is built after the answer when it would read this many fewer. */
const REBUILD_ABOVE = 2_000;

/**
 * Which pass answers (tests): by default a rollup of whole hours (rollups.ts) when they are on,
 * else the scoped pass when it can, else the one over every member (on the threads); 'rollup-in'
 * and 'rollup-out' a rollup with both edges of the period moved inwards or outwards; 'scoped'
 * first builds the turned-around rows if stale; 'members' the one over every member;
 * 'members-here' that one in the calling thread.
 */
export type ResidentPass = 'rollup-in' | 'rollup-out' | 'scoped' | 'members' | 'members-here';

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
  private readonly threads: PassThreads | null;
  /** passes running on the threads: the change log is applied only when none is (they read the columns) */
  private passes = 0;
  private idle: Array<() => void> = [];
  /** rollups of whole hours (ENGAGEMENT_ROLLUPS of them; null: off) */
  private readonly rollups: Rollups | null;
  /** REUSE_UP_TO and REBUILD_ABOVE (tests lower them) */
  readonly rollupRows = { reuseUpTo: REUSE_UP_TO, rebuildAbove: REBUILD_ABOVE };
  /** keys of the rollups being built after an answer (buildAhead) */
  private readonly buildingAhead = new Set<string>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly primary: DataSource,
  ) {
    this.threads =
      config.ENGAGEMENT_INDEX_THREADS > 0
        ? new PassThreads(config.ENGAGEMENT_INDEX_THREADS, heapFlags(config))
        : null;
    this.rollups = config.ENGAGEMENT_ROLLUPS > 0 ? new Rollups(config.ENGAGEMENT_ROLLUPS) : null;
  }

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

  /**
   * The figures' inputs for a question, with every change committed before this call applied, or
   * null (not loaded). Every scope runs the same pass on the worker threads when there are any:
   * the country (or `pass: 'members'`) over every account, a smaller scope over only the accounts
   * that can count for it (`scopedMembers`).
   */
  async parts(q: ResidentQuestion, pass?: ResidentPass): Promise<EngagementParts | null> {
    const data = await this.fresh(pass === 'scoped');
    if (!data) return null;
    const plan = planQuestion(data, q);
    if (
      this.rollups &&
      data.byEvent &&
      (pass === undefined || pass === 'rollup-in' || pass === 'rollup-out')
    ) {
      const choice: CoverChoice = pass === 'rollup-in' ? 'in' : pass === 'rollup-out' ? 'out' : undefined;
      return this.fromRollup(this.rollups, data, q, plan, choice);
    }
    // a region or district: only its members (their list from ByEvent); the country: everyone
    const list =
      (pass === undefined || pass === 'scoped') && canPassScoped(data, q)
        ? scopedMembers(data, plan, plan.scoped)
        : null;
    this.passes++;
    try {
      return finishParts(data, q, plan, await this.count(data, plan, list, pass === 'members-here'));
    } finally {
      this.passDone();
    }
  }

  /**
   * The pass over every member (list null) or over a list, on the threads when there are any
   * (and not `here`) and the list is long, else in this thread; the caller holds `passes`.
   */
  private async count(
    data: ResidentData,
    plan: Plan,
    list: Int32Array | null,
    here = false,
  ): Promise<Counts> {
    const size = list ? list.length : data.members;
    if (!this.threads || here || size < THREADS_FROM)
      return memberPass(memberColumns(data), plan, 0, size, list);
    return (
      this.threads
        .run(memberColumns(data), plan, size, list)
        // a thread that failed (it is started again next time): this answer in this thread
        .catch(() => memberPass(memberColumns(data), plan, 0, size, list))
    );
  }

  private passDone(): void {
    if (--this.passes === 0) for (const wake of this.idle.splice(0)) wake();
  }

  /**
   * The question from a rollup (rollups.ts): W's counts, plus the pass for the question minus the
   * pass for W over the accounts the edges can change. W is a kept rollup of the same question
   * (any W: the one whose edges hold the fewest registrations) when its edges cost at most
   * REUSE_UP_TO rows or no more than the best whole-hour W's would; else the best whole-hour W,
   * built now by one pass. When a kept one answers but the hour's own would cost REBUILD_ABOVE rows
   * less (an up-to-now question in a new hour), the hour's own is built after the answer, for the
   * next questions. `choice` forces a whole-hour W with both edges moved in or out (tests).
   */
  private async fromRollup(
    rollups: Rollups,
    data: ResidentData,
    q: ResidentQuestion,
    plan: Plan & { scoped: number[] },
    choice: CoverChoice,
  ): Promise<EngagementParts> {
    const question = questionKey(data, q);
    const hourly = covers(data, q)
      .filter((c) => choice === undefined || !c.edges.includes(choice === 'in' ? 'out' : 'in'))
      .map((c) => ({ ...c, key: rollupKey(question, c) }))
      .sort((a, b) => a.cost - b.cost);
    const best = hourly[0];
    let w: Cover & { key: string } = hourly.find((c) => rollups.has(c.key, data)) ?? best;
    if (choice === undefined) {
      const [kept] = price(data, q, rollups.of(question, data)).sort((a, b) => a.cost - b.cost);
      if (kept && kept.cost <= Math.max(best.cost, this.rollupRows.reuseUpTo)) {
        w = kept;
        if (kept.cost > best.cost + this.rollupRows.rebuildAbove) this.buildAhead(rollups, data, q, best);
      } else w = best;
    }
    this.passes++;
    try {
      const rollup = rollups.get(w.key, data) ?? (await this.build(rollups, data, q, w));
      const counts = copyCounts(rollup.counts);
      const x = affected(data, q, w);
      if (x.length > 0) {
        const [forP, forW] = await Promise.all([this.count(data, plan, x), this.count(data, rollup.plan, x)]);
        addCounts(addCounts(counts, forP, 1), forW, -1);
      }
      return finishParts(data, q, plan, counts);
    } finally {
      this.passDone();
    }
  }

  /** W's rollup for the question by one pass, kept (the caller holds `passes`). */
  private async build(
    rollups: Rollups,
    data: ResidentData,
    q: ResidentQuestion,
    w: Pick<Cover, 'from' | 'to'>,
  ): Promise<Rollup> {
    const question = questionKey(data, q);
    const qW: ResidentQuestion = { ...q, from: w.from, to: w.to };
    const planW = planQuestion(data, qW);
    const list = canPassScoped(data, qW) ? scopedMembers(data, planW, planW.scoped) : null;
    const counts = await this.count(data, planW, list);
    const rollup: Rollup = { data, question, asked: qW, from: w.from, to: w.to, plan: slim(planW), counts };
    if (this.data === data) rollups.set(rollupKey(question, w), rollup);
    return rollup;
  }

  /** Builds W's rollup for the question after this turn of the event loop (once at a time per W). */
  private buildAhead(
    rollups: Rollups,
    data: ResidentData,
    q: ResidentQuestion,
    w: Cover & { key: string },
  ): void {
    if (this.buildingAhead.has(w.key)) return;
    this.buildingAhead.add(w.key);
    // a moment after the answer that asked for it has gone out
    setTimeout(() => {
      if (this.data !== data || rollups.has(w.key, data)) {
        this.buildingAhead.delete(w.key);
        return;
      }
      this.passes++;
      this.build(rollups, data, q, w)
        .then(() => rollups.builtAhead++)
        .catch(() => undefined)
        .finally(() => {
          this.buildingAhead.delete(w.key);
          this.passDone();
        });
    }, 20).unref();
  }

  /** How many rollups are kept, how many times they were all dropped, how many built ahead (tests). */
  rollupStats(): { kept: number; dropped: number; builtAhead: number } {
    const r = this.rollups;
    return { kept: r?.size ?? 0, dropped: r?.dropped ?? 0, builtAhead: r?.builtAhead ?? 0 };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.threads?.close();
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
        this.state === 'ready'
          ? this.catchUp().then(() => this.derive())
          : this.state === 'failed'
            ? this.reload()
            : Promise.resolve();
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
      const unitIds = new UnitIds();
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      try {
        const [{ xmin }] = (
          await client.query<{ xmin: string }>(`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin`)
        ).rows;
        data.setClubs((await client.query<ClubRowText>(this.sql.clubs)).rows);
        for (const e of (await client.query<EventRowText>(this.sql.events)).rows) data.setEvent(e);
        await copyBinary(client, this.sql.membersBinary, 6, (r) =>
          data.setMemberAt(
            data.memberWords(r.word(0, 0), r.word(0, 1), r.word(0, 2), r.word(0, 3)),
            r.bool(2),
            unitIds.get(r),
            r.isNull(3) ? null : r.int4(3),
            r.int8(4),
            r.int4(5),
          ),
        );
        await this.bulk(client, data);
        await client.query('COMMIT');
        data.buildByEvent();
        await this.warmUp(data);
        this.rollups?.clear();
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

  /**
   * Both passes once on the threads before the data is used (the country's last 12 months, then
   * one unit's): the threads start, and V8 optimises the pass, before the first question instead
   * of during the first few (the first answers after a start took 3-6 times as long).
   */
  private async warmUp(data: ResidentData): Promise<void> {
    if (!this.threads || data.members === 0 || data.units.size === 0) return;
    const to = new Date();
    const from = new Date(to.getTime() - 365 * 86_400_000);
    const first = localDate(from).slice(0, 7);
    const last = localDate(to).slice(0, 7);
    const months: string[] = [];
    let [y, m] = first.split('-').map(Number);
    for (;;) {
      const month = `${y}-${String(m).padStart(2, '0')}`;
      months.push(month);
      if (month >= last) break;
      if (++m > 12) [y, m] = [y + 1, 1];
    }
    const units = [...data.units.keys()];
    const question = (unitIds: string[]): ResidentQuestion => ({
      scope: {
        rootUnitId: null,
        unitIds,
        clubIds: [],
        bucketIds: [],
        bucketOf: new Map(),
        wholeTree: false,
        key: '',
      },
      from,
      to,
      now: to,
      firstDay: localDate(from),
      lastDay: localDate(to),
      election: null,
      months,
    });
    const country = planQuestion(data, question(units));
    await this.threads.run(memberColumns(data), country, data.members, null).catch(() => undefined);
    const one = question(units.slice(0, 1));
    const plan = planQuestion(data, one);
    const list = scopedMembers(data, plan, plan.scoped);
    await this.threads.run(memberColumns(data), plan, list.length, list).catch(() => undefined);
  }

  /**
   * Registrations, club memberships and badge awards: a binary COPY each (ids as 16 bytes, times
   * as integers: no text parsed, no object per row) into scratch columns, then placed by member.
   */
  private async bulk(client: pg.Client, data: ResidentData): Promise<void> {
    const member = (r: CopyRow) => data.memberWords(r.word(0, 0), r.word(0, 1), r.word(0, 2), r.word(0, 3));
    // the registrations (millions) keep their event and state in one Int32 column of their own
    const regs = new Scratch(1 << 20, 0);
    let v = new Int32Array(1 << 20);
    await copyBinary(client, this.sql.registrations, 3, (r) => {
      const i = regs.add(member(r));
      if (i === v.length) {
        const w = new Int32Array(v.length * 2);
        w.set(v);
        v = w;
      }
      v[i] = (data.eventWords(r.word(1, 0), r.word(1, 1), r.word(1, 2), r.word(1, 3)) << 2) | r.int4(2);
    });
    data.loadRegistrations(regs.member, regs.n, v.subarray(0, regs.n));

    const clubIds = new Map<string, number>();
    const cms = new Scratch(1 << 16, 3);
    await copyBinary(client, this.sql.clubMemberships, 4, (r) => {
      const i = cms.add(member(r));
      const key = r.buf.toString('latin1', r.at[1], r.at[1] + 16);
      let c = clubIds.get(key);
      if (c === undefined) clubIds.set(key, (c = data.club(r.uuid(1))));
      cms.col[0][i] = c;
      cms.col[1][i] = r.int8(2);
      cms.col[2][i] = r.isNull(3) ? Number.NaN : r.int8(3);
    });
    data.clubMemberships.load(data.members, cms.member, cms.n, {
      club: cms.ints(0),
      joined: cms.col[1].subarray(0, cms.n),
      left: cms.col[2].subarray(0, cms.n),
    });

    const badges = new Scratch(1 << 16, 1);
    await copyBinary(client, this.sql.badges, 2, (r) => {
      const i = badges.add(member(r));
      badges.col[0][i] = r.int8(1);
    });
    data.badges.load(data.members, badges.member, badges.n, { at: badges.col[0].subarray(0, badges.n) });
  }

  /**
   * Rebuilds the rows turned around (ByEvent, for regional questions): `now` (tests) whenever the
   * data changed since; else (each poll) once the accounts touched since the last build pass
   * REBUILD_ABOVE_TOUCHED, at most every DERIVE_MS. Until then a regional question lists the
   * touched accounts as well (scopedMembers): exact, a little more work per touched account, and
   * no ~0.1-0.3 s rebuild blocking this thread after every change.
   */
  private derive(now = false): void {
    const data = this.data;
    if (!data || data.byEvent?.version === data.version) return;
    if (!now && (data.touched.size < REBUILD_ABOVE_TOUCHED || Date.now() - this.derivedAt < DERIVE_MS))
      return;
    this.derivedAt = Date.now();
    data.buildByEvent();
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
    const byKind = new Map<string, string[]>();
    for (const k of keys) {
      const list = byKind.get(k[0]) ?? [];
      list.push(k.slice(1));
      byKind.set(k[0], list);
    }
    const ids = (kind: string) => byKind.get(kind) ?? [];
    // every row first, then the changes all at once when no pass is running (a pass on the
    // threads reads the columns: it sees the state before or after, never a mix)
    const clubs = ids('k').length ? (await client.query<ClubRowText>(this.sql.clubs)).rows : null;
    const events = ids('e').length
      ? (await client.query<EventRowText>(`${this.sql.events} WHERE id = ANY($1::uuid[])`, [ids('e')])).rows
      : [];
    const members = ids('m').length
      ? (await client.query<MemberRowText>(`${this.sql.members} WHERE id = ANY($1::uuid[])`, [ids('m')])).rows
      : [];
    const perMember = async <R>(kind: string, sql: string, memberOf: (r: R) => string) => {
      const list = ids(kind);
      const grouped = new Map<string, R[]>(list.map((m) => [m, []]));
      if (!list.length) return grouped;
      const rows = (
        await client.query<R & pg.QueryResultRow>(`${sql} AND member_id = ANY($1::uuid[])`, [list])
      ).rows as R[];
      for (const r of rows) grouped.get(memberOf(r))?.push(r);
      return grouped;
    };
    type RegRow = { member_id: string; event_id: string; st: number };
    const regs = await perMember<RegRow>('r', this.sql.registrations, (r) => r.member_id);
    type CmRow = { member_id: string; club_id: string; joined_us: string; left_us: string | null };
    const cms = await perMember<CmRow>('c', `${this.sql.clubMemberships} WHERE true`, (r) => r.member_id);
    type BadgeRow = { member_id: string; awarded_us: string };
    const badges = await perMember<BadgeRow>(
      'b',
      `SELECT * FROM (${this.sql.badges}) b WHERE true`,
      (r) => r.member_id,
    );

    // no pass running, checked in the same turn as the changes below are made: an `await` of a
    // helper between the check and the changes would let a question start its pass in between
    // (and a rollup built then would stay wrong)
    while (this.passes > 0) await new Promise<void>((resolve) => this.idle.push(resolve));
    if (this.data !== data) return; // loaded afresh meanwhile
    if (keys.length) data.version++;
    // the rollups follow the change (rollups.ts: Rollups.around)
    const change = () => {
      if (clubs) data.setClubs(clubs);
      if (ids('e').length) {
        const found = new Set(events.map((r) => r.id));
        for (const r of events) data.setEvent(r);
        for (const id of ids('e')) if (!found.has(id)) data.dropEvent(id);
      }
      if (ids('m').length) {
        const found = new Set(members.map((r) => r.id));
        for (const r of members) data.setMember(r);
        for (const id of ids('m')) if (!found.has(id)) data.dropMember(id);
      }
      for (const [m, rows] of regs)
        data.setRegistrations(
          data.member(m),
          rows.map((r) => (data.event(r.event_id) << 2) | r.st),
        );
      for (const [id, rows] of cms) {
        const m = data.member(id);
        data.touched.add(m);
        data.clubMemberships.replace(m, {
          club: rows.map((r) => data.club(r.club_id)),
          joined: rows.map((r) => Number(r.joined_us)),
          left: rows.map((r) => (r.left_us === null ? Number.NaN : Number(r.left_us))),
        });
      }
      for (const [id, rows] of badges) {
        const m = data.member(id);
        data.touched.add(m);
        data.badges.replace(m, { at: rows.map((r) => Number(r.awarded_us)) });
      }
    };
    const accountIds = new Set([...regs.keys(), ...cms.keys(), ...badges.keys(), ...ids('m')]);
    if (!this.rollups) change();
    else
      this.rollups.around(
        data,
        { accountIds, eventIds: ids('e'), clubs: clubs !== null, followUpTo: FOLLOW_UP_TO_ACCOUNTS },
        change,
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

/** Rows of a bulk load before they are placed by member: the member and `width` number columns, doubling as needed. */
class Scratch {
  member: Int32Array;
  col: Float64Array[];
  n = 0;

  constructor(size: number, width: number) {
    this.member = new Int32Array(size);
    this.col = Array.from({ length: width }, () => new Float64Array(size));
  }

  /** Column k as 32-bit integers (a copy). */
  ints(k: number): Int32Array {
    return Int32Array.from(this.col[k].subarray(0, this.n));
  }

  /** A new row of `member`; its position. */
  add(member: number): number {
    if (this.n === this.member.length) {
      const m = new Int32Array(this.n * 2);
      m.set(this.member);
      this.member = m;
      this.col = this.col.map((c) => {
        const d = new Float64Array(this.n * 2);
        d.set(c);
        return d;
      });
    }
    this.member[this.n] = member;
    return this.n++;
  }
}

/** A unit's uuid (16 bytes of a binary COPY row) -> its text, remembered (a few hundred units, 500,000 rows). */
class UnitIds {
  private readonly ids = new Map<string, string>();

  get(r: CopyRow): string {
    const key = r.buf.toString('latin1', r.at[1], r.at[1] + 16);
    let id = this.ids.get(key);
    if (id === undefined) this.ids.set(key, (id = r.uuid(1)));
    return id;
  }
}
