import { Column, CreateDateColumn, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { Member } from '@yvc/identity';

/**
 * A member's personal calendar feed: an unguessable token in a URL that calendar apps poll.
 * The token is a capability (it shows only the member's events); rotating it revokes old links.
 */
@Entity('calendar_feeds')
export class CalendarFeed {
  @PrimaryColumn({ name: 'member_id', type: 'uuid' })
  memberId: string;

  @OneToOne(() => Member, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'member_id', foreignKeyConstraintName: 'calendar_feeds_member_id_fk' })
  member?: Member;

  @Index('calendar_feeds_token_key', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  token: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
