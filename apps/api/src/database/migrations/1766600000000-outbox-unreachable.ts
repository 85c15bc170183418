import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 12: a delivery the platform refused because of the person (blocked the bot, unfollowed,
 * gone) is marked, so a broadcast counts its unreachable recipients apart from other failures.
 */
export class OutboxUnreachable1766600000000 implements MigrationInterface {
  name = 'OutboxUnreachable1766600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox ADD COLUMN unreachable boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox DROP COLUMN unreachable`);
  }
}
