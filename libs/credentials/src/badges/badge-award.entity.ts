import { Member } from '@yvc/identity';
import { Column, Entity, Generated, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { BadgeClass } from './badge-class.entity';

/**
 * A badge held by a member, with its signed Open Badges 3.0 credential. One per (member, badge):
 * awarding is INSERT … ON CONFLICT DO NOTHING, so it is idempotent and safe under races.
 * `status_index` is the award's bit in the revocation status list (/credentials/status/1).
 */
@Entity('badge_awards')
@Index('badge_awards_member_badge_key', ['memberId', 'badgeClassId'], { unique: true })
export class BadgeAward {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'member_id', type: 'uuid' })
  memberId: string;

  @ManyToOne(() => Member, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'member_id', foreignKeyConstraintName: 'badge_awards_member_id_fk' })
  member?: Member;

  @Index('badge_awards_badge_class_id_idx')
  @Column({ name: 'badge_class_id', type: 'uuid' })
  badgeClassId: string;

  @ManyToOne(() => BadgeClass, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'badge_class_id', foreignKeyConstraintName: 'badge_awards_badge_class_id_fk' })
  badgeClass?: BadgeClass;

  @Column({ name: 'awarded_at', type: 'timestamptz', default: () => 'now()' })
  awardedAt: Date;

  /** the staff member who awarded a manual badge; null when earned by a rule */
  @Column({ name: 'awarded_by', type: 'uuid', nullable: true })
  awardedBy: string | null;

  @Column({ type: 'jsonb', nullable: true })
  reason: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  evidence: Record<string, unknown> | null;

  @Column({ name: 'status_index', type: 'int', unique: true })
  @Generated('increment')
  statusIndex: number;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revoked_reason', type: 'varchar', length: 500, nullable: true })
  revokedReason: string | null;

  /** the compact VC-JWT (EdDSA); written in the transaction that makes the award; null once erased */
  @Column({ type: 'text', nullable: true })
  credential: string | null;

  /**
   * When the holder's withdrawal of consent erased it (revoked, credential and evidence dropped).
   * Such an award still counts in aggregate statistics: it was earned.
   */
  @Column({ name: 'erased_at', type: 'timestamptz', nullable: true })
  erasedAt: Date | null;
}
