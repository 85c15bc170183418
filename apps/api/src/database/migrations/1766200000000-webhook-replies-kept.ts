import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhook replies whose delivery the bot could not finish are kept here rather than in a bot's
 * memory, so that a restarted bot or another instance carries on:
 *
 * - `bot_updates.sent_parts`: how many platform messages of an update's replies went out before
 *   sending failed (POST /bot/updates/release); the update's next delivery, on any instance,
 *   sends only the rest.
 * - outbox kind `reply`: the replies of an update already answered 200 to its platform (Zalo
 *   never delivers it again), handed to the outbox (POST /bot/updates/redeliver).
 */
export class WebhookRepliesKept1766200000000 implements MigrationInterface {
  name = 'WebhookRepliesKept1766200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE bot_updates ADD COLUMN sent_parts integer NOT NULL DEFAULT 0 CHECK (sent_parts >= 0)`,
    );
    await q.query(`ALTER TABLE outbox DROP CONSTRAINT outbox_kind_check`);
    await q.query(`
      ALTER TABLE outbox ADD CONSTRAINT outbox_kind_check
        CHECK (kind IN ('staff_reply','broadcast','reminder','correction','report_review','reply'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM outbox WHERE kind = 'reply'`);
    await q.query(`ALTER TABLE outbox DROP CONSTRAINT outbox_kind_check`);
    await q.query(`
      ALTER TABLE outbox ADD CONSTRAINT outbox_kind_check
        CHECK (kind IN ('staff_reply','broadcast','reminder','correction','report_review'))`);
    await q.query(`ALTER TABLE bot_updates DROP COLUMN sent_parts`);
  }
}
