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
import { Unit } from '@yvc/org';

export enum Role {
  MEMBER = 'MEMBER',
  COORDINATOR = 'COORDINATOR',
  COMMISSION = 'COMMISSION',
  ADMIN = 'ADMIN',
}

export enum MemberLocale {
  KK = 'KK',
  RU = 'RU',
  EN = 'EN',
}

export enum MemberStatus {
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  /** Consent withdrawn: personal data erased, the row stays so that statistics stay right. */
  WITHDRAWN = 'WITHDRAWN',
}

/** A person with an account: a young member or a staff account (coordinator, commission, admin). */
@Entity('members')
@Check(
  'members_contact_unless_withdrawn_chk',
  `"status" = 'WITHDRAWN' OR ("email" IS NOT NULL AND "password_hash" IS NOT NULL)`,
)
@Check(
  'members_young_member_fields_chk',
  `"role" <> 'MEMBER' OR ("birth_date" IS NOT NULL AND "membership_number" IS NOT NULL)`,
)
@Check('members_iin_pair_chk', `("iin_ciphertext" IS NULL) = ("iin_hash" IS NULL)`)
@Check('members_phone_e164_chk', `"phone" IS NULL OR "phone" ~ '^\\+[1-9][0-9]{7,14}$'`)
@Check('members_email_lower_chk', `"email" = lower("email")`)
@Index('members_unit_id_idx', ['unitId'])
export class Member {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'full_name', type: 'varchar', length: 200, collation: 'kk-KZ-x-icu' })
  fullName: string;

  /** Stored in lower case, so the unique index is case-insensitive. */
  @Index('members_email_key', { unique: true })
  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  phone: string | null;

  @Column({ name: 'birth_date', type: 'date', nullable: true })
  birthDate: string | null;

  /** AES-256-GCM of the IIN; never logged, shown in full only to its owner. */
  @Column({ name: 'iin_ciphertext', type: 'text', nullable: true, select: false })
  iinCiphertext: string | null;

  /** HMAC-SHA256 of the IIN (blind index) for uniqueness and look-up. */
  @Index('members_iin_hash_key', { unique: true })
  @Column({ name: 'iin_hash', type: 'char', length: 64, nullable: true, select: false })
  iinHash: string | null;

  @Column({ name: 'password_hash', type: 'varchar', length: 200, nullable: true, select: false })
  passwordHash: string | null;

  @Column({ type: 'enum', enum: Role, enumName: 'member_role', default: Role.MEMBER })
  role: Role;

  @Column({ type: 'enum', enum: MemberLocale, enumName: 'member_locale', default: MemberLocale.KK })
  locale: MemberLocale;

  /** The home unit (for staff: where the account belongs). */
  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId: string | null;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'members_unit_id_fk' })
  unit?: Unit;

  @Index('members_membership_number_key', { unique: true })
  @Column({ name: 'membership_number', type: 'varchar', length: 32, nullable: true })
  membershipNumber: string | null;

  @Column({ name: 'joined_at', type: 'timestamptz', default: () => 'now()' })
  joinedAt: Date;

  @Column({ type: 'enum', enum: MemberStatus, enumName: 'member_status', default: MemberStatus.ACTIVE })
  status: MemberStatus;

  /** Channels the member wants: email on by default, SMS only when they opt in. */
  @Column({ name: 'email_opt_in', type: 'boolean', default: true })
  emailOptIn: boolean;

  @Column({ name: 'sms_opt_in', type: 'boolean', default: false })
  smsOptIn: boolean;

  /** The member's IANA time zone (quiet hours, local times in messages). */
  @Column({ name: 'time_zone', type: 'varchar', length: 64, default: 'Asia/Almaty' })
  timeZone: string;

  @Column({ name: 'email_verified_at', type: 'timestamptz', nullable: true })
  emailVerifiedAt: Date | null;

  @Column({ name: 'anonymized_at', type: 'timestamptz', nullable: true })
  anonymizedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
