import type { ProposalStatus } from '@gcm/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A question proposed as a FAQ's alternate by a person picking that FAQ among the choices. */
@Entity('alternate_proposals')
export class AlternateProposalEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'faq_id', type: 'uuid' })
  faqId: string;

  @Column({ type: 'varchar', length: 1000 })
  text: string;

  @Column({ type: 'varchar', length: 16 })
  source: 'choice';

  @Column({ name: 'question_log_id', type: 'uuid', nullable: true })
  questionLogId: string | null;

  @Column({ name: 'conversation_id', type: 'uuid', nullable: true })
  conversationId: string | null;

  @Column({ type: 'varchar', length: 16, default: 'proposed' })
  status: ProposalStatus;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
