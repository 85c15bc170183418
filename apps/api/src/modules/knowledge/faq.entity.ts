import type { FaqStatus } from '@gcm/domain';
import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { TopicEntity } from './topic.entity';

@Entity('faqs')
export class FaqEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The id an import file gave it (e.g. "d01"); unique when set. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  key: string | null;

  @Column({ name: 'topic_id', type: 'uuid' })
  topicId: string;

  @ManyToOne(() => TopicEntity)
  @JoinColumn({ name: 'topic_id' })
  topic?: TopicEntity;

  @Column({ type: 'varchar', length: 500 })
  question: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  alternates: string[];

  @Column({ type: 'text' })
  answer: string;

  @Column({ name: 'question_en', type: 'varchar', length: 500, nullable: true })
  questionEn: string | null;

  @Column({ name: 'answer_en', type: 'text', nullable: true })
  answerEn: string | null;

  @Column({ name: 'alternates_en', type: 'text', array: true, default: () => "'{}'" })
  alternatesEn: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  sources: string[];

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status: FaqStatus;

  @Column({ name: 'needs_review', type: 'boolean', default: false })
  needsReview: boolean;

  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  /** The day the FAQ is due for review (YYYY-MM-DD), if any. */
  @Column({ name: 'review_due_on', type: 'date', nullable: true })
  reviewDueOn: string | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  /** knowledge_state.faq_revision of the write that last changed it; the matcher syncs on it. */
  @Column({ type: 'bigint', default: 0, select: false })
  revision: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
