import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum OutboxKind {
  REGISTERED = 'REGISTERED',
  WAITLISTED = 'WAITLISTED',
  PROMOTED = 'PROMOTED',
  REGISTRATION_CANCELLED = 'REGISTRATION_CANCELLED',
  EVENT_CANCELLED = 'EVENT_CANCELLED',
  EVENT_MOVED = 'EVENT_MOVED',
  PASSWORD_RESET = 'PASSWORD_RESET',
  EMAIL_VERIFICATION = 'EMAIL_VERIFICATION',
  /** not a notification: a check-in, dispatched as an evaluate-badges job */
  ATTENDANCE_RECORDED = 'ATTENDANCE_RECORDED',
  /** not a notification: a published event's reminder times changed, reschedule this registration's */
  REMINDERS_CHANGED = 'REMINDERS_CHANGED',
  /** staff checked the member in at the door by email or phone: the member is told */
  WALK_IN_RECORDED = 'WALK_IN_RECORDED',
  /**
   * not a notification: the member withdrew consent (written in the transaction that anonymised
   * them); the dispatch frees their seats and erases their notifications and credentials
   */
  CONSENT_WITHDRAWN = 'CONSENT_WITHDRAWN',
}

/**
 * A notification to send, written in the same transaction as the change that causes it
 * (transactional outbox). A relay moves undispatched rows to the queue (the reminders issue).
 */
@Entity('notification_outbox')
@Index('notification_outbox_pending_idx', ['createdAt'], { where: '"dispatched_at" IS NULL' })
export class OutboxMessage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'enum', enum: OutboxKind, enumName: 'outbox_kind' })
  kind: OutboxKind;

  @Column({ name: 'member_id', type: 'uuid' })
  memberId: string;

  @Column({ name: 'event_id', type: 'uuid', nullable: true })
  eventId: string | null;

  @Column({ name: 'registration_id', type: 'uuid', nullable: true })
  registrationId: string | null;

  /** ids and small facts only (e.g. the cancellation reason); templates read the rest. */
  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'dispatched_at', type: 'timestamptz', nullable: true })
  dispatchedAt: Date | null;
}
