import type { TaskStatus, TaskTimeframe } from '@gcm/domain';
import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { UnitEntity } from '../units/unit.entity';
import { PlanGroupEntity } from './plan.entity';

@Entity('plan_tasks')
export class PlanTaskEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The group's plan (a composite foreign key keeps them together). */
  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ name: 'group_id', type: 'uuid' })
  groupId: string;

  @ManyToOne(() => PlanGroupEntity)
  @JoinColumn({ name: 'group_id' })
  group?: PlanGroupEntity;

  /** "1.1": unique in its plan. */
  @Column({ type: 'varchar', length: 16 })
  code: string;

  @Column({ type: 'varchar', length: 500 })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ name: 'lead_unit_id', type: 'uuid' })
  leadUnitId: string;

  @ManyToOne(() => UnitEntity)
  @JoinColumn({ name: 'lead_unit_id' })
  leadUnit?: UnitEntity;

  @ManyToMany(() => UnitEntity)
  @JoinTable({
    name: 'plan_task_coordinators',
    joinColumn: { name: 'task_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'unit_id', referencedColumnName: 'id' },
  })
  coordinatingUnits?: UnitEntity[];

  @Column({ type: 'jsonb' })
  timeframe: TaskTimeframe;

  /** The timeframe's last day (`timeframeDueOn`), kept for the overdue filter; null when ongoing. */
  @Column({ name: 'due_on', type: 'date', nullable: true })
  dueOn: string | null;

  @Column({ type: 'varchar', length: 16, default: 'not_started' })
  status: TaskStatus;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
