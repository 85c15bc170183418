import type { ReportTemplateDefinition } from '@gcm/domain';
import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { UserEntity } from '../users/user.entity';

/** A report template across its versions: its stable code and its latest version number. */
@Entity('report_templates')
export class ReportTemplateEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Column({ name: 'latest_version', type: 'integer', default: 1 })
  latestVersion: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** One saved version of a template, applying from the period `effectiveFrom` on. */
@Entity('report_template_versions')
export class ReportTemplateVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'template_id', type: 'uuid' })
  templateId: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'effective_from', type: 'varchar', length: 16 })
  effectiveFrom: string;

  @Column({ type: 'jsonb' })
  definition: ReportTemplateDefinition;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'created_by' })
  creator?: UserEntity | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A period staff locked (or locked and unlocked again); periods themselves are computed. */
@Entity('report_periods')
export class ReportPeriodEntity {
  @Column({ name: 'template_id', type: 'uuid', primary: true })
  templateId: string;

  @Column({ name: 'period_key', type: 'varchar', length: 16, primary: true })
  periodKey: string;

  @Column({ name: 'locked_at', type: 'timestamptz', nullable: true })
  lockedAt: Date | null;

  @Column({ name: 'locked_by', type: 'uuid', nullable: true })
  lockedBy: string | null;
}
