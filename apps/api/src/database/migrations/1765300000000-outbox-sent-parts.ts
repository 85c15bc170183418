import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How many platform messages of an outbox message have gone out. A text longer than the
 * platform allows goes out in parts (Telegram: 4096 characters a message); when a delivery is
 * cut short after the first parts (a rate limit), the next delivery, on any bot instance or
 * after a restart, sends only the rest.
 */
export class OutboxSentParts1765300000000 implements MigrationInterface {
  name = 'OutboxSentParts1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE outbox ADD COLUMN sent_parts integer NOT NULL DEFAULT 0 CHECK (sent_parts >= 0)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox DROP COLUMN sent_parts`);
  }
}
