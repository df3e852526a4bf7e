import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@yvc/core';
import { REDIS, RateLimit, consumeAll, emailKey } from '@yvc/database';
import type Redis from 'ioredis';

const HOUR = 3600;

/**
 * Public account mutations, counted per attempt in one-hour windows that expire on their own:
 * sign-ups per IP (account spam), reset emails per address and per IP (email bombing), reset
 * confirmations per IP (token guessing); wrong current passwords in `changePassword` per account
 * (a stolen session guessing the password). Addresses are hashed; the per-address counter applies to
 * any string, account or not, so hitting it reveals nothing.
 */
@Injectable()
export class AccountThrottle {
  private readonly signUpByIp: RateLimit;
  private readonly resetByAddress: RateLimit;
  private readonly resetByIp: RateLimit;
  private readonly resetConfirmByIp: RateLimit;
  private readonly passwordChangeByAccount: RateLimit;

  constructor(@Inject(REDIS) redis: Redis, @Inject(APP_CONFIG) config: AppConfig) {
    const make = (name: string, points: number) =>
      new RateLimit(redis, config.REDIS_PREFIX, name, points, HOUR);
    this.signUpByIp = make('sign-up:ip', config.SIGN_UP_PER_IP_PER_HOUR);
    this.resetByAddress = make('password-reset:acct', config.PASSWORD_RESET_PER_ADDRESS_PER_HOUR);
    this.resetByIp = make('password-reset:ip', config.PASSWORD_RESET_PER_IP_PER_HOUR);
    this.resetConfirmByIp = make('password-reset-confirm:ip', config.PASSWORD_RESET_CONFIRM_PER_IP_PER_HOUR);
    this.passwordChangeByAccount = make(
      'password-change:acct',
      config.PASSWORD_CHANGE_FAILURES_PER_ACCOUNT_PER_HOUR,
    );
  }

  /** Counts one sign-up attempt; throws RATE_LIMITED past the limit. */
  signUp(ip: string): Promise<void> {
    return this.signUpByIp.consume(ip);
  }

  /** Counts one reset request (the IP first, then the address); throws RATE_LIMITED past either limit. */
  passwordResetRequest(email: string, ip: string): Promise<void> {
    return consumeAll([
      [this.resetByIp, ip],
      [this.resetByAddress, emailKey(email)],
    ]);
  }

  /** Counts one attempt to set a password with a reset token; throws RATE_LIMITED past the limit. */
  passwordResetConfirm(ip: string): Promise<void> {
    return this.resetConfirmByIp.consume(ip);
  }

  /** Counts one attempt to change the password, before the current one is checked; throws RATE_LIMITED past the limit. */
  passwordChange(memberId: string): Promise<void> {
    return this.passwordChangeByAccount.consume(memberId);
  }

  /** The current password was right: that attempt does not count. */
  passwordChangeSucceeded(memberId: string): Promise<void> {
    return this.passwordChangeByAccount.refund(memberId);
  }
}
