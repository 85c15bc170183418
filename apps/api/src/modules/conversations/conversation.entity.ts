import type { Channel, ConversationState } from '@gcm/domain';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/** One chat with one person on one channel. */
@Entity('conversations')
export class ConversationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 16 })
  channel: Channel;

  @Column({ name: 'chat_id', type: 'varchar', length: 128 })
  chatId: string;

  @Column({ name: 'user_id', type: 'varchar', length: 128 })
  userId: string;

  @Column({ name: 'display_name', type: 'varchar', length: 200, nullable: true })
  displayName: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  state: ConversationState;

  /** Set when the person blocked the bot or unfollowed: nothing more is sent. */
  @Column({ name: 'unreachable_at', type: 'timestamptz', nullable: true })
  unreachableAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
