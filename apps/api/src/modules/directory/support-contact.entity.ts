import type { SupportContactKind } from '@gcm/domain';
import {
  Column,
  CreateDateColumn,
  DeleteDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/** A hotline or office in the support directory (migration 1766100000000). */
@Entity('support_contacts')
export class SupportContactEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Unique among contacts not deleted, case-insensitively. */
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 32 })
  kind: SupportContactKind;

  /** Topics it helps with; empty: any. */
  @Column({ name: 'topic_ids', type: 'uuid', array: true, default: () => `'{}'` })
  topicIds: string[];

  /** Units it serves, with all units under them; empty: the whole country. */
  @Column({ name: 'unit_ids', type: 'uuid', array: true, default: () => `'{}'` })
  unitIds: string[];

  @Column({ type: 'varchar', length: 32, nullable: true })
  phone: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  address: string | null;

  @Column({ name: 'opening_hours', type: 'varchar', length: 200, nullable: true })
  openingHours: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  notes: string | null;

  @Column({ name: 'review_due_on', type: 'date', nullable: true })
  reviewDueOn: string | null;

  @Column({ type: 'boolean', default: false })
  sample: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @DeleteDateColumn({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;
}
