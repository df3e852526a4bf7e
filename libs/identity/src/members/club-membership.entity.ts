import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Club } from '@yvc/org';
import { Member } from './member.entity';

/** A member's time in a club; leaving sets left_at, so history (and statistics) survive. */
@Entity('club_memberships')
@Index('club_memberships_active_key', ['memberId', 'clubId'], { unique: true, where: '"left_at" IS NULL' })
@Index('club_memberships_club_active_idx', ['clubId'], { where: '"left_at" IS NULL' })
export class ClubMembership {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'member_id', type: 'uuid' })
  memberId: string;

  @ManyToOne(() => Member, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'member_id', foreignKeyConstraintName: 'club_memberships_member_id_fk' })
  member?: Member;

  @Column({ name: 'club_id', type: 'uuid' })
  clubId: string;

  @ManyToOne(() => Club, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'club_id', foreignKeyConstraintName: 'club_memberships_club_id_fk' })
  club?: Club;

  @Column({ name: 'joined_at', type: 'timestamptz', default: () => 'now()' })
  joinedAt: Date;

  @Column({ name: 'left_at', type: 'timestamptz', nullable: true })
  leftAt: Date | null;
}
