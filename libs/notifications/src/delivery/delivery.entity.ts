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
import { Notification } from '../notification.entity';

export enum DeliveryChannel {
  EMAIL = 'EMAIL',
  SMS = 'SMS',
}

export enum DeliveryStatus {
  PENDING = 'PENDING',
  SENDING = 'SENDING',
  SENT = 'SENT',
  FAILED = 'FAILED',
  SKIPPED = 'SKIPPED',
}

/**
 * One (notification, channel) to send. The unique pair is what makes a delivery happen once: a
 * plan that runs twice finds the row made, and workers racing are ordered by a conditional claim
 * (PENDING -> SENDING with a lease). The two partial indexes are the delivery pump's: the due
 * PENDING rows of a channel in send_after order, and the SENDING rows whose lease may run out.
 */
@Entity('deliveries')
@Index('deliveries_notification_channel_key', ['notificationId', 'channel'], { unique: true })
@Index('deliveries_due_idx', ['channel', 'sendAfter'], { where: `"status" = 'PENDING'` })
@Index('deliveries_lease_idx', ['channel', 'leaseUntil'], { where: `"status" = 'SENDING'` })
@Check('deliveries_attempts_chk', `"attempts" >= 0`)
@Check('deliveries_sent_chk', `("status" = 'SENT') = ("sent_at" IS NOT NULL)`)
export class Delivery {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'notification_id', type: 'uuid' })
  notificationId: string;

  @ManyToOne(() => Notification, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'notification_id', foreignKeyConstraintName: 'deliveries_notification_id_fk' })
  notification?: Notification;

  @Column({ type: 'enum', enum: DeliveryChannel, enumName: 'delivery_channel' })
  channel: DeliveryChannel;

  @Column({
    type: 'enum',
    enum: DeliveryStatus,
    enumName: 'delivery_status',
    default: DeliveryStatus.PENDING,
  })
  status: DeliveryStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  /** not before (quiet hours move SMS here) */
  @Column({ name: 'send_after', type: 'timestamptz', default: () => 'now()' })
  sendAfter: Date;

  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true })
  leaseUntil: Date | null;

  @Column({ name: 'provider_message_id', type: 'varchar', length: 200, nullable: true })
  providerMessageId: string | null;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
