import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Member } from '@yvc/identity';
import { Event } from '../events/event.entity';

export enum RegistrationStatus {
  REGISTERED = 'REGISTERED',
  WAITLISTED = 'WAITLISTED',
  CANCELLED = 'CANCELLED',
  ATTENDED = 'ATTENDED',
  NO_SHOW = 'NO_SHOW',
}

export enum CheckInMethod {
  QR = 'QR',
  OFFLINE_SYNC = 'OFFLINE_SYNC',
  WALK_IN = 'WALK_IN',
}

/** Statuses that hold a member's place at an event; at most one such row per member and event. */
export const ACTIVE_STATUSES = [
  RegistrationStatus.REGISTERED,
  RegistrationStatus.WAITLISTED,
  RegistrationStatus.ATTENDED,
];

@Entity('registrations')
@Index('registrations_active_key', ['eventId', 'memberId'], {
  unique: true,
  where: `"status" IN ('REGISTERED', 'WAITLISTED', 'ATTENDED')`,
})
@Index('registrations_event_status_idx', ['eventId', 'status'])
@Index('registrations_waitlist_idx', ['eventId', 'waitlistSeq'], { where: `"status" = 'WAITLISTED'` })
@Index('registrations_member_idx', ['memberId', 'createdAt'])
/** engagement analytics: "attended anything in the period" per member, index-only */
@Index('registrations_member_attended_idx', ['memberId', 'eventId'], { where: `"status" = 'ATTENDED'` })
@Check('registrations_waitlist_seq_chk', `("status" = 'WAITLISTED') = ("waitlist_seq" IS NOT NULL)`)
@Check('registrations_attended_chk', `("status" = 'ATTENDED') = ("checked_in_at" IS NOT NULL)`)
@Check('registrations_walk_in_chk', `NOT "walk_in" OR "status" = 'ATTENDED'`)
@Check('registrations_recorded_by_chk', `"recorded_by" IS NULL OR "check_in_method" = 'WALK_IN'`)
export class Registration {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'registrations_event_id_fk' })
  event?: Event;

  @Column({ name: 'member_id', type: 'uuid' })
  memberId: string;

  @ManyToOne(() => Member, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'member_id', foreignKeyConstraintName: 'registrations_member_id_fk' })
  member?: Member;

  @Column({ type: 'enum', enum: RegistrationStatus, enumName: 'registration_status' })
  status: RegistrationStatus;

  @Column({ name: 'waitlist_seq', type: 'int', nullable: true })
  waitlistSeq: number | null;

  /** What the member's QR code holds: 256 random bits, base64url. */
  @Index('registrations_check_in_code_key', { unique: true })
  @Column({ name: 'check_in_code', type: 'varchar', length: 64 })
  checkInCode: string;

  @Column({ name: 'walk_in', type: 'boolean', default: false })
  walkIn: boolean;

  @Column({ name: 'checked_in_at', type: 'timestamptz', nullable: true })
  checkedInAt: Date | null;

  /** The staff member who recorded the check-in (scanned the code, synced the scan, took the walk-in). */
  @Column({ name: 'checked_in_by', type: 'uuid', nullable: true })
  checkedInBy: string | null;

  /**
   * Set when staff registered the member at the door (a walk-in by email or phone): who did it.
   * Null when the member registered themselves (even if they were then found by phone at the door).
   */
  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy: string | null;

  @Column({
    name: 'check_in_method',
    type: 'enum',
    enum: CheckInMethod,
    enumName: 'check_in_method',
    nullable: true,
  })
  checkInMethod: CheckInMethod | null;

  @Column({ name: 'promoted_at', type: 'timestamptz', nullable: true })
  promotedAt: Date | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ name: 'cancelled_by', type: 'uuid', nullable: true })
  cancelledBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
