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

@Entity('plans')
export class PlanEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Number and symbol, e.g. "389/KH-UBND". */
  @Column({ type: 'varchar', length: 64 })
  number: string;

  @Column({ type: 'varchar', length: 500 })
  title: string;

  @Column({ name: 'issuing_unit_id', type: 'uuid' })
  issuingUnitId: string;

  @ManyToOne(() => UnitEntity)
  @JoinColumn({ name: 'issuing_unit_id' })
  issuingUnit?: UnitEntity;

  @Column({ name: 'start_year', type: 'smallint' })
  startYear: number;

  @Column({ name: 'end_year', type: 'smallint' })
  endYear: number;

  /** `YYYY-MM-DD`. */
  @Column({ name: 'issued_on', type: 'date' })
  issuedOn: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** A numbered part of a plan ("1. Tuyên truyền, phổ biến…"), holding its tasks. */
@Entity('plan_groups')
export class PlanGroupEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ type: 'smallint' })
  ordinal: number;

  @Column({ type: 'varchar', length: 500 })
  title: string;
}
