import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { BadgeRule } from './badge-rules';

/** A badge members can earn: loaded from data/badges.json by code (the catalogue is data). */
@Entity('badge_classes')
export class BadgeClass {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 64, unique: true })
  code: string;

  @Column({ name: 'name_kk', type: 'varchar', length: 200 })
  nameKk: string;

  @Column({ name: 'name_ru', type: 'varchar', length: 200 })
  nameRu: string;

  @Column({ name: 'name_en', type: 'varchar', length: 200 })
  nameEn: string;

  @Column({ name: 'description_kk', type: 'text' })
  descriptionKk: string;

  @Column({ name: 'description_ru', type: 'text' })
  descriptionRu: string;

  @Column({ name: 'description_en', type: 'text' })
  descriptionEn: string;

  @Column({ name: 'criteria_kk', type: 'text' })
  criteriaKk: string;

  @Column({ name: 'criteria_ru', type: 'text' })
  criteriaRu: string;

  @Column({ name: 'criteria_en', type: 'text' })
  criteriaEn: string;

  /** how the badge is earned, evaluated by badge-rules.ts */
  @Column({ type: 'jsonb' })
  rule: BadgeRule;

  /** awarded by staff only (rule type "manual"), never by the evaluator */
  @Column({ type: 'boolean', default: false })
  manual: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
