import type { HandoffStatus } from '@gcm/domain';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/** A question the bot could not answer, waiting in the staff inbox. */
@Entity('handoff_items')
export class HandoffItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'question_log_id', type: 'uuid', nullable: true })
  questionLogId: string | null;

  @Column({ type: 'varchar', length: 16 })
  channel: string;

  /** The chat it came from; null for questions asked through the public HTTP endpoint. */
  @Column({ name: 'conversation_id', type: 'uuid', nullable: true })
  conversationId: string | null;

  @Column({ type: 'varchar', length: 1000 })
  question: string;

  @Column({ type: 'varchar', length: 16, default: 'open' })
  status: HandoffStatus;

  /** The person's words sounded like danger: shown marked and first among the open items. */
  @Column({ type: 'boolean', default: false })
  urgent: boolean;

  /** The staff member handling the item, if anyone has taken it. */
  @Column({ name: 'assignee_id', type: 'uuid', nullable: true })
  assigneeId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;
}
