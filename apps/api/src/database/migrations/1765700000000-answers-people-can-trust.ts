import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 14: a fixed key for content the system itself shows (the emergency route, a published
 * warning staff edit), and the alternates people propose by picking one of the choices offered
 * for their question, waiting for an editor to accept them.
 */
export class AnswersPeopleCanTrust1765700000000 implements MigrationInterface {
  name = 'AnswersPeopleCanTrust1765700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE articles ADD COLUMN key varchar(64)`);
    await q.query(`CREATE UNIQUE INDEX articles_key_key ON articles (key) WHERE key IS NOT NULL`);
    await q.query(`
      CREATE TABLE alternate_proposals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        faq_id uuid NOT NULL REFERENCES faqs(id) ON DELETE CASCADE,
        text varchar(1000) NOT NULL,
        source varchar(16) NOT NULL CHECK (source IN ('choice')),
        question_log_id uuid,
        conversation_id uuid REFERENCES conversations(id) ON DELETE SET NULL,
        status varchar(16) NOT NULL DEFAULT 'proposed'
          CHECK (status IN ('proposed','accepted','rejected')),
        decided_by uuid REFERENCES users(id),
        decided_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX alternate_proposals_status_idx ON alternate_proposals (status, created_at)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE alternate_proposals`);
    await q.query(`DROP INDEX articles_key_key`);
    await q.query(`ALTER TABLE articles DROP COLUMN key`);
  }
}
