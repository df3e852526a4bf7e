import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Club, Unit } from '@yvc/org';
import { Member } from '../members/member.entity';

/** What a COORDINATOR or COMMISSION account is responsible for: one club or one unit (with its subtree). */
@Entity('staff_assignments')
@Check('staff_assignments_one_target_chk', `num_nonnulls("unit_id", "club_id") = 1`)
@Index('staff_assignments_unit_key', ['memberId', 'unitId'], { unique: true, where: '"unit_id" IS NOT NULL' })
@Index('staff_assignments_club_key', ['memberId', 'clubId'], { unique: true, where: '"club_id" IS NOT NULL' })
export class StaffAssignment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'member_id', type: 'uuid' })
  memberId: string;

  @ManyToOne(() => Member, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'member_id', foreignKeyConstraintName: 'staff_assignments_member_id_fk' })
  member?: Member;

  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId: string | null;

  @ManyToOne(() => Unit, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'staff_assignments_unit_id_fk' })
  unit?: Unit;

  @Index('staff_assignments_club_id_idx')
  @Column({ name: 'club_id', type: 'uuid', nullable: true })
  clubId: string | null;

  @ManyToOne(() => Club, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'club_id', foreignKeyConstraintName: 'staff_assignments_club_id_fk' })
  club?: Club;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
