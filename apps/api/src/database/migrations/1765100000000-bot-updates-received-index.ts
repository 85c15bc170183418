import { MigrationInterface, QueryRunner } from 'typeorm';

/** Lets the hourly pruning of old bot_updates (BotUpdatesRetention) find them without a scan. */
export class BotUpdatesReceivedIndex1765100000000 implements MigrationInterface {
  name = 'BotUpdatesReceivedIndex1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX bot_updates_received_at ON bot_updates (received_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX bot_updates_received_at`);
  }
}
