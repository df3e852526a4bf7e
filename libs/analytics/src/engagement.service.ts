import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  APP_CONFIG,
  AppConfig,
  Clock,
  CommonError,
  DomainError,
  FieldProblems,
  REGION_TIME_ZONE,
  localDate,
  parseDateTime,
} from '@yvc/core';
import { REDIS, RateLimit } from '@yvc/database';
import { Actor } from '@yvc/identity';
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import pLimit from 'p-limit';
import { DataSource, QueryRunner } from 'typeorm';
import { DimensionCodes } from './dimension-codes';
import {
  ClubSqlRow,
  Dimension,
  EngagementParts,
  MemberSetRow,
  PerEventRow,
  assemble,
} from './engagement-parts';
import { EngagementIndex, ResidentPass } from './resident/engagement-index';
import { HotQuestions } from './hot-questions';
import { inSharedSnapshot } from './shared-snapshot';
import { EngagementScope, EngagementScopeResolver } from './engagement-scope';
import {
  CLUBS,
  EngagementParams,
  PARTICIPANTS,
  PER_EVENT,
  bind,
  members as membersSql,
} from './engagement.queries';
import { AgeBand, EngagementFilterInput, EngagementReport } from './engagement.types';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** A period longer than this is refused (the month table would be long and the scan pointless). */
const MAX_PERIOD_DAYS = 3660;

interface ParticipantsRow {
  codes: Array<{ code: number; participants: number }>;
  bands: Array<{ band: AgeBand; participants: number; attendances: number }>;
  participants: number;
  returning: number;
  registered_members: number;
  badges: number;
  badged_members: number;
}

/**
 * Per statement: hash aggregates of a national scope stay in memory instead of spilling to disk;
 * the data is cached, so index probes per event or member beat hashing a whole table; JIT
 * compilation costs more than it saves on these statements.
 */
const STATEMENT_SETTINGS = [
  // a report nobody can wait for must not hold two connections and a compute slot for long
  `SET LOCAL statement_timeout = '120s'`,
  `SET LOCAL work_mem = '256MB'`,
  `SET LOCAL random_page_cost = 1.1`,
  `SET LOCAL jit = off`,
];

/** Reports computed at once by one process (each takes two connections of the pool). */
const CONCURRENT_COMPUTES = 2;

/**
 * A refresh round starts no computation after this long and bounds its statements by it, so it
 * ends within its minute (the schedule's period, and the round lock's lifetime).
 */
export const REFRESH_ROUND_MS = 50_000;

/** What a refresh round did; `overlapped`: another round was still running, this one did nothing. */
export interface RefreshRound {
  questions: number;
  computed: number;
  failed: number;
  /** left for the next round: the round's time was up */
  skipped: number;
  overlapped: boolean;
}

interface AnswerOptions {
  /** the account asking: a computation (not a cached answer) counts toward its per-minute limit */
  account?: string;
  /** epoch ms: the statements must be done by then (a refresh round) */
  deadline?: number;
}

/**
 * The engagement of a scope over a period: from this process's resident index (EngagementIndex,
 * every change committed before the question included) when it is loaded, else live from the base
 * tables in one read-only snapshot (four statements on two connections); then cached in Redis for
 * ENGAGEMENT_CACHE_SECONDS per (scope, period).
 */
