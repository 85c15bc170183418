import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 14: each logged question keeps the chance the matcher gave that its best FAQ was right
 * (null for "no answer" and for questions logged before), so staff see in the question log how
 * sure the bot was.
 */
export class QuestionChance1767100000000 implements MigrationInterface {
  name = 'QuestionChance1767100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE question_log ADD COLUMN chance real`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE question_log DROP COLUMN chance`);
  }
}
