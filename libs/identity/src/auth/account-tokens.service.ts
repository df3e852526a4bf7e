import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FieldProblems, canonicalEmail, randomToken, sha256Hex } from '@yvc/core';
import { OutboxKind, returnedRows, writeOutbox } from '@yvc/database';
import { DataSource } from 'typeorm';
import { checkPassword } from '../rules/person.rules';
import { SessionRevocations } from './session-revocations';
import { AccountThrottle } from './account-throttle';
import { PasswordHasher } from './password-hasher';

const TTL_MINUTES = { PASSWORD_RESET: 60, EMAIL_VERIFICATION: 7 * 24 * 60 } as const;
export type AccountTokenKind = keyof typeof TTL_MINUTES;

/**
 * Password reset and email check by emailed link. Tokens are single use (a conditional UPDATE on
 * used_at), stored as SHA-256, and the reset expires in an hour. Asking for a reset answers the
 * same whether or not the address exists.
 */
@Injectable()
export class AccountTokensService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly throttle: AccountThrottle,
    private readonly revocations: SessionRevocations,
  ) {}

  /** A fresh token for a link; called when the email is rendered (the raw token is never stored). */
  async issue(memberId: string, purpose: AccountTokenKind): Promise<string> {
    const token = randomToken(32);
    await this.db.query(
      `INSERT INTO account_tokens (member_id, purpose, token_hash, expires_at) VALUES ($1, $2, $3, now() + make_interval(mins => $4))`,
      [memberId, purpose, sha256Hex(token), TTL_MINUTES[purpose]],
    );
    return token;
  }

  /**
   * Queues a reset email when the address belongs to an active account; says nothing either way.
   * Throttled per address and per IP before the lookup (RATE_LIMITED alike for any address).
   */
  async requestPasswordReset(email: string, ip: string): Promise<void> {
    await this.throttle.passwordResetRequest(email ?? '', ip);
    const [member] = await this.db.query(`SELECT id FROM members WHERE email = $1 AND status = 'ACTIVE'`, [
      canonicalEmail(email ?? ''),
    ]);
    if (!member) return;
    await this.db.transaction((em) =>
      writeOutbox(em, [{ kind: OutboxKind.PASSWORD_RESET, memberId: member.id }]),
    );
  }

  /** Sets a new password with a reset token (once); ends every session of the account. Throttled per IP. */
  async resetPassword(token: string, newPassword: string, ip: string): Promise<boolean> {
    await this.throttle.passwordResetConfirm(ip);
    const problems = new FieldProblems();
    checkPassword(newPassword ?? '', problems, 'newPassword');
    problems.throwIfAny();
    const hash = await this.hasher.hash(newPassword);
    const revoked = await this.db.transaction(async (em) => {
      const [used] = returnedRows<{ member_id: string }>(
        await em.query(
          `UPDATE account_tokens SET used_at = now() WHERE token_hash = $1 AND purpose = 'PASSWORD_RESET'
             AND used_at IS NULL AND expires_at > now() RETURNING member_id`,
          [sha256Hex(token ?? '')],
        ),
      );
      if (!used) problems.add('token', 'validation.linkExpired').throwIfAny();
      await em.query(
        `UPDATE members SET password_hash = $2, updated_at = now() WHERE id = $1 AND status = 'ACTIVE'`,
        [used.member_id, hash],
      );
      return returnedRows<{ id: string }>(
        await em.query(
          `UPDATE sessions SET revoked_at = now(), revoked_reason = 'PASSWORD_RESET' WHERE member_id = $1 AND revoked_at IS NULL RETURNING id`,
          [used.member_id],
        ),
      );
    });
    await this.revocations.published(revoked.map((r) => r.id));
    return true;
  }

  /** Confirms the email address with a verification token (once). */
  async verifyEmail(token: string): Promise<boolean> {
    const [used] = returnedRows<{ member_id: string }>(
      await this.db.query(
        `UPDATE account_tokens SET used_at = now() WHERE token_hash = $1 AND purpose = 'EMAIL_VERIFICATION'
           AND used_at IS NULL AND expires_at > now() RETURNING member_id`,
        [sha256Hex(token ?? '')],
      ),
    );
    if (!used) return false;
    await this.db.query(
      `UPDATE members SET email_verified_at = coalesce(email_verified_at, now()) WHERE id = $1`,
      [used.member_id],
    );
    return true;
  }
}
