import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OutboxKind, returnedRows, writeOutbox } from '@yvc/database';
import { DataSource } from 'typeorm';
import { MemberStatus } from '../members/member.entity';
import { MembersService } from '../members/members.service';
import { SessionRevocations } from '../auth/session-revocations';

export const ANONYMISED_NAME = '—';

/** A member's rights over their data: a full export, and withdrawal of consent (anonymisation). */
@Injectable()
export class PrivacyService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly members: MembersService,
    private readonly revocations: SessionRevocations,
  ) {}

  /** Everything we hold about the member, IIN included (it is theirs), as plain JSON. */
  async exportData(memberId: string): Promise<Record<string, unknown>> {
    const member = await this.members.get(memberId);
    const iin = await this.members.revealIin(memberId);
    const q = (sql: string) => this.db.query(sql, [memberId]);
    const [unit, clubs, consents, sessions, assignments] = await Promise.all([
      member.unitId
        ? this.db.query(`SELECT code, name_kk, name_ru, name_en FROM units WHERE id = $1`, [member.unitId])
        : [],
      q(`SELECT c.id AS "clubId", c.name, c.institution, cm.joined_at AS "joinedAt", cm.left_at AS "leftAt"
         FROM club_memberships cm JOIN clubs c ON c.id = cm.club_id WHERE cm.member_id = $1 ORDER BY cm.joined_at`),
      q(`SELECT text_version AS "textVersion", given_by AS "givenBy", guardian_name AS "guardianName",
                guardian_phone AS "guardianPhone", given_at AS "givenAt", withdrawn_at AS "withdrawnAt"
         FROM consents WHERE member_id = $1 ORDER BY given_at`),
      q(`SELECT id, created_at AS "createdAt", revoked_at AS "revokedAt", revoked_reason AS "revokedReason"
         FROM sessions WHERE member_id = $1 ORDER BY created_at`),
      q(`SELECT unit_id AS "unitId", club_id AS "clubId", created_at AS "createdAt"
         FROM staff_assignments WHERE member_id = $1`),
    ]);
    return {
      exportedAt: new Date().toISOString(),
      member: {
        id: member.id,
        fullName: member.fullName,
        email: member.email,
        phone: member.phone,
        birthDate: member.birthDate,
        iin,
        role: member.role,
        locale: member.locale,
        timeZone: member.timeZone,
        emailOptIn: member.emailOptIn,
        smsOptIn: member.smsOptIn,
        emailVerifiedAt: member.emailVerifiedAt,
        membershipNumber: member.membershipNumber,
        joinedAt: member.joinedAt,
        status: member.status,
        homeUnit: unit[0] ?? null,
      },
      clubs,
      consents,
      sessions,
      staffAssignments: assignments,
    };
  }

  /**
   * Withdraws consent, in one transaction: erases name, contacts, IIN, password and guardian
   * details, ends every session, deletes pending account tokens (reset and address-check links),
   * ends club memberships and staff roles, and writes a CONSENT_WITHDRAWN outbox row. Everything
   * other domains hold (seats, notifications, certificates, badges, the calendar feed) follows from
   * that row in the worker, so a crash after the commit still ends with all of it done. The row,
   * its birth date, unit, membership number and join date stay, so counts over past periods do
   * not change. A second call (two at once: the row lock orders them) changes nothing.
   */
  async withdrawConsent(memberId: string): Promise<void> {
    const revoked = await this.db.transaction(async (em): Promise<Array<{ id: string }>> => {
      const [member]: Array<{ status: MemberStatus }> = await em.query(
        `SELECT status FROM members WHERE id = $1 FOR UPDATE`,
        [memberId],
      );
      if (!member || member.status === MemberStatus.WITHDRAWN) return [];
      await em.query(
        `UPDATE members SET full_name = $2, email = NULL, phone = NULL, iin_ciphertext = NULL, iin_hash = NULL,
           password_hash = NULL, status = $3, anonymized_at = now(), updated_at = now()
         WHERE id = $1`,
        [memberId, ANONYMISED_NAME, MemberStatus.WITHDRAWN],
      );
      await em.query(
        `UPDATE consents SET withdrawn_at = coalesce(withdrawn_at, now()), guardian_name = NULL, guardian_phone = NULL
         WHERE member_id = $1`,
        [memberId],
      );
      const sessions = returnedRows<{ id: string }>(
        await em.query(
          `UPDATE sessions SET revoked_at = now(), revoked_reason = 'WITHDRAWN' WHERE member_id = $1 AND revoked_at IS NULL RETURNING id`,
          [memberId],
        ),
      );
      await em.query(`DELETE FROM account_tokens WHERE member_id = $1`, [memberId]);
      await em.query(`UPDATE club_memberships SET left_at = now() WHERE member_id = $1 AND left_at IS NULL`, [
        memberId,
      ]);
      await em.query(`DELETE FROM staff_assignments WHERE member_id = $1`, [memberId]);
      await writeOutbox(em, [{ kind: OutboxKind.CONSENT_WITHDRAWN, memberId }]);
      return sessions;
    });
    await this.revocations.published(revoked.map((r) => r.id));
  }
}
