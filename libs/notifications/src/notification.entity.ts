import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum NotificationKind {
  REGISTERED = 'REGISTERED',
  WAITLISTED = 'WAITLISTED',
  PROMOTED = 'PROMOTED',
  REGISTRATION_CANCELLED = 'REGISTRATION_CANCELLED',
  EVENT_CANCELLED = 'EVENT_CANCELLED',
  EVENT_MOVED = 'EVENT_MOVED',
  REMINDER = 'REMINDER',
  PASSWORD_RESET = 'PASSWORD_RESET',
  EMAIL_VERIFICATION = 'EMAIL_VERIFICATION',
  WALK_IN_RECORDED = 'WALK_IN_RECORDED',
}

/**
 * One thing to tell one member. `dedup_key` (unique) names its cause: `outbox:<id>` or
 * `reminder:<registrationId>:<offset>:<startsAtEpoch>`, so a job that runs twice finds it made.
 * Shown in the app (unless `in_app` is false, e.g. a password reset) and rendered at read time in
 * the reader's language.
 */
@Entity('notifications')
@Index('notifications_member_idx', ['memberId', 'createdAt'])
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'member_id', type: 'uuid' })
  memberId: string;

  @Column({ type: 'enum', enum: NotificationKind, enumName: 'notification_kind' })
  kind: NotificationKind;

  @Index('notifications_dedup_key', { unique: true })
  @Column({ name: 'dedup_key', type: 'varchar', length: 200 })
  dedupKey: string;

  @Column({ name: 'event_id', type: 'uuid', nullable: true })
  eventId: string | null;

  @Column({ name: 'registration_id', type: 'uuid', nullable: true })
  registrationId: string | null;

  @Column({ type: 'jsonb' })
  params: Record<string, unknown>;

  @Column({ name: 'in_app', type: 'boolean', default: true })
  inApp: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
