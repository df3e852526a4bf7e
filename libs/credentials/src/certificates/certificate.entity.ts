import { Column, Entity, Generated, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Member } from '@yvc/identity';

/**
 * What is stored. EXPIRED is not stored: a VALID row whose expires_at has passed reads as EXPIRED
 * (see `effectiveStatus`), so nothing has to run at midnight to expire certificates.
 */
export enum StoredCertificateStatus {
  VALID = 'VALID',
  REVOKED = 'REVOKED',
}

/** What clients see. */
export enum CertificateStatus {
  VALID = 'VALID',
  REVOKED = 'REVOKED',
  EXPIRED = 'EXPIRED',
}

/** A membership certificate: a signed W3C Verifiable Credential (VC-JWT) with a printable number. */
@Entity('certificates')
@Index('certificates_one_valid_per_member_key', ['memberId'], { unique: true, where: `"status" = 'VALID'` })
@Index('certificates_member_id_idx', ['memberId', 'issuedAt'])
export class Certificate {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** ZHM-2026-000123-C1: the membership number and the member's certificate sequence. */
  @Index('certificates_number_key', { unique: true })
  @Column({ type: 'varchar', length: 48 })
  number: string;

  @Column({ name: 'member_id', type: 'uuid' })
  memberId: string;

  @ManyToOne(() => Member, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'member_id', foreignKeyConstraintName: 'certificates_member_id_fk' })
  member?: Member;

  @Column({
    type: 'enum',
    enum: StoredCertificateStatus,
    enumName: 'certificate_status',
    default: StoredCertificateStatus.VALID,
  })
  status: StoredCertificateStatus;

  @Column({ name: 'issued_at', type: 'timestamptz' })
  issuedAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revoked_reason', type: 'varchar', length: 500, nullable: true })
  revokedReason: string | null;

  /** The staff account that issued it (kept when that account is deleted: SET NULL). */
  @Column({ name: 'issued_by', type: 'uuid', nullable: true })
  issuedBy: string | null;

  @ManyToOne(() => Member, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'issued_by', foreignKeyConstraintName: 'certificates_issued_by_fk' })
  issuer?: Member;

  /** The signing key's id (JWKS), so a rotation leaves a trace of which key signed what. */
  @Column({ type: 'varchar', length: 100 })
  kid: string;

  /** The certificate's bit in revocation status list 2 (/credentials/status/2), in its credential. */
  @Column({ name: 'status_index', type: 'int', unique: true })
  @Generated('increment')
  statusIndex: number;

  /** The compact VC-JWT, exactly as signed; null once erased (the holder withdrew consent). */
  @Column({ type: 'text', nullable: true })
  credential: string | null;

  /**
   * When the holder's withdrawal of consent erased it: revoked, the credential dropped, the
   * number (which carried the membership number) replaced by `WITHDRAWN-<status_index>`.
   */
  @Column({ name: 'erased_at', type: 'timestamptz', nullable: true })
  erasedAt: Date | null;
}

/** VALID / REVOKED as stored, EXPIRED when a VALID one is past its expires_at. */
export function effectiveStatus(c: Pick<Certificate, 'status' | 'expiresAt'>, now: Date): CertificateStatus {
  if (c.status === StoredCertificateStatus.REVOKED) return CertificateStatus.REVOKED;
  return c.expiresAt.getTime() <= now.getTime() ? CertificateStatus.EXPIRED : CertificateStatus.VALID;
}
