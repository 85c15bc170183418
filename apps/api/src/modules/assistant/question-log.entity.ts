import type { AskStatus } from '@gcm/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Every question asked, with what the matcher made of it. */
@Entity('question_log')
export class QuestionLogEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 16 })
  channel: string;

  /** The question as asked, markup removed. */
  @Column({ type: 'varchar', length: 1000 })
  text: string;

  @Column({ type: 'varchar', length: 1000 })
  normalised: string;

  @Column({ type: 'varchar', length: 2 })
  locale: 'vi' | 'en';

  @Column({ type: 'varchar', length: 16 })
  status: AskStatus;

  @Column({ type: 'real' })
  confidence: number;

  /** The chance the matcher gave that its best FAQ was right; null for "no answer". */
  @Column({ type: 'real', nullable: true })
  chance: number | null;

  @Column({ name: 'faq_id', type: 'uuid', nullable: true })
  faqId: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  suggestions: { id: string; confidence: number }[];

  /** The chat it came from; null for questions asked through the public HTTP endpoint. */
  @Column({ name: 'conversation_id', type: 'uuid', nullable: true })
  conversationId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
