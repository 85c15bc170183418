import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 14, learning from use: a 👎 names the question it was given for (`question_log_id`), and
 * `knowledge_state.dispute_revision` tells every API instance that the set of answers people
 * disputed changed, as faq_revision does for FAQs.
 */
export class AnswerDisputes1767000000000 implements MigrationInterface {
  name = 'AnswerDisputes1767000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE answer_feedback ADD COLUMN question_log_id uuid REFERENCES question_log(id) ON DELETE SET NULL`,
    );
    await q.query(
      `ALTER TABLE knowledge_state ADD COLUMN dispute_revision bigint NOT NULL DEFAULT 0`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE knowledge_state DROP COLUMN dispute_revision`);
    await q.query(`ALTER TABLE answer_feedback DROP COLUMN question_log_id`);
  }
}
