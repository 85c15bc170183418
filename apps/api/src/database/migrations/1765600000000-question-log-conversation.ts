import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A logged question remembers the conversation it came from, so that the 👍/👎 given in that
 * conversation can be tied to the question whose answer it judged (the question log's feedback
 * filter). The indexes serve the dashboard's statistics: questions and feedback by time, and
 * the feedback of one conversation.
 */
export class QuestionLogConversation1765600000000 implements MigrationInterface {
  name = 'QuestionLogConversation1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE question_log ADD COLUMN conversation_id uuid REFERENCES conversations(id)`,
    );
    await q.query(
      `CREATE INDEX question_log_conversation_idx ON question_log (conversation_id, created_at) WHERE conversation_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX answer_feedback_conversation_idx ON answer_feedback (conversation_id, created_at)`,
    );
    await q.query(`CREATE INDEX answer_feedback_created_idx ON answer_feedback (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX answer_feedback_created_idx`);
    await q.query(`DROP INDEX answer_feedback_conversation_idx`);
    await q.query(`DROP INDEX question_log_conversation_idx`);
    await q.query(`ALTER TABLE question_log DROP COLUMN conversation_id`);
  }
}
