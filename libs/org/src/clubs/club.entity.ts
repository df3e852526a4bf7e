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
import { Unit } from '../units/unit.entity';

export enum InstitutionKind {
  UNIVERSITY = 'UNIVERSITY',
  COLLEGE = 'COLLEGE',
  SCHOOL = 'SCHOOL',
  OTHER = 'OTHER',
}

@Entity('clubs')
@Index('clubs_unit_name_active_key', ['unitId', 'name'], { unique: true, where: '"archived_at" IS NULL' })
@Check('clubs_name_length_chk', `char_length(btrim("name")) BETWEEN 3 AND 200`)
@Check('clubs_institution_kind_chk', `("institution" IS NULL) = ("institution_kind" IS NULL)`)
export class Club {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('clubs_unit_id_idx')
  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'clubs_unit_id_fk' })
  unit?: Unit;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** The host institution, e.g. "М.Х. Дулати атындағы Тараз өңірлік университеті". */
  @Column({ type: 'varchar', length: 300, nullable: true })
  institution: string | null;

  @Column({
    name: 'institution_kind',
    type: 'enum',
    enum: InstitutionKind,
    enumName: 'institution_kind',
    nullable: true,
  })
  institutionKind: InstitutionKind | null;

  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
