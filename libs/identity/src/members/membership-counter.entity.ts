import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The last membership number handed out per prefix and year. Incremented with
 * INSERT ... ON CONFLICT DO UPDATE ... RETURNING inside the sign-up transaction: the row lock
 * orders concurrent sign-ups and a rolled-back sign-up rolls its number back, so there are no gaps.
 */
@Entity('membership_counters')
export class MembershipCounter {
  @PrimaryColumn({ type: 'varchar', length: 5 })
  prefix: string;

  @PrimaryColumn({ type: 'int' })
  year: number;

  @Column({ name: 'last_value', type: 'int' })
  lastValue: number;
}
