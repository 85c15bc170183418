import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The plan (issue 11): a plan with its numbered task groups, each task with its lead unit, its
 * coordinating units, a timeframe and a status, and the progress updates units post on tasks.
 */
export class Plan1765400000000 implements MigrationInterface {
  name = 'Plan1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE plans (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number varchar(64) NOT NULL,
        title varchar(500) NOT NULL,
        issuing_unit_id uuid NOT NULL REFERENCES units(id),
        start_year smallint NOT NULL,
        end_year smallint NOT NULL,
        issued_on date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT plans_period CHECK (start_year BETWEEN 1945 AND 2100 AND end_year BETWEEN start_year AND 2100)
      )`);

    await q.query(`
      CREATE TABLE plan_groups (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        ordinal smallint NOT NULL CHECK (ordinal > 0),
        title varchar(500) NOT NULL,
        UNIQUE (plan_id, ordinal),
        UNIQUE (id, plan_id)
      )`);

    // plan_id is the group's plan (the composite key says so); it carries the code's uniqueness.
    await q.query(`
      CREATE TABLE plan_tasks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL,
        group_id uuid NOT NULL,
        code varchar(16) NOT NULL,
        title varchar(500) NOT NULL,
        description text NOT NULL DEFAULT '',
        lead_unit_id uuid NOT NULL REFERENCES units(id),
        timeframe jsonb NOT NULL CHECK (timeframe->>'kind' IN ('ongoing','range','until')),
        due_on date,
        status varchar(16) NOT NULL DEFAULT 'not_started'
          CHECK (status IN ('not_started','in_progress','done','blocked')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (group_id, plan_id) REFERENCES plan_groups(id, plan_id),
        CONSTRAINT plan_tasks_code_key UNIQUE (plan_id, code),
        CONSTRAINT plan_tasks_due_on CHECK ((timeframe->>'kind' = 'ongoing') = (due_on IS NULL))
      )`);
    await q.query(`CREATE INDEX plan_tasks_group_idx ON plan_tasks (group_id)`);
    await q.query(`CREATE INDEX plan_tasks_lead_unit_idx ON plan_tasks (lead_unit_id)`);

    await q.query(`
      CREATE TABLE plan_task_coordinators (
        task_id uuid NOT NULL REFERENCES plan_tasks(id) ON DELETE CASCADE,
        unit_id uuid NOT NULL REFERENCES units(id),
        PRIMARY KEY (task_id, unit_id)
      )`);
    await q.query(
      `CREATE INDEX plan_task_coordinators_unit_idx ON plan_task_coordinators (unit_id)`,
    );

    // A file stays on the chat platform (file_ref) or is stored here (content), never both.
    await q.query(`
      CREATE TABLE task_updates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES plan_tasks(id),
        unit_id uuid NOT NULL REFERENCES units(id),
        author_id uuid REFERENCES users(id),
        channel varchar(16) NOT NULL CHECK (channel IN ('api','console','telegram','zalo')),
        text text NOT NULL,
        attachment_kind varchar(16) CHECK (attachment_kind IN ('photo','document')),
        attachment_file_name varchar(300),
        attachment_mime_type varchar(200),
        attachment_size_bytes integer CHECK (attachment_size_bytes >= 0),
        attachment_file_ref varchar(2000),
        attachment_content bytea,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT task_updates_attachment CHECK (
          (attachment_kind IS NULL
            AND attachment_file_name IS NULL AND attachment_mime_type IS NULL
            AND attachment_size_bytes IS NULL AND attachment_file_ref IS NULL
            AND attachment_content IS NULL)
          OR (attachment_kind IS NOT NULL
            AND (attachment_file_ref IS NULL) <> (attachment_content IS NULL))
        )
      )`);
    await q.query(`CREATE INDEX task_updates_task_idx ON task_updates (task_id, created_at DESC)`);
    await q.query(`CREATE INDEX task_updates_unit_idx ON task_updates (unit_id, created_at DESC)`);
    await q.query(`CREATE INDEX task_updates_created_idx ON task_updates (created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE task_updates`);
    await q.query(`DROP TABLE plan_task_coordinators`);
    await q.query(`DROP TABLE plan_tasks`);
    await q.query(`DROP TABLE plan_groups`);
    await q.query(`DROP TABLE plans`);
  }
}
