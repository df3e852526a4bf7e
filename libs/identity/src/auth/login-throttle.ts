import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@yvc/core';
import { REDIS, RateLimit, consumeAll, emailKey } from '@yvc/database';
import type Redis from 'ioredis';

/**
 * Login attempts are counted in Redis per (account, IP), per account and per IP, each in a window
 * that simply expires: an attacker can slow a real user down for one window at most, never lock
 * them out for good. Every attempt is reserved on all three counters before the password is
 * checked, so a burst sent at once gets no more checks than the limits allow; a right password
 * clears the (account, IP) counter and gives its use back to the other two (only failures count).
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

  /** Counts one attempt on every counter; throws RATE_LIMITED (with retry-after) when one is used up. */
  async reserve(email: string, ip: string): Promise<void> {
    const keys = this.keys(email, ip);
    await consumeAll([
      [this.byAccountIp, keys.accountIp],
      [this.byAccount, keys.account],
      [this.byIp, keys.ip],
    ]);
  }

  /** After a reserved attempt with the right password. */
  async succeeded(email: string, ip: string): Promise<void> {
    const keys = this.keys(email, ip);
    await Promise.all([
      this.byAccountIp.reset(keys.accountIp),
      this.byAccount.refund(keys.account),
      this.byIp.refund(keys.ip),
    ]);
  }

  /** Emails are hashed so no address sits in Redis in clear. */
  private keys(email: string, ip: string) {
    const account = emailKey(email);
    return { accountIp: `${account}:${ip}`, account, ip };
  }
}
