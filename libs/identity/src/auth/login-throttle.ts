import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, rateLimited, sha256Hex } from '@yvc/core';
import { REDIS } from '@yvc/database';
import type Redis from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * Failed logins are counted in Redis per (account, IP), per account and per IP, each in a window
 * that simply expires: an attacker can slow a real user down for one window at most, never lock
 * them out for good. A success clears the (account, IP) counter.
 */
@Injectable()
export class LoginThrottle {
  private readonly byAccountIp: RateLimiterRedis;
  private readonly byAccount: RateLimiterRedis;
  private readonly byIp: RateLimiterRedis;

  constructor(@Inject(REDIS) redis: Redis, @Inject(APP_CONFIG) config: AppConfig) {
    const duration = config.LOGIN_FAILURE_WINDOW_SECONDS;
    const make = (name: string, points: number) =>
      new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `${config.REDIS_PREFIX}:login:${name}`,
        points,
        duration,
      });
    this.byAccountIp = make('acct-ip', config.LOGIN_MAX_FAILURES_PER_ACCOUNT_IP);
    this.byAccount = make('acct', config.LOGIN_MAX_FAILURES_PER_ACCOUNT);
    this.byIp = make('ip', config.LOGIN_MAX_FAILURES_PER_IP);
  }

  /** Throws RATE_LIMITED (with retry-after) when any counter is used up. */
  async assertAllowed(email: string, ip: string): Promise<void> {
    const keys = this.keys(email, ip);
    const states = await Promise.all([
      this.byAccountIp.get(keys.accountIp),
      this.byAccount.get(keys.account),
      this.byIp.get(keys.ip),
    ]);
    const limits = [this.byAccountIp.points, this.byAccount.points, this.byIp.points];
    const blocked = states
      .map((s, i) => (s && s.consumedPoints >= limits[i] ? s.msBeforeNext : 0))
      .reduce((a, b) => Math.max(a, b), 0);
    if (blocked > 0) throw rateLimited(blocked / 1000);
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    const keys = this.keys(email, ip);
    await Promise.all([
      this.byAccountIp.penalty(keys.accountIp, 1),
      this.byAccount.penalty(keys.account, 1),
      this.byIp.penalty(keys.ip, 1),
    ]).catch((e: unknown) => {
      if (!(e instanceof RateLimiterRes)) throw e;
    });
  }

  async recordSuccess(email: string, ip: string): Promise<void> {
    await this.byAccountIp.delete(this.keys(email, ip).accountIp);
  }

  /** Emails are hashed so no address sits in Redis in clear. */
  private keys(email: string, ip: string) {
    const account = sha256Hex(email.trim().toLowerCase()).slice(0, 32);
    return { accountIp: `${account}:${ip}`, account, ip };
  }
}
