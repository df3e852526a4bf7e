import { canonicalEmail, rateLimited, sha256Hex } from '@yvc/core';
import type Redis from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * One counter per key in Redis (`${REDIS_PREFIX}:${name}:${key}`), in a window that simply
 * expires: the building block of every throttle (logins, sign-ups, password resets, certificate
 * checks). A use is reserved before the work it guards (one atomic increment that returns the
 * new count), so attempts arriving together never get past the limit; past it, RATE_LIMITED with
 * the seconds until the window ends.
 */
export class RateLimit {
  private readonly limiter: RateLimiterRedis;

  constructor(
    redis: Redis,
    redisPrefix: string,
    name: string,
    readonly points: number,
    durationSeconds: number,
  ) {
    this.limiter = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${redisPrefix}:${name}`,
      points,
      duration: durationSeconds,
    });
  }

  /** Counts one use; throws RATE_LIMITED (with retry-after) past the limit. */
  async consume(key: string): Promise<void> {
    try {
      await this.limiter.consume(key || 'unknown');
    } catch (e) {
      if (e instanceof RateLimiterRes) throw rateLimited(e.msBeforeNext / 1000);
      throw e;
    }
  }

  /** Gives back one use taken by `consume` (the attempt turned out not to count). */
  async refund(key: string): Promise<void> {
    await this.limiter.reward(key || 'unknown', 1);
  }

  async reset(key: string): Promise<void> {
    await this.limiter.delete(key || 'unknown');
  }
}

/**
 * Counts one use on each (limit, key) in turn. When one is used up, the uses already taken are
 * given back (the attempt did not happen) and RATE_LIMITED is thrown; so an attempt stopped by one
 * counter does not eat into the others.
 */
export async function consumeAll(uses: ReadonlyArray<readonly [RateLimit, string]>): Promise<void> {
  for (let i = 0; i < uses.length; i++) {
    try {
      await uses[i][0].consume(uses[i][1]);
    } catch (e) {
      await Promise.all(uses.slice(0, i).map(([limit, key]) => limit.refund(key)));
      throw e;
    }
  }
}

/** The key for an email address: hashed, so no address sits in Redis (or a log) in clear. */
export function emailKey(email: string): string {
  return sha256Hex(canonicalEmail(email ?? '')).slice(0, 32);
}
