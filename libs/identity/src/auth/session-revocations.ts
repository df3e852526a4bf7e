import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@yvc/core';
import { REDIS } from '@yvc/database';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';

/** How often the list is read again even without a reconnect (bounds a lost publish). */
export const REVOCATIONS_RELOAD_MS = 30_000;
/** Kept this long past the access-token lifetime (clock differences between processes). */
const MARGIN_MS = 60_000;

/**
 * The sessions revoked recently enough that an access token issued before the revocation may still
 * be unexpired, held in each API process so that checking a token needs no database read.
 *
 * Every revocation is published on Redis (`<REDIS_PREFIX>:sessions:revoked`, the session ids) after
 * its transaction commits, and every process subscribed adds the ids to its set: the delay is one
 * Redis publish (well under a millisecond here). The process that revokes adds them itself before
 * answering. The set is (re)loaded from `sessions` (revoked_at within the token lifetime) each time
 * the subscription is (re)established, and every REVOCATIONS_RELOAD_MS as a safety net (a process
 * that died between its commit and its publish): that is the worst-case delay. While the
 * subscription is down, or before the first load, `isRevoked` answers `undefined` and the caller
 * reads the database as before (fail closed, never open). Pub/sub starts on first use, so
 * processes that never check tokens (the worker) open no subscriber.
 *
 * Rule for code that ends sessions: revoke through a statement that RETURNs the session ids and
 * pass them to `published()`; a member leaving ACTIVE (withdrawal) must revoke their sessions.
 */
@Injectable()
export class SessionRevocations implements OnApplicationShutdown {
  private readonly log = new Logger(SessionRevocations.name);
  private readonly revoked = new Map<string, number>();
  private readonly channel: string;
  private readonly keepMs: number;
  private subscriber: Redis | null = null;
  private synced = false;
  private reloadTimer: NodeJS.Timeout | null = null;
  private loading: Promise<void> | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.channel = `${config.REDIS_PREFIX}:sessions:revoked`;
    this.keepMs = config.JWT_ACCESS_TTL_SECONDS * 1000 + MARGIN_MS;
  }

  /**
   * true: revoked; false: not revoked (the set is in sync); undefined: not known here right now
   * (subscription down or still loading), read the database.
   */
  isRevoked(sessionId: string): boolean | undefined {
    if (!this.subscriber) this.start();
    if (this.revoked.has(sessionId)) return true;
    return this.synced ? false : undefined;
  }

  /** After the revoking transaction committed: tells this process at once and the others through Redis. */
  async published(sessionIds: readonly string[]): Promise<void> {
    if (!sessionIds.length) return;
    const now = Date.now();
    for (const id of sessionIds) this.revoked.set(id, now);
    try {
      await this.redis.publish(this.channel, JSON.stringify(sessionIds));
    } catch (err) {
      // the others reload within REVOCATIONS_RELOAD_MS; meanwhile their tokens live at most that long
      this.log.warn(`could not publish ${sessionIds.length} revocation(s): ${(err as Error).message}`);
    }
  }

  /** Whether the set is in sync with the database and the channel (for tests and health). */
  get inSync(): boolean {
    return this.synced;
  }

  /** Subscribes (once) and loads; later calls are no-ops. */
  start(): void {
    if (this.subscriber) return;
    const sub = this.redis.duplicate({ maxRetriesPerRequest: null, enableOfflineQueue: true });
    this.subscriber = sub;
    sub.on('message', (channel: string, message: string) => {
      if (channel !== this.channel) return;
      try {
        const ids = JSON.parse(message) as unknown;
        if (!Array.isArray(ids)) return;
        const now = Date.now();
        for (const id of ids) if (typeof id === 'string') this.revoked.set(id, now);
      } catch {
        // not ours: ignore
      }
    });
    // 'ready' comes on the first connection and after every reconnect: subscribe, then load, so
    // that nothing published between the two is missed
    sub.on('ready', () => {
      sub
        .subscribe(this.channel)
        .then(() => this.reload())
        .catch((err: Error) => this.log.warn(`revocations: ${err.message}`));
    });
    for (const event of ['close', 'end', 'reconnecting'] as const) sub.on(event, () => (this.synced = false));
    sub.on('error', () => (this.synced = false));
    this.reloadTimer = setInterval(() => {
      if (sub.status === 'ready') this.reload().catch((err: Error) => this.log.warn(err.message));
    }, REVOCATIONS_RELOAD_MS);
    this.reloadTimer.unref();
  }

  /** Reads the recently revoked sessions from the database and merges them in; drops old entries. */
  reload(): Promise<void> {
    this.loading ??= (async () => {
      try {
        const rows: Array<{ id: string; at: number }> = await this.db.query(
          `SELECT id, (extract(epoch FROM revoked_at) * 1000)::float8 AS at FROM sessions
           WHERE revoked_at > now() - make_interval(secs => $1)`,
          [this.keepMs / 1000],
        );
        for (const r of rows) if (!this.revoked.has(r.id)) this.revoked.set(r.id, Number(r.at));
        const cutoff = Date.now() - this.keepMs;
        for (const [id, at] of this.revoked) if (at < cutoff) this.revoked.delete(id);
        this.synced = this.subscriber?.status === 'ready';
      } finally {
        this.loading = null;
      }
    })();
    return this.loading;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.reloadTimer) clearInterval(this.reloadTimer);
    this.synced = false;
    const sub = this.subscriber;
    this.subscriber = null;
    if (sub) await sub.quit().catch(() => sub.disconnect());
  }
}
