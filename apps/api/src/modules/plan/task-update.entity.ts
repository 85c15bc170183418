import type { AttachmentKind, TaskUpdateChannel } from '@gcm/domain';
import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { UnitEntity } from '../units/unit.entity';
import { UserEntity } from '../users/user.entity';
import { PlanTaskEntity } from './plan-task.entity';

/** A unit's progress update on a task, with at most one photo or document. */
@Entity('task_updates')
export class TaskUpdateEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId: string;

  @ManyToOne(() => PlanTaskEntity)
  @JoinColumn({ name: 'task_id' })
  task?: PlanTaskEntity;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @ManyToOne(() => UnitEntity)
  @JoinColumn({ name: 'unit_id' })
  unit?: UnitEntity;

  /** Null only for demo data. */
  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId: string | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'author_id' })
  author?: UserEntity | null;

  @Column({ type: 'varchar', length: 16 })
  channel: TaskUpdateChannel;

  @Column({ type: 'text' })
  text: string;

  @Column({ name: 'attachment_kind', type: 'varchar', length: 16, nullable: true })
  attachmentKind: AttachmentKind | null;

  @Column({ name: 'attachment_file_name', type: 'varchar', length: 300, nullable: true })
  attachmentFileName: string | null;

  @Column({ name: 'attachment_mime_type', type: 'varchar', length: 200, nullable: true })
  attachmentMimeType: string | null;

  @Column({ name: 'attachment_size_bytes', type: 'integer', nullable: true })
  attachmentSizeBytes: number | null;

  /** The chat platform's reference (Telegram file_id, Zalo URL), when the file stayed there. */
  @Column({ name: 'attachment_file_ref', type: 'varchar', length: 2000, nullable: true })
  attachmentFileRef: string | null;

  /** The uploaded file; read only by the download route. Set exactly when the reference is not. */
  @Column({ name: 'attachment_content', type: 'bytea', nullable: true, select: false })
  attachmentContent?: Buffer | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
