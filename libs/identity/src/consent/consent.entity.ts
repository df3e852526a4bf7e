import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Member } from '../members/member.entity';

export enum ConsentGivenBy {
  SELF = 'SELF',
  GUARDIAN = 'GUARDIAN',
}

/** Consent to the processing of personal data (Law No. 94-V, Art. 7-9): what text, when, by whom. */
@Entity('consents')
@Check(
  'consents_guardian_details_chk',
  `"given_by" <> 'GUARDIAN' OR "withdrawn_at" IS NOT NULL OR ("guardian_name" IS NOT NULL AND "guardian_phone" IS NOT NULL)`,
)
@Index('consents_member_id_idx', ['memberId'])
export class Consent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'member_id', type: 'uuid' })
  memberId: string;

  @ManyToOne(() => Member, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'member_id', foreignKeyConstraintName: 'consents_member_id_fk' })
  member?: Member;

  /** The version of the consent text shown (CONSENT_TEXT_VERSION). */
  @Column({ name: 'text_version', type: 'varchar', length: 40 })
  textVersion: string;

  @Column({ name: 'given_by', type: 'enum', enum: ConsentGivenBy, enumName: 'consent_given_by' })
  givenBy: ConsentGivenBy;

  @Column({ name: 'guardian_name', type: 'varchar', length: 200, nullable: true })
  guardianName: string | null;

  @Column({ name: 'guardian_phone', type: 'varchar', length: 16, nullable: true })
  guardianPhone: string | null;

  @Column({ name: 'given_at', type: 'timestamptz', default: () => 'now()' })
  givenAt: Date;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;
}
