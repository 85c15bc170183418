import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 15: the support directory. A contact serves the units in `unit_ids` and every unit under
 * them (none: the whole country) and helps with the topics in `topic_ids` (none: any topic).
 */
export class SupportContacts1766100000000 implements MigrationInterface {
  name = 'SupportContacts1766100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE support_contacts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(200) NOT NULL,
        kind varchar(32) NOT NULL,
        topic_ids uuid[] NOT NULL DEFAULT '{}',
        unit_ids uuid[] NOT NULL DEFAULT '{}',
        phone varchar(32),
        address varchar(300),
        opening_hours varchar(200),
        notes varchar(500),
        review_due_on date,
        sample boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz
      )`);
    await q.query(
      `CREATE UNIQUE INDEX support_contacts_name_key ON support_contacts (lower(name)) WHERE deleted_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE support_contacts`);
  }
}
