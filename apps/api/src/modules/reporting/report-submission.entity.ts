import type { ReportChannel, ReportValues, SubmissionStatus } from '@gcm/domain';
import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { UnitEntity } from '../units/unit.entity';
import { UserEntity } from '../users/user.entity';
import { ReportTemplateEntity, ReportTemplateVersionEntity } from './report-template.entity';

/** The stored statuses: `not_started` is a unit without a row. */
export type StoredSubmissionStatus = Exclude<SubmissionStatus, 'not_started'>;

/** One unit's report for one period of a template, filled in with one template version. */
@Entity('report_submissions')
export class ReportSubmissionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'template_id', type: 'uuid' })
  templateId: string;

  @ManyToOne(() => ReportTemplateEntity)
  @JoinColumn({ name: 'template_id' })
  template?: ReportTemplateEntity;

  @Column({ name: 'template_version_id', type: 'uuid' })
  templateVersionId: string;

  @ManyToOne(() => ReportTemplateVersionEntity)
  @JoinColumn({ name: 'template_version_id' })
  templateVersion?: ReportTemplateVersionEntity;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @ManyToOne(() => UnitEntity)
  @JoinColumn({ name: 'unit_id' })
  unit?: UnitEntity;

  @Column({ name: 'period_key', type: 'varchar', length: 16 })
  periodKey: string;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status: StoredSubmissionStatus;

  @Column({ type: 'jsonb', default: {} })
  values: ReportValues;

  /** The draft version at which each field last changed. */
  @Column({ name: 'field_versions', type: 'jsonb', default: {} })
  fieldVersions: Record<string, number>;

  @Column({ type: 'integer', default: 0 })
  version: number;

  @Column({ name: 'answered_count', type: 'integer', default: 0 })
  answeredCount: number;

  @Column({ name: 'first_submitted_at', type: 'timestamptz', nullable: true })
  firstSubmittedAt: Date | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ name: 'return_comment', type: 'text', nullable: true })
  returnComment: string | null;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

export type SubmissionHistoryAction =
  'open' | 'save_draft' | 'submit' | 'correct' | 'accept' | 'return' | 'lock' | 'unlock';

/** One change of a submission: who, when, through which channel, each field before and after. */
@Entity('report_submission_history')
export class SubmissionHistoryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'submission_id', type: 'uuid' })
  submissionId: string;

  @Column({ type: 'varchar', length: 16 })
  action: SubmissionHistoryAction;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'actor_id' })
  actor?: UserEntity | null;

  @Column({ type: 'varchar', length: 16 })
  channel: ReportChannel;

  @Column({ type: 'jsonb', default: {} })
  changes: Record<string, { before: unknown; after: unknown }>;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ name: 'status_after', type: 'varchar', length: 16 })
  statusAfter: StoredSubmissionStatus;

  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
