import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@yvc/core';
import { REDIS } from '@yvc/database';
import { createHash, randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { EngagementScope } from './engagement-scope';

/** An up-to-now engagement question someone asked recently: its scope and its `from` (null: the default). */
export interface HotQuestion {
  scope: EngagementScope;
  from: Date | null;
}

interface Stored {
  scope: Omit<EngagementScope, 'bucketOf'> & { bucketOf: Array<[string, string]> };
  from: string | null;
}

/** How long a refresh round may hold the round lock: one minute, the schedule's period. */
const ROUND_LOCK_MS = 60_000;

/**
 * Lua, so each change is atomic. The account's set is named inside the script from ARGV[1] (a
 * single Redis, as everywhere here; a cluster would need the keys passed in).
 * Drops an entry `<account>|<question>` from the three places it lives. Entries older than the
 * window go first, then the least recently asked past the account's cap, then past the total cap.
 */
const DROP = `
local function drop(entry)
  local sep = string.find(entry, '|', 1, true)
  redis.call('ZREM', KEYS[1], entry)
  redis.call('HDEL', KEYS[2], entry)
  redis.call('ZREM', ARGV[1] .. string.sub(entry, 1, sep - 1), string.sub(entry, sep + 1))
end
local function forgetOld(now, window)
  for _, entry in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now - window)) do drop(entry) end
end
`;

/**
 * KEYS: hot (zset entry -> last asked ms), questions (hash entry -> JSON), the account's zset
 * (question -> last asked ms). ARGV: account key prefix, now, window ms, per account, total,
 * account, question id, JSON.
 */
const REMEMBER = `${DROP}
local now, window = tonumber(ARGV[2]), tonumber(ARGV[3])
local perAccount, total = tonumber(ARGV[4]), tonumber(ARGV[5])
local account, question = ARGV[6], ARGV[7]
forgetOld(now, window)
local entry = account .. '|' .. question
redis.call('ZADD', KEYS[1], now, entry)
redis.call('HSET', KEYS[2], entry, ARGV[8])
redis.call('ZADD', KEYS[3], now, question)
redis.call('PEXPIRE', KEYS[3], window)
local over = redis.call('ZCARD', KEYS[3]) - perAccount
if over > 0 then
  for _, q in ipairs(redis.call('ZRANGE', KEYS[3], 0, over - 1)) do drop(account .. '|' .. q) end
end
over = redis.call('ZCARD', KEYS[1]) - total
if over > 0 then
  for _, e in ipairs(redis.call('ZRANGE', KEYS[1], 0, over - 1)) do drop(e) end
end
return 1
`;

/** KEYS: hot, questions. ARGV: account key prefix, now, window ms, total. The JSON, latest asked first. */
const RECENT = `${DROP}
forgetOld(tonumber(ARGV[2]), tonumber(ARGV[3]))
local entries = redis.call('ZREVRANGE', KEYS[1], 0, tonumber(ARGV[4]) - 1)
if #entries == 0 then return {} end
return redis.call('HMGET', KEYS[2], unpack(entries))
`;

/** Deletes the round lock only if it is still ours. */
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

/**
 * The up-to-now questions (no `to`) asked in the last ENGAGEMENT_REFRESH_MINUTES, which the worker
 * answers again at the start of every minute. Bounded: at most ENGAGEMENT_REFRESH_PER_ACCOUNT per
 * account and ENGAGEMENT_REFRESH_MAX in all; past a cap the least recently asked question is
 * dropped (what someone looks at now is what is worth refreshing; one account can hold at most its
 * own share). Kept in Redis and changed only by Lua scripts, so concurrent askers cannot exceed a
 * cap: a sorted set `hot` of `<account>|<question>` by last asked time, a hash of their scope and
 * `from`, and one sorted set per account.
 */
@Injectable()
export class HotQuestions {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get windowMs(): number {
    return this.config.ENGAGEMENT_REFRESH_MINUTES * 60_000;
  }

  private key(suffix: string): string {
    return `${this.config.REDIS_PREFIX}:engagement:${suffix}`;
  }

  /** Notes that `account` asked about `scope` up to now (refreshed every time it is asked). */
  async remember(account: string, scope: EngagementScope, from: Date | null, now: Date): Promise<void> {
    if (this.windowMs <= 0) return;
    const id = createHash('sha256')
      .update(`${scope.key}|${from?.toISOString() ?? 'default'}`)
      .digest('base64url');
    const stored: Stored = {
      scope: { ...scope, bucketOf: [...scope.bucketOf] },
      from: from?.toISOString() ?? null,
    };
    await this.redis.eval(
      REMEMBER,
      3,
      this.key('hot'),
      this.key('hot:questions'),
      this.key(`hot:acct:${account}`),
      this.key('hot:acct:'),
      now.getTime(),
      this.windowMs,
      this.config.ENGAGEMENT_REFRESH_PER_ACCOUNT,
      this.config.ENGAGEMENT_REFRESH_MAX,
      account,
      id,
      JSON.stringify(stored),
    );
  }

  /**
   * The questions asked within the window, the latest asked first, at most ENGAGEMENT_REFRESH_MAX;
   * one asked by several accounts comes once.
   */
  async recent(now: Date): Promise<HotQuestion[]> {
    if (this.windowMs <= 0) return [];
    const values = (await this.redis.eval(
      RECENT,
      2,
      this.key('hot'),
      this.key('hot:questions'),
      this.key('hot:acct:'),
      now.getTime(),
      this.windowMs,
      this.config.ENGAGEMENT_REFRESH_MAX,
    )) as Array<string | null>;
    const seen = new Set<string>();
    return values.flatMap((v) => {
      if (!v) return [];
      const s = JSON.parse(v) as Stored;
      const same = `${s.scope.key}|${s.from ?? ''}`;
      if (seen.has(same)) return [];
      seen.add(same);
      return [
        {
          scope: { ...s.scope, bucketOf: new Map(s.scope.bucketOf) },
          from: s.from ? new Date(s.from) : null,
        },
      ];
    });
  }

  /**
   * One refresh round at a time, across workers: a token while the lock is ours (it lapses after a
   * minute on its own), null when another round holds it.
   */
  async claimRound(): Promise<string | null> {
    const token = randomUUID();
    const ok = await this.redis.set(this.key('refresh-round'), token, 'PX', ROUND_LOCK_MS, 'NX');
    return ok ? token : null;
  }

  async releaseRound(token: string): Promise<void> {
    await this.redis.eval(RELEASE, 1, this.key('refresh-round'), token);
  }
}
