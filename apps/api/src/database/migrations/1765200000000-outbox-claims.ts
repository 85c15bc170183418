import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each claim of an outbox message gets its own `claim_id`, which the report must carry: a bot
 * instance whose lease ran out can no longer report over the instance that claimed the message
 * again. The index serves the claim's per-chat order check (open messages of one chat).
 */
export class OutboxClaims1765200000000 implements MigrationInterface {
  name = 'OutboxClaims1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox ADD COLUMN claim_id uuid`);
    await q.query(`DROP INDEX outbox_sending_chat_idx`);
    await q.query(
      `CREATE INDEX outbox_open_chat_idx ON outbox (channel, chat_id, created_at) WHERE status IN ('pending','sending')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX outbox_open_chat_idx`);
    await q.query(
      `CREATE INDEX outbox_sending_chat_idx ON outbox (channel, chat_id) WHERE status = 'sending'`,
    );
    await q.query(`ALTER TABLE outbox DROP COLUMN claim_id`);
  }
}