@Injectable()
export class EngagementService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly clock: Clock,
    private readonly scopes: EngagementScopeResolver,
    private readonly hot: HotQuestions,
    private readonly index: EngagementIndex,
  ) {
    this.computesByAccount = new RateLimit(
      redis,
      config.REDIS_PREFIX,
      'engagement-compute:acct',
      config.ENGAGEMENT_COMPUTES_PER_MINUTE,
      60,
    );
  }

  /** Computations (cache misses) per account and minute: a client cannot queue unbounded work. */
  private readonly computesByAccount: RateLimit;

  /** At most CONCURRENT_COMPUTES reports at a time, so analytics never hold most of the pool. */
  private readonly computing = pLimit(CONCURRENT_COMPUTES);
  /** Cached questions being computed in this process, by cache key. */
  private readonly inFlight = new Map<string, Promise<EngagementReport>>();

  /**
   * The period: [from, to); default from 1 January of this year (Almaty) to the start of the
   * current minute, so every request in one minute asks the same question (and the cache answers
   * it). `live`: `to` was not given (the figures then lag by at most a minute, see report()).
   */
  period(filter: EngagementFilterInput): { from: Date; to: Date; live: boolean } {
    const now = this.clock.now();
    const from = filter.from ?? parseDateTime(`${localDate(now).slice(0, 4)}-01-01T00:00`)!;
    const minute = new Date(Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS);
    const to = filter.to ?? (minute.getTime() > from.getTime() ? minute : now);
    const problems = new FieldProblems();
    if (to.getTime() <= from.getTime()) problems.add('to', 'validation.engagementPeriodOrder');
    else if (to.getTime() - from.getTime() > MAX_PERIOD_DAYS * DAY_MS)
      problems.add('to', 'validation.engagementPeriodTooLong', { years: 10 });
    problems.throwIfAny();
    return { from, to, live: !filter.to };
  }

  /**
   * The caller's report: from the cache, else computed if the caller has computations left this
   * minute (ENGAGEMENT_COMPUTES_PER_MINUTE, else RATE_LIMITED). An up-to-now question that was
   * answered is remembered for refresh-ahead (HotQuestions, capped per account and in all).
   */
  async report(actor: Actor, filter: EngagementFilterInput = {}): Promise<EngagementReport> {
    const { from, to, live } = this.period(filter);
    const scope = await this.scopes.resolve(actor, filter.unitId);
    const report = await this.answer(scope, from, to, live, { account: actor.memberId });
    if (live && this.config.ENGAGEMENT_CACHE_SECONDS > 0)
      await this.hot.remember(actor.memberId, scope, filter.from ?? null, this.clock.now());
    return report;
  }

  /**
   * Refresh-ahead: the up-to-now questions asked in the last ENGAGEMENT_REFRESH_MINUTES (at most
   * ENGAGEMENT_REFRESH_MAX, the latest asked first) are answered again for the new minute (run by
   * the worker at the start of each minute), so an open dashboard finds its answer in the cache
   * instead of waiting for the computation. A round runs only if no other round holds the round
   * lock (else `overlapped`), starts no computation after `budgetMs` and bounds its statements by
   * it, so it is over before the next minute's round; what it did not reach is `skipped` (a
   * dashboard asking for it then computes it on request).
   */
  async refreshHot(budgetMs = REFRESH_ROUND_MS): Promise<RefreshRound> {
    const round: RefreshRound = { questions: 0, computed: 0, failed: 0, skipped: 0, overlapped: false };
    if (this.config.ENGAGEMENT_CACHE_SECONDS <= 0) return round;
    const deadline = Date.now() + budgetMs;
    const lock = await this.hot.claimRound();
    if (!lock) return { ...round, overlapped: true };
    try {
      const questions = await this.hot.recent(this.clock.now());
      round.questions = questions.length;
      for (const [i, q] of questions.entries()) {
        if (Date.now() >= deadline) {
          round.skipped = questions.length - i;
          break;
        }
        // one question that cannot be answered (a period no longer valid, a timeout) spoils no other
        try {
          const { from, to } = this.period({ from: q.from });
          if (await this.redis.exists(this.cacheKey(q.scope, from, to))) continue;
          await this.answer(q.scope, from, to, true, { deadline });
          round.computed += 1;
        } catch {
          round.failed += 1;
        }
      }
    } finally {
      await this.hot.releaseRound(lock);
    }
    return round;
  }

  private cacheKey(scope: EngagementScope, from: Date, to: Date): string {
    return `${this.config.REDIS_PREFIX}:engagement:${createHash('sha256')
      .update(`${scope.key}|${from.toISOString()}|${to.toISOString()}`)
      .digest('base64url')}`;
  }

  /** The answer from the cache, or computed (once per key in this process) and cached. */
  private async answer(
    scope: EngagementScope,
    from: Date,
    to: Date,
    live: boolean,
    opts: AnswerOptions = {},
    retried = false,
  ): Promise<EngagementReport> {
    const ttl = cacheSeconds(this.config.ENGAGEMENT_CACHE_SECONDS, live, to, this.clock.now());
    const key = this.cacheKey(scope, from, to);
    const allowed = () => (opts.account ? this.computesByAccount.consume(opts.account) : Promise.resolve());
    if (ttl <= 0) return allowed().then(() => this.compute(scope, from, to, opts.deadline));
    const hit = await this.redis.get(key);
    if (hit) return revive(JSON.parse(hit) as EngagementReport);
    // the same question asked again while it is being computed waits for that answer, and is not
    // counted: only the one who starts a computation spends one of their computations
    const running = this.inFlight.get(key);
    if (running) {
      // whoever started it had none left: then this caller tries on its own account (once)
      return running.catch((err: unknown) => {
        if (retried || !isRateLimited(err)) throw err;
        return this.answer(scope, from, to, live, opts, true);
      });
    }
    const pending = allowed()
      .then(() => this.compute(scope, from, to, opts.deadline))
      .then(async (report) => {
        await this.redis.set(key, JSON.stringify(report), 'EX', ttl);
        return report;
      })
      .finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, pending);
    return pending;
  }

  /** No cache: from the resident index when it is ready, else live from the tables. */
  async compute(scope: EngagementScope, from: Date, to: Date, deadline?: number): Promise<EngagementReport> {
    return (await this.computeResident(scope, from, to)) ?? this.computeLive(scope, from, to, deadline);
  }

  /**
   * Straight from the tables, no cache: four statements on two connections sharing one REPEATABLE
   * READ snapshot, so the figures agree with each other and the two halves run in parallel.
   */
  async computeLive(
    scope: EngagementScope,
    from: Date,
    to: Date,
    deadline?: number,
  ): Promise<EngagementReport> {
    const now = this.clock.now();
    const params: EngagementParams = {
      from,
      to,
      units: scope.unitIds,
      clubs: scope.clubIds,
      bucketUnits: [...scope.bucketOf.keys()],
      bucketIds: [...scope.bucketOf.values()],
      now,
      tz: REGION_TIME_ZONE,
      lastDay: localDate(new Date(to.getTime() - 1)),
      firstDay: localDate(from),
      election: this.config.NEXT_ELECTION_DATE ?? null,
    };
    const dims = new DimensionCodes<Dimension>();
    const run = async <T>(on: QueryRunner, text: string): Promise<T> => {
      // a refresh round's statements end by its deadline (each one gets what is left of it)
      if (deadline !== undefined)
        await on.query(`SET LOCAL statement_timeout = ${Math.max(1, Math.floor(deadline - Date.now()))}`);
      return on.query(...bind(text, params)) as Promise<T>;
    };
    const [[events, participants], [members, clubs]] = await this.computing(() =>
      inSharedSnapshot(this.db, STATEMENT_SETTINGS, (first, second) =>
        Promise.all([
          (async () => {
            const perEvent = await run<PerEventRow[]>(first, PER_EVENT);
            params.evIds = perEvent.map((e) => e.id);
            params.evB = perEvent.map((e) => dims.code('bucket', e.bucket_id));
            params.evMo = perEvent.map((e) => dims.code('month', e.month));
            params.evC = perEvent.map((e) => dims.code('club', e.club_id));
            params.evK = perEvent.map((e) => dims.code('kind', e.kind));
            return [perEvent, (await run<ParticipantsRow[]>(first, PARTICIPANTS))[0]] as const;
          })(),
          (async () =>
            [
              await run<MemberSetRow[]>(second, membersSql(scope.wholeTree)),
              await run<ClubSqlRow[]>(second, CLUBS),
            ] as const)(),
        ]),
      ),
    );

    const people = dims.counts(participants.codes);
    const parts: EngagementParts = {
      events,
      people: {
        bucket: people.get('bucket') ?? new Map(),
        month: people.get('month') ?? new Map(),
        club: people.get('club') ?? new Map(),
        kind: people.get('kind') ?? new Map(),
      },
      bands: participants.bands,
      participants: participants.participants,
      returning: participants.returning,
      registeredMembers: participants.registered_members,
      badges: participants.badges,
      badgedMembers: participants.badged_members,
      members,
      clubs,
    };
    return assemble(scope, from, to, months(from, to), parts, now);
  }

  /**
   * From the resident index (EngagementIndex) when it is loaded in this process, after reading
   * the change log; null when it is not (the caller then computes live).
   */
  async computeResident(
    scope: EngagementScope,
    from: Date,
    to: Date,
    /** which pass (tests): EngagementIndex.parts */
    pass?: ResidentPass,
  ): Promise<EngagementReport | null> {
    const now = this.clock.now();
    const monthList = months(from, to);
    const parts = await this.index.parts(
      {
        scope,
        from,
        to,
        now,
        firstDay: localDate(from),
        lastDay: localDate(new Date(to.getTime() - 1)),
        election: this.config.NEXT_ELECTION_DATE ?? null,
        months: monthList,
      },
      pass,
    );
    if (!parts) return null;
    return assemble(scope, from, to, monthList, parts, now);
  }
}

