import type { ReminderSchedule } from '@gcm/domain';
import { Column, Entity } from 'typeorm';

/** A reminder step sent to a unit for a period: at most once (the primary key). */
@Entity('report_reminders')
export class ReportReminderEntity {
  @Column({ name: 'unit_id', type: 'uuid', primary: true })
  unitId: string;

  @Column({ name: 'template_id', type: 'uuid', primary: true })
  templateId: string;

  @Column({ name: 'period_key', type: 'varchar', length: 16, primary: true })
  periodKey: string;

  /** `d-7`, `d-3`, `d-1`, `d+1` (reminderStepKey). */
  @Column({ type: 'varchar', length: 8, primary: true })
  step: string;

  @Column({ name: 'sent_at', type: 'timestamptz' })
  sentAt: Date;
}

/** The reporting settings: one row (id 1), written by the first change. */
@Entity('reporting_settings')
export class ReportingSettingsEntity {
  @Column({ type: 'smallint', primary: true })
  id: number;

  @Column({ name: 'reminder_schedule', type: 'jsonb' })
  reminderSchedule: ReminderSchedule;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
