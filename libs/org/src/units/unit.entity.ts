import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';

export enum UnitLevel {
  REGION = 'REGION',
  CITY = 'CITY',
  DISTRICT = 'DISTRICT',
}

/** A territorial unit and its election commission. `code` is a dotted path: zhambyl, zhambyl.taraz. */
@Entity('units')
@Check('units_root_is_region_chk', `("level" = 'REGION') = ("parent_id" IS NULL)`)
@Check('units_code_format_chk', `"code" ~ '^[a-z0-9-]+(\\.[a-z0-9-]+)*$'`)
export class Unit {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('units_code_key', { unique: true })
  @Column({ type: 'varchar', length: 100 })
  code: string;

  @Column({ type: 'enum', enum: UnitLevel, enumName: 'unit_level' })
  level: UnitLevel;

  @Index('units_parent_id_idx')
  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'units_parent_id_fk' })
  parent?: Unit;

  @Column({ name: 'name_kk', type: 'varchar', length: 200 })
  nameKk: string;

  @Column({ name: 'name_ru', type: 'varchar', length: 200 })
  nameRu: string;

  @Column({ name: 'name_en', type: 'varchar', length: 200 })
  nameEn: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
