import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, rateLimited } from '@yvc/core';
import { REDIS, RateLimit, emailKey } from '@yvc/database';
import type Redis from 'ioredis';

/**
 * Failed logins are counted in Redis per (account, IP), per account and per IP, each in a window
 * that simply expires: an attacker can slow a real user down for one window at most, never lock
 * them out for good. A success clears the (account, IP) counter.
 */
@Injectable()
export class LoginThrottle {
  private readonly byAccountIp: RateLimit;
  private readonly byAccount: RateLimit;
  private readonly byIp: RateLimit;

  constructor(@Inject(REDIS) redis: Redis, @Inject(APP_CONFIG) config: AppConfig) {
    const make = (name: string, points: number) =>
      new RateLimit(redis, config.REDIS_PREFIX, `login:${name}`, points, config.LOGIN_FAILURE_WINDOW_SECONDS);
    this.byAccountIp = make('acct-ip', config.LOGIN_MAX_FAILURES_PER_ACCOUNT_IP);
    this.byAccount = make('acct', config.LOGIN_MAX_FAILURES_PER_ACCOUNT);
    this.byIp = make('ip', config.LOGIN_MAX_FAILURES_PER_IP);
  }

  /** Throws RATE_LIMITED (with retry-after) when any counter is used up. */
  async assertAllowed(email: string, ip: string): Promise<void> {
    const keys = this.keys(email, ip);
    const blocked = await Promise.all([
      this.byAccountIp.blockedMs(keys.accountIp),
      this.byAccount.blockedMs(keys.account),
      this.byIp.blockedMs(keys.ip),
    ]);
    const ms = Math.max(...blocked);
    if (ms > 0) throw rateLimited(ms / 1000);
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    const keys = this.keys(email, ip);
    await Promise.all([
      this.byAccountIp.penalty(keys.accountIp),
      this.byAccount.penalty(keys.account),
      this.byIp.penalty(keys.ip),
    ]);
  }

  async recordSuccess(email: string, ip: string): Promise<void> {
    await this.byAccountIp.reset(this.keys(email, ip).accountIp);
  }

  /** Emails are hashed so no address sits in Redis in clear. */
  private keys(email: string, ip: string) {
    const account = emailKey(email);
    return { accountIp: `${account}:${ip}`, account, ip };
  }
}
