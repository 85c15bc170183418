import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reporting cycle (issue 11): report templates and their versions, the periods staff lock,
 * units' submissions with their history, the reminders sent, the reminder schedule; and the
 * link codes and linked chat accounts through which a unit's officers report from Telegram or
 * Zalo.
 */
export class Reporting1765500000000 implements MigrationInterface {
  name = 'Reporting1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_templates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(64) NOT NULL CONSTRAINT report_templates_code_key UNIQUE,
        latest_version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    // definition: the whole ReportTemplateDefinition (validateTemplate), as it was saved.
    await q.query(`
      CREATE TABLE report_template_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        template_id uuid NOT NULL REFERENCES report_templates(id) ON DELETE CASCADE,
        version integer NOT NULL CHECK (version > 0),
        effective_from varchar(16) NOT NULL,
        definition jsonb NOT NULL,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (template_id, version)
      )`);

    // A period exists here only once staff locked it (or unlocked it again).
    await q.query(`
      CREATE TABLE report_periods (
        template_id uuid NOT NULL REFERENCES report_templates(id) ON DELETE CASCADE,
        period_key varchar(16) NOT NULL,
        locked_at timestamptz,
        locked_by uuid REFERENCES users(id),
        PRIMARY KEY (template_id, period_key)
      )`);

    // One unit's report for one period. version: the draft's version, bumped by every change;
    // field_versions: the version at which each field last changed (a stale save is refused
    // per field). due_at: the period's due instant under the template version, for lateness.
    await q.query(`
      CREATE TABLE report_submissions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        template_id uuid NOT NULL REFERENCES report_templates(id),
        template_version_id uuid NOT NULL REFERENCES report_template_versions(id),
        unit_id uuid NOT NULL REFERENCES units(id),
        period_key varchar(16) NOT NULL,
        due_at timestamptz NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'draft'
          CHECK (status IN ('draft','submitted','returned','accepted')),
        values jsonb NOT NULL DEFAULT '{}',
        field_versions jsonb NOT NULL DEFAULT '{}',
        version integer NOT NULL DEFAULT 0,
        answered_count integer NOT NULL DEFAULT 0,
        first_submitted_at timestamptz,
        submitted_at timestamptz,
        return_comment text,
        updated_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT report_submissions_unit_period_key UNIQUE (template_id, period_key, unit_id)
      )`);
    await q.query(`CREATE INDEX report_submissions_unit_idx ON report_submissions (unit_id)`);
    await q.query(
      `CREATE INDEX report_submissions_period_status_idx ON report_submissions (template_id, period_key, status)`,
    );

    await q.query(`
      CREATE TABLE report_submission_history (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        submission_id uuid NOT NULL REFERENCES report_submissions(id) ON DELETE CASCADE,
        action varchar(16) NOT NULL
          CHECK (action IN ('open','save_draft','submit','correct','accept','return','lock','unlock')),
        actor_id uuid REFERENCES users(id),
        channel varchar(16) NOT NULL CHECK (channel IN ('api','console','telegram','zalo')),
        changes jsonb NOT NULL DEFAULT '{}',
        comment text,
        status_after varchar(16) NOT NULL,
        version integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX report_submission_history_submission_idx ON report_submission_history (submission_id, created_at)`,
    );

    // Once per unit, template, period and step, whatever the number of API instances: the job
    // inserts here and queues the messages in one statement.
    await q.query(`
      CREATE TABLE report_reminders (
        unit_id uuid NOT NULL REFERENCES units(id),
        template_id uuid NOT NULL REFERENCES report_templates(id) ON DELETE CASCADE,
        period_key varchar(16) NOT NULL,
        step varchar(8) NOT NULL,
        sent_at timestamptz NOT NULL,
        CONSTRAINT report_reminders_once PRIMARY KEY (unit_id, template_id, period_key, step)
      )`);

    // A single row (id = 1): the reminder schedule (ReminderSchedule) as data.
    await q.query(`
      CREATE TABLE reporting_settings (
        id smallint PRIMARY KEY CHECK (id = 1),
        reminder_schedule jsonb NOT NULL,
        updated_by uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    // Only the code's SHA-256 is stored; the code itself is shown once.
    await q.query(`
      CREATE TABLE link_codes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code_hash char(64) NOT NULL CONSTRAINT link_codes_code_hash_key UNIQUE,
        unit_id uuid NOT NULL REFERENCES units(id),
        user_id uuid NOT NULL REFERENCES users(id),
        created_by uuid REFERENCES users(id),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        used_channel varchar(16),
        used_chat_id varchar(128),
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX link_codes_unit_idx ON link_codes (unit_id, created_at)`);

    // One chat account links to one staff user; one staff user links one account per channel.
    await q.query(`
      CREATE TABLE linked_accounts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        channel varchar(16) NOT NULL CHECK (channel IN ('telegram','zalo')),
        chat_id varchar(128) NOT NULL,
        user_id uuid NOT NULL REFERENCES users(id),
        unit_id uuid NOT NULL REFERENCES units(id),
        display_name varchar(200),
        link_code_id uuid REFERENCES link_codes(id),
        linked_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT linked_accounts_chat_key UNIQUE (channel, chat_id),
        CONSTRAINT linked_accounts_user_channel_key UNIQUE (user_id, channel)
      )`);
    await q.query(`CREATE INDEX linked_accounts_unit_idx ON linked_accounts (unit_id)`);

    // Wrong codes typed, for the limits per chat and overall (kept a day).
    await q.query(`
      CREATE TABLE link_code_failures (
        id bigserial PRIMARY KEY,
        channel varchar(16) NOT NULL,
        chat_id varchar(128) NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await q.query(
      `CREATE INDEX link_code_failures_chat_idx ON link_code_failures (channel, chat_id, created_at)`,
    );
    await q.query(`CREATE INDEX link_code_failures_at_idx ON link_code_failures (created_at)`);

    await q.query(`ALTER TABLE outbox DROP CONSTRAINT outbox_kind_check`);
    await q.query(`
      ALTER TABLE outbox ADD CONSTRAINT outbox_kind_check
        CHECK (kind IN ('staff_reply','broadcast','reminder','correction','report_review'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM outbox WHERE kind = 'report_review'`);
    await q.query(`ALTER TABLE outbox DROP CONSTRAINT outbox_kind_check`);
    await q.query(`
      ALTER TABLE outbox ADD CONSTRAINT outbox_kind_check
        CHECK (kind IN ('staff_reply','broadcast','reminder','correction'))`);
    for (const table of [
      'link_code_failures',
      'linked_accounts',
      'link_codes',
      'reporting_settings',
      'report_reminders',
      'report_submission_history',
      'report_submissions',
      'report_periods',
      'report_template_versions',
      'report_templates',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
