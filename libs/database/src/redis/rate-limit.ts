import { canonicalEmail, rateLimited, sha256Hex } from '@yvc/core';
import type Redis from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * One counter per key in Redis (`${REDIS_PREFIX}:${name}:${key}`), in a window that simply
 * expires: the building block of every throttle (logins, sign-ups, password resets, certificate
 * checks). Past the limit it throws RATE_LIMITED with the seconds until the window ends.
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

  /** Milliseconds until the key may be used again; 0 while it has uses left. Counts nothing. */
  async blockedMs(key: string): Promise<number> {
    const state = await this.limiter.get(key || 'unknown');
    return state && state.consumedPoints >= this.points ? state.msBeforeNext : 0;
  }

  /** Counts one use without throwing (for counting failures after the fact). */
  async penalty(key: string): Promise<void> {
    await this.limiter.penalty(key || 'unknown', 1).catch((e: unknown) => {
      if (!(e instanceof RateLimiterRes)) throw e;
    });
  }

  async reset(key: string): Promise<void> {
    await this.limiter.delete(key || 'unknown');
  }
}

/** The key for an email address: hashed, so no address sits in Redis (or a log) in clear. */
export function emailKey(email: string): string {
  return sha256Hex(canonicalEmail(email ?? '')).slice(0, 32);
}
