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
import { Club, Unit } from '@yvc/org';

export enum EventKind {
  FORUM = 'FORUM',
  DEBATE = 'DEBATE',
  TRAINING = 'TRAINING',
  MOCK_ELECTION = 'MOCK_ELECTION',
  QUIZ = 'QUIZ',
  MEETING = 'MEETING',
  OTHER = 'OTHER',
}

export enum EventStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  CANCELLED = 'CANCELLED',
  COMPLETED = 'COMPLETED',
}

/**
 * A forum, debate, training... `seats_taken` counts REGISTERED and ATTENDED registrations that hold
 * a seat; it is changed only by conditional UPDATEs under the event's row lock and a CHECK keeps
 * it within capacity. Walk-ins over capacity are counted apart, in `walk_ins`.
 */
@Entity('events')
@Check('events_time_order_chk', `"ends_at" > "starts_at"`)
// the fixed part of the calendar bounds in event-draft.ts (EARLIEST_START, MAX_DURATION_DAYS)
@Check('events_starts_at_chk', `"starts_at" >= '2020-01-01T00:00:00Z'`)
@Check('events_duration_chk', `"ends_at" <= "starts_at" + interval '14 days'`)
@Check('events_capacity_chk', `"capacity" BETWEEN 1 AND 100000`)
@Check('events_seats_chk', `"seats_taken" BETWEEN 0 AND "capacity"`)
@Check('events_walk_ins_chk', `"walk_ins" >= 0`)
@Check('events_waitlisted_chk', `"waitlisted" BETWEEN 0 AND "waitlist_seq"`)
@Check('events_title_chk', `char_length("title") BETWEEN 3 AND 200`)
@Check(
  'events_offsets_chk',
  `cardinality("reminder_offsets_minutes") <= 5 AND 1 <= ALL("reminder_offsets_minutes") AND 43200 >= ALL("reminder_offsets_minutes")`,
)
@Check('events_venue_chk', `("venue_name" IS NULL) = ("venue_address" IS NULL)`)
@Check('events_cancel_reason_chk', `("status" = 'CANCELLED') = ("cancel_reason" IS NOT NULL)`)
@Index('events_starts_at_idx', ['startsAt', 'id'])
@Index('events_unit_id_idx', ['unitId'])
@Index('events_club_id_idx', ['clubId'])
@Index('events_open_ends_at_idx', ['endsAt'], { where: `"status" = 'PUBLISHED'` })
export class Event {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'enum', enum: EventKind, enumName: 'event_kind' })
  kind: EventKind;

  @Column({ type: 'enum', enum: EventStatus, enumName: 'event_status', default: EventStatus.DRAFT })
  status: EventStatus;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'events_unit_id_fk' })
  unit?: Unit;

  @Column({ name: 'club_id', type: 'uuid', nullable: true })
  clubId: string | null;

  @ManyToOne(() => Club, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'club_id', foreignKeyConstraintName: 'events_club_id_fk' })
  club?: Club;

  @Column({ name: 'venue_name', type: 'varchar', length: 200, nullable: true })
  venueName: string | null;

  @Column({ name: 'venue_address', type: 'varchar', length: 300, nullable: true })
  venueAddress: string | null;

  @Column({ name: 'venue_wheelchair_accessible', type: 'boolean', default: false })
  venueWheelchairAccessible: boolean;

  @Column({ name: 'venue_sign_language', type: 'boolean', default: false })
  venueSignLanguage: boolean;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  /** The IANA zone the event happens in; times are stored in UTC. */
  @Column({ name: 'time_zone', type: 'varchar', length: 64, default: 'Asia/Almaty' })
  timeZone: string;

  @Column({ type: 'int' })
  capacity: number;

  @Column({ name: 'seats_taken', type: 'int', default: 0 })
  seatsTaken: number;

  @Column({ name: 'walk_ins', type: 'int', default: 0 })
  walkIns: number;

  /** Hands out waitlist order under the event's row lock; positions are ranks, so they never have gaps. */
  @Column({ name: 'waitlist_seq', type: 'int', default: 0 })
  waitlistSeq: number;

  /**
   * How many registrations are WAITLISTED now, kept under the event's row lock by every statement
   * that moves someone on or off the waitlist: a new registration's position is this counter.
   */
  @Column({ type: 'int', default: 0 })
  waitlisted: number;

  @Column({ name: 'reminder_offsets_minutes', type: 'int', array: true, default: () => `'{1440,120}'` })
  reminderOffsetsMinutes: number[];

  @Column({ name: 'cancel_reason', type: 'varchar', length: 500, nullable: true })
  cancelReason: string | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
