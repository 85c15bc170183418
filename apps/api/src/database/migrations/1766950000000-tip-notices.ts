import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Police officers are told of confidential reports: outbox kind `tip_notice` (a notice to a
 * linked chat, without the report's content), and `tips.addition_notice_at`, when the police
 * were last told of an addition (cleared when an officer opens the report). A police reply's text
 * is sealed in the outbox (`outbox.sealed_replies`, TipCipher) and erased once delivered.
 */
export class TipNotices1766950000000 implements MigrationInterface {
  name = 'TipNotices1766950000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tips ADD COLUMN addition_notice_at timestamptz`);
    await q.query(`ALTER TABLE outbox ADD COLUMN sealed_replies bytea`);
    // Police replies queued before: their text is in the clear; sent ones lose it now.
    await q.query(
      `UPDATE outbox SET replies = '[]'::jsonb WHERE kind = 'tip_reply' AND status IN ('sent', 'failed')`,
    );
    // Every kind so far: `fetch_file` came with 1766900000000 (the photos of reports).
    await q.query(`ALTER TABLE outbox DROP CONSTRAINT outbox_kind_check`);
    await q.query(`
      ALTER TABLE outbox ADD CONSTRAINT outbox_kind_check
        CHECK (kind IN ('staff_reply','broadcast','reminder','correction','report_review','reply','tip_reply','fetch_file','tip_notice'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM outbox WHERE kind = 'tip_notice'`);
    // A sealed reply cannot be read without the column: it is dropped with its row.
    await q.query(`DELETE FROM outbox WHERE sealed_replies IS NOT NULL`);
    await q.query(`ALTER TABLE outbox DROP CONSTRAINT outbox_kind_check`);
    await q.query(`
      ALTER TABLE outbox ADD CONSTRAINT outbox_kind_check
        CHECK (kind IN ('staff_reply','broadcast','reminder','correction','report_review','reply','tip_reply','fetch_file'))`);
    await q.query(`ALTER TABLE outbox DROP COLUMN sealed_replies`);
    await q.query(`ALTER TABLE tips DROP COLUMN addition_notice_at`);
  }
}
