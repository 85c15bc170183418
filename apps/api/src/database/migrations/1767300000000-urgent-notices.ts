import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Those who work the inbox are told on their linked chat that a person who may be in danger is
 * waiting: outbox kind `urgent_notice` (never what the person wrote).
 */
export class UrgentNotices1767300000000 implements MigrationInterface {
  name = 'UrgentNotices1767300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox DROP CONSTRAINT outbox_kind_check`);
    await q.query(`
      ALTER TABLE outbox ADD CONSTRAINT outbox_kind_check
        CHECK (kind IN ('staff_reply','broadcast','reminder','correction','report_review','reply','tip_reply','fetch_file','tip_notice','urgent_notice'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM outbox WHERE kind = 'urgent_notice'`);
    await q.query(`ALTER TABLE outbox DROP CONSTRAINT outbox_kind_check`);
    await q.query(`
      ALTER TABLE outbox ADD CONSTRAINT outbox_kind_check
        CHECK (kind IN ('staff_reply','broadcast','reminder','correction','report_review','reply','tip_reply','fetch_file','tip_notice'))`);
  }
}
