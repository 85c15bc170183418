import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13: the console's one-click reminder to the units that have not submitted a period, at
 * most once per Vietnam calendar day per template and period (the primary key).
 */
export class PeriodReminders1766000000000 implements MigrationInterface {
  name = 'PeriodReminders1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_period_reminders (
        template_id uuid NOT NULL REFERENCES report_templates(id) ON DELETE CASCADE,
        period_key varchar(16) NOT NULL,
        local_day date NOT NULL,
        sent_at timestamptz NOT NULL,
        sent_by uuid REFERENCES users(id),
        units integer NOT NULL,
        messages integer NOT NULL,
        CONSTRAINT report_period_reminders_once PRIMARY KEY (template_id, period_key, local_day)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE report_period_reminders`);
  }
}
