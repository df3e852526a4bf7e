import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * One scan sent by a scanner (online or from an offline batch). The scanner's scanId makes it
 * idempotent within its event: the key is (event, scanId), so a scan id used at another event is
 * another scan and never answers with that event's registration.
 */
@Entity('check_in_scans')
export class CheckInScan {
  @PrimaryColumn({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @PrimaryColumn({ name: 'scan_id', type: 'uuid' })
  scanId: string;

  @Column({ name: 'registration_id', type: 'uuid', nullable: true })
  registrationId: string | null;

  /** OK, ALREADY_CHECKED_IN, or the reason it was refused */
  @Column({ type: 'varchar', length: 40 })
  outcome: string;

  @Column({ name: 'scanned_at', type: 'timestamptz' })
  scannedAt: Date;

  @Column({ name: 'scanned_by', type: 'uuid' })
  scannedBy: string;

  @CreateDateColumn({ name: 'synced_at', type: 'timestamptz' })
  syncedAt: Date;
}