/**
 * How long an answer is cached: ENGAGEMENT_CACHE_SECONDS, but a period up to "now" (`live`, ending
 * at the start of this minute) only until that minute ends, so what it leaves out (events starting
 * this minute, changes since it was computed) is never more than a minute old. 0: do not cache.
 */
export function cacheSeconds(configured: number, live: boolean, to: Date, now: Date): number {
  if (!live) return configured;
  return Math.max(0, Math.min(configured, Math.floor((to.getTime() + MINUTE_MS - now.getTime()) / 1000)));
}

/** The months (YYYY-MM, Almaty) that the period touches. */
export function months(from: Date, to: Date): string[] {
  const first = localDate(from).slice(0, 7);
  const last = localDate(new Date(to.getTime() - 1)).slice(0, 7);
  const out: string[] = [];
  let [y, mo] = first.split('-').map(Number);
  for (;;) {
    const m = `${y}-${String(mo).padStart(2, '0')}`;
    out.push(m);
    if (m >= last) return out;
    mo += 1;
    if (mo > 12) [y, mo] = [y + 1, 1];
  }
}

function isRateLimited(err: unknown): boolean {
  return err instanceof DomainError && (err.reason as CommonError) === CommonError.RATE_LIMITED;
}

function revive(r: EngagementReport): EngagementReport {
  return {
    ...r,
    from: new Date(r.from),
    to: new Date(r.to),
    computedAt: new Date(r.computedAt),
    byClub: r.byClub.map((c) => ({
      ...c,
      archivedAt: c.archivedAt === null ? null : new Date(c.archivedAt),
    })),
  };
}
